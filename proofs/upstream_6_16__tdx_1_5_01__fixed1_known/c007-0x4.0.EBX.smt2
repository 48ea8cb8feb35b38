; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  7 of 63: registers 0x4.0.EBX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EBX, 0x4.3.EBX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |native:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |silent:reg:4:0:EBX| () Bool)
(declare-fun |violate:fixed1_visible:7| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |assume:6| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x4.0.EBX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x4.0.EBX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |native:0x4.0.EBX| (_ bv4294963200 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let (($x7 (and $x6 $x4 $x2)))
(let (($x8 (=> |silent:reg:4:0:EBX| $x7)))
(let ((?x9 (bvand (_ bv4294963200 32) |request:0x4.0.EBX|)))
(let ((?x10 (bvor (_ bv63 32) ?x9)))
(let ((?x11 (bvnot ?x10)))
(let ((?x12 (bvand ?x10 (_ bv63 32))))
(let ((?x13 (bvand ?x12 ?x11)))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (not $x14)))
(let (($x16 (=> |violate:fixed1_visible:7| $x15)))
(let ((?x17 (bvand |request:0x4.0.EBX| (_ bv4095 32))))
(let (($x18 (= ?x17 (_ bv0 32))))
(let (($x19 (=> |assume:32| $x18)))
(let (($x20 (=> |assume:27| $x18)))
(let ((?x21 (bvand |native:0x4.0.EBX| (_ bv4032 32))))
(let (($x22 (= ?x21 (_ bv0 32))))
(let (($x23 (=> |assume:6| $x22)))
(let ((?x24 (bvand |native:0x4.0.EBX| (_ bv63 32))))
(let (($x25 (= ?x24 (_ bv63 32))))
(let (($x26 (=> |assume:6| $x25)))
(and $x26 $x23 $x20 $x19 $x16 $x8))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:6| |assume:27| |assume:32| |silent:reg:4:0:EBX|))
(exit)

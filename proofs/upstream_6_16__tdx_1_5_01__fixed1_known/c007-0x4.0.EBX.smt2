; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  7 of 63: registers 0x4.0.EBX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EBX, 0x4.3.EBX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |request:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:7| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |native:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |assume:6| () Bool)
(assert
 (let ((?x1 (bvand (_ bv4294963200 32) |request:0x4.0.EBX|)))
(let ((?x2 (bvor (_ bv63 32) ?x1)))
(let ((?x3 (bvnot ?x2)))
(let ((?x4 (bvand ?x2 (_ bv63 32))))
(let ((?x5 (bvand ?x4 ?x3)))
(let (($x6 (= ?x5 (_ bv0 32))))
(let (($x7 (not $x6)))
(let (($x8 (=> |violate:fixed1_visible:7| $x7)))
(let ((?x9 (bvand |request:0x4.0.EBX| (_ bv4095 32))))
(let (($x10 (= ?x9 (_ bv0 32))))
(let (($x11 (=> |assume:32| $x10)))
(let (($x12 (=> |assume:27| $x10)))
(let ((?x13 (bvand |native:0x4.0.EBX| (_ bv4032 32))))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (=> |assume:6| $x14)))
(let ((?x16 (bvand |native:0x4.0.EBX| (_ bv63 32))))
(let (($x17 (= ?x16 (_ bv63 32))))
(let (($x18 (=> |assume:6| $x17)))
(and $x18 $x15 $x12 $x11 $x8))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:6| |assume:27| |assume:32|))
(exit)

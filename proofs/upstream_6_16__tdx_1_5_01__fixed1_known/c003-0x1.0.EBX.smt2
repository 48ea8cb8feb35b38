; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  3 of 63: registers 0x1.0.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |native:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |silent:reg:1:0:EBX| () Bool)
(declare-fun |violate:fixed1_visible:3| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |assume:3| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x1.0.EBX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x1.0.EBX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |native:0x1.0.EBX| (_ bv4294902015 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let (($x7 (and $x6 $x4 $x2)))
(let (($x8 (=> |silent:reg:1:0:EBX| $x7)))
(let ((?x9 (bvand (_ bv4278190080 32) |dynamic:0x1.0.EBX|)))
(let ((?x10 (bvand (_ bv16711680 32) |request:0x1.0.EBX|)))
(let ((?x11 (bvor (_ bv2048 32) ?x10)))
(let ((?x12 (bvor ?x11 ?x9)))
(let ((?x13 (bvnot ?x12)))
(let ((?x14 (bvand ?x12 (_ bv2048 32))))
(let ((?x15 (bvand ?x14 ?x13)))
(let (($x16 (= ?x15 (_ bv0 32))))
(let (($x17 (not $x16)))
(let (($x18 (=> |violate:fixed1_visible:3| $x17)))
(let ((?x19 (bvand |request:0x1.0.EBX| (_ bv4278255615 32))))
(let (($x20 (= ?x19 (_ bv0 32))))
(let (($x21 (=> |assume:32| $x20)))
(let (($x22 (=> |assume:27| $x20)))
(let ((?x23 (bvand |native:0x1.0.EBX| (_ bv63232 32))))
(let (($x24 (= ?x23 (_ bv0 32))))
(let (($x25 (=> |assume:3| $x24)))
(let ((?x26 (bvand |native:0x1.0.EBX| (_ bv2048 32))))
(let (($x27 (= ?x26 (_ bv2048 32))))
(let (($x28 (=> |assume:3| $x27)))
(and $x28 $x25 $x22 $x21 $x18 $x8))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:3| |assume:27| |assume:32| |silent:reg:1:0:EBX|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  3 of 63: registers 0x1.0.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:3| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |native:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |assume:3| () Bool)
(assert
 (let ((?x1 (bvand (_ bv4278190080 32) |dynamic:0x1.0.EBX|)))
(let ((?x2 (bvand (_ bv16711680 32) |request:0x1.0.EBX|)))
(let ((?x3 (bvor (_ bv2048 32) ?x2)))
(let ((?x4 (bvor ?x3 ?x1)))
(let ((?x5 (bvnot ?x4)))
(let ((?x6 (bvand ?x4 (_ bv2048 32))))
(let ((?x7 (bvand ?x6 ?x5)))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (not $x8)))
(let (($x10 (=> |violate:fixed1_visible:3| $x9)))
(let ((?x11 (bvand |request:0x1.0.EBX| (_ bv4278255615 32))))
(let (($x12 (= ?x11 (_ bv0 32))))
(let (($x13 (=> |assume:32| $x12)))
(let (($x14 (=> |assume:27| $x12)))
(let ((?x15 (bvand |native:0x1.0.EBX| (_ bv63232 32))))
(let (($x16 (= ?x15 (_ bv0 32))))
(let (($x17 (=> |assume:3| $x16)))
(let ((?x18 (bvand |native:0x1.0.EBX| (_ bv2048 32))))
(let (($x19 (= ?x18 (_ bv2048 32))))
(let (($x20 (=> |assume:3| $x19)))
(and $x20 $x17 $x14 $x13 $x10))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:3| |assume:27| |assume:32|))
(exit)

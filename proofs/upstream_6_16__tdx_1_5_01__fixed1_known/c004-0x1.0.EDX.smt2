; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  4 of 63: registers 0x1.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:4| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |assume:5| () Bool)
(assert
 (let ((?x1 (bvand |request:0x1.0.EDX| |native:0x1.0.EDX|)))
(let ((?x2 (bvand (_ bv3091464192 32) ?x1)))
(let ((?x3 (bvor (_ bv128580607 32) ?x2)))
(let ((?x4 (bvnot ?x3)))
(let ((?x5 (bvand ?x3 (_ bv128580607 32))))
(let ((?x6 (bvand ?x5 ?x4)))
(let (($x7 (= ?x6 (_ bv0 32))))
(let (($x8 (not $x7)))
(let (($x9 (=> |violate:fixed1_visible:4| $x8)))
(let ((?x10 (bvand |request:0x1.0.EDX| (_ bv1203503103 32))))
(let (($x11 (= ?x10 (_ bv0 32))))
(let (($x12 (=> |assume:32| $x11)))
(let (($x13 (= |request:0x1.0.EDX| (_ bv0 32))))
(let (($x14 (=> |assume:27| $x13)))
(let ((?x15 (bvand |native:0x1.0.EDX| (_ bv128580095 32))))
(let (($x16 (= ?x15 (_ bv128580095 32))))
(let (($x17 (=> |assume:5| $x16)))
(and $x17 $x14 $x12 $x9)))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5| |assume:27| |assume:32|))
(exit)

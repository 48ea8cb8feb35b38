; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  4 of 93: registers 0x1.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:4| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:5| () Bool)
(assert
 (let ((?x1 (bvor (_ bv128580607 32) (bvand (_ bv3091464192 32) (bvand |request:0x1.0.EDX| |native:0x1.0.EDX|)))))
(let (($x2 (= (bvand (bvand ?x1 (_ bv128580607 32)) (bvnot ?x1)) (_ bv0 32))))
(let (($x3 (=> |violate:fixed1_visible:4| (not $x2))))
(let (($x4 (=> |assume:33| (= (bvand |request:0x1.0.EDX| (_ bv1203503103 32)) (_ bv0 32)))))
(let (($x5 (=> |assume:28| (= |request:0x1.0.EDX| (_ bv0 32)))))
(let (($x6 (=> |assume:5| (= (bvand |native:0x1.0.EDX| (_ bv128580095 32)) (_ bv128580095 32)))))
(and $x6 $x5 $x4 $x3))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5| |assume:28| |assume:33|))
(exit)

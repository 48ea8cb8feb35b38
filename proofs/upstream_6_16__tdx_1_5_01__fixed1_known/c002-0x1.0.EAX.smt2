; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  2 of 63: registers 0x1.0.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |request:0x1.0.EAX| () (_ BitVec 32))
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |request:0x1.0.EAX| (_ bv4026580992 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (=> |assume:32| $x2)))
(let (($x4 (=> |assume:27| $x2)))
(and $x4 $x3))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:32|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  62 of 63: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected unsat (vacuous)
(set-logic QF_BV)
(declare-fun |silent:const| () Bool)
(declare-fun |violate:td_has_no_unknown:62| () Bool)
(declare-fun |guarantee:reported_is_accepted| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(assert
 (let (($x1 (=> |silent:const| true)))
(let (($x2 (not false)))
(let (($x3 (=> |violate:td_has_no_unknown:62| $x2)))
(let (($x4 (=> |guarantee:reported_is_accepted| false)))
(let (($x5 (=> |guarantee:fixed1_known| false)))
(let (($x6 (=> |guarantee:configurable_known| false)))
(and $x6 $x5 $x4 $x3 $x1))))))))
; question 1: expected unsat
(check-sat-assuming (|guarantee:fixed1_known|))
(exit)

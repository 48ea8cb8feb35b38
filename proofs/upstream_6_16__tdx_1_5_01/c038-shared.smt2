; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  38 of 39: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun |guarantee:reported_is_accepted| () Bool)
(assert
 (=> |guarantee:reported_is_accepted| false))
; question 1: expected sat
(check-sat-assuming ())
(exit)

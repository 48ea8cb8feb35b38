; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  134 of 135: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun |silent:const| () Bool)
(declare-fun |guarantee:reported_is_accepted| () Bool)
(assert
 (let (($x1 (=> |silent:const| true)))
(let (($x2 (=> |guarantee:reported_is_accepted| false)))
(and $x2 $x1))))
; question 1: expected sat
(check-sat-assuming (|silent:const|))
(exit)

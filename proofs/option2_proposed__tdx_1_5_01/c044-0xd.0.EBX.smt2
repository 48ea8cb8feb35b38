; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  44 of 135: registers 0xd.0.EBX
; stands for 1 more component(s) with the same constraints up to renaming, not exported: registers 0xd.1.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun |request:0xd.0.EBX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let (($x1 (= |request:0xd.0.EBX| (_ bv0 32))))
(let (($x2 (=> |assume:29| $x1)))
(let (($x3 (=> |assume:28| $x1)))
(let (($x4 (=> |assume:27| $x1)))
(and $x4 $x3 $x2))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__promising_release (spec/checks.cpuid:75)
; design     option2_proposed
; module     promising_release
; component  213 of 215: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun module.attributes_fixed1 () (_ BitVec 64))
(declare-fun userspace.attributes () (_ BitVec 64))
(declare-fun |assume:5| () Bool)
(declare-fun module.attributes_fixed0 () (_ BitVec 64))
(assert
 (let ((?x1 (bvand userspace.attributes module.attributes_fixed1)))
(let (($x2 (= ?x1 module.attributes_fixed1)))
(let (($x3 (=> |assume:5| $x2)))
(let ((?x4 (bvnot module.attributes_fixed0)))
(let ((?x5 (bvand userspace.attributes ?x4)))
(let (($x6 (= ?x5 (_ bv0 64))))
(let (($x7 (=> |assume:5| $x6)))
(and $x7 $x3)))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5|))
(exit)

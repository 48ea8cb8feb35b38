; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__promising_release (spec/checks.cpuid:141)
; design     upstream_6_16
; module     promising_release
; component  83 of 84: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun module.xfam_fixed1 () (_ BitVec 64))
(declare-fun userspace.xfam () (_ BitVec 64))
(declare-fun |assume:7| () Bool)
(declare-fun module.xfam_fixed0 () (_ BitVec 64))
(declare-fun |assume:5| () Bool)
(assert
 (let (($x1 (= (bvand (bvor userspace.xfam module.xfam_fixed1) module.xfam_fixed1) module.xfam_fixed1)))
(let (($x2 (=> |assume:7| $x1)))
(let ((?x3 (bvnot module.xfam_fixed0)))
(let ((?x4 (bvor userspace.xfam module.xfam_fixed1)))
(let (($x5 (=> |assume:7| (= (bvand ?x4 ?x3) (_ bv0 64)))))
(let (($x6 (=> |assume:5| (= (bvand userspace.xfam ?x3) (_ bv0 64)))))
(and $x6 $x5 $x2))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5| |assume:7|))
(exit)

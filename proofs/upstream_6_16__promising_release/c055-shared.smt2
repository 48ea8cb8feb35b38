; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__promising_release (spec/checks.cpuid:141)
; design     upstream_6_16
; module     promising_release
; component  55 of 56: registers none (shared variables only)
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
 (let ((?x1 (bvor userspace.xfam module.xfam_fixed1)))
(let ((?x2 (bvand ?x1 module.xfam_fixed1)))
(let (($x3 (= ?x2 module.xfam_fixed1)))
(let (($x4 (=> |assume:7| $x3)))
(let ((?x5 (bvnot module.xfam_fixed0)))
(let ((?x6 (bvand ?x1 ?x5)))
(let (($x7 (= ?x6 (_ bv0 64))))
(let (($x8 (=> |assume:7| $x7)))
(let ((?x9 (bvand userspace.xfam ?x5)))
(let (($x10 (= ?x9 (_ bv0 64))))
(let (($x11 (=> |assume:5| $x10)))
(and $x11 $x8 $x4)))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5| |assume:7|))
(exit)

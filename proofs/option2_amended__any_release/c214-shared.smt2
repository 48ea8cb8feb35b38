; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__any_release (spec/checks.cpuid:86)
; design     option2_amended
; module     any_release
; component  214 of 215: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun userspace.xfam () (_ BitVec 64))
(declare-fun module.xfam_fixed1 () (_ BitVec 64))
(declare-fun module.xfam_fixed0 () (_ BitVec 64))
(declare-fun |silent:var:module.xfam_fixed1| () Bool)
(declare-fun |assume:4| () Bool)
(assert
 (let (($x1 (= userspace.xfam (_ bv0 64))))
(let (($x2 (= module.xfam_fixed1 (_ bv0 64))))
(let (($x3 (= module.xfam_fixed0 (_ bv0 64))))
(let (($x4 (and $x3 $x2 $x1)))
(let (($x5 (=> |silent:var:module.xfam_fixed1| $x4)))
(let ((?x6 (bvand userspace.xfam module.xfam_fixed1)))
(let (($x7 (= ?x6 module.xfam_fixed1)))
(let (($x8 (=> |assume:4| $x7)))
(let ((?x9 (bvnot module.xfam_fixed0)))
(let ((?x10 (bvand userspace.xfam ?x9)))
(let (($x11 (= ?x10 (_ bv0 64))))
(let (($x12 (=> |assume:4| $x11)))
(and $x12 $x8 $x5))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:4| |silent:var:module.xfam_fixed1|))
(exit)

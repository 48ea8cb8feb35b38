; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__promising_release (spec/checks.cpuid:141)
; design     upstream_6_16
; module     promising_release
; component  55 of 56: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun userspace.xfam () (_ BitVec 64))
(declare-fun module.xfam_fixed1 () (_ BitVec 64))
(declare-fun module.xfam_fixed0 () (_ BitVec 64))
(declare-fun |silent:var:module.xfam_fixed0| () Bool)
(declare-fun |assume:7| () Bool)
(declare-fun |assume:5| () Bool)
(assert
 (let (($x1 (= userspace.xfam (_ bv0 64))))
(let (($x2 (= module.xfam_fixed1 (_ bv0 64))))
(let (($x3 (= module.xfam_fixed0 (_ bv0 64))))
(let (($x4 (and $x3 $x2 $x1)))
(let (($x5 (=> |silent:var:module.xfam_fixed0| $x4)))
(let ((?x6 (bvor userspace.xfam module.xfam_fixed1)))
(let ((?x7 (bvand ?x6 module.xfam_fixed1)))
(let (($x8 (= ?x7 module.xfam_fixed1)))
(let (($x9 (=> |assume:7| $x8)))
(let ((?x10 (bvnot module.xfam_fixed0)))
(let ((?x11 (bvand ?x6 ?x10)))
(let (($x12 (= ?x11 (_ bv0 64))))
(let (($x13 (=> |assume:7| $x12)))
(let ((?x14 (bvand userspace.xfam ?x10)))
(let (($x15 (= ?x14 (_ bv0 64))))
(let (($x16 (=> |assume:5| $x15)))
(and $x16 $x13 $x9 $x5))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5| |assume:7| |silent:var:module.xfam_fixed0|))
(exit)

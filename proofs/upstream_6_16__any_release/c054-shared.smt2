; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__any_release (spec/checks.cpuid:119)
; design     upstream_6_16
; module     any_release
; component  54 of 56: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun module.attributes_fixed1 () (_ BitVec 64))
(declare-fun userspace.attributes () (_ BitVec 64))
(declare-fun |assume:8| () Bool)
(declare-fun module.attributes_fixed0 () (_ BitVec 64))
(declare-fun |assume:4| () Bool)
(assert
 (let ((?x1 (bvor userspace.attributes module.attributes_fixed1)))
(let ((?x2 (bvand ?x1 module.attributes_fixed1)))
(let (($x3 (= ?x2 module.attributes_fixed1)))
(let (($x4 (=> |assume:8| $x3)))
(let ((?x5 (bvnot module.attributes_fixed0)))
(let ((?x6 (bvand ?x1 ?x5)))
(let (($x7 (= ?x6 (_ bv0 64))))
(let (($x8 (=> |assume:8| $x7)))
(let ((?x9 (bvand (_ bv268435456 64) module.attributes_fixed0)))
(let ((?x10 (bvnot ?x9)))
(let ((?x11 (bvand userspace.attributes ?x10)))
(let (($x12 (= ?x11 (_ bv0 64))))
(let (($x13 (=> |assume:4| $x12)))
(and $x13 $x8 $x4)))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:4| |assume:8|))
(exit)

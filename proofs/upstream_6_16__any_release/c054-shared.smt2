; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__any_release (spec/checks.cpuid:119)
; design     upstream_6_16
; module     any_release
; component  54 of 56: registers none (shared variables only)
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun userspace.attributes () (_ BitVec 64))
(declare-fun module.attributes_fixed1 () (_ BitVec 64))
(declare-fun module.attributes_fixed0 () (_ BitVec 64))
(declare-fun |silent:var:module.attributes_fixed0| () Bool)
(declare-fun |assume:8| () Bool)
(declare-fun |assume:4| () Bool)
(assert
 (let (($x1 (= userspace.attributes (_ bv0 64))))
(let (($x2 (= module.attributes_fixed1 (_ bv0 64))))
(let (($x3 (= module.attributes_fixed0 (_ bv0 64))))
(let (($x4 (and $x3 $x2 $x1)))
(let (($x5 (=> |silent:var:module.attributes_fixed0| $x4)))
(let ((?x6 (bvor userspace.attributes module.attributes_fixed1)))
(let ((?x7 (bvand ?x6 module.attributes_fixed1)))
(let (($x8 (= ?x7 module.attributes_fixed1)))
(let (($x9 (=> |assume:8| $x8)))
(let ((?x10 (bvnot module.attributes_fixed0)))
(let ((?x11 (bvand ?x6 ?x10)))
(let (($x12 (= ?x11 (_ bv0 64))))
(let (($x13 (=> |assume:8| $x12)))
(let ((?x14 (bvand (_ bv268435456 64) module.attributes_fixed0)))
(let ((?x15 (bvnot ?x14)))
(let ((?x16 (bvand userspace.attributes ?x15)))
(let (($x17 (= ?x16 (_ bv0 64))))
(let (($x18 (=> |assume:4| $x17)))
(and $x18 $x13 $x9 $x5))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:4| |assume:8| |silent:var:module.attributes_fixed0|))
(exit)

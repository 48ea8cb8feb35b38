; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  55 of 247: registers 0xd.1.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0xd.1.EAX| () (_ BitVec 32))
(declare-fun |request:0xd.1.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:55| () Bool)
(declare-fun |violate:userspace_view_exact:55| () Bool)
(declare-fun |violate:fixed1_visible:55| () Bool)
(declare-fun |known:0xd.1.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:55| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:19| () Bool)
(assert
 (let ((?x1 (bvand (_ bv16 32) |native:0xd.1.EAX|)))
(let ((?x2 (bvor (_ bv15 32) ?x1)))
(let ((?x3 (bvnot ?x2)))
(let (($x4 (= (bvand |request:0xd.1.EAX| ?x3) (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:55| (not $x4))))
(let (($x6 (and (= (bvand (bvor |request:0xd.1.EAX| ?x2) ?x3) (_ bv0 32)) (= (bvand ?x2 (bvnot (bvor |request:0xd.1.EAX| ?x2))) (_ bv0 32)))))
(let (($x7 (=> |violate:userspace_view_exact:55| (not $x6))))
(let (($x8 (= (bvand (bvand ?x2 (_ bv15 32)) (bvnot (bvor |request:0xd.1.EAX| ?x2))) (_ bv0 32))))
(let (($x9 (=> |violate:fixed1_visible:55| (not $x8))))
(let (($x10 (=> |violate:td_has_no_unknown:55| (not (= (bvand ?x2 (bvnot |known:0xd.1.EAX|)) (_ bv0 32))))))
(let (($x11 (=> |guarantee:native_known| (= (bvand ?x1 (bvnot |known:0xd.1.EAX|)) (_ bv0 32)))))
(let (($x12 (=> |guarantee:fixed1_known| (= (bvand (_ bv15 32) (bvnot |known:0xd.1.EAX|)) (_ bv0 32)))))
(let (($x13 (= |request:0xd.1.EAX| (_ bv0 32))))
(let (($x14 (=> |assume:29| $x13)))
(let (($x15 (=> |assume:28| $x13)))
(let (($x16 (=> |assume:19| (= (bvand |native:0xd.1.EAX| (_ bv15 32)) (_ bv15 32)))))
(and $x16 $x15 $x14 $x12 $x11 $x10 $x9 $x7 $x5))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:19| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:19| |assume:28| |assume:29| |violate:td_has_no_unknown:55|))
; question 3: expected unsat
(check-sat-assuming (|assume:19| |assume:28| |assume:29| |violate:fixed1_visible:55|))
; question 4: expected unsat
(check-sat-assuming (|assume:19| |assume:28| |assume:29| |violate:userspace_view_exact:55|))
; question 5: expected unsat
(check-sat-assuming (|assume:19| |assume:28| |assume:29| |violate:no_silent_drop:55|))
(exit)

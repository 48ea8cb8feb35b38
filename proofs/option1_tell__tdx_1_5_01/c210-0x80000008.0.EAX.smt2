; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  210 of 247: registers 0x80000008.0.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x80000008.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x80000008.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:210| () Bool)
(declare-fun |violate:userspace_view_exact:210| () Bool)
(declare-fun |violate:fixed1_visible:210| () Bool)
(declare-fun |known:0x80000008.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:210| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand (_ bv65280 32) |native:0x80000008.0.EAX|)))
(let ((?x2 (bvor (_ bv52 32) ?x1)))
(let ((?x3 (bvnot ?x2)))
(let (($x4 (= (bvand |request:0x80000008.0.EAX| ?x3) (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:210| (not $x4))))
(let (($x6 (and (= (bvand (bvor |request:0x80000008.0.EAX| ?x2) ?x3) (_ bv0 32)) (= (bvand ?x2 (bvnot (bvor |request:0x80000008.0.EAX| ?x2))) (_ bv0 32)))))
(let (($x7 (=> |violate:userspace_view_exact:210| (not $x6))))
(let (($x8 (= (bvand (bvand ?x2 (_ bv52 32)) (bvnot (bvor |request:0x80000008.0.EAX| ?x2))) (_ bv0 32))))
(let (($x9 (=> |violate:fixed1_visible:210| (not $x8))))
(let (($x10 (=> |violate:td_has_no_unknown:210| (not (= (bvand ?x2 (bvnot |known:0x80000008.0.EAX|)) (_ bv0 32))))))
(let (($x11 (=> |guarantee:native_known| (= (bvand ?x1 (bvnot |known:0x80000008.0.EAX|)) (_ bv0 32)))))
(let (($x12 (=> |guarantee:fixed1_known| (= (bvand (_ bv52 32) (bvnot |known:0x80000008.0.EAX|)) (_ bv0 32)))))
(let (($x13 (= |request:0x80000008.0.EAX| (_ bv0 32))))
(let (($x14 (=> |assume:29| $x13)))
(let (($x15 (=> |assume:28| $x13)))
(let (($x16 (=> |assume:27| (= (bvand |native:0x80000008.0.EAX| (_ bv203 32)) (_ bv0 32)))))
(let (($x17 (=> |assume:27| (= (bvand |native:0x80000008.0.EAX| (_ bv52 32)) (_ bv52 32)))))
(and $x17 $x16 $x15 $x14 $x12 $x11 $x10 $x9 $x7 $x5)))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:210|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:fixed1_visible:210|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:210|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:210|))
(exit)

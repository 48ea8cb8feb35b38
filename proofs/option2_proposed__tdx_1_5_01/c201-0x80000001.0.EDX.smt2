; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  201 of 247: registers 0x80000001.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:201| () Bool)
(declare-fun |violate:userspace_view_exact:201| () Bool)
(declare-fun |violate:fixed1_visible:201| () Bool)
(declare-fun |known:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:201| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:30| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |assume:25| () Bool)
(assert
 (let ((?x1 (bvor (_ bv739246080 32) (bvand (_ bv2048 32) |dynamic:0x80000001.0.EDX|))))
(let ((?x2 (bvnot ?x1)))
(let (($x3 (= (bvand (bvand |request:0x80000001.0.EDX| (_ bv4294965247 32)) ?x2) (_ bv0 32))))
(let (($x4 (=> |violate:no_silent_drop:201| (not $x3))))
(let (($x5 (= (bvand (bvand ?x1 (_ bv4294965247 32)) (bvnot (bvand ?x1 (_ bv4294965247 32)))) (_ bv0 32))))
(let (($x6 (=> |violate:userspace_view_exact:201| (not (and $x5 $x5)))))
(let (($x7 (=> |violate:fixed1_visible:201| (not (= (bvand (bvand ?x1 (_ bv739246080 32)) ?x2) (_ bv0 32))))))
(let (($x8 (= (bvand (bvand ?x1 (_ bv4294965247 32)) (bvnot |known:0x80000001.0.EDX|)) (_ bv0 32))))
(let (($x9 (=> |violate:td_has_no_unknown:201| (not $x8))))
(let (($x10 (=> |guarantee:fixed1_known| (= (bvand (_ bv739246080 32) (bvnot |known:0x80000001.0.EDX|)) (_ bv0 32)))))
(let (($x11 (= |request:0x80000001.0.EDX| (_ bv0 32))))
(let (($x12 (=> |assume:30| $x11)))
(let (($x13 (=> |assume:29| $x11)))
(let (($x14 (=> |assume:28| $x11)))
(let (($x15 (=> |assume:25| (= (bvand |native:0x80000001.0.EDX| (_ bv739246080 32)) (_ bv739246080 32)))))
(and $x15 $x14 $x13 $x12 $x10 $x9 $x7 $x6 $x4)))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:25| |assume:28| |assume:29| |assume:30|))
; question 2: expected sat
(check-sat-assuming (|assume:25| |assume:28| |assume:29| |assume:30| |violate:td_has_no_unknown:201|))
; question 3: expected unsat
(check-sat-assuming (|assume:25| |assume:28| |assume:29| |assume:30| |violate:fixed1_visible:201|))
; question 4: expected unsat
(check-sat-assuming (|assume:25| |assume:28| |assume:29| |assume:30| |violate:userspace_view_exact:201|))
; question 5: expected unsat
(check-sat-assuming (|assume:25| |assume:28| |assume:29| |assume:30| |violate:no_silent_drop:201|))
(exit)

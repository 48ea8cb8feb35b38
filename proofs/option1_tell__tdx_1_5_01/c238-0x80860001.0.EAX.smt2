; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  238 of 247: registers 0x80860001.0.EAX
; stands for 7 more component(s) with the same constraints up to renaming, not exported: registers 0x80860001.0.EBX, 0x80860001.0.ECX, 0x80860001.0.EDX, 0xc0000001.0.EAX, 0xc0000001.0.EBX, 0xc0000001.0.ECX, 0xc0000001.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: kvm_view_consistent: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x80860001.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:238| () Bool)
(declare-fun |violate:kvm_view_consistent:238| () Bool)
(declare-fun |violate:userspace_view_exact:238| () Bool)
(declare-fun |known:0x80860001.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:238| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= (bvand |request:0x80860001.0.EAX| (bvnot |request:0x80860001.0.EAX|)) (_ bv0 32))))
(let (($x2 (=> |violate:no_silent_drop:238| (not $x1))))
(let (($x3 (= (bvxor |request:0x80860001.0.EAX| |request:0x80860001.0.EAX|) (_ bv0 32))))
(let (($x4 (=> |violate:kvm_view_consistent:238| (not $x3))))
(let (($x5 (=> |violate:userspace_view_exact:238| (not (and $x1 $x1)))))
(let (($x6 (= (bvand |request:0x80860001.0.EAX| (bvnot |known:0x80860001.0.EAX|)) (_ bv0 32))))
(let (($x7 (=> |violate:td_has_no_unknown:238| (not $x6))))
(let (($x8 (= |request:0x80860001.0.EAX| (_ bv0 32))))
(let (($x9 (=> |assume:29| $x8)))
(let (($x10 (=> |assume:28| $x8)))
(and $x10 $x9 $x7 $x5 $x4 $x2))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29|))
; question 2: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:td_has_no_unknown:238|))
; question 3: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:userspace_view_exact:238|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:kvm_view_consistent:238|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:no_silent_drop:238|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  79 of 247: registers 0xf.0.EAX
; stands for 55 more component(s) with the same constraints up to renaming, not exported: registers 0xf.0.EBX, 0xf.0.ECX, 0xf.0.EDX, 0xf.1.EAX, 0xf.1.EBX, 0xf.1.ECX, 0xf.1.EDX, 0x10.0.EAX, 0x10.0.EBX, 0x10.0.ECX, 0x10.0.EDX, 0x10.1.EAX, 0x10.1.EBX, 0x10.1.ECX, 0x10.1.EDX, 0x10.2.EAX, 0x10.2.EBX, 0x10.2.ECX, 0x10.2.EDX, 0x10.3.EAX, 0x10.3.EBX, 0x10.3.ECX, 0x10.3.EDX, 0x24.0.EAX, 0x24.0.EBX, 0x24.0.ECX, 0x24.0.EDX, 0x24.1.EAX, 0x24.1.EBX, 0x24.1.ECX, 0x24.1.EDX, 0x8000000a.0.EAX, 0x8000000a.0.EBX, 0x8000000a.0.ECX, 0x8000000a.0.EDX, 0x8000001f.0.EAX, 0x8000001f.0.EBX, 0x8000001f.0.ECX, 0x8000001f.0.EDX, 0x80000020.0.EAX, 0x80000020.0.EBX, 0x80000020.0.ECX, 0x80000020.0.EDX, 0x80000021.0.EAX, 0x80000021.0.EBX, 0x80000021.0.ECX, 0x80000021.0.EDX, 0x80000022.0.EAX, 0x80000022.0.EBX, 0x80000022.0.ECX, 0x80000022.0.EDX, 0x80000026.0.EAX, 0x80000026.0.EBX, 0x80000026.0.ECX, 0x80000026.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: kvm_view_consistent: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0xf.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:79| () Bool)
(declare-fun |violate:kvm_view_consistent:79| () Bool)
(declare-fun |violate:userspace_view_exact:79| () Bool)
(declare-fun |known:0xf.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:79| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (=> |violate:no_silent_drop:79| (not (= (bvand |request:0xf.0.EAX| (bvnot |request:0xf.0.EAX|)) (_ bv0 32))))))
(let (($x2 (=> |violate:kvm_view_consistent:79| (not (= (bvxor |request:0xf.0.EAX| |request:0xf.0.EAX|) (_ bv0 32))))))
(let (($x3 (= (bvand |request:0xf.0.EAX| (bvnot |request:0xf.0.EAX|)) (_ bv0 32))))
(let (($x4 (=> |violate:userspace_view_exact:79| (not (and $x3 $x3)))))
(let (($x5 (=> |violate:td_has_no_unknown:79| (not (= (bvand |request:0xf.0.EAX| (bvnot |known:0xf.0.EAX|)) (_ bv0 32))))))
(let (($x6 (= |request:0xf.0.EAX| (_ bv0 32))))
(let (($x7 (=> |assume:29| $x6)))
(let (($x8 (=> |assume:28| $x6)))
(and $x8 $x7 $x5 $x4 $x2 $x1))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29|))
; question 2: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:td_has_no_unknown:79|))
; question 3: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:userspace_view_exact:79|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:kvm_view_consistent:79|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:no_silent_drop:79|))
(exit)

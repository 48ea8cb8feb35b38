; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  9 of 55: leaves 0x6.0
; stands for 7 more component(s) with the same constraints up to renaming, not exported: leaves 0x1f.0, 0x1f.1, 0x1f.2, 0x1f.3, 0x1f.4, 0x1f.5, 0x80000006.0
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: kvm_view_consistent: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x6.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x6.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x6.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:9| () Bool)
(declare-fun |violate:kvm_view_consistent:9| () Bool)
(declare-fun |violate:userspace_view_exact:9| () Bool)
(declare-fun |known:0x6.0.EDX| () (_ BitVec 32))
(declare-fun |known:0x6.0.ECX| () (_ BitVec 32))
(declare-fun |known:0x6.0.EBX| () (_ BitVec 32))
(declare-fun |known:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:9| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= (bvand |request:0x6.0.EDX| (bvnot |request:0x6.0.EDX|)) (_ bv0 32))))
(let (($x2 (= (bvand |request:0x6.0.ECX| (bvnot |request:0x6.0.ECX|)) (_ bv0 32))))
(let (($x3 (= (bvand |request:0x6.0.EBX| (bvnot |request:0x6.0.EBX|)) (_ bv0 32))))
(let (($x4 (= (bvand |request:0x6.0.EAX| (bvnot |request:0x6.0.EAX|)) (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:9| (not (and $x4 $x3 $x2 $x1)))))
(let (($x6 (= (bvxor |request:0x6.0.EDX| |request:0x6.0.EDX|) (_ bv0 32))))
(let (($x7 (= (bvxor |request:0x6.0.ECX| |request:0x6.0.ECX|) (_ bv0 32))))
(let (($x8 (= (bvxor |request:0x6.0.EBX| |request:0x6.0.EBX|) (_ bv0 32))))
(let (($x9 (= (bvxor |request:0x6.0.EAX| |request:0x6.0.EAX|) (_ bv0 32))))
(let (($x10 (=> |violate:kvm_view_consistent:9| (not (and $x9 $x8 $x7 $x6)))))
(let (($x11 (=> |violate:userspace_view_exact:9| (not (and $x4 $x3 $x2 $x1 $x4 $x3 $x2 $x1)))))
(let (($x12 (= (bvand |request:0x6.0.EDX| (bvnot |known:0x6.0.EDX|)) (_ bv0 32))))
(let (($x13 (= (bvand |request:0x6.0.ECX| (bvnot |known:0x6.0.ECX|)) (_ bv0 32))))
(let (($x14 (= (bvand |request:0x6.0.EBX| (bvnot |known:0x6.0.EBX|)) (_ bv0 32))))
(let (($x15 (= (bvand |request:0x6.0.EAX| (bvnot |known:0x6.0.EAX|)) (_ bv0 32))))
(let (($x16 (=> |violate:td_has_no_unknown:9| (not (and $x15 $x14 $x13 $x12)))))
(let (($x17 (= |request:0x6.0.EDX| (_ bv0 32))))
(let (($x18 (=> |assume:29| $x17)))
(let (($x19 (= |request:0x6.0.ECX| (_ bv0 32))))
(let (($x20 (=> |assume:29| $x19)))
(let (($x21 (= |request:0x6.0.EBX| (_ bv0 32))))
(let (($x22 (=> |assume:29| $x21)))
(let (($x23 (= |request:0x6.0.EAX| (_ bv0 32))))
(let (($x24 (=> |assume:29| $x23)))
(let (($x25 (=> |assume:28| $x17)))
(let (($x26 (=> |assume:28| $x19)))
(let (($x27 (=> |assume:28| $x21)))
(let (($x28 (=> |assume:28| $x23)))
(and $x28 $x27 $x26 $x25 $x24 $x22 $x20 $x18 $x16 $x11 $x10 $x5))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29|))
; question 2: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:td_has_no_unknown:9|))
; question 3: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:userspace_view_exact:9|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:kvm_view_consistent:9|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:no_silent_drop:9|))
(exit)

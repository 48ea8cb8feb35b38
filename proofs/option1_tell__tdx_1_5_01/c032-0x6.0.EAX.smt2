; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  32 of 135: registers 0x6.0.EAX
; stands for 23 more component(s) with the same constraints up to renaming, not exported: registers 0x6.0.EBX, 0x6.0.ECX, 0x6.0.EDX, 0xf.0.EAX, 0xf.0.EBX, 0xf.0.ECX, 0xf.0.EDX, 0xf.1.EAX, 0xf.1.EBX, 0xf.1.ECX, 0xf.1.EDX, 0x1f.0.EAX, 0x1f.0.EBX, 0x1f.0.ECX, 0x1f.0.EDX, 0x80860001.0.EAX, 0x80860001.0.EBX, 0x80860001.0.ECX, 0x80860001.0.EDX, 0xc0000001.0.EAX, 0xc0000001.0.EBX, 0xc0000001.0.ECX, 0xc0000001.0.EDX
; stands for 18 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x10.0.EAX, 0x10.0.EBX, 0x10.0.ECX, 0x10.0.EDX, 0x10.1.EAX, 0x10.1.EBX, 0x10.1.ECX, 0x10.1.EDX, 0x10.2.EAX, 0x10.2.EBX, 0x10.2.ECX, 0x10.2.EDX, 0x10.3.EAX, 0x10.3.EBX, 0x10.3.ECX, 0x10.3.EDX, 0x1f.1.EAX, 0x1f.1.EBX, 0x1f.1.ECX, 0x1f.1.EDX, 0x1f.2.EAX, 0x1f.2.EBX, 0x1f.2.ECX, 0x1f.2.EDX, 0x1f.3.EAX, 0x1f.3.EBX, 0x1f.3.ECX, 0x1f.3.EDX, 0x1f.4.EAX, 0x1f.4.EBX, 0x1f.4.ECX, 0x1f.4.EDX, 0x1f.5.EAX, 0x1f.5.EBX, 0x1f.5.ECX, 0x1f.5.EDX, 0x24.0.EAX, 0x24.0.EBX, 0x24.0.ECX, 0x24.0.EDX, 0x24.1.EAX, 0x24.1.EBX, 0x24.1.ECX, 0x24.1.EDX, 0x80000006.0.EAX, 0x80000006.0.EBX, 0x80000006.0.ECX, 0x80000006.0.EDX, 0x8000000a.0.EAX, 0x8000000a.0.EBX, 0x8000000a.0.ECX, 0x8000000a.0.EDX, 0x8000001f.0.EAX, 0x8000001f.0.EBX, 0x8000001f.0.ECX, 0x8000001f.0.EDX, 0x80000020.0.EAX, 0x80000020.0.EBX, 0x80000020.0.ECX, 0x80000020.0.EDX, 0x80000021.0.EAX, 0x80000021.0.EBX, 0x80000021.0.ECX, 0x80000021.0.EDX, 0x80000022.0.EAX, 0x80000022.0.EBX, 0x80000022.0.ECX, 0x80000022.0.EDX, 0x80000026.0.EAX, 0x80000026.0.EBX, 0x80000026.0.ECX, 0x80000026.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: kvm_view_consistent: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |known:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |native:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |silent:reg:6:0:EAX| () Bool)
(declare-fun |violate:no_silent_drop:32| () Bool)
(declare-fun |violate:kvm_view_consistent:32| () Bool)
(declare-fun |violate:userspace_view_exact:32| () Bool)
(declare-fun |violate:td_has_no_unknown:32| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x6.0.EAX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x6.0.EAX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x6.0.EAX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x6.0.EAX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:6:0:EAX| $x9)))
(let ((?x11 (bvnot |request:0x6.0.EAX|)))
(let ((?x12 (bvand |request:0x6.0.EAX| ?x11)))
(let (($x13 (= ?x12 (_ bv0 32))))
(let (($x14 (not $x13)))
(let (($x15 (=> |violate:no_silent_drop:32| $x14)))
(let ((?x16 (bvxor |request:0x6.0.EAX| |request:0x6.0.EAX|)))
(let (($x17 (= ?x16 (_ bv0 32))))
(let (($x18 (not $x17)))
(let (($x19 (=> |violate:kvm_view_consistent:32| $x18)))
(let (($x20 (and $x13 $x13)))
(let (($x21 (not $x20)))
(let (($x22 (=> |violate:userspace_view_exact:32| $x21)))
(let ((?x23 (bvnot |known:0x6.0.EAX|)))
(let ((?x24 (bvand |request:0x6.0.EAX| ?x23)))
(let (($x25 (= ?x24 (_ bv0 32))))
(let (($x26 (not $x25)))
(let (($x27 (=> |violate:td_has_no_unknown:32| $x26)))
(let (($x28 (= |request:0x6.0.EAX| (_ bv0 32))))
(let (($x29 (=> |assume:28| $x28)))
(let (($x30 (=> |assume:27| $x28)))
(and $x30 $x29 $x27 $x22 $x19 $x15 $x10))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |silent:reg:6:0:EAX|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:32|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:32|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:kvm_view_consistent:32|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:32|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  123 of 135: registers 0x80000008.0.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x80000008.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x80000008.0.EBX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:123| () Bool)
(declare-fun |violate:userspace_view_exact:123| () Bool)
(declare-fun |known:0x80000008.0.EBX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:123| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:123| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |request:0x80000008.0.EBX| |native:0x80000008.0.EBX|)))
(let ((?x2 (bvand (_ bv512 32) ?x1)))
(let ((?x3 (bvnot ?x2)))
(let ((?x4 (bvand |request:0x80000008.0.EBX| ?x3)))
(let (($x5 (= ?x4 (_ bv0 32))))
(let (($x6 (not $x5)))
(let (($x7 (=> |violate:no_silent_drop:123| $x6)))
(let ((?x8 (bvand ?x2 ?x3)))
(let (($x9 (= ?x8 (_ bv0 32))))
(let (($x10 (and $x9 $x9)))
(let (($x11 (not $x10)))
(let (($x12 (=> |violate:userspace_view_exact:123| $x11)))
(let ((?x13 (bvnot |known:0x80000008.0.EBX|)))
(let ((?x14 (bvand ?x2 ?x13)))
(let (($x15 (= ?x14 (_ bv0 32))))
(let (($x16 (not $x15)))
(let (($x17 (=> |violate:td_has_no_unknown:123| $x16)))
(let ((?x18 (bvand ?x2 (_ bv512 32))))
(let ((?x19 (bvand ?x18 ?x13)))
(let (($x20 (= ?x19 (_ bv0 32))))
(let (($x21 (not $x20)))
(let (($x22 (=> |violate:kvm_never_enables_unknown:123| $x21)))
(let ((?x23 (bvand (_ bv512 32) ?x13)))
(let (($x24 (= ?x23 (_ bv0 32))))
(let (($x25 (=> |guarantee:configurable_known| $x24)))
(let ((?x26 (bvand |request:0x80000008.0.EBX| (_ bv4294966783 32))))
(let (($x27 (= ?x26 (_ bv0 32))))
(let (($x28 (=> |assume:29| $x27)))
(let (($x29 (= |request:0x80000008.0.EBX| (_ bv0 32))))
(let (($x30 (=> |assume:28| $x29)))
(let (($x31 (=> |assume:27| $x29)))
(and $x31 $x30 $x28 $x25 $x22 $x17 $x12 $x7)))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:kvm_never_enables_unknown:123|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:123|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:123|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:123|))
(exit)

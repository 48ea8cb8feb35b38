; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  123 of 135: registers 0x80000008.0.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
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
(let ((?x8 (bvnot |request:0x80000008.0.EBX|)))
(let ((?x9 (bvand ?x2 ?x8)))
(let (($x10 (= ?x9 (_ bv0 32))))
(let (($x11 (and $x5 $x10)))
(let (($x12 (not $x11)))
(let (($x13 (=> |violate:userspace_view_exact:123| $x12)))
(let ((?x14 (bvnot |known:0x80000008.0.EBX|)))
(let ((?x15 (bvand ?x2 ?x14)))
(let (($x16 (= ?x15 (_ bv0 32))))
(let (($x17 (not $x16)))
(let (($x18 (=> |violate:td_has_no_unknown:123| $x17)))
(let ((?x19 (bvand ?x2 (_ bv512 32))))
(let ((?x20 (bvand ?x19 ?x14)))
(let (($x21 (= ?x20 (_ bv0 32))))
(let (($x22 (not $x21)))
(let (($x23 (=> |violate:kvm_never_enables_unknown:123| $x22)))
(let ((?x24 (bvand (_ bv512 32) ?x14)))
(let (($x25 (= ?x24 (_ bv0 32))))
(let (($x26 (=> |guarantee:configurable_known| $x25)))
(let ((?x27 (bvand |request:0x80000008.0.EBX| (_ bv4294966783 32))))
(let (($x28 (= ?x27 (_ bv0 32))))
(let (($x29 (=> |assume:28| $x28)))
(let (($x30 (= |request:0x80000008.0.EBX| (_ bv0 32))))
(let (($x31 (=> |assume:27| $x30)))
(and $x31 $x29 $x26 $x23 $x18 $x13 $x7)))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:kvm_never_enables_unknown:123|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:123|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:123|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:123|))
(exit)

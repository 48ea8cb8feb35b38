; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  31 of 135: registers 0x5.0.EDX
; stands for 12 more component(s) with the same constraints up to renaming, not exported: registers 0xd.0.ECX, 0x15.0.EBX, 0x1e.0.EAX, 0x1e.0.EBX, 0x1e.0.ECX, 0x1e.0.EDX, 0x1e.1.EAX, 0x1e.1.EBX, 0x1e.1.ECX, 0x1e.1.EDX, 0x23.0.EBX, 0x23.3.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |known:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |native:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |silent:reg:5:0:EDX| () Bool)
(declare-fun |violate:no_silent_drop:31| () Bool)
(declare-fun |violate:userspace_view_exact:31| () Bool)
(declare-fun |violate:td_has_no_unknown:31| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x5.0.EDX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x5.0.EDX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x5.0.EDX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x5.0.EDX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:5:0:EDX| $x9)))
(let ((?x11 (bvnot |native:0x5.0.EDX|)))
(let ((?x12 (bvand |request:0x5.0.EDX| ?x11)))
(let (($x13 (= ?x12 (_ bv0 32))))
(let (($x14 (not $x13)))
(let (($x15 (=> |violate:no_silent_drop:31| $x14)))
(let ((?x16 (bvand |native:0x5.0.EDX| ?x11)))
(let (($x17 (= ?x16 (_ bv0 32))))
(let (($x18 (and $x17 $x17)))
(let (($x19 (not $x18)))
(let (($x20 (=> |violate:userspace_view_exact:31| $x19)))
(let ((?x21 (bvnot |known:0x5.0.EDX|)))
(let ((?x22 (bvand |native:0x5.0.EDX| ?x21)))
(let (($x23 (= ?x22 (_ bv0 32))))
(let (($x24 (not $x23)))
(let (($x25 (=> |violate:td_has_no_unknown:31| $x24)))
(let (($x26 (=> |guarantee:native_known| $x23)))
(let (($x27 (= |request:0x5.0.EDX| (_ bv0 32))))
(let (($x28 (=> |assume:29| $x27)))
(let (($x29 (=> |assume:28| $x27)))
(let (($x30 (=> |assume:27| $x27)))
(and $x30 $x29 $x28 $x26 $x25 $x20 $x15 $x10))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |silent:reg:5:0:EDX|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:31|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:31|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:31|))
(exit)

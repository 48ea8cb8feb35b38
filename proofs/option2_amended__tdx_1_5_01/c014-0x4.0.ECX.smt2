; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  14 of 135: registers 0x4.0.ECX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.ECX, 0x4.3.ECX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.ECX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected unsat (proved)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |known:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |native:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |silent:reg:4:0:ECX| () Bool)
(declare-fun |violate:no_silent_drop:14| () Bool)
(declare-fun |violate:userspace_view_exact:14| () Bool)
(declare-fun |violate:td_has_no_unknown:14| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:14| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:4:0:ECX| $x9)))
(let ((?x11 (bvnot |request:0x4.0.ECX|)))
(let ((?x12 (bvand |request:0x4.0.ECX| ?x11)))
(let (($x13 (= ?x12 (_ bv0 32))))
(let (($x14 (not $x13)))
(let (($x15 (=> |violate:no_silent_drop:14| $x14)))
(let (($x16 (and $x13 $x13)))
(let (($x17 (not $x16)))
(let (($x18 (=> |violate:userspace_view_exact:14| $x17)))
(let ((?x19 (bvnot |known:0x4.0.ECX|)))
(let ((?x20 (bvand |request:0x4.0.ECX| ?x19)))
(let (($x21 (= ?x20 (_ bv0 32))))
(let (($x22 (not $x21)))
(let (($x23 (=> |violate:td_has_no_unknown:14| $x22)))
(let (($x24 (=> |violate:kvm_never_enables_unknown:14| $x22)))
(let (($x25 (= ?x19 (_ bv0 32))))
(let (($x26 (=> |guarantee:configurable_known| $x25)))
(let (($x27 (=> |assume:28| $x21)))
(let (($x28 (=> |assume:27| $x21)))
(and $x28 $x27 $x26 $x24 $x23 $x18 $x15 $x10))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |silent:reg:4:0:ECX|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:kvm_never_enables_unknown:14|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:14|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:14|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:14|))
(exit)

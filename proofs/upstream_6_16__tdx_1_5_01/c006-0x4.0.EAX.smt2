; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  6 of 39: registers 0x4.0.EAX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EAX, 0x4.3.EAX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |known:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |native:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |silent:reg:4:0:EAX| () Bool)
(declare-fun |violate:no_silent_drop:6| () Bool)
(declare-fun |violate:userspace_view_exact:6| () Bool)
(declare-fun |violate:td_has_no_unknown:6| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:6| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:4:0:EAX| $x9)))
(let ((?x11 (bvand (_ bv4294951935 32) |request:0x4.0.EAX|)))
(let ((?x12 (bvnot ?x11)))
(let ((?x13 (bvand |request:0x4.0.EAX| ?x12)))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (not $x14)))
(let (($x16 (=> |violate:no_silent_drop:6| $x15)))
(let ((?x17 (bvand ?x11 ?x12)))
(let (($x18 (= ?x17 (_ bv0 32))))
(let (($x19 (and $x18 $x18)))
(let (($x20 (not $x19)))
(let (($x21 (=> |violate:userspace_view_exact:6| $x20)))
(let ((?x22 (bvnot |known:0x4.0.EAX|)))
(let ((?x23 (bvand ?x11 ?x22)))
(let (($x24 (= ?x23 (_ bv0 32))))
(let (($x25 (not $x24)))
(let (($x26 (=> |violate:td_has_no_unknown:6| $x25)))
(let ((?x27 (bvand ?x11 (_ bv4294951935 32))))
(let ((?x28 (bvand ?x27 ?x22)))
(let (($x29 (= ?x28 (_ bv0 32))))
(let (($x30 (not $x29)))
(let (($x31 (=> |violate:kvm_never_enables_unknown:6| $x30)))
(let ((?x32 (bvand (_ bv4294951935 32) ?x22)))
(let (($x33 (= ?x32 (_ bv0 32))))
(let (($x34 (=> |guarantee:configurable_known| $x33)))
(let ((?x35 (bvand |request:0x4.0.EAX| (_ bv15360 32))))
(let (($x36 (= ?x35 (_ bv0 32))))
(let (($x37 (=> |assume:32| $x36)))
(let (($x38 (=> |assume:27| $x36)))
(and $x38 $x37 $x34 $x31 $x26 $x21 $x16 $x10))))))))))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:32| |silent:reg:4:0:EAX|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:32| |violate:kvm_never_enables_unknown:6|))
; question 3: expected sat
(check-sat-assuming (|assume:27| |assume:32| |violate:td_has_no_unknown:6|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:32| |violate:userspace_view_exact:6|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:32| |violate:no_silent_drop:6|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  78 of 135: registers 0x15.0.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x15.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x15.0.EAX| () (_ BitVec 32))
(declare-fun |known:0x15.0.EAX| () (_ BitVec 32))
(declare-fun |native:0x15.0.EAX| () (_ BitVec 32))
(declare-fun |silent:reg:21:0:EAX| () Bool)
(declare-fun |violate:no_silent_drop:78| () Bool)
(declare-fun |violate:userspace_view_exact:78| () Bool)
(declare-fun |violate:fixed1_visible:78| () Bool)
(declare-fun |violate:td_has_no_unknown:78| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x15.0.EAX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x15.0.EAX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x15.0.EAX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x15.0.EAX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:21:0:EAX| $x9)))
(let ((?x11 (bvand |request:0x15.0.EAX| (_ bv4294967294 32))))
(let (($x12 (= ?x11 (_ bv0 32))))
(let (($x13 (not $x12)))
(let (($x14 (=> |violate:no_silent_drop:78| $x13)))
(let ((?x15 (bvor |request:0x15.0.EAX| (_ bv1 32))))
(let ((?x16 (bvnot ?x15)))
(let ((?x17 (bvand (_ bv1 32) ?x16)))
(let (($x18 (= ?x17 (_ bv0 32))))
(let ((?x19 (bvand ?x15 (_ bv4294967294 32))))
(let (($x20 (= ?x19 (_ bv0 32))))
(let (($x21 (and $x20 $x18)))
(let (($x22 (not $x21)))
(let (($x23 (=> |violate:userspace_view_exact:78| $x22)))
(let (($x24 (not $x18)))
(let (($x25 (=> |violate:fixed1_visible:78| $x24)))
(let ((?x26 (bvnot |known:0x15.0.EAX|)))
(let ((?x27 (bvand (_ bv1 32) ?x26)))
(let (($x28 (= ?x27 (_ bv0 32))))
(let (($x29 (not $x28)))
(let (($x30 (=> |violate:td_has_no_unknown:78| $x29)))
(let (($x31 (=> |guarantee:fixed1_known| $x28)))
(let (($x32 (= |request:0x15.0.EAX| (_ bv0 32))))
(let (($x33 (=> |assume:28| $x32)))
(let (($x34 (=> |assume:27| $x32)))
(and $x34 $x33 $x31 $x30 $x25 $x23 $x14 $x10))))))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |silent:reg:21:0:EAX|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:78|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:fixed1_visible:78|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:78|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:78|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  30 of 135: registers 0x5.0.ECX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |known:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |native:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |silent:reg:5:0:ECX| () Bool)
(declare-fun |violate:no_silent_drop:30| () Bool)
(declare-fun |violate:userspace_view_exact:30| () Bool)
(declare-fun |violate:td_has_no_unknown:30| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x5.0.ECX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x5.0.ECX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x5.0.ECX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x5.0.ECX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:5:0:ECX| $x9)))
(let ((?x11 (bvand (_ bv3 32) |native:0x5.0.ECX|)))
(let ((?x12 (bvnot ?x11)))
(let ((?x13 (bvand |request:0x5.0.ECX| ?x12)))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (not $x14)))
(let (($x16 (=> |violate:no_silent_drop:30| $x15)))
(let ((?x17 (bvand ?x11 ?x12)))
(let (($x18 (= ?x17 (_ bv0 32))))
(let (($x19 (and $x18 $x18)))
(let (($x20 (not $x19)))
(let (($x21 (=> |violate:userspace_view_exact:30| $x20)))
(let ((?x22 (bvnot |known:0x5.0.ECX|)))
(let ((?x23 (bvand ?x11 ?x22)))
(let (($x24 (= ?x23 (_ bv0 32))))
(let (($x25 (not $x24)))
(let (($x26 (=> |violate:td_has_no_unknown:30| $x25)))
(let (($x27 (=> |guarantee:native_known| $x24)))
(let (($x28 (= |request:0x5.0.ECX| (_ bv0 32))))
(let (($x29 (=> |assume:29| $x28)))
(let (($x30 (=> |assume:28| $x28)))
(let (($x31 (=> |assume:27| $x28)))
(and $x31 $x30 $x29 $x27 $x26 $x21 $x16 $x10)))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |silent:reg:5:0:ECX|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:30|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:30|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:30|))
(exit)

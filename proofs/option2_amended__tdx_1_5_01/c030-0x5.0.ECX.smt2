; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  30 of 135: registers 0x5.0.ECX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:30| () Bool)
(declare-fun |violate:userspace_view_exact:30| () Bool)
(declare-fun |known:0x5.0.ECX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:30| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand (_ bv3 32) |native:0x5.0.ECX|)))
(let ((?x2 (bvnot ?x1)))
(let ((?x3 (bvand |request:0x5.0.ECX| ?x2)))
(let (($x4 (= ?x3 (_ bv0 32))))
(let (($x5 (not $x4)))
(let (($x6 (=> |violate:no_silent_drop:30| $x5)))
(let ((?x7 (bvand ?x1 ?x2)))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x8)))
(let (($x10 (not $x9)))
(let (($x11 (=> |violate:userspace_view_exact:30| $x10)))
(let ((?x12 (bvnot |known:0x5.0.ECX|)))
(let ((?x13 (bvand ?x1 ?x12)))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (not $x14)))
(let (($x16 (=> |violate:td_has_no_unknown:30| $x15)))
(let (($x17 (=> |guarantee:native_known| $x14)))
(let (($x18 (= |request:0x5.0.ECX| (_ bv0 32))))
(let (($x19 (=> |assume:29| $x18)))
(let (($x20 (=> |assume:28| $x18)))
(let (($x21 (=> |assume:27| $x18)))
(and $x21 $x20 $x19 $x17 $x16 $x11 $x6)))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:30|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:30|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:30|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  80 of 135: registers 0x15.0.ECX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x15.0.ECX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:80| () Bool)
(declare-fun |violate:userspace_view_exact:80| () Bool)
(declare-fun |violate:fixed1_visible:80| () Bool)
(declare-fun |known:0x15.0.ECX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:80| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |request:0x15.0.ECX| (_ bv4269967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (not $x2)))
(let (($x4 (=> |violate:no_silent_drop:80| $x3)))
(let ((?x5 (bvor |request:0x15.0.ECX| (_ bv25000000 32))))
(let ((?x6 (bvnot ?x5)))
(let ((?x7 (bvand (_ bv25000000 32) ?x6)))
(let (($x8 (= ?x7 (_ bv0 32))))
(let ((?x9 (bvand ?x5 (_ bv4269967295 32))))
(let (($x10 (= ?x9 (_ bv0 32))))
(let (($x11 (and $x10 $x8)))
(let (($x12 (not $x11)))
(let (($x13 (=> |violate:userspace_view_exact:80| $x12)))
(let (($x14 (not $x8)))
(let (($x15 (=> |violate:fixed1_visible:80| $x14)))
(let ((?x16 (bvnot |known:0x15.0.ECX|)))
(let ((?x17 (bvand (_ bv25000000 32) ?x16)))
(let (($x18 (= ?x17 (_ bv0 32))))
(let (($x19 (not $x18)))
(let (($x20 (=> |violate:td_has_no_unknown:80| $x19)))
(let (($x21 (=> |guarantee:fixed1_known| $x18)))
(let (($x22 (= |request:0x15.0.ECX| (_ bv0 32))))
(let (($x23 (=> |assume:28| $x22)))
(let (($x24 (=> |assume:27| $x22)))
(and $x24 $x23 $x21 $x20 $x15 $x13 $x4))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:80|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:fixed1_visible:80|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:80|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:80|))
(exit)

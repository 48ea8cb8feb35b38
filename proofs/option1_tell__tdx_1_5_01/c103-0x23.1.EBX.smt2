; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  103 of 135: registers 0x23.1.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 4: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x23.1.EBX| () (_ BitVec 32))
(declare-fun |request:0x23.1.EBX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:103| () Bool)
(declare-fun |violate:userspace_view_exact:103| () Bool)
(declare-fun |known:0x23.1.EBX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:103| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |assume:22| () Bool)
(assert
 (let ((?x1 (bvand (_ bv15 32) |native:0x23.1.EBX|)))
(let ((?x2 (bvnot ?x1)))
(let ((?x3 (bvand |request:0x23.1.EBX| ?x2)))
(let (($x4 (= ?x3 (_ bv0 32))))
(let (($x5 (not $x4)))
(let (($x6 (=> |violate:no_silent_drop:103| $x5)))
(let ((?x7 (bvor |request:0x23.1.EBX| ?x1)))
(let ((?x8 (bvnot ?x7)))
(let ((?x9 (bvand ?x1 ?x8)))
(let (($x10 (= ?x9 (_ bv0 32))))
(let ((?x11 (bvand ?x7 ?x2)))
(let (($x12 (= ?x11 (_ bv0 32))))
(let (($x13 (and $x12 $x10)))
(let (($x14 (not $x13)))
(let (($x15 (=> |violate:userspace_view_exact:103| $x14)))
(let ((?x16 (bvnot |known:0x23.1.EBX|)))
(let ((?x17 (bvand ?x1 ?x16)))
(let (($x18 (= ?x17 (_ bv0 32))))
(let (($x19 (not $x18)))
(let (($x20 (=> |violate:td_has_no_unknown:103| $x19)))
(let (($x21 (=> |guarantee:native_known| $x18)))
(let (($x22 (= |request:0x23.1.EBX| (_ bv0 32))))
(let (($x23 (=> |assume:28| $x22)))
(let (($x24 (=> |assume:27| $x22)))
(let ((?x25 (bvand |native:0x23.1.EBX| (_ bv4294967280 32))))
(let (($x26 (= ?x25 (_ bv0 32))))
(let (($x27 (=> |assume:22| $x26)))
(and $x27 $x24 $x23 $x21 $x20 $x15 $x6)))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:22| |assume:27| |assume:28|))
; question 2: expected sat
(check-sat-assuming (|assume:22| |assume:27| |assume:28| |violate:td_has_no_unknown:103|))
; question 3: expected unsat
(check-sat-assuming (|assume:22| |assume:27| |assume:28| |violate:userspace_view_exact:103|))
; question 4: expected unsat
(check-sat-assuming (|assume:22| |assume:27| |assume:28| |violate:no_silent_drop:103|))
(exit)

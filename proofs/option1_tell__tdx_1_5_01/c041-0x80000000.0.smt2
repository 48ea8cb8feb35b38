; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  41 of 55: leaves 0x80000000.0
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x80000000.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x80000000.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x80000000.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x80000000.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:41| () Bool)
(declare-fun |violate:userspace_view_exact:41| () Bool)
(declare-fun |violate:fixed1_visible:41| () Bool)
(declare-fun |known:0x80000000.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:41| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= |request:0x80000000.0.EDX| (_ bv0 32))))
(let (($x2 (= |request:0x80000000.0.ECX| (_ bv0 32))))
(let (($x3 (= |request:0x80000000.0.EBX| (_ bv0 32))))
(let (($x4 (= (bvand |request:0x80000000.0.EAX| (_ bv2147483639 32)) (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:41| (not (and $x4 $x3 $x2 $x1)))))
(let (($x6 (= (bvand (_ bv2147483656 32) (bvnot (bvor |request:0x80000000.0.EAX| (_ bv2147483656 32)))) (_ bv0 32))))
(let (($x7 (= (bvand (bvor |request:0x80000000.0.EAX| (_ bv2147483656 32)) (_ bv2147483639 32)) (_ bv0 32))))
(let (($x8 (=> |violate:userspace_view_exact:41| (not (and $x7 $x3 $x2 $x1 $x6)))))
(let (($x9 (=> |violate:fixed1_visible:41| (not $x6))))
(let (($x10 (=> |violate:td_has_no_unknown:41| (not (= (bvand (_ bv2147483656 32) (bvnot |known:0x80000000.0.EAX|)) (_ bv0 32))))))
(let (($x11 (= (bvand (_ bv2147483656 32) (bvnot |known:0x80000000.0.EAX|)) (_ bv0 32))))
(let (($x12 (=> |guarantee:fixed1_known| $x11)))
(let (($x13 (=> |assume:29| $x1)))
(let (($x14 (=> |assume:29| $x2)))
(let (($x15 (=> |assume:29| $x3)))
(let (($x16 (= |request:0x80000000.0.EAX| (_ bv0 32))))
(let (($x17 (=> |assume:29| $x16)))
(let (($x18 (=> |assume:28| $x1)))
(let (($x19 (=> |assume:28| $x2)))
(let (($x20 (=> |assume:28| $x3)))
(let (($x21 (=> |assume:28| $x16)))
(and $x21 $x20 $x19 $x18 $x17 $x15 $x14 $x13 $x12 $x10 $x9 $x8 $x5)))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:28| |assume:29| |violate:td_has_no_unknown:41|))
; question 3: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:fixed1_visible:41|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:userspace_view_exact:41|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:no_silent_drop:41|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  209 of 247: registers 0x80000007.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:209| () Bool)
(declare-fun |violate:userspace_view_exact:209| () Bool)
(declare-fun |violate:fixed1_visible:209| () Bool)
(declare-fun |known:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:209| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |assume:26| () Bool)
(assert
 (let (($x1 (=> |violate:no_silent_drop:209| (not (= (bvand |request:0x80000007.0.EDX| (_ bv4294967039 32)) (_ bv0 32))))))
(let (($x2 (= (bvand (_ bv256 32) (bvnot (bvor |request:0x80000007.0.EDX| (_ bv256 32)))) (_ bv0 32))))
(let (($x3 (not (and (= (bvand (bvor |request:0x80000007.0.EDX| (_ bv256 32)) (_ bv4294967039 32)) (_ bv0 32)) $x2))))
(let (($x4 (=> |violate:userspace_view_exact:209| $x3)))
(let (($x5 (=> |violate:fixed1_visible:209| (not $x2))))
(let (($x6 (=> |violate:td_has_no_unknown:209| (not (= (bvand (_ bv256 32) (bvnot |known:0x80000007.0.EDX|)) (_ bv0 32))))))
(let (($x7 (= (bvand (_ bv256 32) (bvnot |known:0x80000007.0.EDX|)) (_ bv0 32))))
(let (($x8 (=> |guarantee:fixed1_known| $x7)))
(let (($x9 (= |request:0x80000007.0.EDX| (_ bv0 32))))
(let (($x10 (=> |assume:29| $x9)))
(let (($x11 (=> |assume:28| $x9)))
(let (($x12 (=> |assume:26| (= (bvand |native:0x80000007.0.EDX| (_ bv256 32)) (_ bv256 32)))))
(and $x12 $x11 $x10 $x8 $x6 $x5 $x4 $x1))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:26| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |violate:td_has_no_unknown:209|))
; question 3: expected unsat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |violate:fixed1_visible:209|))
; question 4: expected unsat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |violate:userspace_view_exact:209|))
; question 5: expected unsat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |violate:no_silent_drop:209|))
(exit)

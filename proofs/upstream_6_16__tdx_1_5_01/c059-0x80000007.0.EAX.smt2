; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  59 of 70: registers 0x80000007.0.EAX, 0x80000007.0.EBX, 0x80000007.0.ECX, 0x80000007.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x80000007.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x80000007.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x80000007.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:59| () Bool)
(declare-fun |known:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:59| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |assume:26| () Bool)
(assert
 (let (($x1 (= |request:0x80000007.0.ECX| (_ bv0 32))))
(let (($x2 (= |request:0x80000007.0.EBX| (_ bv0 32))))
(let (($x3 (= |request:0x80000007.0.EAX| (_ bv0 32))))
(let (($x4 (not (and $x3 $x2 $x1 (= (bvand |request:0x80000007.0.EDX| (_ bv4294967039 32)) (_ bv0 32))))))
(let (($x5 (=> |violate:no_silent_drop:59| $x4)))
(let (($x6 (=> |violate:td_has_no_unknown:59| (not (= (bvand (_ bv256 32) (bvnot |known:0x80000007.0.EDX|)) (_ bv0 32))))))
(let (($x7 (= (bvand (_ bv256 32) (bvnot |known:0x80000007.0.EDX|)) (_ bv0 32))))
(let (($x8 (=> |guarantee:fixed1_known| $x7)))
(let (($x9 (= |request:0x80000007.0.EDX| (_ bv0 32))))
(let (($x10 (=> |assume:33| $x9)))
(let (($x11 (=> |assume:33| $x1)))
(let (($x12 (=> |assume:33| $x2)))
(let (($x13 (=> |assume:33| $x3)))
(let (($x14 (= (ite (or (not $x3) (not $x2) (not $x1) (not $x9)) (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32))))
(let (($x15 (=> |assume:29| $x14)))
(let (($x16 (=> |assume:28| $x9)))
(let (($x17 (=> |assume:28| $x1)))
(let (($x18 (=> |assume:28| $x2)))
(let (($x19 (=> |assume:28| $x3)))
(let (($x20 (=> |assume:26| (= (bvand |native:0x80000007.0.EDX| (_ bv256 32)) (_ bv256 32)))))
(and $x20 $x19 $x18 $x17 $x16 $x15 $x15 $x15 $x15 $x13 $x12 $x11 $x10 $x8 $x6 $x5))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |assume:33|))
; question 2: expected sat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |assume:33| |violate:td_has_no_unknown:59|))
; question 3: expected unsat
(check-sat-assuming (|assume:26| |assume:28| |assume:29| |assume:33| |violate:no_silent_drop:59|))
(exit)

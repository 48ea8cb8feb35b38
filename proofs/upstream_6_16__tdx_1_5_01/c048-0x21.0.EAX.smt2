; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  48 of 70: registers 0x21.0.EAX, 0x21.0.EBX, 0x21.0.ECX, 0x21.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x21.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x21.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x21.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x21.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:48| () Bool)
(declare-fun |known:0x21.0.EDX| () (_ BitVec 32))
(declare-fun |known:0x21.0.ECX| () (_ BitVec 32))
(declare-fun |known:0x21.0.EBX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:48| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= |request:0x21.0.EAX| (_ bv0 32))))
(let (($x2 (and $x1 (= (bvand |request:0x21.0.EBX| (_ bv2592838070 32)) (_ bv0 32)) (= (bvand |request:0x21.0.ECX| (_ bv3755991007 32)) (_ bv0 32)) (= (bvand |request:0x21.0.EDX| (_ bv2814094227 32)) (_ bv0 32)))))
(let (($x3 (=> |violate:no_silent_drop:48| (not $x2))))
(let (($x4 (= (bvand (_ bv1480873068 32) (bvnot |known:0x21.0.EDX|)) (_ bv0 32))))
(let (($x5 (= (bvand (_ bv538976288 32) (bvnot |known:0x21.0.ECX|)) (_ bv0 32))))
(let (($x6 (= (bvand (_ bv1702129225 32) (bvnot |known:0x21.0.EBX|)) (_ bv0 32))))
(let (($x7 (=> |violate:td_has_no_unknown:48| (not (and $x6 $x5 $x4)))))
(let (($x8 (=> |guarantee:fixed1_known| $x4)))
(let (($x9 (=> |guarantee:fixed1_known| $x5)))
(let (($x10 (=> |guarantee:fixed1_known| $x6)))
(let (($x11 (= |request:0x21.0.EDX| (_ bv0 32))))
(let (($x12 (=> |assume:33| $x11)))
(let (($x13 (= |request:0x21.0.ECX| (_ bv0 32))))
(let (($x14 (=> |assume:33| $x13)))
(let (($x15 (= |request:0x21.0.EBX| (_ bv0 32))))
(let (($x16 (=> |assume:33| $x15)))
(let (($x17 (=> |assume:33| $x1)))
(let (($x18 (= (ite (or (not $x1) (not $x15) (not $x13) (not $x11)) (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32))))
(let (($x19 (=> |assume:29| $x18)))
(let (($x20 (=> |assume:28| $x11)))
(let (($x21 (=> |assume:28| $x13)))
(let (($x22 (=> |assume:28| $x15)))
(let (($x23 (=> |assume:28| $x1)))
(and $x23 $x22 $x21 $x20 $x19 $x19 $x19 $x19 $x17 $x16 $x14 $x12 $x10 $x9 $x8 $x7 $x3)))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:33|))
; question 2: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:33| |violate:td_has_no_unknown:48|))
; question 3: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |assume:33| |violate:no_silent_drop:48|))
(exit)

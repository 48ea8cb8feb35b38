; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  36 of 135: registers 0x7.0.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x7.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:36| () Bool)
(declare-fun |known:0x7.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:36| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |native:0x7.0.EAX| () (_ BitVec 32))
(declare-fun |assume:9| () Bool)
(assert
 (let ((?x1 (bvand |request:0x7.0.EAX| (_ bv4294967293 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (not $x2)))
(let (($x4 (=> |violate:no_silent_drop:36| $x3)))
(let ((?x5 (bvnot |known:0x7.0.EAX|)))
(let ((?x6 (bvand (_ bv2 32) ?x5)))
(let (($x7 (= ?x6 (_ bv0 32))))
(let (($x8 (not $x7)))
(let (($x9 (=> |violate:td_has_no_unknown:36| $x8)))
(let (($x10 (=> |guarantee:fixed1_known| $x7)))
(let (($x11 (= |request:0x7.0.EAX| (_ bv0 32))))
(let (($x12 (=> |assume:29| $x11)))
(let (($x13 (=> |assume:28| $x11)))
(let (($x14 (=> |assume:27| $x11)))
(let ((?x15 (bvand |native:0x7.0.EAX| (_ bv4294967293 32))))
(let (($x16 (= ?x15 (_ bv0 32))))
(let (($x17 (=> |assume:9| $x16)))
(let ((?x18 (bvand |native:0x7.0.EAX| (_ bv2 32))))
(let (($x19 (= ?x18 (_ bv2 32))))
(let (($x20 (=> |assume:9| $x19)))
(and $x20 $x17 $x14 $x13 $x12 $x10 $x9 $x4))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:9| |assume:27| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:9| |assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:36|))
; question 3: expected unsat
(check-sat-assuming (|assume:9| |assume:27| |assume:28| |assume:29| |violate:no_silent_drop:36|))
(exit)

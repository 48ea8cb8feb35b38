; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  121 of 135: registers 0x80000007.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |known:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |native:0x80000007.0.EDX| () (_ BitVec 32))
(declare-fun |silent:reg:2147483655:0:EDX| () Bool)
(declare-fun |violate:no_silent_drop:121| () Bool)
(declare-fun |violate:td_has_no_unknown:121| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |assume:25| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x80000007.0.EDX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x80000007.0.EDX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x80000007.0.EDX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x80000007.0.EDX| (_ bv4294967039 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:2147483655:0:EDX| $x9)))
(let ((?x11 (bvand |request:0x80000007.0.EDX| (_ bv4294967039 32))))
(let (($x12 (= ?x11 (_ bv0 32))))
(let (($x13 (not $x12)))
(let (($x14 (=> |violate:no_silent_drop:121| $x13)))
(let ((?x15 (bvnot |known:0x80000007.0.EDX|)))
(let ((?x16 (bvand (_ bv256 32) ?x15)))
(let (($x17 (= ?x16 (_ bv0 32))))
(let (($x18 (not $x17)))
(let (($x19 (=> |violate:td_has_no_unknown:121| $x18)))
(let (($x20 (=> |guarantee:fixed1_known| $x17)))
(let (($x21 (= |request:0x80000007.0.EDX| (_ bv0 32))))
(let (($x22 (=> |assume:29| $x21)))
(let (($x23 (=> |assume:28| $x21)))
(let (($x24 (=> |assume:27| $x21)))
(let ((?x25 (bvand |native:0x80000007.0.EDX| (_ bv256 32))))
(let (($x26 (= ?x25 (_ bv256 32))))
(let (($x27 (=> |assume:25| $x26)))
(and $x27 $x24 $x23 $x22 $x20 $x19 $x14 $x10)))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:25| |assume:27| |assume:28| |assume:29| |silent:reg:2147483655:0:EDX|))
; question 2: expected sat
(check-sat-assuming (|assume:25| |assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:121|))
; question 3: expected unsat
(check-sat-assuming (|assume:25| |assume:27| |assume:28| |assume:29| |violate:no_silent_drop:121|))
(exit)

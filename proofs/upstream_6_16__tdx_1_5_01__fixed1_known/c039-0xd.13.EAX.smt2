; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  39 of 93: registers 0xd.13.EAX, 0xd.13.EBX, 0xd.13.ECX, 0xd.13.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0xd.13.ECX| () (_ BitVec 32))
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |native:0xd.13.EBX| () (_ BitVec 32))
(declare-fun |native:0xd.13.EAX| () (_ BitVec 32))
(declare-fun |request:0xd.13.EDX| () (_ BitVec 32))
(declare-fun |assume:33| () Bool)
(declare-fun |request:0xd.13.ECX| () (_ BitVec 32))
(declare-fun |request:0xd.13.EBX| () (_ BitVec 32))
(declare-fun |request:0xd.13.EAX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (=> |guarantee:native_known| (= |native:0xd.13.ECX| (_ bv0 32)))))
(let (($x2 (=> |guarantee:native_known| (= |native:0xd.13.EBX| (_ bv0 32)))))
(let (($x3 (=> |guarantee:native_known| (= |native:0xd.13.EAX| (_ bv0 32)))))
(let (($x4 (= |request:0xd.13.EDX| (_ bv0 32))))
(let (($x5 (=> |assume:33| $x4)))
(let (($x6 (= |request:0xd.13.ECX| (_ bv0 32))))
(let (($x7 (=> |assume:33| $x6)))
(let (($x8 (= |request:0xd.13.EBX| (_ bv0 32))))
(let (($x9 (=> |assume:33| $x8)))
(let (($x10 (= |request:0xd.13.EAX| (_ bv0 32))))
(let (($x11 (=> |assume:33| $x10)))
(let (($x12 (= (ite (or (not $x10) (not $x8) (not $x6) (not $x4)) (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32))))
(let (($x13 (=> |assume:29| $x12)))
(let (($x14 (=> |assume:28| $x4)))
(let (($x15 (=> |assume:28| $x6)))
(let (($x16 (=> |assume:28| $x8)))
(let (($x17 (=> |assume:28| $x10)))
(and $x17 $x16 $x15 $x14 $x13 $x13 $x13 $x13 $x11 $x9 $x7 $x5 $x3 $x2 $x1)))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:33|))
(exit)

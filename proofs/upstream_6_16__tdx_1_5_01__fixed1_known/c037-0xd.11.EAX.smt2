; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  37 of 93: registers 0xd.11.EAX, 0xd.11.EBX, 0xd.11.ECX, 0xd.11.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0xd.11.ECX| () (_ BitVec 32))
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |native:0xd.11.EBX| () (_ BitVec 32))
(declare-fun |native:0xd.11.EAX| () (_ BitVec 32))
(declare-fun |request:0xd.11.EDX| () (_ BitVec 32))
(declare-fun |assume:33| () Bool)
(declare-fun |request:0xd.11.ECX| () (_ BitVec 32))
(declare-fun |request:0xd.11.EBX| () (_ BitVec 32))
(declare-fun |request:0xd.11.EAX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= |native:0xd.11.ECX| (_ bv0 32))))
(let (($x2 (=> |guarantee:native_known| $x1)))
(let (($x3 (= |native:0xd.11.EBX| (_ bv0 32))))
(let (($x4 (=> |guarantee:native_known| $x3)))
(let (($x5 (= |native:0xd.11.EAX| (_ bv0 32))))
(let (($x6 (=> |guarantee:native_known| $x5)))
(let (($x7 (= |request:0xd.11.EDX| (_ bv0 32))))
(let (($x8 (=> |assume:33| $x7)))
(let (($x9 (= |request:0xd.11.ECX| (_ bv0 32))))
(let (($x10 (=> |assume:33| $x9)))
(let (($x11 (= |request:0xd.11.EBX| (_ bv0 32))))
(let (($x12 (=> |assume:33| $x11)))
(let (($x13 (= |request:0xd.11.EAX| (_ bv0 32))))
(let (($x14 (=> |assume:33| $x13)))
(let (($x15 (= (ite (or (not $x13) (not $x11) (not $x9) (not $x7)) (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32))))
(let (($x16 (=> |assume:29| $x15)))
(let (($x17 (=> |assume:28| $x7)))
(let (($x18 (=> |assume:28| $x9)))
(let (($x19 (=> |assume:28| $x11)))
(let (($x20 (=> |assume:28| $x13)))
(and $x20 $x19 $x18 $x17 $x16 $x16 $x16 $x16 $x14 $x12 $x10 $x8 $x6 $x4 $x2))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:33|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  23 of 63: registers 0xd.2.EAX, 0xd.2.EBX, 0xd.2.ECX, 0xd.2.EDX
; stands for 16 more component(s) with the same constraints up to renaming, not exported: registers 0xd.3.EAX, 0xd.3.EBX, 0xd.3.ECX, 0xd.3.EDX, 0xd.4.EAX, 0xd.4.EBX, 0xd.4.ECX, 0xd.4.EDX, 0xd.5.EAX, 0xd.5.EBX, 0xd.5.ECX, 0xd.5.EDX, 0xd.6.EAX, 0xd.6.EBX, 0xd.6.ECX, 0xd.6.EDX, 0xd.7.EAX, 0xd.7.EBX, 0xd.7.ECX, 0xd.7.EDX, 0xd.8.EAX, 0xd.8.EBX, 0xd.8.ECX, 0xd.8.EDX, 0xd.9.EAX, 0xd.9.EBX, 0xd.9.ECX, 0xd.9.EDX, 0xd.10.EAX, 0xd.10.EBX, 0xd.10.ECX, 0xd.10.EDX, 0xd.11.EAX, 0xd.11.EBX, 0xd.11.ECX, 0xd.11.EDX, 0xd.12.EAX, 0xd.12.EBX, 0xd.12.ECX, 0xd.12.EDX, 0xd.13.EAX, 0xd.13.EBX, 0xd.13.ECX, 0xd.13.EDX, 0xd.14.EAX, 0xd.14.EBX, 0xd.14.ECX, 0xd.14.EDX, 0xd.15.EAX, 0xd.15.EBX, 0xd.15.ECX, 0xd.15.EDX, 0xd.16.EAX, 0xd.16.EBX, 0xd.16.ECX, 0xd.16.EDX, 0xd.17.EAX, 0xd.17.EBX, 0xd.17.ECX, 0xd.17.EDX, 0xd.18.EAX, 0xd.18.EBX, 0xd.18.ECX, 0xd.18.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0xd.2.ECX| () (_ BitVec 32))
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |native:0xd.2.EBX| () (_ BitVec 32))
(declare-fun |native:0xd.2.EAX| () (_ BitVec 32))
(declare-fun |request:0xd.2.EDX| () (_ BitVec 32))
(declare-fun |assume:32| () Bool)
(declare-fun |request:0xd.2.ECX| () (_ BitVec 32))
(declare-fun |request:0xd.2.EBX| () (_ BitVec 32))
(declare-fun |request:0xd.2.EAX| () (_ BitVec 32))
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let (($x1 (= |native:0xd.2.ECX| (_ bv0 32))))
(let (($x2 (=> |guarantee:native_known| $x1)))
(let (($x3 (= |native:0xd.2.EBX| (_ bv0 32))))
(let (($x4 (=> |guarantee:native_known| $x3)))
(let (($x5 (= |native:0xd.2.EAX| (_ bv0 32))))
(let (($x6 (=> |guarantee:native_known| $x5)))
(let (($x7 (= |request:0xd.2.EDX| (_ bv0 32))))
(let (($x8 (=> |assume:32| $x7)))
(let (($x9 (= |request:0xd.2.ECX| (_ bv0 32))))
(let (($x10 (=> |assume:32| $x9)))
(let (($x11 (= |request:0xd.2.EBX| (_ bv0 32))))
(let (($x12 (=> |assume:32| $x11)))
(let (($x13 (= |request:0xd.2.EAX| (_ bv0 32))))
(let (($x14 (=> |assume:32| $x13)))
(let (($x15 (not $x7)))
(let (($x16 (not $x9)))
(let (($x17 (not $x11)))
(let (($x18 (not $x13)))
(let (($x19 (or $x18 $x17 $x16 $x15)))
(let ((?x20 (ite $x19 (_ bv4294967295 32) (_ bv0 32))))
(let (($x21 (= ?x20 (_ bv0 32))))
(let (($x22 (=> |assume:28| $x21)))
(let (($x23 (=> |assume:27| $x7)))
(let (($x24 (=> |assume:27| $x9)))
(let (($x25 (=> |assume:27| $x11)))
(let (($x26 (=> |assume:27| $x13)))
(and $x26 $x25 $x24 $x23 $x22 $x22 $x22 $x22 $x14 $x12 $x10 $x8 $x6 $x4 $x2))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:32|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  46 of 63: registers 0x1d.0.EAX, 0x1d.0.EBX, 0x1d.0.ECX, 0x1d.0.EDX
; stands for 3 more component(s) with the same constraints up to renaming, not exported: registers 0x1d.1.EAX, 0x1d.1.EBX, 0x1d.1.ECX, 0x1d.1.EDX, 0x1e.0.EAX, 0x1e.0.EBX, 0x1e.0.ECX, 0x1e.0.EDX, 0x1e.1.EAX, 0x1e.1.EBX, 0x1e.1.ECX, 0x1e.1.EDX
; 8 register variable(s) have alike bit positions tied: all but a few positions of each class repeat one bit, so v is solved as v@kept, its free positions only
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0x1d.0.EDX@kept| () (_ BitVec 5))
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |native:0x1d.0.ECX@kept| () (_ BitVec 5))
(declare-fun |native:0x1d.0.EBX@kept| () (_ BitVec 5))
(declare-fun |native:0x1d.0.EAX@kept| () (_ BitVec 5))
(declare-fun |request:0x1d.0.EDX@kept| () (_ BitVec 5))
(declare-fun |assume:32| () Bool)
(declare-fun |request:0x1d.0.ECX@kept| () (_ BitVec 5))
(declare-fun |request:0x1d.0.EBX@kept| () (_ BitVec 5))
(declare-fun |request:0x1d.0.EAX@kept| () (_ BitVec 5))
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let (($x1 (= |native:0x1d.0.EDX@kept| (_ bv0 5))))
(let (($x2 (=> |guarantee:native_known| $x1)))
(let (($x3 (= |native:0x1d.0.ECX@kept| (_ bv0 5))))
(let (($x4 (=> |guarantee:native_known| $x3)))
(let (($x5 (= |native:0x1d.0.EBX@kept| (_ bv0 5))))
(let (($x6 (=> |guarantee:native_known| $x5)))
(let (($x7 (= |native:0x1d.0.EAX@kept| (_ bv0 5))))
(let (($x8 (=> |guarantee:native_known| $x7)))
(let (($x9 (= |request:0x1d.0.EDX@kept| (_ bv0 5))))
(let (($x10 (=> |assume:32| $x9)))
(let (($x11 (= |request:0x1d.0.ECX@kept| (_ bv0 5))))
(let (($x12 (=> |assume:32| $x11)))
(let (($x13 (= |request:0x1d.0.EBX@kept| (_ bv0 5))))
(let (($x14 (=> |assume:32| $x13)))
(let (($x15 (= |request:0x1d.0.EAX@kept| (_ bv0 5))))
(let (($x16 (=> |assume:32| $x15)))
(let (($x17 (not $x9)))
(let (($x18 (not $x11)))
(let (($x19 (not $x13)))
(let (($x20 (not $x15)))
(let (($x21 (or $x20 $x19 $x18 $x17)))
(let ((?x22 (ite $x21 (_ bv4294967295 32) (_ bv0 32))))
(let (($x23 (= ?x22 (_ bv0 32))))
(let (($x24 (=> |assume:28| $x23)))
(let (($x25 (=> |assume:27| $x9)))
(let (($x26 (=> |assume:27| $x11)))
(let (($x27 (=> |assume:27| $x13)))
(let (($x28 (=> |assume:27| $x15)))
(and $x28 $x27 $x26 $x25 $x24 $x24 $x24 $x24 $x16 $x14 $x12 $x10 $x8 $x6 $x4 $x2))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:32|))
(exit)

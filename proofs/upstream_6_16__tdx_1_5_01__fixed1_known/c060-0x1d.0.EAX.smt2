; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  60 of 93: registers 0x1d.0.EAX, 0x1d.0.EBX, 0x1d.0.ECX, 0x1d.0.EDX
; stands for 1 more component(s) with the same constraints up to renaming, not exported: registers 0x1d.1.EAX, 0x1d.1.EBX, 0x1d.1.ECX, 0x1d.1.EDX
; 8 register variable(s) have alike bit positions tied (concat/extract): all but a few positions of each class repeat one bit, which decides the same questions
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0x1d.0.EDX| () (_ BitVec 32))
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |native:0x1d.0.ECX| () (_ BitVec 32))
(declare-fun |native:0x1d.0.EBX| () (_ BitVec 32))
(declare-fun |native:0x1d.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x1d.0.EDX| () (_ BitVec 32))
(declare-fun |assume:33| () Bool)
(declare-fun |request:0x1d.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x1d.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x1d.0.EAX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let ((?x1 (concat ((_ repeat 28) ((_ extract 4 4) |native:0x1d.0.EDX|)) ((_ extract 3 0) |native:0x1d.0.EDX|))))
(let (($x2 (=> |guarantee:native_known| (= ?x1 (_ bv0 32)))))
(let ((?x3 (concat ((_ repeat 28) ((_ extract 4 4) |native:0x1d.0.ECX|)) ((_ extract 3 0) |native:0x1d.0.ECX|))))
(let (($x4 (=> |guarantee:native_known| (= ?x3 (_ bv0 32)))))
(let ((?x5 (concat ((_ repeat 28) ((_ extract 4 4) |native:0x1d.0.EBX|)) ((_ extract 3 0) |native:0x1d.0.EBX|))))
(let (($x6 (=> |guarantee:native_known| (= ?x5 (_ bv0 32)))))
(let ((?x7 (concat ((_ repeat 28) ((_ extract 4 4) |native:0x1d.0.EAX|)) ((_ extract 3 0) |native:0x1d.0.EAX|))))
(let (($x8 (=> |guarantee:native_known| (= ?x7 (_ bv0 32)))))
(let ((?x9 (concat ((_ repeat 28) ((_ extract 4 4) |request:0x1d.0.EDX|)) ((_ extract 3 0) |request:0x1d.0.EDX|))))
(let (($x10 (= ?x9 (_ bv0 32))))
(let (($x11 (=> |assume:33| $x10)))
(let ((?x12 (concat ((_ repeat 28) ((_ extract 4 4) |request:0x1d.0.ECX|)) ((_ extract 3 0) |request:0x1d.0.ECX|))))
(let (($x13 (= ?x12 (_ bv0 32))))
(let (($x14 (=> |assume:33| $x13)))
(let ((?x15 (concat ((_ repeat 28) ((_ extract 4 4) |request:0x1d.0.EBX|)) ((_ extract 3 0) |request:0x1d.0.EBX|))))
(let (($x16 (= ?x15 (_ bv0 32))))
(let (($x17 (=> |assume:33| $x16)))
(let ((?x18 (concat ((_ repeat 28) ((_ extract 4 4) |request:0x1d.0.EAX|)) ((_ extract 3 0) |request:0x1d.0.EAX|))))
(let (($x19 (= ?x18 (_ bv0 32))))
(let (($x20 (=> |assume:33| $x19)))
(let (($x21 (= (ite (or (not $x19) (not $x16) (not $x13) (not $x10)) (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32))))
(let (($x22 (=> |assume:29| $x21)))
(let (($x23 (=> |assume:28| $x10)))
(let (($x24 (=> |assume:28| $x13)))
(let (($x25 (=> |assume:28| $x16)))
(let (($x26 (=> |assume:28| $x19)))
(and $x26 $x25 $x24 $x23 $x22 $x22 $x22 $x22 $x20 $x17 $x14 $x11 $x8 $x6 $x4 $x2))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:33|))
(exit)

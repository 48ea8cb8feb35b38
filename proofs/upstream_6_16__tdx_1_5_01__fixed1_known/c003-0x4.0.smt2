; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  3 of 78: leaves 0x4.0
; stands for 2 more component(s) with the same constraints up to renaming, not exported: leaves 0x4.1, 0x4.2
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |request:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:3| () Bool)
(declare-fun |request:0x4.0.EDX| () (_ BitVec 32))
(declare-fun |assume:33| () Bool)
(declare-fun |request:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |assume:6| () Bool)
(assert
 (let ((?x1 (bvand (bvand (bvor (_ bv63 32) (bvand (_ bv4294963200 32) |request:0x4.0.EBX|)) (_ bv63 32)) (bvnot (bvor (_ bv63 32) (bvand (_ bv4294963200 32) |request:0x4.0.EBX|))))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (=> |violate:fixed1_visible:3| (not $x2))))
(let (($x4 (= (bvand |request:0x4.0.EDX| (_ bv4 32)) (_ bv0 32))))
(let (($x5 (=> |assume:33| $x4)))
(let (($x6 (= (bvand |request:0x4.0.EBX| (_ bv4095 32)) (_ bv0 32))))
(let (($x7 (=> |assume:33| $x6)))
(let (($x8 (= (bvand |request:0x4.0.EAX| (_ bv15360 32)) (_ bv0 32))))
(let (($x9 (=> |assume:33| $x8)))
(let (($x10 (=> |assume:28| $x4)))
(let (($x11 (=> |assume:28| $x6)))
(let (($x12 (=> |assume:28| $x8)))
(let (($x13 (= (bvand |native:0x4.0.EBX| (_ bv4032 32)) (_ bv0 32))))
(let (($x14 (=> |assume:6| $x13)))
(let (($x15 (= (_ bv63 32) (bvand |native:0x4.0.EBX| (_ bv63 32)))))
(let (($x16 (=> |assume:6| $x15)))
(and $x16 $x14 $x12 $x11 $x10 $x9 $x7 $x5 $x3))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:6| |assume:28| |assume:33|))
(exit)

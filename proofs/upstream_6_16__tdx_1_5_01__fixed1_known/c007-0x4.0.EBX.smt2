; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  7 of 93: registers 0x4.0.EBX
; stands for 3 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EBX, 0x4.2.EBX, 0x4.3.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |request:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:7| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x4.0.EBX| () (_ BitVec 32))
(declare-fun |assume:6| () Bool)
(assert
 (let ((?x1 (bvand (bvand (bvor (_ bv63 32) (bvand (_ bv4294963200 32) |request:0x4.0.EBX|)) (_ bv63 32)) (bvnot (bvor (_ bv63 32) (bvand (_ bv4294963200 32) |request:0x4.0.EBX|))))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (=> |violate:fixed1_visible:7| (not $x2))))
(let (($x4 (= (bvand |request:0x4.0.EBX| (_ bv4095 32)) (_ bv0 32))))
(let (($x5 (=> |assume:33| $x4)))
(let (($x6 (=> |assume:28| $x4)))
(let (($x7 (=> |assume:6| (= (bvand |native:0x4.0.EBX| (_ bv4032 32)) (_ bv0 32)))))
(let (($x8 (=> |assume:6| (= (bvand |native:0x4.0.EBX| (_ bv63 32)) (_ bv63 32)))))
(and $x8 $x7 $x6 $x5 $x3))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:6| |assume:28| |assume:33|))
(exit)

; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  26 of 93: registers 0x7.2.EAX, 0x7.2.EBX, 0x7.2.ECX, 0x7.2.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:26| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |request:0x7.2.ECX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EBX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EAX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:14| () Bool)
(assert
 (let ((?x1 (bvor (_ bv23 32) (bvand (_ bv40 32) (bvand |request:0x7.2.EDX| |native:0x7.2.EDX|)))))
(let (($x2 (= (bvand (bvand ?x1 (_ bv23 32)) (bvnot ?x1)) (_ bv0 32))))
(let (($x3 (=> |violate:fixed1_visible:26| (not $x2))))
(let (($x4 (=> |assume:33| (= (bvand |request:0x7.2.EDX| (_ bv4294967255 32)) (_ bv0 32)))))
(let (($x5 (= |request:0x7.2.ECX| (_ bv0 32))))
(let (($x6 (=> |assume:33| $x5)))
(let (($x7 (= |request:0x7.2.EBX| (_ bv0 32))))
(let (($x8 (=> |assume:33| $x7)))
(let (($x9 (= |request:0x7.2.EAX| (_ bv0 32))))
(let (($x10 (=> |assume:33| $x9)))
(let (($x11 (or (not $x9) (not $x7) (not $x5) (not (= |request:0x7.2.EDX| (_ bv0 32))))))
(let (($x12 (=> |assume:29| (= (ite $x11 (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32)))))
(let (($x13 (= |request:0x7.2.EDX| (_ bv0 32))))
(let (($x14 (=> |assume:28| $x13)))
(let (($x15 (=> |assume:28| $x5)))
(let (($x16 (=> |assume:28| $x7)))
(let (($x17 (=> |assume:28| $x9)))
(let (($x18 (=> |assume:14| (= (bvand |native:0x7.2.EDX| (_ bv23 32)) (_ bv23 32)))))
(and $x18 $x17 $x16 $x15 $x14 $x12 $x12 $x12 $x12 $x10 $x8 $x6 $x4 $x3))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33|))
(exit)

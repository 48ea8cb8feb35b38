; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  83 of 93: registers 0x80000008.0.EAX, 0x80000008.0.EBX, 0x80000008.0.ECX, 0x80000008.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |native:0x80000008.0.EAX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:83| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |request:0x80000008.0.EDX| () (_ BitVec 32))
(declare-fun |assume:33| () Bool)
(declare-fun |request:0x80000008.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x80000008.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x80000008.0.EAX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand (bvand (bvor (_ bv52 32) (bvand (_ bv65280 32) |native:0x80000008.0.EAX|)) (_ bv52 32)) (bvnot (bvor (_ bv52 32) (bvand (_ bv65280 32) |native:0x80000008.0.EAX|))))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (=> |violate:fixed1_visible:83| (not $x2))))
(let (($x4 (=> |guarantee:native_known| (= (bvand (_ bv65280 32) |native:0x80000008.0.EAX|) (_ bv0 32)))))
(let (($x5 (= |request:0x80000008.0.EDX| (_ bv0 32))))
(let (($x6 (=> |assume:33| $x5)))
(let (($x7 (= |request:0x80000008.0.ECX| (_ bv0 32))))
(let (($x8 (=> |assume:33| $x7)))
(let (($x9 (=> |assume:33| (= (bvand |request:0x80000008.0.EBX| (_ bv4294966783 32)) (_ bv0 32)))))
(let (($x10 (= |request:0x80000008.0.EAX| (_ bv0 32))))
(let (($x11 (=> |assume:33| $x10)))
(let (($x12 (or (not $x10) (not (= |request:0x80000008.0.EBX| (_ bv0 32))) (not $x7) (not $x5))))
(let (($x13 (=> |assume:29| (= (ite $x12 (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32)))))
(let (($x14 (=> |assume:28| $x5)))
(let (($x15 (=> |assume:28| $x7)))
(let (($x16 (= |request:0x80000008.0.EBX| (_ bv0 32))))
(let (($x17 (=> |assume:28| $x16)))
(let (($x18 (=> |assume:28| $x10)))
(let (($x19 (=> |assume:27| (= (bvand |native:0x80000008.0.EAX| (_ bv203 32)) (_ bv0 32)))))
(let (($x20 (=> |assume:27| (= (bvand |native:0x80000008.0.EAX| (_ bv52 32)) (_ bv52 32)))))
(and $x20 $x19 $x18 $x17 $x15 $x14 $x13 $x13 $x13 $x13 $x11 $x9 $x8 $x6 $x4 $x3))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |assume:33|))
(exit)

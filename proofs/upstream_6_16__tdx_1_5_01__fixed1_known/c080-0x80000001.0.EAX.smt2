; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  80 of 93: registers 0x80000001.0.EAX, 0x80000001.0.EBX, 0x80000001.0.ECX, 0x80000001.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |violate:fixed1_visible:80| () Bool)
(declare-fun |request:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |assume:33| () Bool)
(declare-fun |request:0x80000001.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x80000001.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x80000001.0.EAX| () (_ BitVec 32))
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x80000001.0.EDX| () (_ BitVec 32))
(declare-fun |assume:25| () Bool)
(declare-fun |native:0x80000001.0.ECX| () (_ BitVec 32))
(declare-fun |assume:24| () Bool)
(assert
 (let ((?x1 (bvand (bvand (bvor (_ bv739246080 32) (bvand (_ bv2048 32) |dynamic:0x80000001.0.EDX|)) (_ bv739246080 32)) (bvnot (bvor (_ bv739246080 32) (bvand (_ bv2048 32) |dynamic:0x80000001.0.EDX|))))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let (($x3 (=> |violate:fixed1_visible:80| (not $x2))))
(let (($x4 (= |request:0x80000001.0.EDX| (_ bv0 32))))
(let (($x5 (=> |assume:33| $x4)))
(let (($x6 (= |request:0x80000001.0.ECX| (_ bv0 32))))
(let (($x7 (=> |assume:33| $x6)))
(let (($x8 (= |request:0x80000001.0.EBX| (_ bv0 32))))
(let (($x9 (=> |assume:33| $x8)))
(let (($x10 (= |request:0x80000001.0.EAX| (_ bv0 32))))
(let (($x11 (=> |assume:33| $x10)))
(let (($x12 (= (ite (or (not $x10) (not $x8) (not $x6) (not $x4)) (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32))))
(let (($x13 (=> |assume:29| $x12)))
(let (($x14 (=> |assume:28| $x4)))
(let (($x15 (=> |assume:28| $x6)))
(let (($x16 (=> |assume:28| $x8)))
(let (($x17 (=> |assume:28| $x10)))
(let (($x18 (=> |assume:25| (= (bvand |native:0x80000001.0.EDX| (_ bv739246080 32)) (_ bv739246080 32)))))
(let (($x19 (=> |assume:24| (= (bvand |native:0x80000001.0.ECX| (_ bv289 32)) (_ bv289 32)))))
(and $x19 $x18 $x17 $x16 $x15 $x14 $x13 $x13 $x13 $x13 $x11 $x9 $x7 $x5 $x3)))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:24| |assume:25| |assume:28| |assume:29| |assume:33|))
(exit)

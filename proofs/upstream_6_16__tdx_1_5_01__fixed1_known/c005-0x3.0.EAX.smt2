; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  5 of 63: registers 0x3.0.EAX, 0x3.0.EBX, 0x3.0.ECX, 0x3.0.EDX
; stands for 10 more component(s) with the same constraints up to renaming, not exported: registers 0x4.4.EAX, 0x4.4.EBX, 0x4.4.ECX, 0x4.4.EDX, 0x6.0.EAX, 0x6.0.EBX, 0x6.0.ECX, 0x6.0.EDX, 0xf.0.EAX, 0xf.0.EBX, 0xf.0.ECX, 0xf.0.EDX, 0xf.1.EAX, 0xf.1.EBX, 0xf.1.ECX, 0xf.1.EDX, 0x1f.0.EAX, 0x1f.0.EBX, 0x1f.0.ECX, 0x1f.0.EDX, 0x1f.1.EAX, 0x1f.1.EBX, 0x1f.1.ECX, 0x1f.1.EDX, 0x21.0.EAX, 0x21.0.EBX, 0x21.0.ECX, 0x21.0.EDX, 0x80000000.0.EAX, 0x80000000.0.EBX, 0x80000000.0.ECX, 0x80000000.0.EDX, 0x80860001.0.EAX, 0x80860001.0.EBX, 0x80860001.0.ECX, 0x80860001.0.EDX, 0xc0000001.0.EAX, 0xc0000001.0.EBX, 0xc0000001.0.ECX, 0xc0000001.0.EDX
; stands for 26 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x8.0.EAX, 0x8.0.EBX, 0x8.0.ECX, 0x8.0.EDX, 0xe.0.EAX, 0xe.0.EBX, 0xe.0.ECX, 0xe.0.EDX, 0x10.0.EAX, 0x10.0.EBX, 0x10.0.ECX, 0x10.0.EDX, 0x10.1.EAX, 0x10.1.EBX, 0x10.1.ECX, 0x10.1.EDX, 0x10.2.EAX, 0x10.2.EBX, 0x10.2.ECX, 0x10.2.EDX, 0x10.3.EAX, 0x10.3.EBX, 0x10.3.ECX, 0x10.3.EDX, 0x11.0.EAX, 0x11.0.EBX, 0x11.0.ECX, 0x11.0.EDX, 0x12.0.EAX, 0x12.0.EBX, 0x12.0.ECX, 0x12.0.EDX, 0x13.0.EAX, 0x13.0.EBX, 0x13.0.ECX, 0x13.0.EDX, 0x19.0.EAX, 0x19.0.EBX, 0x19.0.ECX, 0x19.0.EDX, 0x1f.2.EAX, 0x1f.2.EBX, 0x1f.2.ECX, 0x1f.2.EDX, 0x1f.3.EAX, 0x1f.3.EBX, 0x1f.3.ECX, 0x1f.3.EDX, 0x1f.4.EAX, 0x1f.4.EBX, 0x1f.4.ECX, 0x1f.4.EDX, 0x1f.5.EAX, 0x1f.5.EBX, 0x1f.5.ECX, 0x1f.5.EDX, 0x20.0.EAX, 0x20.0.EBX, 0x20.0.ECX, 0x20.0.EDX, 0x22.0.EAX, 0x22.0.EBX, 0x22.0.ECX, 0x22.0.EDX, 0x23.2.EAX, 0x23.2.EBX, 0x23.2.ECX, 0x23.2.EDX, 0x24.0.EAX, 0x24.0.EBX, 0x24.0.ECX, 0x24.0.EDX, 0x24.1.EAX, 0x24.1.EBX, 0x24.1.ECX, 0x24.1.EDX, 0x80000006.0.EAX, 0x80000006.0.EBX, 0x80000006.0.ECX, 0x80000006.0.EDX, 0x8000000a.0.EAX, 0x8000000a.0.EBX, 0x8000000a.0.ECX, 0x8000000a.0.EDX, 0x8000001f.0.EAX, 0x8000001f.0.EBX, 0x8000001f.0.ECX, 0x8000001f.0.EDX, 0x80000020.0.EAX, 0x80000020.0.EBX, 0x80000020.0.ECX, 0x80000020.0.EDX, 0x80000021.0.EAX, 0x80000021.0.EBX, 0x80000021.0.ECX, 0x80000021.0.EDX, 0x80000022.0.EAX, 0x80000022.0.EBX, 0x80000022.0.ECX, 0x80000022.0.EDX, 0x80000026.0.EAX, 0x80000026.0.EBX, 0x80000026.0.ECX, 0x80000026.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |request:0x3.0.EDX| () (_ BitVec 32))
(declare-fun |assume:32| () Bool)
(declare-fun |request:0x3.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x3.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x3.0.EAX| () (_ BitVec 32))
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let (($x1 (= |request:0x3.0.EDX| (_ bv0 32))))
(let (($x2 (=> |assume:32| $x1)))
(let (($x3 (= |request:0x3.0.ECX| (_ bv0 32))))
(let (($x4 (=> |assume:32| $x3)))
(let (($x5 (= |request:0x3.0.EBX| (_ bv0 32))))
(let (($x6 (=> |assume:32| $x5)))
(let (($x7 (= |request:0x3.0.EAX| (_ bv0 32))))
(let (($x8 (=> |assume:32| $x7)))
(let (($x9 (not $x1)))
(let (($x10 (not $x3)))
(let (($x11 (not $x5)))
(let (($x12 (not $x7)))
(let (($x13 (or $x12 $x11 $x10 $x9)))
(let ((?x14 (ite $x13 (_ bv4294967295 32) (_ bv0 32))))
(let (($x15 (= ?x14 (_ bv0 32))))
(let (($x16 (=> |assume:28| $x15)))
(let (($x17 (=> |assume:27| $x1)))
(let (($x18 (=> |assume:27| $x3)))
(let (($x19 (=> |assume:27| $x5)))
(let (($x20 (=> |assume:27| $x7)))
(and $x20 $x19 $x18 $x17 $x16 $x16 $x16 $x16 $x8 $x6 $x4 $x2))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:32|))
(exit)

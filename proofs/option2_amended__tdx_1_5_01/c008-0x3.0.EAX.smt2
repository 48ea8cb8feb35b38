; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  8 of 135: registers 0x3.0.EAX
; stands for 78 more component(s) with the same constraints up to renaming, not exported: registers 0x3.0.EBX, 0x3.0.ECX, 0x3.0.EDX, 0x4.4.EAX, 0x4.4.EBX, 0x4.4.ECX, 0x4.4.EDX, 0x6.0.EAX, 0x6.0.EBX, 0x6.0.ECX, 0x6.0.EDX, 0x7.1.EBX, 0x7.1.ECX, 0x7.1.EDX, 0x7.2.EAX, 0x7.2.EBX, 0x7.2.ECX, 0xd.0.EDX, 0xd.1.EDX, 0xd.2.EDX, 0xd.3.EDX, 0xd.4.EDX, 0xd.5.EDX, 0xd.6.EDX, 0xd.7.EDX, 0xd.8.EDX, 0xd.9.EDX, 0xd.10.EDX, 0xd.11.EDX, 0xd.12.EDX, 0xd.13.EDX, 0xd.14.EDX, 0xd.15.EDX, 0xd.16.EDX, 0xd.17.EDX, 0xd.18.EDX, 0xf.0.EAX, 0xf.0.EBX, 0xf.0.ECX, 0xf.0.EDX, 0xf.1.EAX, 0xf.1.EBX, 0xf.1.ECX, 0xf.1.EDX, 0x14.0.EDX, 0x14.1.ECX, 0x14.1.EDX, 0x15.0.EDX, 0x1f.0.EAX, 0x1f.0.EBX, 0x1f.0.ECX, 0x1f.0.EDX, 0x21.0.EAX, 0x23.0.ECX, 0x23.0.EDX, 0x23.1.ECX, 0x23.1.EDX, 0x23.3.EBX, 0x23.3.ECX, 0x23.3.EDX, 0x80000000.0.EBX, 0x80000000.0.ECX, 0x80000000.0.EDX, 0x80000001.0.EAX, 0x80000001.0.EBX, 0x80000007.0.EAX, 0x80000007.0.EBX, 0x80000007.0.ECX, 0x80000008.0.ECX, 0x80000008.0.EDX, 0x80860001.0.EAX, 0x80860001.0.EBX, 0x80860001.0.ECX, 0x80860001.0.EDX, 0xc0000001.0.EAX, 0xc0000001.0.EBX, 0xc0000001.0.ECX, 0xc0000001.0.EDX
; stands for 27 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x8.0.EAX, 0x8.0.EBX, 0x8.0.ECX, 0x8.0.EDX, 0xe.0.EAX, 0xe.0.EBX, 0xe.0.ECX, 0xe.0.EDX, 0x10.0.EAX, 0x10.0.EBX, 0x10.0.ECX, 0x10.0.EDX, 0x10.1.EAX, 0x10.1.EBX, 0x10.1.ECX, 0x10.1.EDX, 0x10.2.EAX, 0x10.2.EBX, 0x10.2.ECX, 0x10.2.EDX, 0x10.3.EAX, 0x10.3.EBX, 0x10.3.ECX, 0x10.3.EDX, 0x11.0.EAX, 0x11.0.EBX, 0x11.0.ECX, 0x11.0.EDX, 0x12.0.EAX, 0x12.0.EBX, 0x12.0.ECX, 0x12.0.EDX, 0x13.0.EAX, 0x13.0.EBX, 0x13.0.ECX, 0x13.0.EDX, 0x19.0.EAX, 0x19.0.EBX, 0x19.0.ECX, 0x19.0.EDX, 0x1f.1.EAX, 0x1f.1.EBX, 0x1f.1.ECX, 0x1f.1.EDX, 0x1f.2.EAX, 0x1f.2.EBX, 0x1f.2.ECX, 0x1f.2.EDX, 0x1f.3.EAX, 0x1f.3.EBX, 0x1f.3.ECX, 0x1f.3.EDX, 0x1f.4.EAX, 0x1f.4.EBX, 0x1f.4.ECX, 0x1f.4.EDX, 0x1f.5.EAX, 0x1f.5.EBX, 0x1f.5.ECX, 0x1f.5.EDX, 0x20.0.EAX, 0x20.0.EBX, 0x20.0.ECX, 0x20.0.EDX, 0x22.0.EAX, 0x22.0.EBX, 0x22.0.ECX, 0x22.0.EDX, 0x23.2.EAX, 0x23.2.EBX, 0x23.2.ECX, 0x23.2.EDX, 0x24.0.EAX, 0x24.0.EBX, 0x24.0.ECX, 0x24.0.EDX, 0x24.1.EAX, 0x24.1.EBX, 0x24.1.ECX, 0x24.1.EDX, 0x80000006.0.EAX, 0x80000006.0.EBX, 0x80000006.0.ECX, 0x80000006.0.EDX, 0x8000000a.0.EAX, 0x8000000a.0.EBX, 0x8000000a.0.ECX, 0x8000000a.0.EDX, 0x8000001f.0.EAX, 0x8000001f.0.EBX, 0x8000001f.0.ECX, 0x8000001f.0.EDX, 0x80000020.0.EAX, 0x80000020.0.EBX, 0x80000020.0.ECX, 0x80000020.0.EDX, 0x80000021.0.EAX, 0x80000021.0.EBX, 0x80000021.0.ECX, 0x80000021.0.EDX, 0x80000022.0.EAX, 0x80000022.0.EBX, 0x80000022.0.ECX, 0x80000022.0.EDX, 0x80000026.0.EAX, 0x80000026.0.EBX, 0x80000026.0.ECX, 0x80000026.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
; question 2: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x3.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x3.0.EAX| () (_ BitVec 32))
(declare-fun |known:0x3.0.EAX| () (_ BitVec 32))
(declare-fun |native:0x3.0.EAX| () (_ BitVec 32))
(declare-fun |silent:reg:3:0:EAX| () Bool)
(declare-fun |violate:no_silent_drop:8| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x3.0.EAX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x3.0.EAX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0x3.0.EAX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0x3.0.EAX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:3:0:EAX| $x9)))
(let (($x11 (= |request:0x3.0.EAX| (_ bv0 32))))
(let (($x12 (not $x11)))
(let (($x13 (=> |violate:no_silent_drop:8| $x12)))
(let (($x14 (=> |assume:29| $x11)))
(let (($x15 (=> |assume:28| $x11)))
(let (($x16 (=> |assume:27| $x11)))
(and $x16 $x15 $x14 $x13 $x10))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |silent:reg:3:0:EAX|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:8|))
(exit)

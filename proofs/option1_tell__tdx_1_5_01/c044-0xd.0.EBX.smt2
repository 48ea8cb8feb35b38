; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  44 of 135: registers 0xd.0.EBX
; stands for 1 more component(s) with the same constraints up to renaming, not exported: registers 0xd.1.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (not vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0xd.0.EBX| () (_ BitVec 32))
(declare-fun |request:0xd.0.EBX| () (_ BitVec 32))
(declare-fun |known:0xd.0.EBX| () (_ BitVec 32))
(declare-fun |native:0xd.0.EBX| () (_ BitVec 32))
(declare-fun |silent:reg:13:0:EBX| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0xd.0.EBX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0xd.0.EBX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |known:0xd.0.EBX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let ((?x7 (bvand |native:0xd.0.EBX| (_ bv4294967295 32))))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x6 $x4 $x2)))
(let (($x10 (=> |silent:reg:13:0:EBX| $x9)))
(let (($x11 (= |request:0xd.0.EBX| (_ bv0 32))))
(let (($x12 (=> |assume:28| $x11)))
(let (($x13 (=> |assume:27| $x11)))
(and $x13 $x12 $x10)))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |silent:reg:13:0:EBX|))
(exit)

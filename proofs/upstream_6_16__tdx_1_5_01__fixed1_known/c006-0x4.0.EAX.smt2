; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  6 of 63: registers 0x4.0.EAX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EAX, 0x4.3.EAX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |native:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |silent:reg:4:0:EAX| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |native:0x4.0.EAX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let (($x7 (and $x6 $x4 $x2)))
(let (($x8 (=> |silent:reg:4:0:EAX| $x7)))
(let ((?x9 (bvand |request:0x4.0.EAX| (_ bv15360 32))))
(let (($x10 (= ?x9 (_ bv0 32))))
(let (($x11 (=> |assume:32| $x10)))
(let (($x12 (=> |assume:27| $x10)))
(and $x12 $x11 $x8))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:32| |silent:reg:4:0:EAX|))
(exit)

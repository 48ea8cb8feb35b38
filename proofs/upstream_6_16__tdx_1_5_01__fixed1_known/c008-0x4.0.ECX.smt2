; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  8 of 63: registers 0x4.0.ECX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.ECX, 0x4.3.ECX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.ECX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |native:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |silent:reg:4:0:ECX| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |native:0x4.0.ECX| (_ bv4294967295 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let (($x7 (and $x6 $x4 $x2)))
(=> |silent:reg:4:0:ECX| $x7)))))))))
; question 1: expected sat
(check-sat-assuming (|silent:reg:4:0:ECX|))
(exit)

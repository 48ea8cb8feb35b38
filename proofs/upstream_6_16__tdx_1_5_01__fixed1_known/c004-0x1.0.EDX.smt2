; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01__fixed1_known (spec/checks.cpuid:161)
; design     upstream_6_16
; module     tdx_1_5_01
; component  4 of 63: registers 0x1.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component; for the vacuity question,
; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here, with every variable quiet? expected sat (vacuous)
(set-logic QF_BV)
(declare-fun |dynamic:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |native:0x1.0.EDX| () (_ BitVec 32))
(declare-fun |silent:reg:1:0:EDX| () Bool)
(declare-fun |violate:fixed1_visible:4| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(declare-fun |assume:5| () Bool)
(assert
 (let ((?x1 (bvand |dynamic:0x1.0.EDX| (_ bv4294967295 32))))
(let (($x2 (= ?x1 (_ bv0 32))))
(let ((?x3 (bvand |request:0x1.0.EDX| (_ bv4294967295 32))))
(let (($x4 (= ?x3 (_ bv0 32))))
(let ((?x5 (bvand |native:0x1.0.EDX| (_ bv4166387200 32))))
(let (($x6 (= ?x5 (_ bv0 32))))
(let (($x7 (and $x6 $x4 $x2)))
(let (($x8 (=> |silent:reg:1:0:EDX| $x7)))
(let ((?x9 (bvand |request:0x1.0.EDX| |native:0x1.0.EDX|)))
(let ((?x10 (bvand (_ bv3091464192 32) ?x9)))
(let ((?x11 (bvor (_ bv128580607 32) ?x10)))
(let ((?x12 (bvnot ?x11)))
(let ((?x13 (bvand ?x11 (_ bv128580607 32))))
(let ((?x14 (bvand ?x13 ?x12)))
(let (($x15 (= ?x14 (_ bv0 32))))
(let (($x16 (not $x15)))
(let (($x17 (=> |violate:fixed1_visible:4| $x16)))
(let ((?x18 (bvand |request:0x1.0.EDX| (_ bv1203503103 32))))
(let (($x19 (= ?x18 (_ bv0 32))))
(let (($x20 (=> |assume:32| $x19)))
(let (($x21 (= |request:0x1.0.EDX| (_ bv0 32))))
(let (($x22 (=> |assume:27| $x21)))
(let ((?x23 (bvand |native:0x1.0.EDX| (_ bv128580095 32))))
(let (($x24 (= ?x23 (_ bv128580095 32))))
(let (($x25 (=> |assume:5| $x24)))
(and $x25 $x22 $x20 $x17 $x8)))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:5| |assume:27| |assume:32| |silent:reg:1:0:EDX|))
(exit)

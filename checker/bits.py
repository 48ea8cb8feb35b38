"""CPUID positions and constant bit sets: the vocabulary every stage shares.

Leaf module: imports nothing from the package. A CPUID register is named by
(leaf, subleaf, register); a leaf without a subleaf is subleaf 0, as KVM
stores it (KVM_TDX_CPUID_NO_SUBLEAF becomes index 0). The unknown future leaf
is the register key with leaf FUTURE_LEAF: its real number is symbolic and is
chosen by the solver. A BitSet is an immutable map from register to a 32-bit
mask; XFAM and ATTRIBUTES sets are plain 64-bit integers.
"""

from __future__ import annotations

from collections import abc
from typing import Any, Iterable, Iterator, Mapping

REGISTERS = ("EAX", "EBX", "ECX", "EDX")
FUTURE_LEAF = -1
MAX_LEAF = 0xFFFFFFFF
REGISTER_BITS = 32
WIDE_BITS = 64
REGISTER_MASK = (1 << REGISTER_BITS) - 1
WIDE_MASK = (1 << WIDE_BITS) - 1


class Reg:
    """One CPUID output register: (leaf, subleaf, register name).

    Registers are dict keys and set members everywhere (tens of millions of lookups in a
    large check), so there is one object per register: Reg(...) returns the one made
    first, and equality and hashing are the object's identity, done in C (a Python-level
    __hash__ was a tenth of a large check). Registers sort by their fields (or, without
    Python-level comparisons, with key=Reg.sort_key)."""

    __slots__ = ("leaf", "subleaf", "register", "_key", "leaf_key", "is_future", "_notation")
    _made: dict[tuple[int, int, str], "Reg"] = {}
    leaf: int
    subleaf: int
    register: str
    _key: tuple[int, int, str]
    leaf_key: tuple[int, int]  # (leaf, subleaf)
    is_future: bool  # the unknown future leaf's
    _notation: str | None  # notation(), made on first use

    def __new__(cls, leaf: int, subleaf: int, register: str) -> "Reg":
        key = (leaf, subleaf, register)
        reg = cls._made.get(key)
        if reg is None:
            reg = object.__new__(cls)
            object.__setattr__(reg, "leaf", leaf)
            object.__setattr__(reg, "subleaf", subleaf)
            object.__setattr__(reg, "register", register)
            object.__setattr__(reg, "_key", key)
            object.__setattr__(reg, "leaf_key", (leaf, subleaf))
            object.__setattr__(reg, "is_future", leaf == FUTURE_LEAF)
            object.__setattr__(reg, "_notation", None)
            cls._made[key] = reg
        return reg

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Reg is immutable (cannot set {name})")

    def __reduce__(self) -> tuple[Any, ...]:  # unpickled and copied registers are the one object too
        return (Reg, self._key)

    def __copy__(self) -> "Reg":
        return self

    def __deepcopy__(self, memo: Any) -> "Reg":
        return self

    def __lt__(self, other: "Reg") -> bool:
        return self._key < other._key

    def __le__(self, other: "Reg") -> bool:
        return self._key <= other._key

    def __gt__(self, other: "Reg") -> bool:
        return self._key > other._key

    def __ge__(self, other: "Reg") -> bool:
        return self._key >= other._key

    def __repr__(self) -> str:
        return f"Reg(leaf={self.leaf!r}, subleaf={self.subleaf!r}, register={self.register!r})"

    @staticmethod
    def sort_key(reg: "Reg") -> tuple[int, int, str]:
        return reg._key

    def notation(self, indexed: bool = True) -> str:
        """``0x7.0.EBX``; ``0x1.ECX`` for a leaf that is not subleaf-indexed."""
        if indexed:  # every variable's name has it: made once
            if self._notation is None:
                object.__setattr__(self, "_notation", self._written(True))
            return self._notation  # type: ignore[return-value]
        return self._written(False)

    def _written(self, indexed: bool) -> str:
        if self.is_future:
            return f"future.{self.register}"
        leaf = f"0x{self.leaf:x}"
        return f"{leaf}.{self.subleaf}.{self.register}" if indexed or self.subleaf else f"{leaf}.{self.register}"


def range_mask(hi: int, lo: int) -> int:
    return ((1 << (hi - lo + 1)) - 1) << lo


def bit_numbers(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


class BitSet(Mapping[Reg, int]):
    """An immutable set of CPUID bits, stored per register as a mask (no zero masks)."""

    __slots__ = ("_masks", "_hash")

    def __init__(self, masks: Mapping[Reg, int] | Iterable[tuple[Reg, int]] = ()):
        # collections.abc's Mapping: typing's isinstance check is slow, and sets are made by the thousand
        items = masks.items() if isinstance(masks, abc.Mapping) else masks
        clean: dict[Reg, int] = {}
        for reg, m in items:
            m &= REGISTER_MASK
            if m:
                clean[reg] = clean.get(reg, 0) | m
        self._masks = clean
        self._hash: int | None = None

    @classmethod
    def _clean(cls, masks: dict[Reg, int]) -> "BitSet":
        """A set of masks already without zeros and within the register width (kept, not copied)."""
        out = object.__new__(cls)
        out._masks = masks
        out._hash = None
        return out

    @classmethod
    def of(cls, reg: Reg, mask: int) -> "BitSet":
        mask &= REGISTER_MASK
        return cls._clean({reg: mask} if mask else {})

    def __getitem__(self, reg: Reg) -> int:
        return self._masks[reg]

    def unordered_items(self) -> Iterable[tuple[Reg, int]]:
        """(register, mask) pairs in the order the set was made: items() sorts them."""
        return self._masks.items()

    def get_mask(self, reg: Reg) -> int:
        return self._masks.get(reg, 0)

    def __iter__(self) -> Iterator[Reg]:
        return iter(sorted(self._masks, key=Reg.sort_key))

    def __len__(self) -> int:
        return len(self._masks)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._masks.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BitSet) and self._masks == other._masks

    def __or__(self, other: "BitSet") -> "BitSet":
        out = dict(self._masks)
        for r, m in other._masks.items():
            out[r] = out.get(r, 0) | m
        return BitSet._clean(out)  # unions of clean masks are clean

    def __and__(self, other: "BitSet") -> "BitSet":
        return BitSet({r: m & other._masks.get(r, 0) for r, m in self._masks.items()})

    def __sub__(self, other: "BitSet") -> "BitSet":
        return BitSet({r: m & ~other._masks.get(r, 0) for r, m in self._masks.items()})

    def __xor__(self, other: "BitSet") -> "BitSet":
        return (self - other) | (other - self)

    def issubset(self, other: "BitSet") -> bool:
        return not (self - other)

    def bit_count(self) -> int:
        return sum(m.bit_count() for m in self._masks.values())

    def registers(self) -> list[Reg]:
        return sorted(self._masks, key=Reg.sort_key)

    def bits(self) -> Iterator[tuple[Reg, int]]:
        for reg in sorted(self._masks, key=Reg.sort_key):
            for b in bit_numbers(self._masks[reg]):
                yield reg, b

    def __repr__(self) -> str:
        inner = ", ".join(f"{r.notation()}=0x{m:08x}" for r, m in sorted(self._masks.items()))
        return f"BitSet({inner})"


EMPTY = BitSet()

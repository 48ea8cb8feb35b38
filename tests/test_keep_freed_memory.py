"""checker.cli.keep_freed_memory: the command asks glibc to keep freed memory (mallopt), and
does nothing, without an error, where there is no mallopt."""

import ctypes

import pytest

from checker import cli


class _Libc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append((param, value))
        return 1


def test_the_allocator_keeps_blocks_below_32_mb_and_trims_nothing_below_512_mb(monkeypatch):
    libc = _Libc()
    monkeypatch.setattr(ctypes, "CDLL", lambda name: libc)
    cli.keep_freed_memory()
    assert libc.calls == [(-3, 32 << 20), (-1, 512 << 20)]  # M_MMAP_THRESHOLD, M_TRIM_THRESHOLD


@pytest.mark.parametrize("error", [OSError("no such library"), TypeError("LoadLibrary() argument 1 must be str")])
def test_without_a_c_library_nothing_is_done(monkeypatch, error):
    def fail(name):
        raise error
    monkeypatch.setattr(ctypes, "CDLL", fail)
    cli.keep_freed_memory()  # no exception


def test_without_mallopt_nothing_is_done(monkeypatch):
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())
    cli.keep_freed_memory()  # no exception

"""Large inputs are parsed in two processes (checker.parse.parse_in_parallel): the program
and the diagnostics must be the ones one process gives, including for files that do not
parse or cannot be read, and a forked process that fails must only cost time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker import forked, parse
from checker.semantics import analyse

SPEC = Path(__file__).resolve().parent.parent / "spec"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel parsing needs fork")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The shipped specs plus a file with a syntax error and one that is not UTF-8."""
    root = tmp_path / "spec"
    shutil.copytree(SPEC, root)
    (root / "zz_broken.cpuid").write_text("feature A = 0x1.EAX[0\ncheck broken {\n", encoding="utf-8")
    (root / "zz_latin1.cpuid").write_bytes(b"# caf\xe9\nfeature B = 0x1.EAX[1]\n")
    return root


def _rendered(program, diags) -> tuple[dict, list[str]]:
    # AST nodes compare by identity (checker.ast): their reprs show every field
    return {name: repr(tree) for name, tree in program.files.items()}, [d.render() for d in diags]


def test_two_processes_give_what_one_gives(tree: Path, monkeypatch: pytest.MonkeyPatch):
    forked: list[int] = []
    fork_parser = parse._fork_parser

    def counted(files):
        got = fork_parser(files)
        forked.append(len(files) if got else 0)
        return got
    monkeypatch.setattr(parse, "_fork_parser", counted)
    one = _rendered(*analyse([tree], jobs=1))
    assert forked == []  # jobs=1 never forks
    monkeypatch.setattr(parse, "PARALLEL_PARSE_BYTES", 1)
    two = _rendered(*analyse([tree], jobs=2))
    assert forked and forked[0] > 0  # the other process parsed some of the files
    assert two == one
    assert any("E100" in d for d in one[1]) and any("E111" in d for d in one[1])


def test_small_inputs_stay_in_one_process(tree: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parse, "_fork_parser", lambda files: pytest.fail("forked for a small input"))
    analyse([tree], jobs=2)


def test_a_failing_forked_process_only_costs_time(tree: Path, monkeypatch: pytest.MonkeyPatch):
    one = _rendered(*analyse([tree], jobs=1))

    class Broken:
        HIGHEST_PROTOCOL = 5

        @staticmethod
        def dumps(*_a, **_k):
            raise RuntimeError("the forked process fails")

        loads = staticmethod(forked.pickle.loads)
    monkeypatch.setattr(parse, "PARALLEL_PARSE_BYTES", 1)
    monkeypatch.setattr(forked, "pickle", Broken)
    assert _rendered(*analyse([tree], jobs=2)) == one


def test_no_fork_means_one_process(tree: Path, monkeypatch: pytest.MonkeyPatch):
    one = _rendered(*analyse([tree], jobs=1))

    def refuse():
        raise OSError("fork refused")
    monkeypatch.setattr(parse, "PARALLEL_PARSE_BYTES", 1)
    monkeypatch.setattr(parse.os, "fork", refuse)
    parsed = parse.parse_in_parallel([(p, str(p)) for p in sorted(tree.rglob("*.cpuid"))], jobs=2)
    assert len(parsed) == len(list(tree.rglob("*.cpuid")))  # all parsed here, none left for the caller
    assert _rendered(*analyse([tree], jobs=2)) == one


def test_an_interrupted_parse_leaves_no_process_behind(tree: Path, monkeypatch: pytest.MonkeyPatch):
    children: list[int] = []
    fork_parser = parse._fork_parser

    def recorded(files):
        got = fork_parser(files)
        children.append(got.pid)
        return got

    def interrupted(path, name):
        raise KeyboardInterrupt
    monkeypatch.setattr(parse, "PARALLEL_PARSE_BYTES", 1)
    monkeypatch.setattr(parse, "_fork_parser", recorded)
    files = [(p, str(p)) for p in sorted(tree.rglob("*.cpuid"))]
    real = parse.read_and_parse
    monkeypatch.setattr(parse, "read_and_parse", interrupted)
    with pytest.raises(KeyboardInterrupt):
        parse.parse_in_parallel(files, jobs=2)
    monkeypatch.setattr(parse, "read_and_parse", real)
    assert children
    with pytest.raises(ChildProcessError):  # reaped already
        os.waitpid(children[0], os.WNOHANG)

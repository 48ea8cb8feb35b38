"""The Pygments lexer and the pre-commit manifest: tools outside the checker.

The lexer's keywords are the grammar's, every shipped spec and every ```cpuid
block of the docs lexes without an Error token, Pygments finds the lexer through
its entry point (as `pygmentize -l cpuid-contracts` does), and the checker never
imports it; tools/build_docs.py highlights the docs with it. .pre-commit-hooks.yaml
is loaded by pre-commit's own manifest loader.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Error

from checker import lexer

REPO = Path(__file__).resolve().parent.parent
GRAMMAR = REPO / "grammar" / "cpuid_contracts.lark"
SPECS = sorted((REPO / "spec").rglob("*.cpuid"))
DOC_BLOCK = re.compile(r"^```cpuid\n(.*?)^```", re.S | re.M)


def grammar_words() -> set[str]:
    code = "\n".join(line.split("//")[0] for line in GRAMMAR.read_text().splitlines())
    return set(re.findall(r'"([A-Za-z_][A-Za-z0-9_]*)"', code))


def test_lexer_keywords_are_the_grammars():
    lexed = set(lexer.DECLARATIONS + lexer.STATEMENTS + lexer.OPERATOR_WORDS + lexer.CONSTANTS
                + lexer.BUILTIN_WORDS)
    assert lexed == grammar_words()


def test_module_classes_are_the_checkers():
    from checker.semantics import MODULE_CLASSES

    assert lexer.MODULE_CLASSES == MODULE_CLASSES


def doc_blocks() -> list[tuple[str, str]]:
    return [(f"{md.name} block {i}", block) for md in sorted((REPO / "docs").glob("*.md"))
            for i, block in enumerate(DOC_BLOCK.findall(md.read_text()), 1)]


@pytest.mark.parametrize("name,text", [(p.relative_to(REPO).as_posix(), p.read_text()) for p in SPECS]
                         + doc_blocks())
def test_specs_and_doc_blocks_lex_without_errors(name, text):
    tokens = list(get_lexer_by_name("cpuid").get_tokens(text))
    errors = [value for token, value in tokens if token is Error]
    assert errors == [], name


def test_lexer_marks_what_it_cannot_read():
    tokens = list(get_lexer_by_name("cpuid-contracts").get_tokens("feature A = 0x1.EAX[0] $\n"))
    assert (Error, "$") in tokens


def test_pygments_finds_the_lexer_through_its_entry_point(tmp_path):
    assert type(get_lexer_by_name("cpuid-contracts")).__name__ == "CpuidContractsLexer"
    assert type(get_lexer_for_filename("x.cpuid")).__name__ == "CpuidContractsLexer"
    html = subprocess.run([sys.executable, "-m", "pygments", "-l", "cpuid-contracts", "-f", "html",
                           str(REPO / "spec" / "checks.cpuid")], capture_output=True, text=True, check=True).stdout
    assert '<span class="k">verify</span>' in html


def test_docs_build_with_spec_blocks_highlighted(tmp_path):
    sys.path.insert(0, str(REPO / "tools"))
    import build_docs

    assert build_docs.main([str(tmp_path)]) == 0
    language = (tmp_path / "docs" / "language.html").read_text()
    assert '<span class="k">verify</span>' in language
    pages = sorted(tmp_path.rglob("*.html"))
    assert len(pages) == 1 + len(list((REPO / "docs").glob("*.md")))
    assert [p.name for p in pages if 'class="err"' in p.read_text()] == []


def test_the_checker_does_not_import_the_lexer():
    code = "import sys, checker.cli; sys.exit(int('pygments' in sys.modules or 'checker.lexer' in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0


def test_pre_commit_manifest_is_valid():
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "cpuid-contracts-check"
    assert hook["entry"] == "cpuid-contracts check" and hook["language"] == "python"
    assert re.search(hook["files"], "spec/designs/option1_tell.cpuid")
    assert not re.search(hook["files"], "docs/language.md")

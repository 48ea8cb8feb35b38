"""A Pygments lexer for the spec language, for editors and documentation.

Not part of the checking pipeline: nothing in checker imports it, and Pygments
is only needed for it (`pip install 'cpuid-contracts[docs]'`). It is registered
through the `pygments.lexers` entry point, so `pygmentize -l cpuid-contracts`
and Markdown renderers built on Pygments (MkDocs, Sphinx) highlight ```cpuid
blocks. The keywords are the grammar's (grammar/cpuid_contracts.lark);
tests/test_lexer.py checks that the two lists stay the same.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Whitespace

# Words that start a declaration, each followed by the name it declares.
DECLARATIONS = ("source", "leaf", "feature", "field", "set", "guarantee", "invariant", "module", "kvm", "host",
                "design", "ioctl", "check")
STATEMENTS = ("import", "assume", "verify", "expect", "requires", "else", "returns", "sets", "let", "call", "view",
              "protocol", "knows", "reports", "version", "verified", "when", "from", "in", "on", "leaves", "future",
              "no", "with", "symbolic", "vm", "vcpu", "cpuid", "repo", "commit", "file", "document", "url", "note",
              "attributes_fixed0", "attributes_fixed1", "xfam_fixed0", "xfam_fixed1")
OPERATOR_WORDS = ("and", "or", "not", "implies")
CONSTANTS = ("true", "false")
# Upper-case words of the grammar: the two 64-bit words and the SDM's CPUID.(EAX=..) notation.
BUILTIN_WORDS = ("XFAM", "ATTRIBUTES", "CPUID")
# Not grammar keywords but names the checker gives meaning to: the module's bit classes.
MODULE_CLASSES = ("fixed0", "fixed1", "configurable", "configurable_if_native", "native", "dynamic", "faulting")

NAME = r"[A-Za-z_][A-Za-z0-9_]*"


class CpuidContractsLexer(RegexLexer):
    name = "cpuid-contracts"
    aliases = ["cpuid-contracts", "cpuid"]
    filenames = ["*.cpuid"]
    mimetypes = ["text/x-cpuid-contracts"]
    url = "https://pypi.org/project/cpuid-contracts/"

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r"(#|//).*?$", Comment.Single),
            (r'"([^"\\\n]|\\.)*"', String.Double),
            (r"0[xX][0-9a-fA-F_]+", Number.Hex),
            (r"0[bB][01_]+", Number.Bin),
            (r"[0-9][0-9_]*", Number.Integer),
            (r"\b(" + "|".join(DECLARATIONS) + r")\b([ \t]+)(" + NAME + ")",
             bygroups(Keyword.Declaration, Whitespace, Name.Function)),
            (r"(\.)(" + NAME + ")", bygroups(Punctuation, Name.Attribute)),  # td.cpuid, module.fixed1, 0x7.0.EBX
            (words(OPERATOR_WORDS, suffix=r"\b"), Operator.Word),
            (words(CONSTANTS, suffix=r"\b"), Keyword.Constant),
            (words(DECLARATIONS + STATEMENTS, suffix=r"\b"), Keyword),
            (words(BUILTIN_WORDS + MODULE_CLASSES, suffix=r"\b"), Name.Builtin),
            (NAME, Name),
            (r"==|!=|<=|>=|->|\.\.|[<>|^&~=*-]", Operator),
            (r"[{}()\[\],.:]", Punctuation),
        ],
    }

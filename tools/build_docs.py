#!/usr/bin/env python3
"""Render README.md and docs/*.md to standalone HTML, spec examples highlighted.

    pip install ".[docs]"
    python tools/build_docs.py [OUTDIR]     # default: build/docs (not committed)

Python-Markdown turns the pages into HTML; its codehilite extension hands every
fenced block to Pygments, which finds the spec language's lexer through the
`pygments.lexers` entry point by the blocks' tag (```cpuid).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import markdown
from pygments.formatters import HtmlFormatter

ROOT = Path(__file__).resolve().parent.parent
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ max-width: 60em; margin: 2em auto; font-family: sans-serif; line-height: 1.4 }}
pre {{ padding: .6em; overflow-x: auto }} table {{ border-collapse: collapse }}
td, th {{ border: 1px solid #ccc; padding: .2em .5em; vertical-align: top }}
{css}</style></head>
<body>
{body}
</body></html>
"""


def render_page(text: str, title: str) -> str:
    body = markdown.markdown(text, extensions=["fenced_code", "tables", "toc", "codehilite"],
                             extension_configs={"codehilite": {"guess_lang": False}})
    return PAGE.format(title=title, css=HtmlFormatter().get_style_defs(".codehilite"), body=body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", nargs="?", default=str(ROOT / "build" / "docs"))
    args = parser.parse_args(argv)
    out = Path(args.outdir)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for md in pages:
        target = out / md.relative_to(ROOT).with_suffix(".html")
        target.write_text(render_page(md.read_text(encoding="utf-8"), md.stem), encoding="utf-8")
    print(f"wrote {len(pages)} pages to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

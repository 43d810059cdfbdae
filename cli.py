"""The `minutes` command line: ingest, parse, show, search, case, stats, serve.

Exit codes: 0 ok, 1 a domain error printed as "Error: ...", 2 a usage error.
Human output by default; `--json` for machines. Progress goes to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from ingest import IngestError, parse_file
from ingest.serialize import document_to_dict

app = typer.Typer(
    name="minutes",
    help="Search Danish municipal committee minutes (referater).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]Error:[/] {escape(message)}")
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A minutes PDF, text/markdown extraction or portal HTML page.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the parsed document as JSON.")] = False,
) -> None:
    """Parse one file and print what was found, without indexing it."""
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        document = parse_file(file)
    except IngestError as exc:
        fail(str(exc))
    from nlp.extract import extraction_json

    data = document_to_dict(document)
    data["items"] = [dict(item, **extraction_json(document, it)) for item, it in zip(data["items"], document.items, strict=True)]
    if as_json:
        print_json(data)
        return
    render_document(data)


def render_document(data: dict[str, Any]) -> None:
    meeting = data.get("meeting")
    out.print(f"[bold]{escape(data['title'])}[/]  ({data['kind']}, {data['page_count']} pages)")
    if meeting:
        out.print(f"{escape(meeting['committee'])} · {meeting['date']} · {meeting.get('place') or ''}")
        if meeting["participants"]:
            out.print(f"Deltagere: {escape(', '.join(meeting['participants']))}")
        if meeting["absent"]:
            out.print(f"Fraværende: {escape(', '.join(meeting['absent']))}")
    for item in data["items"]:
        closed = " [red](lukket)[/]" if item["closed"] else ""
        case = ", ".join(item["case_numbers"]) or "-"
        outcomes = ", ".join(d["outcome"] for d in item.get("decisions", []))
        out.print(
            f"  [bold]{item['number']:>4}[/] {escape(item['title'])}{closed}  "
            f"[dim]{escape(case)} · s. {item['page_start']}-{item['page_end']}[/]  {outcomes}"
        )
    for section in data["sections"]:
        out.print(f"  § {escape(section['heading'] or '(uden overskrift)')}  [dim]s. {section['pages']}[/]")

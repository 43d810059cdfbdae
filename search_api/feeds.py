"""Search results as an Atom feed, CSV rows or JSON, for alerts and exports.

The CSV is for Danish spreadsheets: `;` between cells, UTF-8 with a byte order
mark (Excel reads it as UTF-8 only with one), Danish column names and outcome
labels, amounts as plain numbers with a decimal comma, and a column each for
amounts, absences, votes and the decision text. The JSON has every field of
each result and the item's whole record beside it.

A CSV cell that a spreadsheet would take for a formula (it starts with =, +,
-, @, a tab or a carriage return) gets a leading ' so it stays text. The
feed leaves out every character XML 1.0 does not allow (control characters
other than tab and newlines, lone surrogates, U+FFFE and U+FFFF), whether it
came with the query or with the indexed text. Its entries are the items that
match the search, newest ingested first; each links to the web page with its
item open (`/?item=<item id>`), to the item's record (`/items/<item id>`) and
to the source file at its page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape as _escape

from index.search import SearchResult
from nlp.records import outcome_label

BOM = "\ufeff"
# (column name, what it holds), in order.
CSV_COLUMNS = (
    ("Punkt-id", "item_id"),
    ("Udvalg", "committee"),
    ("Mødedato", "meeting_date"),
    ("Punkt", "item_number"),
    ("Titel", "title"),
    ("Sagsnumre", "case_numbers"),
    ("Beslutning", "outcomes"),
    ("Beslutningstekst", "decision_text"),
    ("Beløb", "amount_texts"),
    ("Største beløb (kr.)", "largest_amount"),
    ("Fraværende", "absent"),
    ("Afstemning", "votes"),
    ("Stemte for", "voted_for"),
    ("Stemte imod", "voted_against"),
    ("Lukket punkt", "closed"),
    ("Sider", "pages"),
    ("Uddrag", "snippet"),
    ("Kilde", "source"),
    ("Link til kilden", "source_url"),
)
Records = Callable[[Sequence[str]], dict[str, dict[str, Any]]]
BATCH = 100  # results whose records are read at once while the export streams


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """`text` escaped for XML, without the characters XML cannot carry."""
    return _escape(_NOT_XML.sub("", text), {'"': "&quot;"})


def _cell(value: object) -> str:
    if isinstance(value, int | float):
        return str(value)  # a number, not text that could be a formula
    if isinstance(value, list):
        text = "; ".join(map(str, value))
    else:
        text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: str | None) -> str:
    """A decimal string as a Danish spreadsheet reads a number: 2500000, 1500000,5."""
    if not value:
        return ""
    return format(Decimal(value).normalize(), "f").replace(".", ",")


def _vote(vote: dict[str, Any]) -> str:
    parts = [
        f"{count} {label}"
        for label, count in (
            ("for", vote.get("for")),
            ("imod", vote.get("against")),
            ("undlod at stemme", vote.get("abstain")),
        )
        if count is not None
    ]
    return ", ".join(parts)


def csv_fields(
    result: SearchResult, record: dict[str, Any] | None, base_url: str
) -> dict[str, Any]:
    """One CSV row's values by field: the result and what its record adds."""
    record = record or {}
    amounts = record.get("amounts") or []
    votes = record.get("votes") or []
    sizes = [abs(Decimal(a["value"])) for a in amounts if a.get("value")]
    return result.as_dict() | {
        "outcomes": [outcome_label(o) for o in result.outcomes],
        "decision_text": " | ".join(d.get("text", "") for d in record.get("decisions") or []),
        "amount_texts": [a.get("text", "") for a in amounts],
        "largest_amount": _number(str(max(sizes))) if sizes else "",
        "absent": record.get("absent") or [],
        "votes": " | ".join(filter(None, map(_vote, votes))),
        "voted_for": sorted({n for v in votes for n in v.get("for_names") or []}),
        "voted_against": sorted({n for v in votes for n in v.get("against_names") or []}),
        "closed": "ja" if result.closed else "nej",
        "source_url": base_url.rstrip("/") + result.source_url,
    }


def _with_records(
    results: Sequence[SearchResult], records: Records
) -> Iterator[tuple[SearchResult, dict[str, Any] | None]]:
    for start in range(0, len(results), BATCH):
        batch = results[start : start + BATCH]
        found = records([r.item_id for r in batch])
        for result in batch:
            yield result, found.get(result.item_id)


def csv_rows(results: Sequence[SearchResult], records: Records, base_url: str) -> Iterator[str]:
    """The results as CSV for a Danish spreadsheet, a few rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    buffer.write(BOM)
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for k, (result, record) in enumerate(_with_records(results, records)):
        row = csv_fields(result, record, base_url)
        writer.writerow([_cell(row[field]) for _, field in CSV_COLUMNS])
        if k % 20 == 19:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_lines(
    results: Sequence[SearchResult], records: Records, total: int | None = None
) -> Iterator[str]:
    """The results as one JSON object, each with its item's whole record, streamed."""
    yield '{"results": ['
    for k, (result, record) in enumerate(_with_records(results, records)):
        row = result.as_dict() | {"record": record}
        yield ("," if k else "") + json.dumps(row, ensure_ascii=False)
    yield f'], "count": {len(results)}, "total": {len(results) if total is None else total}}}'


def newest_ingested(results: Sequence[SearchResult]) -> list[SearchResult]:
    """Newest ingested first (items indexed before the time was kept: by meeting date, after)."""
    return sorted(
        results,
        key=lambda r: (r.ingested_at or "", r.meeting_date or "", r.item_number or 0),
        reverse=True,
    )


def atom(results: Sequence[SearchResult], self_url: str, base_url: str, query: str) -> str:
    """An Atom feed of `results` in the order given (`newest_ingested`)."""
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def when(r: SearchResult) -> str:
        if r.ingested_at:
            return dt.datetime.fromisoformat(r.ingested_at).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{r.meeting_date}T00:00:00Z" if r.meeting_date else today

    updated = when(results[0]) if results else today
    title = f"minutes: {query}" if query else "minutes: nyeste punkter"
    entries = []
    for r in results:
        # Ids are URL-safe (`Document.item_id`): the page opens the item, the API serves its record.
        link = f"{base_url}?item={r.item_id}"
        record = f"{base_url}items/{r.item_id}"
        source = base_url.rstrip("/") + r.source_url
        summary = r.snippet if not r.closed else "Lukket punkt."
        outcome = f" – {', '.join(outcome_label(o) for o in r.outcomes)}" if r.outcomes else ""
        entry_title = (
            f"{r.committee or 'Baggrund'} {r.meeting_date or ''}, punkt {r.item_number}: {r.title}"
        )
        entries.append(
            "<entry>"
            f"<id>urn:minutes:item:{escape(r.item_id)}</id>"
            f"<title>{escape(entry_title)}</title>"
            f'<link rel="alternate" type="text/html" href="{escape(link)}"/>'
            f'<link rel="related" type="application/json" href="{escape(record)}"/>'
            f'<link rel="via" href="{escape(source)}"/>'
            f"<updated>{when(r)}</updated>"
            f"<summary>{escape(summary + outcome)}</summary>"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:minutes:search:{escape(self_url)}</id>"
        f"<title>{escape(title)}</title>"
        f'<link rel="self" href="{escape(self_url)}"/>'
        f"<updated>{updated}</updated>"
        "<author><name>minutes</name></author>" + "".join(entries) + "</feed>"
    )

"""Search results as an Atom feed, CSV rows or JSON, for alerts and exports.

A CSV cell that a spreadsheet would take for a formula (it starts with =, +,
-, @, a tab or a carriage return) gets a leading ' so it stays text. The
feed leaves out every character XML 1.0 does not allow (control characters
other than tab and newlines, lone surrogates, U+FFFE and U+FFFF), whether it
came with the query or with the indexed text. An entry links to the web page
with its item open (`/?item=<item id>`) and to the item's record
(`/items/<item id>`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Sequence
from xml.sax.saxutils import escape as _escape

from index.search import SearchResult

CSV_COLUMNS = (
    "item_id",
    "committee",
    "meeting_date",
    "item_number",
    "title",
    "case_numbers",
    "outcomes",
    "pages",
    "snippet",
    "score",
    "source",
)


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


def csv_rows(results: Sequence[SearchResult]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for result in results:
        row = result.as_dict()
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_lines(results: Sequence[SearchResult]) -> Iterator[str]:
    yield '{"results": ['
    for k, result in enumerate(results):
        yield ("," if k else "") + json.dumps(result.as_dict(), ensure_ascii=False)
    yield f'], "total": {len(results)}}}'


def atom(results: Sequence[SearchResult], self_url: str, base_url: str, query: str) -> str:
    newest = sorted(results, key=lambda r: (r.meeting_date or "", r.item_number or 0), reverse=True)
    updated = (
        newest[0].meeting_date if newest and newest[0].meeting_date else dt.date.today().isoformat()
    )
    title = f"minutes: {query}" if query else "minutes: nyeste punkter"
    entries = []
    for r in newest:
        # Ids are URL-safe (`Document.item_id`): the page opens the item, the API serves its record.
        link = f"{base_url}?item={r.item_id}"
        record = f"{base_url}items/{r.item_id}"
        when = f"{r.meeting_date or updated}T00:00:00Z"
        summary = r.snippet if not r.closed else "Lukket punkt."
        outcome = f" – {', '.join(r.outcomes)}" if r.outcomes else ""
        entry_title = (
            f"{r.committee or 'Baggrund'} {r.meeting_date or ''}, punkt {r.item_number}: {r.title}"
        )
        entries.append(
            "<entry>"
            f"<id>urn:minutes:item:{escape(r.item_id)}</id>"
            f"<title>{escape(entry_title)}</title>"
            f'<link rel="alternate" type="text/html" href="{escape(link)}"/>'
            f'<link rel="related" type="application/json" href="{escape(record)}"/>'
            f"<updated>{when}</updated>"
            f"<summary>{escape(summary + outcome)}</summary>"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:minutes:search:{escape(self_url)}</id>"
        f"<title>{escape(title)}</title>"
        f'<link rel="self" href="{escape(self_url)}"/>'
        f"<updated>{updated}T00:00:00Z</updated>"
        "<author><name>minutes</name></author>" + "".join(entries) + "</feed>"
    )

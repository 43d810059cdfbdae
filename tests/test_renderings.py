"""The seed minutes as other tools than ours render them parse to the gold items.

Without ../shared the seeds are read back from the generated corpus (conftest.seed_text).

Two kinds of rendering:

- Committed files in `tests/data/renderings/`, made with tools CI cannot run
  cheaply (LibreOffice, Chromium, groff, enscript, pandoc, pdftotext); the
  README there says how each was made.
- PDFs made here with pymupdf's `Story` from HTML: the seed as it is, and the
  seed restyled the way other municipal systems set their minutes (other
  item-heading and case-number forms, capitals in section names, a cover
  page, a contents page, running header and footer).

Each must give every gold item (number, title, first case number), no
extra and none missing, and the meeting's committee and date.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pymupdf
import pytest
from conftest import SEED_MINUTES, seed_text

from ingest import DocumentKind, parse_file
from ingest.pdf_hyphens import SUSPENDED_BEFORE

RENDERINGS = Path(__file__).parent / "data" / "renderings"
COMMITTED = sorted(p.name for p in RENDERINGS.iterdir() if p.suffix in {".pdf", ".html", ".txt"})


def gold_mismatches(document, gold: dict) -> list[str]:
    """What differs from the gold meeting: committee, date, and items by number."""
    problems = []
    meeting = document.meeting
    if meeting is None:
        problems.append("no meeting")
    else:
        if meeting.committee != gold["committee"]:
            problems.append(f"committee {meeting.committee!r}")
        if meeting.date.isoformat() != gold["meeting"]:
            problems.append(f"date {meeting.date}")
    got = [
        [it.number, it.title, it.case_numbers[0] if it.case_numbers else None]
        for it in document.items
    ]
    expected = {row[0]: row for row in gold["items"]}
    found = {row[0]: row for row in got}
    problems += [f"missing {n}" for n in expected if n not in found]
    problems += [f"extra {row}" for n, row in found.items() if n not in expected]
    problems += [
        f"{found[n]} != {row}" for n, row in expected.items() if n in found and found[n] != row
    ]
    if not problems and [row[0] for row in got] != [row[0] for row in gold["items"]]:
        problems.append("items out of order")
    return problems


@pytest.mark.parametrize("name", COMMITTED)
def test_committed_rendering_matches_gold(gold_items, name):
    document = parse_file(RENDERINGS / name)
    assert document.kind is DocumentKind.MINUTES
    assert gold_mismatches(document, gold_items[name[:10]]) == []


def test_running_lines_and_contents_do_not_leak(gold_items):
    """Chromium's default header and footer (date, title, URL, "3/51"), enscript's page header."""
    for name in ("2025-08-12.chromium-pandoc.pdf", "2026-02-03.enscript.pdf"):
        document = parse_file(RENDERINGS / name)
        text = "\n".join(it.text() for it in document.items)
        assert "file://" not in text and "Indholdsfortegnelse" not in text
        assert not re.search(r"^\d{1,2}/\d{1,2}$", text, re.MULTILINE)
        assert not re.search(r"Page \d+/\d+", text)


def test_hyphenated_rendering_joins_broken_words():
    """groff hyphenates the body text; the words come back whole, the compounds keep theirs."""
    document = parse_file(RENDERINGS / "2026-02-03.groff-ms.pdf")
    text = "\n".join(it.text() for it in document.items)
    assert "beskæftigelsesindsatsen" in text
    assert "CSR-strategien" in text
    seed = seed_text("2026-02-03")
    broken = re.findall(r"\w+- (\w+)", text)
    assert broken and all(
        word.lower() in SUSPENDED_BEFORE or f"- {word}" in seed for word in broken
    )


# Renderings made here: the seed as HTML, restyled, typeset by pymupdf's Story.

_ITEM = re.compile(r"^Punkt (\d+): (.*)$")
_CASE = re.compile(r"^\d\d\.\d\d\.\d\d-[A-Z]\d\d-\d+-\d\d$")
_CONTENTS_ENTRY = re.compile(r"^(.*?)\.{3,}\t(\d+)$")
_SECTION = re.compile(r"^(Resumé|Indstilling|Beslutning|Sagsfremstilling|Økonomi|Bilag)$")
# How each style sets an item heading, the case number under it and a section name.
STYLES = {
    "as-is": ("<h2>Punkt {n}: {t}</h2>", "{c}", "{s}"),
    "number-dot": ("<h2>{n}. {t}</h2>", "Sagsnr.: {c}", "{S}"),
    "pkt": ("<h2>Pkt. {n} {t}</h2>", "Åbent - {c}", "{s_plain}"),
    "nr-dash": ("<h2>Nr. {n} - {t}</h2>", "J.nr.: {c}", "{s}"),
    "sag-nr": ("<h2>{t}</h2><p><b>Sag nr. {n}</b></p>", "Sag: {c}", "{s}"),
    "label-over-title": ("<p class=label>Punkt {n}</p><h2>{t}</h2>", "Sagsnr. {c}", "{S}"),
}


def restyle(seed: str, style: str) -> tuple[list[str], str]:
    """The seed minutes as HTML in one style (cover, contents, items: each starts a page),
    and the committee line for the running header."""
    heading, case, section = STYLES[style]
    front: list[str] = []
    contents: list[str] = []
    body: list[str] = []
    paragraph: list[str] = []
    after_heading = False

    def flush() -> None:
        if paragraph:
            body.append(f"<p>{html.escape(' '.join(paragraph))}</p>")
            paragraph.clear()

    for raw in seed.splitlines():
        line = re.sub(r"\*{1,3}", "", re.sub(r"^#+\s*", "", raw.strip())).strip()
        if not line:
            flush()
            continue
        if _CONTENTS_ENTRY.match(line) and not body:
            contents.append(line)
            continue
        m = _ITEM.match(line)
        if m:
            flush()
            number, title = m.groups()
            body.append("\f" + heading.format(n=number, t=html.escape(title)))
            after_heading = True
            continue
        if not body:
            if line != "Indholdsfortegnelse":
                front.append(line)
            continue
        if after_heading and _CASE.match(line):
            body.append(f"<p>{html.escape(case.format(c=line))}</p>")
        elif _SECTION.match(line) and not paragraph:
            flush()
            name = section.format(s=line, S=line.upper(), s_plain=line.replace("é", "e"))
            body.append(f"<h3>{html.escape(name)}</h3>")
        else:
            paragraph.append(line.replace("\t", "  "))
        after_heading = False
    flush()
    title = front[0] if front else ""
    cover = f"<h1>{html.escape(title)}</h1>" + "".join(
        f"<p>{html.escape(x)}</p>" for x in front[1:]
    )
    toc = "".join(
        f"<p>{html.escape(m.group(1))} {'.' * 20} {m.group(2)}</p>"
        for m in map(_CONTENTS_ENTRY.match, contents)
    )
    items = "".join(body).split("\f")[1:]  # each item from a new page, as many systems do
    parts = [cover, f"<h2>Indholdsfortegnelse</h2>{toc}", *items]
    return parts, title.removeprefix("REFERAT ")


def _typeset(parts: list[str], path: Path, font_size: float) -> bool:
    """Each part from a new page (Story mishandles CSS page breaks); False if Story ran a
    block off the page, which it sometimes does."""
    writer = pymupdf.DocumentWriter(str(path))
    mediabox = pymupdf.paper_rect("a4")
    where = mediabox + (60, 60, -60, -60)
    complete = True
    for markup in parts:
        story = pymupdf.Story(
            html=markup, user_css=f"body{{font-family:serif;font-size:{font_size}pt}}"
        )
        more = True
        while more:
            device = writer.begin_page(mediabox)
            more, filled = story.place(where)
            complete &= filled[3] <= mediabox.y1
            story.draw(device)
            writer.end_page()
    writer.close()
    return complete


def story_pdf(parts: list[str], path: Path, running_header: str | None = None) -> Path:
    """Typeset HTML parts with pymupdf's Story on A4; add a header and "Side X af Y" after
    the first page."""
    if not any(_typeset(parts, path, size) for size in (10, 10.5, 9.5, 11)):
        pytest.fail("pymupdf's Story ran text off the page at every font size tried")
    if running_header:
        document = pymupdf.open(path)
        total = document.page_count
        for number, page in enumerate(document, start=1):
            if number > 1:
                page.insert_text((60, 35), running_header, fontsize=8)
                page.insert_text((270, 815), f"Side {number} af {total}", fontsize=8)
        document.saveIncr()
        document.close()
    return path


@pytest.mark.parametrize("meeting_date", sorted(SEED_MINUTES))
def test_story_rendering_of_markdown_matches_gold(gold_items, tmp_path, meeting_date):
    markdown_it = pytest.importorskip("markdown_it")
    seed = seed_text(meeting_date)
    markup = markdown_it.MarkdownIt("commonmark").render(seed)
    document = parse_file(story_pdf([markup], tmp_path / f"{meeting_date}.pdf"))
    assert gold_mismatches(document, gold_items[meeting_date]) == []


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("meeting_date", sorted(SEED_MINUTES))
def test_restyled_rendering_matches_gold(gold_items, tmp_path, meeting_date, style):
    seed = seed_text(meeting_date)
    markup, header = restyle(seed, style)
    document = parse_file(story_pdf(markup, tmp_path / f"{style}.pdf", running_header=header))
    assert gold_mismatches(document, gold_items[meeting_date]) == []
    text = "\n".join(it.text() for it in document.items)
    assert "Side " not in text and header not in text

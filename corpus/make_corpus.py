"""Render the bundled sample corpus as PDFs laid out the way municipalities publish minutes.

    python corpus/make_corpus.py [--seeds ../shared/seeds] [--out corpus]

The seeds are text extracted from Randers Kommune's minutes. They are parsed
with minutes' own text reader, and each meeting is written as a PDF with a
cover page, a table of contents with dotted leaders and page numbers, every
item on a new page, bold headings, a running header, a "Side X af Y" footer
and ruled tables. The employment plan is written with its headings painted
four times a fraction of a point apart ("fake bold"), as its original was.
The output is committed, so the main job needs no build step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest import parse_file  # noqa: E402
from ingest.records import Document, Section  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR = pymupdf.Font(fontfile=str(FONT_DIR / "DejaVuSans.ttf"))
BOLD = pymupdf.Font(fontfile=str(FONT_DIR / "DejaVuSans-Bold.ttf"))
WIDTH, HEIGHT = 595, 842
LEFT, RIGHT, TOP, BOTTOM = 60, 535, 78, 780
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
FIXED_DATE = "D:20260101000000+00'00'"


@dataclass
class Writer:
    """A small layout engine: wrapped paragraphs, headings, ruled tables, page breaks."""

    document: pymupdf.Document = field(default_factory=pymupdf.open)
    page: pymupdf.Page | None = None
    y: float = TOP

    def new_page(self) -> None:
        self.page = self.document.new_page(width=WIDTH, height=HEIGHT)
        self.page.insert_font(fontname="dj", fontfile=str(FONT_DIR / "DejaVuSans.ttf"))
        self.page.insert_font(fontname="djb", fontfile=str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.y = TOP

    @property
    def page_number(self) -> int:
        return self.document.page_count

    def _room(self, height: float) -> None:
        if self.page is None or self.y + height > BOTTOM:
            self.new_page()

    def _lines(self, text: str, font: pymupdf.Font, size: float, width: float) -> list[str]:
        lines, current = [], ""
        for word in text.split():
            trial = f"{current} {word}".strip()
            if current and font.text_length(trial, size) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines

    def text(
        self, text: str, size: float = 10, bold: bool = False, gap: float = 6, repeat: int = 1
    ) -> None:
        font = BOLD if bold else REGULAR
        leading = size * 1.35
        for line in self._lines(text, font, size, RIGHT - LEFT):
            self._room(leading)
            for k in range(repeat):
                # Fake bold: the same line painted again a quarter point to the right.
                self.page.insert_text(
                    (LEFT + 0.25 * k, self.y + size),
                    line,
                    fontsize=size,
                    fontname="djb" if bold else "dj",
                )
            self.y += leading
        self.y += gap

    def heading(self, text: str, size: float, repeat: int = 1) -> None:
        self._room(size * 3)
        self.y += size * 0.4
        self.text(text, size=size, bold=True, gap=size * 0.5, repeat=repeat)

    def table(self, rows: tuple[tuple[str, ...], ...], size: float = 8.5) -> None:
        columns = max(len(r) for r in rows)
        first = 170 if columns > 2 else (RIGHT - LEFT) / 2
        rest = (RIGHT - LEFT - first) / max(1, columns - 1)
        widths = [first] + [rest] * (columns - 1)
        for r, row in enumerate(rows):
            cells = list(row) + [""] * (columns - len(row))
            wrapped = [
                self._lines(c, BOLD if r == 0 else REGULAR, size, w - 6) or [""]
                for c, w in zip(cells, widths, strict=True)
            ]
            height = max(len(w) for w in wrapped) * size * 1.3 + 6
            self._room(height)
            x = LEFT
            for lines, width in zip(wrapped, widths, strict=True):
                self.page.draw_rect(
                    pymupdf.Rect(x, self.y, x + width, self.y + height),
                    color=(0.3, 0.3, 0.3),
                    width=0.5,
                )
                for k, line in enumerate(lines):
                    self.page.insert_text(
                        (x + 3, self.y + 3 + size * (1 + 1.3 * k)),
                        line,
                        fontsize=size,
                        fontname="djb" if r == 0 else "dj",
                    )
                x += width
            self.y += height
        self.y += 8


def _danish_date(date: dt.date) -> str:
    weekday = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][
        date.weekday()
    ]
    return f"{weekday.capitalize()} d. {date.day:02d}. {MONTHS[date.month - 1]} {date.year}"


def _section(writer: Writer, section: Section, repeat: int = 1, heading_size: float = 12) -> None:
    if section.heading:
        writer.heading(section.heading, heading_size, repeat=repeat)
    tables = {"\n".join(" | ".join(r) for r in t.rows): t for t in section.tables}
    for part in section.text.split("\n\n"):
        if part in tables:
            writer.table(tables[part].rows)
        elif part.strip():
            writer.text(part)


def _stamp(document: pymupdf.Document, left: str, right: str, skip_first: bool = True) -> None:
    total = document.page_count
    for number, page in enumerate(document, 1):
        page.insert_font(fontname="dj", fontfile=str(FONT_DIR / "DejaVuSans.ttf"))
        if number == 1 and skip_first:
            continue
        page.insert_text((LEFT, 40), left, fontsize=8, fontname="dj", color=(0.35, 0.35, 0.35))
        page.insert_text(
            (RIGHT - REGULAR.text_length(right, 8), 40),
            right,
            fontsize=8,
            fontname="dj",
            color=(0.35, 0.35, 0.35),
        )
        page.draw_line((LEFT, 46), (RIGHT, 46), color=(0.6, 0.6, 0.6), width=0.4)
        footer = f"Side {number} af {total}"
        page.insert_text(
            ((WIDTH - REGULAR.text_length(footer, 8)) / 2, 815), footer, fontsize=8, fontname="dj"
        )


def _finish(document: pymupdf.Document, path: Path, title: str) -> None:
    document.set_metadata(
        {
            "title": title,
            "author": "minutes sample corpus",
            "creationDate": FIXED_DATE,
            "modDate": FIXED_DATE,
            "producer": "minutes corpus/make_corpus.py",
            "creator": "minutes",
        }
    )
    document.subset_fonts()
    document.save(path, garbage=4, deflate=True, no_new_id=True)


def render_minutes(source: Document, path: Path, municipality: str = "Randers Kommune") -> None:
    meeting = source.meeting
    writer = Writer()
    writer.new_page()
    writer.y = 200
    writer.text(municipality, size=14, bold=True, gap=30)
    writer.text("Referat", size=28, bold=True, gap=10)
    writer.text(meeting.committee, size=18, bold=True, gap=30)
    writer.text(
        f"Mødedato: {_danish_date(meeting.date)} kl. {meeting.start_time or '16:30'}", gap=4
    )
    writer.text(f"Mødested: {meeting.place or 'Rådhuset'}", gap=4)
    if meeting.participants:
        writer.text(f"Mødedeltagere: {', '.join(meeting.participants)}", gap=4)
    toc_page_count = 1 + len(source.items) // 34
    for _ in range(toc_page_count):
        writer.new_page()
    starts = []
    for item in source.items:
        writer.new_page()
        starts.append(writer.page_number)
        writer.heading(f"Punkt {item.number}: {item.title}", 15)
        if item.case_numbers:
            writer.text(item.case_numbers[0], size=10, gap=10)
        for section in item.sections:
            _section(writer, section)
        if item.closed and not item.sections:
            writer.text("Lukket punkt.", gap=4)
    document = writer.document
    for k in range(toc_page_count):
        page = document[1 + k]
        page.insert_font(fontname="djb", fontfile=str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        page.insert_font(fontname="dj", fontfile=str(FONT_DIR / "DejaVuSans.ttf"))
        y = TOP
        if k == 0:
            page.insert_text((LEFT, y + 16), "Indholdsfortegnelse", fontsize=16, fontname="djb")
            y += 40
        for item, start in list(zip(source.items, starts, strict=True))[k * 34 : (k + 1) * 34]:
            label = f"{item.number}. {item.title}"
            while REGULAR.text_length(label, 10) > RIGHT - LEFT - 60:
                label = label[:-2]
            number = str(start)
            page.insert_text((LEFT, y), label, fontsize=10, fontname="dj")
            dots_from = LEFT + REGULAR.text_length(label, 10) + 4
            dots_to = RIGHT - REGULAR.text_length(number, 10) - 4
            dots = "." * max(3, int((dots_to - dots_from) / REGULAR.text_length(".", 10)))
            page.insert_text((dots_from, y), dots, fontsize=10, fontname="dj")
            page.insert_text(
                (RIGHT - REGULAR.text_length(number, 10), y), number, fontsize=10, fontname="dj"
            )
            y += 18
    _stamp(document, f"{meeting.committee} – {meeting.date.strftime('%d-%m-%Y')}", municipality)
    _finish(document, path, f"Referat {meeting.committee} {meeting.date.strftime('%d-%m-%Y')}")


def render_background(source: Document, path: Path, title: str, fake_bold: bool) -> None:
    writer = Writer()
    writer.new_page()
    writer.heading(title, 18, repeat=4 if fake_bold else 1)
    for section in source.sections:
        _section(writer, section, repeat=4 if fake_bold else 1)
    _stamp(writer.document, title, "Randers Kommune", skip_first=False)
    _finish(writer.document, path, title)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--external", type=Path, default=REPO.parent / "shared" / "external")
    parser.add_argument("--out", type=Path, default=REPO / "corpus")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, out in (
        ("000_dd634a48b5fa8e93.txt", "randers-social-og-arbejdsmarkedsudvalget-2026-02-03.pdf"),
        ("001_29e3001dddba3512.txt", "randers-beskaeftigelsesudvalget-2025-08-12.pdf"),
        ("002_4527f87a4ec4da6b.txt", "randers-beskaeftigelsesudvalget-2025-02-04.pdf"),
    ):
        render_minutes(parse_file(args.seeds / name), args.out / out)
    render_background(
        parse_file(args.seeds / "003_a743d0336590ddea.txt"),
        args.out / "background-beskaeftigelsesindsatsen-webkapitel.pdf",
        "Beskæftigelsesindsatsen",
        fake_bold=False,
    )
    render_background(
        parse_file(args.seeds / "004_2b60b0d1f6c6f43f.txt"),
        args.out / "background-beskaeftigelsesplan-2022.pdf",
        "Beskæftigelsesplan 2022",
        fake_bold=True,
    )
    shutil.copy(
        args.external / "aarhus-byraad-2025-08-27.pdf", args.out / "aarhus-byraad-2025-08-27.pdf"
    )
    for path in sorted(args.out.glob("*.pdf")):
        print(
            f"{path.name}: {pymupdf.open(path).page_count} pages, {path.stat().st_size // 1024} KB"
        )


if __name__ == "__main__":
    main()

"""Render the bundled sample corpus: seed texts in, PDFs laid out like municipal minutes out.

    python corpus/make_corpus.py [--seeds DIR] [--out DIR]

The seeds (../shared/seeds) are text extracted from Randers Kommune PDFs. This
script reads them on its own, without minutes' ingest code, so the corpus does
not depend on the parser it is used to test. Each meeting becomes a PDF with a
cover page, a table of contents with dotted leaders and page numbers (reportlab
lays the document out again until the numbers are stable), every item on a new
page, bold section headings, ruled tables, a running header, a "Side X af Y"
footer and a few long compounds hyphenated at line ends. The employment plan is
written with its headings painted four times a fraction of a point apart
("fake bold"), as its original PDF was. The output is deterministic and
committed, so nothing needs this script at run time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

REPO = Path(__file__).resolve().parents[1]
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MUNICIPALITY = "Randers Kommune"

MINUTES = {
    "000_dd634a48b5fa8e93.txt": "randers-social-og-arbejdsmarkedsudvalget-2026-02-03.pdf",
    "001_29e3001dddba3512.txt": "randers-beskaeftigelsesudvalget-2025-08-12.pdf",
    "002_4527f87a4ec4da6b.txt": "randers-beskaeftigelsesudvalget-2025-02-04.pdf",
}
WEB_CHAPTER = ("003_a743d0336590ddea.txt", "background-beskaeftigelsesindsatsen-webkapitel.pdf")
PLAN = ("004_2b60b0d1f6c6f43f.txt", "background-beskaeftigelsesplan-2022.pdf")

SECTIONS = ("Resumé", "Indstilling", "Beslutning", "Sagsfremstilling", "Økonomi", "Bilag")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    *("januar", "februar", "marts", "april", "maj", "juni"),
    *("juli", "august", "september", "oktober", "november", "december"),
)

PUNKT = re.compile(r"^Punkt (?P<number>\d+): (?P<title>.+)$")
CASE_NUMBER = re.compile(r"^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}$")
NUMBERED = re.compile(r"^(?P<marker>\d{1,2}\.)\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^[-•]\s+(?P<text>\S.*)$")
CAPTION = re.compile(r"^(?:(?:Tabel|Figur|Kort)\s+\d+(?:\.\d+)?(?::|$)|\(?Kilde:|Note:)")
FIGURE = re.compile(r"^(?:Figur|Kort)\s+\d")
NUMERIC = re.compile(r"^(?:[-–+]?\s?\d[\d.,]*\s*(?:%|pct\.)?(?:\s\([-+]?\d[\d,]*\))?|[-–])$")
EMPHASIS = re.compile(r"^(?P<stars>\*{1,3})(?P<text>[^*].*?)(?P=stars)$")

# Compound joints where a Danish word may be broken at a line end. Breaking only
# there keeps the hyphenation correct without a dictionary.
HYPHEN_PREFIXES = (
    "beskæftigelses",
    "arbejdsmarkeds",
    "kontanthjælps",
    "uddannelses",
    "virksomheds",
    "sygedagpenge",
)

# Offsets (points) at which the plan's headings are painted, as a PDF printer
# without a bold font does it.
FAKE_BOLD_OFFSETS = ((0.0, 0.0), (0.3, 0.0), (0.0, 0.3), (0.3, 0.3))

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#595959")
RULE = colors.HexColor("#9a9a9a")
BRAND = colors.HexColor("#00507d")
SHADE = colors.HexColor("#e8edf1")


# --- Seed model -------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One unit of body text: kind says how it is drawn, text is reportlab markup."""

    kind: str  # section, sub, para, lines, numbered, bullet, caption, attachment, table
    text: str = ""
    marker: str = ""
    emphasis: str = ""  # "", "b", "i" or "bi" for sub-headings
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    case_number: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Meeting:
    committee: str
    date: dt.date
    start_time: str
    place: str
    participants: str | None
    absent: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Line:
    """A seed line classified: blank, heading (markdown or a known section name), row or text."""

    kind: str
    text: str = ""
    emphasis: str = ""
    cells: tuple[str, ...] = ()


# --- Reading the minutes seeds ----------------------------------------------------------


def _markup(text: str) -> str:
    """Seed text (markdown emphasis, <b>/<i> tags from tables) to reportlab paragraph markup."""
    text = html.escape(text.replace("\\_", "_").replace("\\*", "*"), quote=False)
    for tag in ("b", "i"):
        text = text.replace(f"&lt;{tag}&gt;", f"<{tag}>").replace(f"&lt;/{tag}&gt;", f"</{tag}>")
    text = re.sub(r"\*\*\*(\S.*?)\*\*\*", r"<b><i>\1</i></b>", text)
    text = re.sub(r"\*\*(\S.*?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w*])\*(\S.*?)\*(?![\w*])", r"<i>\1</i>", text)
    return text


def plain(markup: str) -> str:
    """Reportlab markup back to the text a reader sees."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("<br/>", "\n")))


def _emphasis(text: str) -> tuple[str, str]:
    m = EMPHASIS.match(text.strip())
    if not m:
        return text.strip(), ""
    return m.group("text").strip(), {1: "i", 2: "b", 3: "bi"}[len(m.group("stars"))]


def _classify(raw: str, markdown: bool) -> Line:
    text = raw.replace("\u00a0", " ").rstrip(" \r\n")
    if not text.strip():
        return Line("blank")
    if "\t" in text:
        return Line("row", cells=tuple(c.strip() for c in text.split("\t")))
    text = text.strip()
    if markdown and text.startswith("#"):
        heading, emphasis = _emphasis(text.lstrip("#").strip())
        return Line("heading", heading.replace("\\_", "_"), emphasis)
    bare, emphasis = _emphasis(text)
    if bare in SECTIONS or bare.startswith("Beslutning fra "):
        return Line("heading", bare, emphasis)
    return Line("text", text)


def _join_hard_breaks(lines: list[str]) -> list[str]:
    """Markdown lines ending in two spaces continue on the next line."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("  ") and out[-1].strip():
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _is_section(text: str) -> bool:
    return text in SECTIONS or text.startswith("Beslutning fra ")


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.:;!?)\"”]$", plain(text).strip()))


def _item_blocks(lines: list[Line], markdown: bool) -> tuple[Block, ...]:
    """Group an item's lines into blocks: headings, paragraphs, lists, tables."""
    groups: list[tuple[str, list[Line]]] = []  # runs of text lines, rows, or single headings
    for line in lines:
        if line.kind == "blank":
            groups.append(("blank", []))
        elif line.kind == "heading":
            groups.append(("heading", [line]))
        elif groups and groups[-1][0] == line.kind:
            groups[-1][1].append(line)
        else:
            groups.append((line.kind, [line]))
    # Rows on both sides of a blank line belong to one table when the widths agree.
    merged: list[tuple[str, list[Line]]] = []
    for kind, run in groups:
        if (
            kind == "row"
            and len(merged) >= 2
            and merged[-1][0] == "blank"
            and merged[-2][0] == "row"
            and len(merged[-2][1][-1].cells) == len(run[0].cells)
        ):
            merged.pop()
            merged[-1][1].extend(run)
        else:
            merged.append((kind, run))
    groups = [g for g in merged if g[0] != "blank"]

    blocks: list[Block] = []
    section = ""
    for index, (kind, run) in enumerate(groups):
        if kind == "heading":
            line = run[0]
            if _is_section(line.text):
                section = line.text.split(",")[0]
                blocks.append(Block("section", _markup(line.text)))
            elif section == "Bilag":
                blocks.append(Block("attachment", _markup(line.text)))
            else:
                blocks.append(Block("sub", _markup(line.text), emphasis=line.emphasis or "b"))
            continue
        if kind == "row":
            blocks.append(Block("table", rows=tuple(line.cells for line in run)))
            continue
        texts = [line.text for line in run]
        if section == "Bilag":
            blocks.extend(Block("attachment", _markup(t)) for t in texts)
            continue
        if len(texts) > 1 and not any(NUMBERED.match(t) or BULLET.match(t) for t in texts):
            blocks.append(Block("lines", "<br/>".join(_markup(t) for t in texts)))
            continue
        for text in texts:
            next_kind = groups[index + 1][0] if index + 1 < len(groups) else ""
            blocks.append(_text_block(text, markdown, section, len(texts) == 1, next_kind))
    return tuple(_rejoin(blocks))


def _text_block(text: str, markdown: bool, section: str, alone: bool, next_kind: str) -> Block:
    if m := NUMBERED.match(text):
        return Block("numbered", _markup(m.group("text")), marker=m.group("marker"))
    if m := BULLET.match(text):
        return Block("bullet", _markup(m.group("text")))
    if CAPTION.match(text):
        return Block("caption", _markup(text))
    bare, emphasis = _emphasis(text)
    if emphasis in ("b", "bi"):
        return Block("sub", _markup(bare), emphasis=emphasis)
    if emphasis == "i":
        return Block("para", f"<i>{_markup(bare)}</i>")
    # The plain-text seed marks no headings: a lone short line without closing
    # punctuation, followed by more text, is a sub-heading in the original.
    if (
        not markdown
        and alone
        and next_kind == "text"
        and section in ("Resumé", "Sagsfremstilling", "Økonomi")
        and len(text) <= 110
        and text[:1].isupper()
        and not re.search(r"[.,:;!?]$", text)
    ):
        return Block("sub", _markup(text), emphasis="b")
    return Block("para", _markup(text))


def _rejoin(blocks: list[Block]) -> Iterator[Block]:
    """Join paragraphs the source split at a page break ("... samt" + "udvidelse af ...")."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == block.kind == "para"
            and not _ends_sentence(prev.text)
            and plain(block.text)[:1].islower()
        ):
            out[-1] = Block("para", f"{prev.text} {block.text}")
        else:
            out.append(block)
    return iter(out)


def read_minutes(path: Path) -> Meeting:
    """Read one minutes seed (plain text or markdown) into a meeting with its items."""
    raw = path.read_text(encoding="utf-8").splitlines()
    markdown = any(line.startswith("#") for line in raw)
    raw = _join_hard_breaks(raw)
    fields: dict[str, str] = {}
    committee, date = "", None
    starts = [i for i, line in enumerate(raw) if PUNKT.match(_emphasis(line.lstrip("# "))[0])]
    for line in raw[: starts[0]]:
        text = line.replace("*", "").lstrip("# ").strip()
        if m := re.match(
            r"^REFERAT\s+(?P<committee>.+?)\s+d\.\s+(?P<date>\d{2}-\d{2}-\d{4})", text
        ):
            committee = m.group("committee")
            date = dt.datetime.strptime(m.group("date"), "%d-%m-%Y").date()
        elif m := re.match(r"^(Mødedato|Mødested|Mødedeltagere|Afbud|Fraværende)\s+(.+)$", text):
            fields[m.group(1)] = " ".join(m.group(2).split())
    if date is None:
        raise ValueError(f"{path.name}: no 'REFERAT <udvalg> d. <dato>' line")
    time = re.search(r"kl\. (\d{1,2}[:.]\d{2})", fields.get("Mødedato", ""))
    items: list[Item] = []
    absent = fields.get("Afbud") or fields.get("Fraværende")
    for start, end in zip(starts, [*starts[1:], len(raw)], strict=True):
        m = PUNKT.match(_emphasis(raw[start].lstrip("# "))[0])
        assert m is not None
        body = raw[start + 1 : end]
        case_number = ""
        for k, line in enumerate(body):
            if line.strip():
                if CASE_NUMBER.match(line.strip()):
                    case_number = line.strip()
                    body = body[k + 1 :]
                break
        lines = [_classify(line, markdown) for line in body]
        if absent is None and not items:
            # The first item records who sent apologies: "X havde forfald (til mødet)."
            for line in lines:
                if found := re.match(r"^(.+?) havde forfald\b", line.text):
                    absent = found.group(1)
        items.append(
            Item(
                int(m.group("number")), m.group("title"), case_number, _item_blocks(lines, markdown)
            )
        )
    return Meeting(
        committee=committee,
        date=date,
        start_time=time.group(1).replace(".", ":") if time else "16:30",
        place=fields.get("Mødested", ""),
        participants=fields.get("Mødedeltagere"),
        absent=absent,
        items=tuple(items),
    )


# --- Reading the background seeds -------------------------------------------------------


def read_web_chapter(path: Path) -> tuple[str, list[Block]]:
    """The web chapter: one paragraph per line; short lines without full stop are headings."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title, blocks = lines[0], [Block("lede", _markup(lines[1]))]
    for line in lines[2:]:
        if m := BULLET.match(line):
            blocks.append(Block("bullet", _markup(m.group("text"))))
        elif CAPTION.match(line):
            blocks.append(Block("caption", _markup(line)))
        elif len(line) <= 90 and line[:1].isupper() and not re.search(r"[.,:;!?]$", line):
            blocks.append(Block("section", _markup(line)))
        else:
            blocks.append(Block("para", _markup(line)))
    return title, blocks


def _collapse(line: str, k: int = 4) -> str | None:
    """Undo text painted k times over itself, unit by unit ("1.1.1.1.2222 HHHHelhed...").

    Returns None unless the whole line decodes as units each repeated k times.
    """

    def decode(text: str, i: int) -> list[str] | None:
        if i == len(text):
            return []
        for size in range(1, (len(text) - i) // k + 1):
            unit = text[i : i + size]
            if text.startswith(unit * k, i) and (rest := decode(text, i + size * k)) is not None:
                return [unit, *rest]
        return None

    for candidate in (line, line + " "):  # the last copy may have lost its trailing space
        units = decode(candidate, 0)
        if units is not None:
            return " ".join("".join(units).split())
    return None


def _plan_heading(text: str) -> str | None:
    heading = _collapse(text)
    if heading and len(heading) * 2.5 < len(text) and re.search(r"[A-Za-zÆØÅæøå]", heading):
        return heading
    return None


def _ends_paragraph(raw: str, following: str | None) -> bool:
    """Whether a hard-wrapped line of the plan is the last line of its paragraph."""
    text = raw.strip()
    if following is None or not following.strip():
        return True
    after = following.strip()
    if after.startswith("•") or _plan_heading(after):
        return True
    if len(raw) - len(raw.rstrip(" ")) >= 2 or len(text) < 50:
        return True  # the PDF left extra spaces at paragraph ends; short lines end too
    if re.search(r"[.:!?]$", text) and len(text) < 85:
        return True
    return len(text) < 80 and (after[:1].isupper() or after[:1].isdigit())


def read_plan(path: Path) -> list[Block]:
    """The employment plan: hard-wrapped PDF lines, headings repeated four times over.

    Lines are joined into paragraphs (see _ends_paragraph); a heading is a line
    that decodes as every run painted four times.
    """
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line != ""]
    blocks: list[Block] = []
    current: list[str] = []
    for k, raw in enumerate(lines):
        text = raw.strip()
        heading = _plan_heading(text) if text else None
        if heading:
            last = blocks[-1] if blocks else None
            if last is not None and last.kind == "section" and heading[:1].islower():
                blocks[-1] = Block("section", f"{last.text} {_markup(heading)}")
            else:
                blocks.append(Block("section", _markup(heading)))
            continue
        if text:
            current.append(text)
        if current and _ends_paragraph(raw, lines[k + 1] if k + 1 < len(lines) else None):
            joined = " ".join(" ".join(current).split())
            if m := re.match(r"^•\s*(.+)$", joined):
                blocks.append(Block("bullet", _markup(m.group(1))))
            else:
                blocks.append(Block("para", _markup(joined)))
            current.clear()
    return blocks


# --- Layout ---------------------------------------------------------------------------


def _register_fonts() -> None:
    faces = {
        "DejaVuSans": "DejaVuSans.ttf",
        "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, filename in faces.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """Where reportlab may break a word at a line end: after a known compound prefix."""
    lower = word.lower()
    for prefix in HYPHEN_PREFIXES:
        if lower.startswith(prefix) and len(word) - len(prefix) >= 5:
            yield word[: len(prefix)], word[len(prefix) :]


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName="DejaVuSans",
        fontSize=10,
        leading=14,
        spaceAfter=6,
        textColor=INK,
        hyphenationLang=hyphenate,
        hyphenationMinWordLength=12,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    return {
        "body": body,
        "para": body,
        "lines": derive("lines", leading=14),
        "numbered": derive("numbered", leftIndent=18, firstLineIndent=-18, spaceAfter=4),
        "bullet": derive(
            "bullet", leftIndent=16, bulletIndent=4, spaceAfter=3, bulletFontName="DejaVuSans"
        ),
        "attachment": derive("attachment", spaceAfter=2),
        "caption": derive(
            "caption", fontName="DejaVuSans-Oblique", fontSize=8.5, leading=11, textColor=GREY
        ),
        "lede": derive("lede", fontSize=11.5, leading=16, spaceAfter=10, textColor=GREY),
        "item": derive(
            "item",
            fontName="DejaVuSans-Bold",
            fontSize=14,
            leading=18,
            spaceAfter=4,
            textColor=BRAND,
            hyphenationLang="",
            keepWithNext=1,
        ),
        "case": derive("case", fontSize=9.5, textColor=GREY, spaceAfter=14, hyphenationLang=""),
        "section": derive(
            "section",
            fontName="DejaVuSans-Bold",
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            hyphenationLang="",
            keepWithNext=1,
        ),
        "sub": derive(
            "sub",
            fontName="DejaVuSans-Bold",
            spaceBefore=6,
            spaceAfter=3,
            hyphenationLang="",
            keepWithNext=1,
        ),
        "cell": derive("cell", fontSize=8.5, leading=10.5, spaceAfter=0, hyphenationLang=""),
        "cell_right": derive(
            "cell_right",
            fontSize=8.5,
            leading=10.5,
            spaceAfter=0,
            alignment=TA_RIGHT,
            hyphenationLang="",
        ),
        "toc_title": derive(
            "toc_title", fontName="DejaVuSans-Bold", fontSize=16, leading=20, spaceAfter=16
        ),
        "cover_org": derive(
            "cover_org", fontName="DejaVuSans-Bold", fontSize=13, leading=16, textColor=BRAND
        ),
        "cover_title": derive(
            "cover_title", fontName="DejaVuSans-Bold", fontSize=30, leading=36, spaceAfter=8
        ),
        "cover_committee": derive(
            "cover_committee",
            fontName="DejaVuSans-Bold",
            fontSize=18,
            leading=23,
            spaceAfter=28,
            hyphenationLang="",
        ),
        "cover_field": derive(
            "cover_field", fontSize=10.5, leading=15, leftIndent=0, spaceAfter=7, hyphenationLang=""
        ),
        "doc_title": derive(
            "doc_title", fontName="DejaVuSans-Bold", fontSize=22, leading=28, spaceAfter=6
        ),
    }


class Rule(Flowable):
    """A horizontal line across the frame."""

    def __init__(self, thickness: float = 1.2, color: colors.Color = BRAND, gap: float = 10):
        super().__init__()
        self.thickness, self.color, self.gap = thickness, color, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.thickness + 2 * self.gap

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.gap, self.width, self.gap)


class FigurePlaceholder(Flowable):
    """The frame where the original had a chart or map: graphics only, no text."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width * 0.8
        return self.width, 118

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(colors.HexColor("#f2f4f6"))
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(0, 6, self.width, 108, stroke=1, fill=1)
        c.setStrokeColor(colors.HexColor("#7f97ab"))
        c.setLineWidth(6)
        for k, height in enumerate((40, 62, 55, 80, 71, 90)):
            x = 30 + k * (self.width - 60) / 6
            c.line(x, 16, x, 16 + height)


class FakeBoldHeading(Flowable):
    """A heading painted four times a fraction of a point apart, run by run.

    Like a PDF printer that has no bold face: the number is one run and the
    title another, and each run is drawn four times before the next.
    """

    def __init__(self, text: str, size: float, space_before: float = 12):
        super().__init__()
        self.text, self.size, self.space_before = text, size, space_before
        self.lines: list[str] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.lines, current = [], ""
        for word in self.text.split():
            trial = f"{current} {word}".strip()
            if current and pdfmetrics.stringWidth(trial, "DejaVuSans", self.size) > (
                available_width - 2
            ):
                self.lines.append(current)
                current = word
            else:
                current = trial
        self.lines.append(current)
        self.width = available_width
        self.height = self.space_before + len(self.lines) * self.size * 1.3 + self.size * 0.5
        return available_width, self.height

    def getKeepWithNext(self) -> bool:  # reportlab's hook
        return True

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(INK)
        y = self.height - self.space_before - self.size
        for line in self.lines:
            m = re.match(r"^(\d+(?:\.\d+)*\.?\s)(.*)$", line)
            runs = [m.group(1), m.group(2)] if m else [line]
            x = 0.0
            for run in runs:
                for dx, dy in FAKE_BOLD_OFFSETS:
                    c.setFont("DejaVuSans", self.size)
                    c.drawString(x + dx, y + dy, run)
                x += pdfmetrics.stringWidth(run, "DejaVuSans", self.size)
            y -= self.size * 1.3


def _column_widths(rows: list[list[str]], header: int, total: float, size: float) -> list[float]:
    """Full-width columns: none narrower than its longest word, the rest shared by need.

    Header cells may wrap, so only the body rows say how wide a column would like to be.
    """

    def width(text: str) -> float:
        return pdfmetrics.stringWidth(text, "DejaVuSans-Bold", size) + 10

    columns = len(rows[0])
    natural, minimal = [28.0] * columns, [28.0] * columns
    for r, row in enumerate(rows):
        if _is_span_row(row):
            continue
        for k, cell in enumerate(row):
            if r >= header or len(rows) == 1:
                natural[k] = max(natural[k], min(width(cell), total * 0.6))
            minimal[k] = max([minimal[k], *(width(word) for word in cell.split())])
    natural = [max(n, m) for n, m in zip(natural, minimal, strict=True)]
    if sum(natural) <= total:
        natural[0] += total - sum(natural)
        return natural
    spare = total - sum(minimal)
    need = [n - m for n, m in zip(natural, minimal, strict=True)]
    return [m + spare * n / (sum(need) or 1) for m, n in zip(minimal, need, strict=True)]


def _is_span_row(row: list[str]) -> bool:
    return len(row) > 2 and bool(row[0]) and not any(row[1:]) and len(plain(row[0])) > 25


def _table(rows: tuple[tuple[str, ...], ...], styles: dict[str, ParagraphStyle]) -> Table:
    columns = max(len(r) for r in rows)
    cells = [list(r) + [""] * (columns - len(r)) for r in rows]
    texts = [[plain(_markup(c)) for c in row] for row in cells]
    header = 0
    while header < len(cells) - 1 and _is_span_row(texts[header]):
        header += 1
    header += 1
    numeric_columns = {
        k
        for k in range(1, columns)
        if sum(bool(NUMERIC.match(row[k])) for row in texts[header:] if row[k])
        > len(texts[header:]) / 2
    }
    data = []
    for r, row in enumerate(cells):
        out = []
        for k, cell in enumerate(row):
            markup = _markup(cell)
            if r < header and "<b>" not in markup and markup:
                markup = f"<b>{markup}</b>"
            style = styles["cell_right"] if k in numeric_columns else styles["cell"]
            out.append(Paragraph(markup, style))
        data.append(out)
    size = styles["cell"].fontSize
    widths = _column_widths(texts, header, A4[0] - 45 * mm, size)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header - 1), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for r, row in enumerate(texts):
        if _is_span_row(row):
            commands.append(("SPAN", (0, r), (-1, r)))
    table = Table(data, colWidths=widths, repeatRows=header, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    table.spaceBefore, table.spaceAfter = 4, 10
    return table


def flowables(blocks: list[Block] | tuple[Block, ...], styles: dict[str, ParagraphStyle]) -> list:
    """Blocks to reportlab flowables."""
    out: list = []
    recent: list[str] = []  # the web chapter repeats each caption once, a few lines later
    recent_kinds: list[str] = []
    for block in blocks:
        if block.kind == "table":
            out.append(_table(block.rows, styles))
        elif block.kind == "numbered":
            out.append(Paragraph(f"{block.marker}\u00a0{block.text}", styles["numbered"]))
        elif block.kind == "bullet":
            out.append(Paragraph(block.text, styles["bullet"], bulletText="•"))
        elif block.kind == "sub":
            italic = block.emphasis in ("i", "bi")
            out.append(Paragraph(f"<i>{block.text}</i>" if italic else block.text, styles["sub"]))
        elif block.kind == "caption":
            if FIGURE.match(plain(block.text)) and plain(block.text) not in recent[-4:]:
                out.append(FigurePlaceholder())
            out.append(Paragraph(block.text, styles["caption"]))
        else:
            if block.kind == "para" and recent_kinds[-1:] in (["bullet"], ["numbered"]):
                out.append(Spacer(1, 4))  # a little air after a list
            out.append(Paragraph(block.text, styles[block.kind]))
        recent.append(plain(block.text))
        recent_kinds.append(block.kind)
    return out


class TocEntry(Flowable):
    """One line of the table of contents: "13. Title ........ 4", linked to the item.

    Drawn by hand so the title, the leader dots and the page number are written
    in reading order on one baseline, the way a word processor writes them.
    """

    size, leading, indent, number_room = 10.0, 13.5, 24.0, 30.0

    def __init__(self, number: int, title: str, page: int):
        super().__init__()
        self.number, self.title, self.page = number, title, page
        self.lines: list[str] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        room = available_width - self.indent - self.number_room
        self.lines, current = [], ""
        for word in self.title.split():
            trial = f"{current} {word}".strip()
            if current and pdfmetrics.stringWidth(trial, "DejaVuSans", self.size) > room:
                self.lines.append(current)
                current = word
            else:
                current = trial
        self.lines.append(current)
        self.width = available_width
        self.height = len(self.lines) * self.leading + 5
        return available_width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFont("DejaVuSans", self.size)
        c.setFillColor(INK)
        y = self.height - self.size
        for k, line in enumerate(self.lines):
            if k == 0:
                c.drawString(0, y, f"{self.number}. {line}")
            else:
                y -= self.leading
                c.drawString(self.indent, y, line)
        last = f"{self.number}. {self.lines[0]}" if len(self.lines) == 1 else self.lines[-1]
        start = (0 if len(self.lines) == 1 else self.indent) + self.text_width(last) + 3
        page = str(self.page)
        end = self.width - self.text_width(page) - 3
        count = max(3, int((end - start) / self.text_width(".")))
        c.drawRightString(end, y, "." * count)
        c.drawRightString(self.width, y, page)
        c.linkRect("", f"punkt-{self.number}", (0, y - 3, self.width, self.height), relative=1)

    def text_width(self, text: str) -> float:
        return pdfmetrics.stringWidth(text, "DejaVuSans", self.size)


class Document(BaseDocTemplate):
    """A4 pages with a running header and a "Side X af Y" footer; records where items start."""

    def __init__(
        self,
        path: Path,
        *,
        title: str,
        header_left: str,
        cover: bool,
        footer: str,
        total_pages: int,
        **kw: object,
    ):
        super().__init__(
            str(path),
            pagesize=A4,
            leftMargin=25 * mm,
            rightMargin=20 * mm,
            topMargin=27 * mm,
            bottomMargin=22 * mm,
            title=title,
            author=MUNICIPALITY,
            creator="minutes corpus/make_corpus.py",
            invariant=1,
            lang="da-DK",
            initialFontName="DejaVuSans",
            initialFontSize=10,
            **kw,
        )
        self.header_left, self.footer, self.total_pages = header_left, footer, total_pages
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        templates = [PageTemplate("body", [frame], onPage=self._decorate)]
        if cover:
            templates.insert(0, PageTemplate("cover", [frame]))
        self.addPageTemplates(templates)
        self.item_pages: dict[int, int] = {}

    def _decorate(self, canvas, doc) -> None:  # reportlab's onPage hook
        width, _ = A4
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.setFillColor(GREY)
        top = A4[1] - 15 * mm
        if self.header_left:
            canvas.drawString(self.leftMargin, top, self.header_left)
            canvas.drawRightString(width - self.rightMargin, top, MUNICIPALITY)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(self.leftMargin, top - 4, width - self.rightMargin, top - 4)
        if self.footer == "side":
            canvas.drawCentredString(width / 2, 12 * mm, f"Side {doc.page} af {self.total_pages}")
        else:
            canvas.drawRightString(width - self.rightMargin, 12 * mm, str(doc.page))
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # reportlab's hook
        entry = getattr(flowable, "item_entry", None)
        if entry is not None:
            number, title = entry
            key = f"punkt-{number}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(f"Punkt {number}: {title}", key, level=0)
            self.item_pages[number] = self.page


def _build(
    make_document: Callable[[int], Document], make_story: Callable[[dict[int, int]], list]
) -> dict[int, int]:
    """Lay out again until the page count and the items' pages (so the TOC) are stable."""
    pages: dict[int, int] = {}
    total = 0
    for _ in range(8):
        document = make_document(total)
        document.build(make_story(pages))
        if document.item_pages == pages and document.page == total:
            return pages
        pages, total = dict(document.item_pages), document.page
    raise RuntimeError("layout did not settle")


def danish_date(date: dt.date) -> str:
    weekday = WEEKDAYS[date.weekday()].capitalize()
    return f"{weekday} d. {date.day:02d}. {MONTHS[date.month - 1]} {date.year}"


def render_minutes(meeting: Meeting, path: Path) -> dict[int, int]:
    """Write the meeting as a PDF; return the page each item starts on."""
    styles = _styles()
    date = meeting.date.strftime("%d-%m-%Y")

    def make_document(total_pages: int) -> Document:
        return Document(
            path,
            title=f"Referat - {meeting.committee} - {date}",
            subject=f"Referat af mødet i {meeting.committee} {danish_date(meeting.date).lower()}",
            header_left=f"{meeting.committee} – {date}",
            cover=True,
            footer="side",
            total_pages=total_pages,
        )

    def make_story(item_pages: dict[int, int]) -> list:
        story: list = [
            Spacer(1, 40 * mm),
            Paragraph(MUNICIPALITY, styles["cover_org"]),
            Rule(),
            Paragraph("Referat", styles["cover_title"]),
            Paragraph(html.escape(meeting.committee), styles["cover_committee"]),
        ]
        fields = [
            ("Mødedato", f"{danish_date(meeting.date)} kl. {meeting.start_time}"),
            ("Mødested", meeting.place),
            ("Mødedeltagere", meeting.participants),
            ("Afbud", meeting.absent),
        ]
        for label, value in fields:
            if value:
                markup = f"<b>{label}:</b> {html.escape(value)}"
                story.append(Paragraph(markup, styles["cover_field"]))
        story += [NextPageTemplate("body"), PageBreak()]
        story.append(Paragraph("Indholdsfortegnelse", styles["toc_title"]))
        story += [TocEntry(i.number, i.title, item_pages.get(i.number, 0)) for i in meeting.items]
        for item in meeting.items:
            heading = Paragraph(f"Punkt {item.number}: {html.escape(item.title)}", styles["item"])
            heading.item_entry = (item.number, item.title)
            story += [PageBreak(), heading]
            if item.case_number:
                story.append(Paragraph(item.case_number, styles["case"]))
            story += flowables(item.blocks, styles)
        return story

    return _build(make_document, make_story)


def render_web_chapter(title: str, blocks: list[Block], path: Path) -> None:
    styles = _styles()

    def make_document(total_pages: int) -> Document:
        return Document(
            path,
            title=title,
            subject="Kapitel om beskæftigelsesindsatsen i Randers Kommune (webudgave)",
            header_left=title,
            cover=False,
            footer="side",
            total_pages=total_pages,
        )

    def make_story(_: dict[int, int]) -> list:
        story = [Paragraph(html.escape(title), styles["doc_title"]), Rule(0.8, RULE, 6)]
        return story + flowables(blocks, styles)

    _build(make_document, make_story)


def render_plan(blocks: list[Block], path: Path) -> None:
    styles = _styles()
    title = "Beskæftigelsesplan 2022"

    def make_document(total_pages: int) -> Document:
        return Document(
            path,
            title=title,
            subject="Beskæftigelsesplan 2022 for Randers Kommune",
            header_left="",
            cover=False,
            footer="number",
            total_pages=total_pages,
        )

    def make_story(_: dict[int, int]) -> list:
        story: list = [FakeBoldHeading(title, 22, space_before=0), Spacer(1, 8)]
        story += [Paragraph(MUNICIPALITY, styles["cover_org"]), Spacer(1, 18)]
        for block in blocks:
            if block.kind == "section":
                top_level = bool(re.match(r"^\d+\.\s", plain(block.text)))
                story.append(FakeBoldHeading(plain(block.text), 14 if top_level else 11.5))
            else:
                story += flowables([block], styles)
        return story

    _build(make_document, make_story)


# --- Self-check -------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def check_minutes(meeting: Meeting, path: Path, item_pages: dict[int, int]) -> None:
    """Every item heading and case number is on the page the TOC gives; footers count right."""
    with pymupdf.open(path) as pdf:
        pages = [_squash(page.get_text()) for page in pdf]
        toc = " ".join(pages[1 : min(item_pages.values()) - 1])
        for item in meeting.items:
            page = pages[item_pages[item.number] - 1]
            heading = f"Punkt {item.number}: {_squash(item.title)}"
            if heading not in page or item.case_number not in page:
                raise AssertionError(f"{path.name}: item {item.number} not on its page")
            entry = rf"{item.number}\. {re.escape(_squash(item.title))} [. ]*{item_pages[item.number]}\b"
            if not re.search(entry, toc):
                raise AssertionError(f"{path.name}: TOC entry {item.number} wrong")
        for number, text in enumerate(pages[1:], 2):
            if f"Side {number} af {len(pages)}" not in text:
                raise AssertionError(f"{path.name}: footer of page {number}")


# --- Main -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--seeds",
        type=Path,
        default=REPO.parent / "shared" / "seeds",
        help="folder with the seed texts 000-004 (default: ../shared/seeds)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "corpus", help="where to write (default: corpus/)"
    )
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        parser.error(f"no such folder: {args.seeds}")
    _register_fonts()
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for seed, name in MINUTES.items():
        meeting = read_minutes(args.seeds / seed)
        item_pages = render_minutes(meeting, args.out / name)
        check_minutes(meeting, args.out / name, item_pages)
        written.append(args.out / name)
    title, blocks = read_web_chapter(args.seeds / WEB_CHAPTER[0])
    render_web_chapter(title, blocks, args.out / WEB_CHAPTER[1])
    render_plan(read_plan(args.seeds / PLAN[0]), args.out / PLAN[1])
    written += [args.out / WEB_CHAPTER[1], args.out / PLAN[1]]
    for path in written:
        with pymupdf.open(path) as pdf:
            print(f"{path.name}: {pdf.page_count} pages, {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()

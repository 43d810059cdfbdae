"""Minutes with closed items in every form a municipality prints them, each with a secret.

`make_closed_corpus(folder)` writes each form as markdown, plain text, a styled
PDF (bold headings) and a one-font PDF, and returns them as `ClosedFile`s: the
file, its meeting, and per form the word that must never leave `minutes`. The
word sits in every sentence of the closed text (beside an amount, a name, a
date), so any part of it that is kept shows up.

`#` marks a heading line in the sources below; `{s}` is the form's secret.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf

VARIANTS = ("md", "txt", "pdf", "plainpdf")


@dataclass(frozen=True)
class Form:
    name: str  # what the form is, as the test reports it
    slug: str  # the secret's stem
    lines: str  # the item(s), with "{s}" for the secret
    published: str = ""  # a decision that must still be shown ("" when none is published)


# Items 1 and 9 are open; everything else is closed in one of the ways portals mark it.
NUMBERED_FORMS = (
    Form(
        "'Lukket:' in the title, plain body paragraphs, no Beslutning",
        "Plain",
        """# Punkt 2: Lukket: Salg af grund ved Nørrevej
82.02.00-G01-2-25
Køber er {s} ApS, der byder 4,2 mio. kr. for grunden.
Handlen med {s} forventes afsluttet den 1. maj 2025.
""",
    ),
    Form(
        "'Lukket punkt:' in the title, sub-headings and a decision",
        "Sub",
        """# Punkt 3: Lukket punkt: Personalesag
81.00.00-A00-3-25
# Baggrund for {s}
Medarbejderen {s} har søgt om fratrædelse med løn i seks måneder.
# Økonomi
Fratrædelsen af {s} koster 300.000 kr.
# Beslutning
Godkendt.
""",
        "Godkendt.",
    ),
    Form(
        "'Fortroligt:' in the title, Sagsfremstilling and Indstilling",
        "Sags",
        """# Punkt 4: Fortroligt: Erstatningssag
85.00.00-G01-4-25
# Sagsfremstilling
Advokat {s} har på vegne af Hans Jensen krævet 1,5 mio. kr. i erstatning.
# Indstilling
Direktionen indstiller, at kravet fra {s} afvises.
# Beslutning
Indstillingen blev godkendt.
""",
        "Indstillingen blev godkendt.",
    ),
    Form(
        "title ending '(Lukket punkt)'",
        "Paren",
        """# Punkt 5: Salg af ejendom på Bakkevej (Lukket punkt)
82.02.00-G01-5-25
# Sagsfremstilling
Firmaet {s} byder 2,8 mio. kr. for ejendommen på Bakkevej 7.
# Beslutning
Godkendt.
""",
        "Godkendt.",
    ),
    Form(
        "title ending '- Lukket punkt', a lone body paragraph",
        "Dash",
        """# Punkt 6: Gensidig orientering - Lukket punkt
Borgmesteren orienterede om klagen fra {s} over skolelederen.
""",
    ),
    Form(
        "first line of the body 'Lukket punkt', the title unmarked",
        "First",
        """# Punkt 7: Ansættelse af direktør
Lukket punkt
Ansættelsesudvalget indstiller {s} til stillingen med en løn på 1,1 mio. kr.
# Beslutning
Godkendt.
""",
        "Godkendt.",
    ),
    Form(
        "attachments list under a closed item",
        "Bilag",
        """# Punkt 8: Lukket: Køb af landbrugsjord
82.01.00-G01-8-25
# Sagsfremstilling
Kommunen kan købe jorden af {s} for 900.000 kr.
# Bilag
1. Købsaftale med {s}
2. Vurdering af ejendommen {s}
# Beslutning
Godkendt.
""",
        "Godkendt.",
    ),
    Form(
        "first line of the body 'Lukket', sections under it, the title unmarked",
        "Marker",
        """# Punkt 10: Udbud af rengøring
02.15.00-G01-10-25
Lukket
# Sagsfremstilling
Firmaet {s} har afgivet det laveste bud på 2,1 mio. kr.
# Beslutning
Godkendt.
""",
        "Godkendt.",
    ),
    Form(
        "a closed item as the last item of the minutes",
        "Last",
        """# Punkt 11: Lukket: Retssag mod entreprenør
03.00.00-G01-11-25
Entreprenøren {s} har stævnet kommunen for 3,4 mio. kr.
Sagen mod {s} afventer dom i landsretten.
""",
    ),
)

NUMBERED_OPEN = """# Punkt 1: Godkendelse af dagsorden
00.22.00-P35-1-25
# Beslutning
Godkendt.
"""

NUMBERED_OPEN_9 = """# Punkt 9: Eventuelt
00.01.00-A00-9-25
# Beslutning
Intet.
"""

MEETING_WIDE = (
    Form(
        "meeting-wide 'Lukkede punkter' heading before several unmarked items",
        "Section",
        """# Lukkede punkter
# Punkt 3: Salg af areal ved havnen
82.02.00-G01-31-25
# Sagsfremstilling
Rederiet {s} vil købe arealet for 5,5 mio. kr.
# Beslutning
Godkendt.
# Punkt 4: Ekspropriation til vejudvidelse
05.01.00-P20-32-25
# Sagsfremstilling
Ejeren {s} modsætter sig ekspropriationen.
# Beslutning
Godkendt.
""",
        "Godkendt.",
    ),
    Form(
        "meeting-wide 'Lukket møde' heading before several unmarked items",
        "Meeting",
        """# Lukket møde
# Punkt 3: Salg af byggegrunde
82.02.00-G01-41-25
# Sagsfremstilling
Byggefirmaet {s} byder 7,7 mio. kr. for grundene.
# Beslutning
Godkendt.
# Punkt 4: Personalesag
81.00.00-A00-42-25
# Sagsfremstilling
Lederen {s} er fritaget for tjeneste.
# Beslutning
Taget til efterretning.
""",
        "Godkendt.",
    ),
)

MEETING_WIDE_OPEN = """# Punkt 1: Godkendelse af dagsorden
00.22.00-P35-1-25
# Beslutning
Godkendt.
# Punkt 2: Cykelsti langs Ringvejen
05.01.00-G01-2-25
# Sagsfremstilling
Forvaltningen foreslår en cykelsti langs Ringvejen.
# Beslutning
Godkendt.
"""

UNNUMBERED = (
    Form(
        "a closed item ('Lukket punkt' over its title) in unnumbered, Sagsid.-delimited minutes",
        "Sagsid",
        """Lukket punkt
Salg af grund i Vestby
Sagsid.: 22/36619
# Sagsfremstilling
Køberen {s} betaler 1,9 mio. kr. for grunden.
# Beslutning Byrådet den 30-11-2022
Godkendt.
""",
        "Godkendt.",
    ),
)

UNNUMBERED_OPEN = """Godkendelse af dagsorden
Sagsid.: 22/2694
# Indstilling
Sekretariatet indstiller, at dagsordenen godkendes.
# Beslutning Byrådet den 30-11-2022
Godkendt.
"""

UNNUMBERED_OPEN_LAST = """Valg til hallens bestyrelse
Sagsid.: 22/4001
# Sagsfremstilling
Bestyrelsen for hallen skal have et nyt medlem.
# Beslutning Byrådet den 30-11-2022
Byrådet valgte Bent Krogh.
"""

FORMS = (*NUMBERED_FORMS, *MEETING_WIDE, *UNNUMBERED)


def secret(form: Form, variant: str) -> str:
    """The word that must never leave `minutes`: one per form and file."""
    return f"Hemmelig{form.slug}{variant.capitalize()}"


@dataclass(frozen=True)
class ClosedFile:
    path: Path
    variant: str
    committee: str
    date: str  # the meeting's date, YYYY-MM-DD
    secrets: dict[str, str]  # form name -> secret word
    published: dict[str, str]  # form name -> the decision text that must still be shown


def _fill(form: Form, variant: str) -> str:
    return form.lines.replace("{s}", secret(form, variant))


def _documents(variant: str, day: int) -> Iterator[tuple[str, str, str, tuple[Form, ...]]]:
    """(committee, date, source with '#' headings, forms) of each meeting in a variant."""
    date = f"2025-03-{day:02d}"
    head = f"# Referat\nØkonomiudvalget\nMødedato: {day}. marts 2025 kl. 16:00\nMødedeltagere: Anna Jensen, Bo Hansen og Carl Nielsen\n"
    filled = [_fill(f, variant) for f in NUMBERED_FORMS]
    body = [NUMBERED_OPEN, *filled[:7], NUMBERED_OPEN_9, *filled[7:]]
    yield "Økonomiudvalget", date, head + "".join(body), NUMBERED_FORMS
    for k, form in enumerate(MEETING_WIDE):
        date = f"2025-04-{day + 10 * k:02d}"
        head = (
            f"# Referat\nTeknik- og Miljøudvalget\nMødedato: {day + 10 * k}. april 2025 kl. 15:00\n"
        )
        yield (
            "Teknik- og Miljøudvalget",
            date,
            head + MEETING_WIDE_OPEN + _fill(form, variant),
            (form,),
        )
    date = f"2022-11-{day:02d}"
    head = (
        f"Beslutningsprotokol\nonsdag den {day}. november 2022 kl. 17:00\n"
        "Mødested: Byrådssalen\nUdvalg: Byrådet\nMedlemmer: Anne Holm, Bent Krogh, Carsten Due\n"
    )
    source = head + UNNUMBERED_OPEN + _fill(UNNUMBERED[0], variant) + UNNUMBERED_OPEN_LAST
    yield "Byrådet", date, source.replace("30-11-2022", f"{day}-11-2022"), UNNUMBERED


def as_markdown(source: str) -> str:
    return (
        "\n\n".join(
            line.replace("# ", "## ", 1) if line.startswith("# ") else line
            for line in source.splitlines()
        )
        + "\n"
    )


def as_text(source: str) -> str:
    return "\n\n".join(line.removeprefix("# ") for line in source.splitlines()) + "\n"


def as_pdf(source: str, styled: bool) -> bytes:
    """A4 pages, a line per line; headings bold and larger when `styled`, else one font."""
    document = pymupdf.open()
    page, y = None, 0.0
    for line in source.splitlines():
        heading = line.startswith("# ")
        text = line.removeprefix("# ")
        if page is None or y > 780:
            page, y = document.new_page(width=595, height=842), 60.0
        if heading and styled:
            y += 8
            page.insert_text((56, y), text, fontname="hebo", fontsize=12)
            y += 18
        else:
            page.insert_text((56, y), text, fontname="helv", fontsize=10)
            y += 14
    data = document.tobytes()
    document.close()
    return data


def make_closed_corpus(folder: Path) -> list[ClosedFile]:
    """Every form in every variant, one meeting per file and date."""
    files = []
    for v, variant in enumerate(VARIANTS):
        for m, (committee, date, source, forms) in enumerate(_documents(variant, 3 + v)):
            stem = f"lukket-{m}-{variant}"
            if variant == "md":
                path = folder / f"{stem}.md"
                path.write_text(as_markdown(source))
            elif variant == "txt":
                path = folder / f"{stem}.txt"
                path.write_text(as_text(source))
            else:
                path = folder / f"{stem}.pdf"
                path.write_bytes(as_pdf(source, styled=variant == "pdf"))
            files.append(
                ClosedFile(
                    path,
                    variant,
                    committee,
                    date,
                    {f.name: secret(f, variant) for f in forms},
                    {f.name: f.published for f in forms if f.published},
                )
            )
    return files

"""Minutes web pages from any portal read as a PDF reads: items, sections, the meeting, no chrome.

The pages here are written for these tests in the styles Danish portals use (an
SBSYS/Prepare page with its label/value header and a "PUNKTER" list, an old
ASP.NET page in one form with bold section labels, an Acadre-style header table,
an eDoc item page, an accordion whose panels are hidden until opened, an item set
out as a table). None is a copy of a real page. Each is wrapped in the chrome such
portals carry: a cookie banner, a skip link, navigation, breadcrumbs and a footer.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest import parse_bytes
from ingest.html import read_html
from ingest.records import BlockKind, Document, DocumentKind, SectionKind

D = SectionKind.DECISION
C = SectionKind.CASE
R = SectionKind.RECOMMENDATION
E = SectionKind.ECONOMY
RES = SectionKind.RESUME
H = SectionKind.HISTORY
A = SectionKind.ATTACHMENTS

CHROME_WORDS = (
    "cookie",
    "Accepter",
    "Spring til indhold",
    "Forside",
    "Politik og demokrati",
    "Kontakt os",
    "Rådhustorvet 1",
    "Tilgængelighedserklæring",
    "Del på Facebook",
    "Søg på siden",
    "Abonnér",
    "Menu",
)


def page(body: str, title: str = "Referat", charset: str = "utf-8") -> str:
    """A portal page around `body`: head, cookie banner, skip link, header, nav, breadcrumbs, footer."""
    return f"""<!DOCTYPE html>
<html lang="da"><head><meta charset="{charset}"><title>{title} - Eksempel Kommune</title>
<style>.x {{ font-weight: bold }}</style><script>window.dataLayer = [];</script></head>
<body>
<div id="CybotCookiebotDialog" class="cookie-banner"><h2>Vi bruger cookies</h2>
<p>Vi bruger cookies til statistik og for at huske dine valg.</p>
<button>Accepter alle</button><button>Kun nødvendige</button></div>
<a class="skip-link" href="#indhold">Spring til indhold</a>
<header class="site-header"><a href="/"><img src="logo.svg" alt="Eksempel Kommune"></a>
<form role="search" action="/soeg"><label for="q">Søg på siden</label><input id="q"></form>
<nav aria-label="Hovedmenu"><ul><li><a href="/">Forside</a></li>
<li><a href="/politik">Politik og demokrati</a></li><li><a href="/kontakt">Kontakt os</a></li></ul></nav>
<button class="menu-toggle" aria-expanded="false">Menu</button></header>
<ol class="breadcrumb"><li><a href="/">Forside</a></li><li><a href="/politik">Politik og demokrati</a></li>
<li>Dagsordener og referater</li></ol>
<main id="indhold">
{body}
<div class="share"><a href="#">Del på Facebook</a></div>
</main>
<aside><h2>Abonnér på referater</h2><p>Få besked, når der er nyt.</p></aside>
<footer><p>Eksempel Kommune, Rådhustorvet 1, 9999 Eksempelby</p>
<p><a href="/was">Tilgængelighedserklæring</a></p></footer>
<script>trackPage();</script>
</body></html>"""


def parse(html: str, charset: str = "utf-8") -> Document:
    return parse_bytes(html.encode(charset), "referat.html")


def all_text(document: Document) -> str:
    parts = [document.title]
    for item in document.items:
        parts.append(item.title)
        parts.extend(f"{s.heading}\n{s.text}" for s in item.sections)
    parts.extend(f"{s.heading}\n{s.text}" for s in document.sections)
    return "\n".join(parts)


def assert_no_chrome(document: Document) -> None:
    text = all_text(document)
    for word in CHROME_WORDS:
        assert word.lower() not in text.lower(), word


def kinds(item) -> list[SectionKind]:
    return [s.kind for s in item.sections]


# SBSYS/Prepare: the meeting as label/value pairs in a <dl>, a "PUNKTER" list of links,
# items as <h2> "446. Title", the case number under it, sections in <h3>.
PREPARE = page("""
<h1>Byrådet</h1>
<dl class="meeting-info">
  <dt>UDVALG</dt><dd>Byrådet</dd>
  <dt>MØDE</dt><dd>Referat</dd>
  <dt>STED</dt><dd>Byrådssalen, Rådhuset</dd>
  <dt>STARTTIDSPUNKT</dt><dd>03-05-2021 18:00:00</dd>
  <dt>SLUTTIDSPUNKT</dt><dd>03-05-2021 20:30:00</dd>
</dl>
<h2>PUNKTER</h2>
<ul class="agenda-list">
  <li><a href="#p446">446. Godkendelse af dagsorden</a></li>
  <li><a href="#p447">447. Ny skolestruktur i Nordbyen</a></li>
  <li><a href="#p448">448. Lukket punkt: Salg af byggegrund</a></li>
</ul>
<section class="agenda-item" id="p446">
  <h2>446. Godkendelse af dagsorden</h2>
  <p class="case">Sagsnr.: 21/10234</p>
  <h3>Sagsfremstilling</h3>
  <p>Dagsordenen forelægges til godkendelse.</p>
  <h3>Beslutning i Byrådet den 03-05-2021</h3>
  <p>Godkendt.</p>
  <p>Fraværende: Anne&nbsp;Hansen (A)</p>
</section>
<section class="agenda-item" id="p447">
  <h2>447. Ny skolestruktur i Nordbyen</h2>
  <p class="case">Sagsnr.: 21/8812</p>
  <h3>Indstilling</h3>
  <p>Børne- og Skoleforvaltningen indstiller, at</p>
  <ol><li>skolerne i Nordbyen lægges sammen fra 1. august 2022,</li>
      <li>der afsættes 2,5 mio.&nbsp;kr. til ombygning.</li></ol>
  <h3>Sagsfremstilling</h3>
  <p>Elev&shy;tallet i Nordbyen er faldet med 20&nbsp;% siden 2015.</p>
  <h3>Økonomi</h3>
  <table class="economy">
    <tr><th>År</th><th>2022</th><th>2023</th></tr>
    <tr><td>Anlæg</td><td>1.500.000</td><td>1.000.000</td></tr>
  </table>
  <h3>Beslutning i Byrådet den 03-05-2021</h3>
  <p>Godkendt med 20 stemmer mod 5.</p>
</section>
""")


def test_prepare_page_reads_meeting_items_and_sections():
    document = parse(PREPARE)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Byrådet"
    assert document.meeting.date == dt.date(2021, 5, 3)
    assert document.meeting.start_time == "18:00"
    assert document.meeting.place == "Byrådssalen, Rådhuset"
    assert [(it.number, it.title) for it in document.items] == [
        (446, "Godkendelse af dagsorden"),
        (447, "Ny skolestruktur i Nordbyen"),
    ]
    first, second = document.items
    assert first.case_numbers == ("21/10234",)
    assert kinds(first) == [C, D]
    assert "Fraværende: Anne Hansen (A)" in first.sections[1].text
    assert kinds(second) == [R, C, E, D]
    points = second.sections[0].text
    assert "1) skolerne i Nordbyen lægges sammen" in points
    assert "2) der afsættes 2,5 mio. kr. til ombygning." in points
    assert "Elevtallet i Nordbyen er faldet med 20 % siden 2015." in second.sections[1].text
    (budget,) = second.sections[2].tables
    assert budget.rows == (("År", "2022", "2023"), ("Anlæg", "1.500.000", "1.000.000"))
    assert_no_chrome(document)


# An old ASP.NET page: the whole page inside one <form>, the meeting facts on lines split by
# <br>, item titles and section labels set in bold paragraphs, "Til toppen" after each item.
ASPNET = page("""
<form id="aspnetForm" method="post" action="./referat.aspx">
<input type="hidden" name="__VIEWSTATE" value="abc">
<div class="content">
<h1>Økonomiudvalget - Referat</h1>
<p>Dato: 18. november 2020<br>Lokale: Udvalgsværelse 2, Rådhuset<br>Tidspunkt: Kl. 15:00</p>
<p><strong>Afbud:</strong><br>Bo Jensen (V)</p>
<div class="indhold">Indholdsfortegnelse</div>
<p><strong>1. Fraværende</strong></p>
<p><b>Resume</b></p>
<p>Sagsforløb: ØK</p>
<p><span style="font-weight: bold">Beslutning</span></p>
<p>Bo Jensen (V) var fraværende.</p>
<p><a href="#top">Til toppen</a></p>
<p><strong>2. Anlægsregnskab for Vestergade</strong></p>
<p><strong>Resume</strong></p>
<p>Anlægget er afsluttet med et mindreforbrug på 271.697,53&nbsp;kr.</p>
<p><strong>Sagsfremstilling</strong></p>
<p>Der blev givet en bevilling på 4.600.000 kr. til projektet.</p>
<ul><li>Fortove er renoveret.</li><li>Belysningen er udskiftet.</li></ul>
<p><strong>Beslutning:</strong> Anbefales over for Byrådet.</p>
<p><a href="#top">Til toppen</a></p>
</div>
</form>
""")


def test_aspnet_page_with_bold_labels():
    document = parse(ASPNET)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Økonomiudvalget"
    assert document.meeting.date == dt.date(2020, 11, 18)
    assert document.meeting.start_time == "15:00"
    assert document.meeting.place == "Udvalgsværelse 2, Rådhuset"
    assert document.meeting.absent == ("Bo Jensen",)
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Fraværende"),
        (2, "Anlægsregnskab for Vestergade"),
    ]
    first, second = document.items
    assert kinds(first) == [RES, D]
    assert kinds(second) == [RES, C, D]
    assert second.sections[1].text.endswith(
        "- Fortove er renoveret.\n\n- Belysningen er udskiftet."
    )
    assert second.sections[2].text == "Anbefales over for Byrådet."
    assert "Til toppen" not in all_text(document)
    assert_no_chrome(document)


# Acadre/WebDagsorden style: a header table of label cells (<th>) and values, item headings in
# a div whose class names them ("punktoverskrift"), sections in <h4>, at-points as a <ol>.
ACADRE = page("""
<div class="dagsorden-hoved">
<h1>Referat</h1>
<table class="moedeinfo">
  <tr><th>Udvalg</th><td>Teknik- og Miljøudvalget</td></tr>
  <tr><th>Mødedato</th><td>Mandag den 3. maj 2021</td></tr>
  <tr><th>Mødetidspunkt</th><td>Kl. 16:30</td></tr>
  <tr><th>Mødested</th><td>Rådhuset, lokale 1</td></tr>
  <tr><th>Fraværende</th><td>Anne Hansen (A)<br>Carl Berg (C)</td></tr>
  <tr><th>Bemærkninger</th><td></td></tr>
</table>
</div>
<div class="punkt">
  <div class="punktoverskrift">Punkt 1: Godkendelse af dagsorden</div>
  <div class="sagsnummer">Sagsnr.: 00.01.00-A00-1-21</div>
  <h4>Beslutning</h4>
  <p>Godkendt.</p>
</div>
<div class="punkt">
  <div class="punktoverskrift">Punkt 2: Trafiksikkerhedsplan 2021-2025</div>
  <div class="sagsnummer">Sagsnr.: 05.13.00-P15-3-20</div>
  <h4>Sagsresumé</h4>
  <p>Planen samler indsatsen for sikre skoleveje.</p>
  <h4>Indstilling</h4>
  <p>Forvaltningen indstiller,</p>
  <ol><li>at planen godkendes,</li><li>at der afsættes 800.000 kr. i 2022.</li></ol>
  <h4>Beslutning i Teknik- og Miljøudvalget den 03-05-2021</h4>
  <p>Ad 1) Godkendt.</p>
  <p>Ad 2) Anbefales over for Økonomiudvalget.</p>
</div>
""")


def test_label_table_header_and_class_headings():
    document = parse(ACADRE)
    assert document.kind is DocumentKind.MINUTES
    meeting = document.meeting
    assert (meeting.committee, meeting.date) == ("Teknik- og Miljøudvalget", dt.date(2021, 5, 3))
    assert (meeting.start_time, meeting.place) == ("16:30", "Rådhuset, lokale 1")
    assert meeting.absent == ("Anne Hansen", "Carl Berg")
    assert [(it.number, it.title, it.case_numbers) for it in document.items] == [
        (1, "Godkendelse af dagsorden", ("00.01.00-A00-1-21",)),
        (2, "Trafiksikkerhedsplan 2021-2025", ("05.13.00-P15-3-20",)),
    ]
    first, second = document.items
    assert kinds(first) == [D]
    assert kinds(second) == [RES, R, D]  # the dated decision of this meeting is its decision
    assert "1) at planen godkendes," in second.sections[1].text
    assert_no_chrome(document)


def test_label_table_reads_as_label_lines():
    blocks = list(read_html(ACADRE))
    texts = [b.text for b in blocks]
    assert "Udvalg: Teknik- og Miljøudvalget" in texts
    assert "Mødedato: Mandag den 3. maj 2021" in texts
    # a value on two lines keeps its second line, and an empty value is no line at all
    k = texts.index("Fraværende: Anne Hansen (A)")
    assert texts[k + 1] == "Carl Berg (C)"
    assert not any(t.startswith("Bemærkninger") for t in texts)
    assert not any(b.kind is BlockKind.TABLE for b in blocks)


# An eDoc item page: one item, the number in the title, at-points as a <ol>, the decision
# followed by attendance notes.
EDOC = page("""
<article class="agenda-item">
<header><h1>Lokaludvalget - Referat</h1><p>Mødedato: 19.04.2018 kl. 18:30</p></header>
<h2>2. Godkendelse af dagsorden</h2>
<h3>Sagsfremstilling</h3>
<p>Dagsordenen er udsendt med indkaldelsen.</p>
<h3>Indstilling</h3>
<p>Formanden indstiller,</p>
<ol><li><p>at Lokaludvalget godkender dagsordenen</p></li></ol>
<h3>Beslutning</h3>
<p>Dagsordenen blev godkendt.</p>
<p>Fremmøde og inhabilitet:</p>
<p>Mette Holm havde meldt afbud, og Peter Lund deltog i stedet.</p>
<footer><p>Publiceret 20.04.2018</p></footer>
</article>
""")


def test_item_page_keeps_its_own_header_and_footer():
    document = parse(EDOC)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Lokaludvalget"
    assert document.meeting.date == dt.date(2018, 4, 19)
    ((number, title),) = [(it.number, it.title) for it in document.items]
    assert (number, title) == (2, "Godkendelse af dagsorden")
    (item,) = document.items
    assert kinds(item) == [C, R, D]
    assert "1) at Lokaludvalget godkender dagsordenen" in item.sections[1].text
    assert "Peter Lund deltog i stedet" in item.sections[2].text
    assert "Publiceret 20.04.2018" in item.sections[2].text  # the article's own footer
    assert_no_chrome(document)


# A NetPublicator-style accordion: each item's title in a toggle button, its text in a panel
# hidden until the button opens it. A hidden template that nothing opens stays out.
ACCORDION = page("""
<h1>Referat - Social- og Sundhedsudvalget</h1>
<p class="meeting-date">Onsdag den 10. februar 2021 kl. 13:00</p>
<div class="accordion">
  <button class="accordion-toggle" aria-expanded="false" aria-controls="panel-1">
    <span class="number">1</span> <span class="title-text">Godkendelse af dagsorden</span>
    <span class="icon" aria-hidden="true">+</span></button>
  <div class="accordion-panel" id="panel-1" hidden>
    <h3>Beslutning</h3><p>Godkendt.</p></div>
  <button class="accordion-toggle" aria-expanded="false" aria-controls="panel-2">
    <span class="number">2</span> <span class="title-text">Status på plejeboliger</span></button>
  <div class="accordion-panel" id="panel-2" hidden>
    <h3>Sagsfremstilling</h3><p>Ventelisten er faldet til 14 borgere.</p>
    <h3>Beslutning</h3><p>Taget til efterretning.</p></div>
</div>
<div id="print-template" hidden><p>Udskrevet fra Eksempel Kommunes hjemmeside</p></div>
""")


def test_accordion_panels_hidden_until_opened_are_read():
    document = parse(ACCORDION)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Social- og Sundhedsudvalget"
    assert document.meeting.date == dt.date(2021, 2, 10)
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Status på plejeboliger"),
    ]
    assert [kinds(it) for it in document.items] == [[D], [C, D]]
    assert document.items[1].sections[1].text == "Taget til efterretning."
    assert "Udskrevet fra" not in all_text(document)
    assert "+" not in all_text(document)
    assert_no_chrome(document)


# An item set out as a table: a label column ("Sagsnr.", "Sagsfremstilling", "Beslutning")
# beside the text, as some portals print each agenda item.
ITEM_TABLES = page("""
<h1>Referat af Børne- og Ungeudvalgets møde</h1>
<p><b>Mødedato:</b> 14-04-2009 kl. 17:00</p>
<h2>Punkt 5: Ny dagtilbudsstruktur</h2>
<table class="punkt">
  <tr><td>Sagsnr.</td><td>09/12345</td></tr>
  <tr><td>Sagsfremstilling</td><td><p>Der foreslås tre nye distrikter.</p><p>Høringen er afsluttet.</p></td></tr>
  <tr><td>Beslutning</td><td>Godkendt.</td></tr>
</table>
<h2>Punkt 6: Eventuelt</h2>
<table class="punkt">
  <tr><td>Beslutning</td><td>Intet.</td></tr>
</table>
""")


def test_item_as_label_table():
    document = parse(ITEM_TABLES)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Børne- og Ungeudvalget"
    assert document.meeting.date == dt.date(2009, 4, 14)
    assert [(it.number, it.title) for it in document.items] == [
        (5, "Ny dagtilbudsstruktur"),
        (6, "Eventuelt"),
    ]
    fifth, sixth = document.items
    assert fifth.case_numbers == ("09/12345",)
    assert kinds(fifth) == [C, D]
    assert fifth.sections[0].text == "Der foreslås tre nye distrikter.\n\nHøringen er afsluttet."
    assert [(s.kind, s.text) for s in sixth.sections] == [(D, "Intet.")]
    assert_no_chrome(document)


# FirstAgenda's layout, written anew: items in table rows, the number in a label cell, the title
# in a heading inside the row's toggle button, and the item's text in the next cell.
ROWS = page("""
<h1 class="dato">Referat 1. oktober 2025 kl. 15.45</h1>
<table class="dagsordeninfo"><tbody>
  <tr><td>Udvalg:</td><td><span class="udvalg">Plan- og Boligudvalget</span></td></tr>
  <tr><td>Mødedato:</td><td><span class="dato">onsdag den 1. oktober 2025 kl. 15.45</span></td></tr>
</tbody></table>
<table class="table dagsorden">
  <thead><tr><th>Punkt</th><th>Titel</th><th></th></tr></thead>
  <tbody>
  <tr><td><span class="label label-default">1</span></td>
      <td><button class="overskrift-btn" aria-controls="d0"><h2 class="overskrift">Lokalplan for Havnen</h2></button>
          <div class="details" id="d0"><span class="sagsnummer">EMN-2025-001234</span>
          <div><h3>Beslutninger</h3><div>Godkendt.</div></div>
          <h3>Bilag</h3><ul class="list-unstyled"><li><span class="label pdf-label">PDF</span><a>Lokalplanforslag</a></li></ul></div></td>
      <td><span class="badge fil-ikon">1</span><span class="dropdown"><button>Hent som PDF</button></span></td></tr>
  <tr><td><span class="label label-default">2</span></td>
      <td><button class="overskrift-btn" aria-controls="d1"><h2 class="overskrift">Boligsocial helhedsplan</h2></button>
          <div class="details" id="d1"><span class="sagsnummer">EMN-2025-004321</span>
          <div><h3>Beslutninger</h3><div>Taget til efterretning.</div></div></div></td>
      <td></td></tr>
  </tbody>
</table>
""")


def test_item_rows_with_number_cells():
    document = parse(ROWS)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Plan- og Boligudvalget"
    assert document.meeting.date == dt.date(2025, 10, 1)
    assert [(it.number, it.title, it.case_numbers) for it in document.items] == [
        (1, "Lokalplan for Havnen", ("EMN-2025-001234",)),
        (2, "Boligsocial helhedsplan", ("EMN-2025-004321",)),
    ]
    assert document.items[0].attachments == ("Lokalplanforslag",)
    assert [kinds(it) for it in document.items] == [[D, A], [D]]
    text = all_text(document)
    assert "PDF" not in text and "Hent som PDF" not in text
    assert_no_chrome(document)


def blocks_of(body: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in read_html(f"<html><body>{body}</body></html>")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # headings with their levels; a wholly bold line is a heading, a bold word in a line is not
        (
            "<h2>Sagsfremstilling</h2><p><strong>Beslutning</strong></p><p>Det blev <b>godkendt</b>.</p>",
            [("heading", "Sagsfremstilling"), ("heading", "Beslutning"), ("paragraph", "Det blev godkendt.")],
        ),
        # a bold sentence is emphasis, not a heading
        ("<p><b>Godkendt.</b></p>", [("paragraph", "Godkendt.")]),
        # <br> separates a label from its value
        (
            "<p><b>Mødedato</b><br>03-05-2021<br><br>Mødested: Rådhuset</p>",
            [("heading", "Mødedato"), ("paragraph", "03-05-2021"), ("paragraph", "Mødested: Rådhuset")],
        ),
        # "- " before <ul> items, "n) " before <ol> items, a number already printed is kept
        (
            '<ul><li>Anne</li><li>Bo</li></ul><ol start="3"><li>Tre</li><li>Fire</li></ol>'
            "<ul><li>1. Godkendt</li></ul>",
            [("paragraph", "- Anne"), ("paragraph", "- Bo"), ("paragraph", "3) Tre"),
             ("paragraph", "4) Fire"), ("paragraph", "1. Godkendt")],
        ),
        # character references, non-breaking spaces, soft hyphens, zero-width spaces
        (
            "<p>Bevilling&nbsp;p&aring;&#160;2&#8239;mio.&nbsp;kr. til sko&shy;le&#xAD;byg\u200bningen &amp; hallen</p>",
            [("paragraph", "Bevilling på 2 mio. kr. til skolebygningen & hallen")],
        ),
        # a section name on a plain line is a heading; a lead-in ending in ":" is not
        (
            "<h3>Indstilling</h3><p>Det indstilles:</p><p>Beslutning</p><p>Godkendt.</p>",
            [("heading", "Indstilling"), ("paragraph", "Det indstilles:"),
             ("heading", "Beslutning"), ("paragraph", "Godkendt.")],
        ),
        # a bold section name leading a line is that section's heading
        (
            "<p><strong>Beslutning:</strong> Godkendt.</p><p><strong>Udvalg:</strong> Byrådet</p>",
            [("heading", "Beslutning:"), ("paragraph", "Godkendt."), ("paragraph", "Udvalg: Byrådet")],
        ),
        # an agenda as an <ol> of headings: the list number is the item number
        (
            "<ol><li><h3>Godkendelse af dagsorden</h3><p>Godkendt.</p></li>"
            "<li><h3>Eventuelt</h3><p>Intet.</p></li></ol>",
            [("heading", "Punkt 1: Godkendelse af dagsorden"), ("paragraph", "Godkendt."),
             ("heading", "Punkt 2: Eventuelt"), ("paragraph", "Intet.")],
        ),
        # paragraphs and list items left open, as old portals write them
        (
            "<p>Første afsnit<p>Andet afsnit<ul><li>Et<li>To</ul>",
            [("paragraph", "Første afsnit"), ("paragraph", "Andet afsnit"),
             ("paragraph", "- Et"), ("paragraph", "- To")],
        ),
    ],
)  # fmt: skip
def test_blocks(body, expected):
    assert blocks_of(body) == expected


@pytest.mark.parametrize(
    "chrome",
    [
        "<nav><a href='/'>Forside</a></nav>",
        "<div role='navigation'><a>Forside</a></div>",
        "<div class='cookie-consent'><p>Vi bruger cookies.</p><a>OK</a></div>",
        "<div id='coiOverlay'><p>Accepter nødvendige</p></div>",
        "<div class='gdpr-notice'><p>Læs om dine data</p></div>",
        "<ul class='breadcrumbs'><li>Forside</li><li>Politik</li></ul>",
        "<a class='skiplink' href='#main'>Gå til hovedindhold</a>",
        "<span class='sr-only'>Åbner i et nyt vindue</span>",
        "<header><a href='/'>Eksempel Kommune</a><p>Borgerservice</p></header>",
        "<footer><p>Telefon 70 70 70 70</p></footer>",
        "<div role='contentinfo'>CVR 12345678</div>",
        "<form action='/abonner'><label>Din e-mail</label><input><button>Tilmeld</button></form>",
        "<aside><p>Se også: Byrådets møder</p></aside>",
        "<div aria-hidden='true'>Skjult ikon</div>",
        "<div hidden><p>Skabelon</p></div>",
        "<div class='modal' role='dialog'><h4>Tip en ven</h4></div>",
        "<noscript>Slå JavaScript til</noscript><svg><text>Logo</text></svg>",
        "<button>Udskriv</button>",
    ],
)
def test_chrome_is_dropped(chrome):
    body = f"{chrome}<h2>Beslutning</h2><p>Godkendt.</p>"
    assert blocks_of(body) == [("heading", "Beslutning"), ("paragraph", "Godkendt.")]


def test_a_title_block_header_is_kept():
    """pandoc writes the document's title in a <header>; a portal's banner has no <h1>."""
    body = '<header id="title-block-header"><h1 class="title">Referat Byrådet</h1></header><p>Tekst</p>'
    assert blocks_of(body) == [("heading", "Referat Byrådet"), ("paragraph", "Tekst")]


def test_an_items_own_header_is_kept():
    """A header in a <section> (or holding a heading) is the item's own, not the site's banner."""
    body = (
        "<header><a href='/'>Eksempel Kommune</a></header>"
        "<section class='item'><header><h2>Punkt 1: Valg af formand</h2>"
        "<p>Sagsnr.: 21/100</p></header><h3>Beslutning</h3><p>Valgt.</p>"
        "<footer><p>Behandlet 03-05-2021</p></footer></section>"
        "<div class='item'><header><h2>Punkt 2: Eventuelt</h2></header><p>Intet.</p></div>"
    )
    assert blocks_of(body) == [
        ("heading", "Punkt 1: Valg af formand"),
        ("paragraph", "Sagsnr.: 21/100"),
        ("heading", "Beslutning"),
        ("paragraph", "Valgt."),
        ("paragraph", "Behandlet 03-05-2021"),
        ("heading", "Punkt 2: Eventuelt"),
        ("paragraph", "Intet."),
    ]


def test_broken_markup():
    body = (
        "</div></p><p>Et<br/>To</br>Tre" + "<font size=2>" * 3000 + "Dybt</p>"
        "<table><td>1<td>Uden række<td>og uden tabelhoved</table>"
    )
    assert blocks_of(body) == [
        ("paragraph", "Et"),
        ("paragraph", "To"),
        ("paragraph", "TreDybt"),
        ("table", "1 | Uden række | og uden tabelhoved"),
    ]


def test_data_table_rows_and_layout_table_text():
    blocks = list(
        read_html(
            "<table><tr><th>Punkt</th><th>Titel</th></tr><tr><td>1</td><td>Godkendelse</td></tr></table>"
            "<table role='presentation'><tr><td><p>Et afsnit i en layouttabel.</p></td></tr></table>"
        )
    )
    assert [(b.kind, b.rows) for b in blocks[:1]] == [
        (BlockKind.TABLE, (("Punkt", "Titel"), ("1", "Godkendelse")))
    ]
    assert blocks[0].text == "Punkt | Titel\n1 | Godkendelse"
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        (BlockKind.PARAGRAPH, "Et afsnit i en layouttabel.")
    ]


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_pages_in_a_legacy_charset(charset):
    document = parse(PREPARE.replace('charset="utf-8"', f'charset="{charset}"'), "cp1252")
    assert document.meeting.place == "Byrådssalen, Rådhuset"
    assert document.items[1].title == "Ny skolestruktur i Nordbyen"
    assert "Økonomi" in [s.heading for s in document.items[1].sections]


def test_a_fold_out_button_for_all_items_is_chrome():
    from ingest.chrome import is_chrome

    assert is_chrome("Fold alle punkter [ud] [ind]")
    assert not is_chrome("Fold alle punkter om budgettet ud i en plan")


def test_accordion_toggles_without_aria_hold_the_item_titles():
    body = (
        "<h1>Beslutningsprotokol</h1><p>onsdag den 27. maj 2020 kl. 17:00</p>"
        "<table><tr><th>Udvalg:</th><td>Byrådet</td></tr></table>"
        '<div class="cookie">Vi bruger cookies. <button>Accepter alle</button></div><ul>'
        + "".join(
            f'<li><button class="accordion-toggle"><span>{n}.</span> <span>{title}</span></button>'
            f'<div class="accordion-body"><button>Udskriv</button><p>Sagsid.: 20/{n}</p>'
            f"<h3>Beslutning Byrådet den 27-05-2020</h3><p>Godkendt.</p></div></li>"
            for n, title in ((70, "Godkendelse af dagsorden"), (71, "Salg af grund i Hjordkær"))
        )
        + "</ul>"
    )
    document = parse(page(body))
    assert [(it.number, it.title) for it in document.items] == [
        (70, "Godkendelse af dagsorden"),
        (71, "Salg af grund i Hjordkær"),
    ]
    assert "Udskriv" not in all_text(document) and "Accepter" not in all_text(document)


def test_a_mega_menu_outside_main_is_chrome_whatever_its_markup():
    menu = "".join(f"<li>Menupunkt {n}<ul><li>Underpunkt {n}</li></ul></li>" for n in range(40))
    body = (
        f'<div class="site">Nordby Kommune</div><ul class="mega">{menu}</ul>'
        "<main><h1>Byrådet</h1><h2>Referat</h2>"
        "<table><tr><td>Mødedato</td><td>29. januar 2020</td></tr></table>"
        "<h3>1. Godkendelse af dagsorden</h3><p><strong>Beslutning</strong></p><p>Godkendt.</p>"
        "<h3>2. Ny børnehave</h3><p><strong>Beslutning</strong></p><p>Godkendt.</p></main>"
    )
    document = parse(
        f"<!DOCTYPE html><html><head><title>Referat</title></head><body>{body}</body></html>"
    )
    assert document.meeting.committee == "Byrådet"
    assert "Menupunkt" not in all_text(document)

"""Item headings in the forms minutes number them, each read to the same numbers and
titles: with or without a contents list before the items, with or without a case-number
line under each. Fictitious titles."""

from __future__ import annotations

import pytest

from ingest import parse_bytes

TITLES = ("Godkendelse af dagsorden", "Salg af grund ved Egevej", "Lokalplan 112 for Søparken")
FORMS = (
    "{n}. {t}",
    "Punkt {n}: {t}",
    "Punkt {n} {t}",
    "Pkt. {n} {t}",
    "Pkt. {n}: {t}",
    "{n} {t}",
    "{n}   {t}",
    "Sag nr. {n} {t}",
    "Dagsordenspunkt {n}: {t}",
    "Dagsordenspunkt {n} - {t}",
    "{n}) {t}",
    "{n} - {t}",
    "Nr. {n} - {t}",
    "Nr.{n} - {t}",
    "{n}\n{t}",
    "{n}.\n{t}",
    "Punkt {n}\n{t}",
    "Pkt. {n}\n{t}",
    "Sag {n}: {t}",
    "{n}. Åben sag: {t}",
    "Åbent punkt {n}: {t}",
    "{n}. (Åben) {t}",
    "Punkt {n} (Åben): {t}",
    "{n}: {t}",
    "Ad {n}. {t}",
    "Punkt nr. {n}: {t}",
)


def _minutes(form: str, numbers: list[int], contents: bool, case: bool) -> str:
    text = "Referat Teknisk Udvalg\n\nMødedato: 12. marts 2024 kl. 16.00\n\n"
    headings = [form.format(n=n, t=t) for n, t in zip(numbers, TITLES, strict=True)]
    if contents:
        text += "Indholdsfortegnelse\n\n" + "\n".join(h.replace("\n", " ") for h in headings)
        text += "\n\n"
    for n, heading in zip(numbers, headings, strict=True):
        text += heading + "\n\n" + (f"Sagsnr.: 24/118{n}\n\n" if case else "")
        text += "Beslutning\n\nGodkendt.\n\n"
    return text


@pytest.mark.parametrize("form", FORMS)
def test_item_headings_read_whatever_their_form(form):
    for numbers in ([1, 2, 3], [41, 42, 43]):
        for contents in (False, True):
            for case in (True, False):
                text = _minutes(form, numbers, contents, case)
                document = parse_bytes(text.encode("utf-8"), "side.txt")
                got = [(i.number, i.title) for i in document.items]
                assert got == list(zip(numbers, TITLES, strict=True)), (contents, case)

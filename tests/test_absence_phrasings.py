"""Ways minutes say who was away, each read to the items it covers: on the cover (a label, a
sentence under the member list, a moment of the meeting) or under an item ("forlod mødet
efter dette punkt"). Fictitious sentences in the forms of Danish minutes."""

from __future__ import annotations

import pytest

from ingest import parse_bytes
from nlp.extract import extract_meeting_items

EVERY = {1, 2, 3, 4}
TITLES = (
    "Godkendelse af dagsorden",
    "Salg af grund ved Egevej",
    "Lokalplan for Søparken",
    "Meddelelser",
)

# (where, statement, items Anne Holm is away from): "cover" under the member list, "itemN"
# after item N's decision.
PHRASINGS = [
    ("cover", "Afbud fra Anne Holm (A).", EVERY),
    ("cover", "Fraværende: Anne Holm (A) og Bo Dahl (V)", EVERY),
    ("cover", "Fraværende:\nAnne Holm (A)\nBo Dahl (V)", EVERY),
    ("cover", "Anne Holm (A) havde meldt afbud.", EVERY),
    ("cover", "Anne Holm var fraværende.", EVERY),
    ("cover", "Anne Holm (A) havde forfald.", EVERY),
    ("cover", "Anne Holm (A) var forhindret.", EVERY),
    ("cover", "Ikke til stede: Anne Holm", EVERY),
    ("cover", "Som stedfortræder for Anne Holm (A) deltog Bo Dahl (A).", EVERY),
    ("cover", "Anne Holm forlod mødet efter punkt 2.", {3, 4}),
    ("cover", "Anne Holm deltog ikke i behandlingen af punkt 3.", {3}),
    ("cover", "Anne Holm deltog ikke under punkterne 2-3.", {2, 3}),
    ("cover", "Anne Holm deltog fra punkt 3.", {1, 2}),
    ("cover", "Anne Holm ankom under behandlingen af punkt 2.", {1}),
    ("cover", "Anne Holm var fraværende under punkt 4.", {4}),
    ("cover", "Anne Holm deltog til og med punkt 2.", {3, 4}),
    ("cover", "Anne Holm deltog ikke i mødet fra og med punkt 3.", {3, 4}),
    ("item3", "Anne Holm (A) deltog ikke i behandlingen af punktet.", {3}),
    ("item3", "Anne Holm forlod mødet under behandlingen af dette punkt.", {3, 4}),
    ("item2", "Anne Holm forlod mødet efter dette punkt.", {3, 4}),
    ("item2", "Anne Holm forlod mødet efter punktets behandling.", {3, 4}),
]


def _minutes(where: str, statement: str) -> str:
    text = (
        "Referat Teknisk Udvalg\n\nMødedato: 12. marts 2024 kl. 16.00\n\n"
        "Deltagere: Anne Holm (A), Bo Dahl (V), Carl Mose (C)\n\n"
    )
    if where == "cover":
        text += statement + "\n\n"
    for n, title in enumerate(TITLES, 1):
        after = f"\n\n{statement}" if where == f"item{n}" else ""
        text += f"{n}. {title}\n\nSagsnr.: 24/118{n}\n\nBeslutning\n\nGodkendt.{after}\n\n"
    return text


@pytest.mark.parametrize(("where", "statement", "items"), PHRASINGS)
def test_absence_covers_the_items_it_says(where, statement, items):
    document = parse_bytes(_minutes(where, statement).encode("utf-8"), "side.txt")
    extractions = extract_meeting_items(document.meeting, list(document.items))
    away = {
        i.number
        for i, e in zip(document.items, extractions, strict=True)
        if "Anne Holm" in e.absent
    }
    assert away == items

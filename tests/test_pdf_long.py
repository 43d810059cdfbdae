"""A paragraph that runs over many pages is one block, joined as on one page."""

from __future__ import annotations

import pymupdf

from ingest import parse_bytes


def _pdf(lines: list[str]) -> bytes:
    document = pymupdf.open()
    for line in lines:
        page = document.new_page(width=300, height=200)
        page.insert_text((20, 40), line, fontsize=10, fontname="helv")
    data = document.tobytes()
    document.close()
    return data


def test_paragraph_over_many_pages_is_one_block_with_its_hyphens_joined():
    lines = [f"tekst {i} og" for i in range(300)] + ["en beskæf-", "tigelsesindsats slutter."]
    document = parse_bytes(_pdf(lines), "lang.pdf")
    texts = [s.text for s in document.sections]
    assert len(texts) == 1
    assert texts[0].startswith("tekst 0 og tekst 1 og")
    assert texts[0].endswith("tekst 299 og en beskæftigelsesindsats slutter.")
    assert document.sections[0].pages[0] == 1


def test_paragraph_ended_on_a_later_page_is_followed_by_that_pages_text():
    lines = ["tekst som fortsætter", "på næste side.\nNyt afsnit her.", "sidste side."]
    document = parse_bytes(_pdf(lines), "tre.pdf")
    text = "\n\n".join(s.text for s in document.sections)
    assert "tekst som fortsætter på næste side." in text
    assert text.index("fortsætter") < text.index("Nyt afsnit her.")


def test_a_hyphen_painted_as_an_en_dash_reads_as_typed(external_dir):
    """The Aarhus PDF paints "-" as "–"; its ActualText keeps the typed hyphen. (A real en dash
    stays one: the corpus titles in tests/test_corpus.py keep "Unge i Fokus – Investering".)"""
    from ingest import parse_file

    document = parse_file(external_dir / "aarhus-byraad-2025-08-27.pdf")
    (title,) = [it.title for it in document.items if "lokalplan 411)" in it.title]
    assert "411) - Erhvervsområde" in title

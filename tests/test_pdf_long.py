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

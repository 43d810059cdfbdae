"""Minutes whose text a document site has run together, a page a line ("Transkript"): the
agenda listed in one run ("1. Formanden orienterer 2. Administrationen orienterer 3. …"), then
each item's title and text glued together further on ("1. Formanden orienterer Formanden
orienterede om …"). The listed titles say where each item starts and where its title ends."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ingest.records import Block, BlockKind

_NUMBER = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\.\s+(?=[A-ZÆØÅ\"“])")
_TOC_REACH = 3000  # the listed agenda stands near the start


def _listed_titles(text: str) -> tuple[dict[int, str], int]:
    """Titles by number of an agenda listed in one run (1, 2, 3 … in order, three or more) near
    the start of `text`, and where the list ends."""
    run: list[re.Match[str]] = []
    for m in _NUMBER.finditer(text, 0, _TOC_REACH):
        if int(m["n"]) == len(run) + 1:
            run.append(m)
        elif int(m["n"]) == 1 and len(run) < 3:
            run = [m]
    if len(run) < 3:
        return {}, 0
    ends = [m.start() for m in run[1:]] + [min(len(text), run[-1].end() + 80)]
    titles = {int(m["n"]): text[m.end() : end].strip() for m, end in zip(run, ends, strict=True)}
    return titles, run[-1].end()


def _shared_words(listed: str, following: str) -> str:
    """The words `following` opens with that the listed title has too, in order."""
    words = []
    for mine, theirs in zip(listed.split(), following.split(), strict=False):
        if mine != theirs:
            break
        words.append(theirs)
    return " ".join(words)


def split_transcript(blocks: Sequence[Block]) -> list[Block]:
    """The blocks from the first item on cut again at each item's title, set apart as a
    heading; unchanged where the layout is not found (three items or more, in order)."""
    paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    if len(paragraphs) != len(blocks):
        return list(blocks)
    text = " ".join(b.text for b in blocks)
    titles, listed_end = _listed_titles(text)
    cuts = []
    for m in _NUMBER.finditer(text, listed_end):
        n = len(cuts) + 1
        if (
            int(m["n"]) == n
            and n in titles
            and (title := _shared_words(titles[n], text[m.end() :]))
        ):
            cuts.append((m.start(), m.end() + len(title), n, title))
    if len(cuts) < 3:
        return list(blocks)
    starts = [0]  # where each block begins in `text`
    for block in blocks[:-1]:
        starts.append(starts[-1] + len(block.text) + 1)

    def page_at(position: int) -> int:
        return blocks[bisect_right(starts, position) - 1].page

    out = []
    for block, start in zip(blocks, starts, strict=True):  # before the first item, as they were
        if start + len(block.text) > cuts[0][0]:
            if before := text[start : cuts[0][0]].strip():
                out.append(replace(block, text=before))
            break
        out.append(block)
    for k, (begin, end, n, title) in enumerate(cuts):
        out.append(Block(f"{n}. {title}", page_at(begin), kind=BlockKind.HEADING, level=0))
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        if rest := text[end:stop].strip():
            out.append(Block(rest, page_at(end), tight=True))
    return out

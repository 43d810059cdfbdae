"""Join the lines of one paragraph, undoing hyphenation but keeping real hyphens.

A line ending in "-" is a word broken by the layout ("beskæf-" + "tigelse")
only when a lower-case letter stands before the hyphen and the next line
starts with a lower-case letter. Otherwise the hyphen belongs to the text:
a compound with a number or an abbreviation ("2030-fremskrivning",
"SOSU-assistent") is glued back without a space, and a suspended hyphen
before a conjunction ("social- og arbejdsmarkedsudvalget") keeps its space.
A soft hyphen (U+00AD) at a line end always marks a broken word.
"""

from __future__ import annotations

from collections.abc import Iterable

# Words that follow a suspended hyphen: "social- og", "bygge- eller anlægsloven", "0- til 6-årige".
SUSPENDED_BEFORE = frozenset(
    {"og", "eller", "samt", "til", "som", "men", "end", "hhv.", "henholdsvis", "&", "and", "or"}
)


def seam(previous: str, line: str) -> tuple[int, str]:
    """How `line` goes on from `previous`: characters to drop from its end, and the separator.

    Only the end of `previous` is read, so a paragraph can be built in parts.
    """
    if not previous or not line:
        return 0, ""
    if previous.endswith("\u00ad"):
        return 1, ""
    if not previous.endswith("-") or len(previous) < 2 or previous[-2].isspace():
        return 0, " "
    first_word = line.split(" ", 1)[0].rstrip(",.;:")
    if first_word.lower() in SUSPENDED_BEFORE:
        return 0, " "
    before, after = previous[-2], line[0]
    if before.isalpha() and before.islower() and after.isalpha() and after.islower():
        return 1, ""
    return 0, ""


def join_pair(previous: str, line: str) -> str:
    """`previous` and the next line of the same paragraph as one string."""
    drop, separator = seam(previous, line)
    return previous[: len(previous) - drop] + separator + line


def join_lines(lines: Iterable[str]) -> str:
    text = ""
    for line in lines:
        text = join_pair(text, line)
    # A word broken at the end of the page: the next page's reader decides.
    return text[:-1] + "-" if text.endswith("\u00ad") else text

"""Collapse text that a PDF painted several times over itself ("fake bold").

Naive extraction of such a line gives every run k times, either whole
("1. Indledning1. Indledning1. Indledning") or run by run
("1.1.1.1.2222    HHHHelhedsorienteret indsats elhedsorienteret indsats ...").
Both decode as a sequence of units each repeated exactly k times.
"""

from __future__ import annotations

_MAX_UNIT = 120


def _decode(line: str, k: int) -> str | None:
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        for size in range(1, min(_MAX_UNIT, (n - i) // k) + 1):
            unit = line[i : i + size]
            if line.startswith(unit * k, i):
                out.append(unit)
                i += size * k
                break
        else:
            return None
    return "".join(out)


def collapse_repeats(line: str) -> str:
    """Return the line painted once, or the line unchanged if it is not a k-fold repeat."""
    stripped = line.strip()
    if len(stripped) < 4:
        return line
    for k in (4, 3, 2):
        # The last painted copy usually lost its trailing space to strip().
        decoded = _decode(stripped, k) or _decode(stripped + " ", k)
        if decoded is not None and len(decoded.strip()) > 1:
            return " ".join(decoded.split())
        # Whole-line copies separated by spaces: "X X X X".
        words = stripped.split()
        if len(words) % k == 0 and len(words) >= k:
            part = len(words) // k
            chunks = [words[j * part : (j + 1) * part] for j in range(k)]
            if all(c == chunks[0] for c in chunks):
                return " ".join(chunks[0])
    return line

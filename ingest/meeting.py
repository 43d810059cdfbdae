"""Read the meeting's facts from the front matter (cover page, header table) of minutes.

Portals print the same facts in many shapes: "Mødedato: Tirsdag d. 12. august 2025
kl. 16:30", "Referat til mødet i Kommunalbestyrelsen den 5. november 2019 kl. 17:00",
"Økonomiudvalget - Referat", "Økonomiudvalgets møde den 21. januar 2026", label and
value on lines of their own ("UDVALG" / "Byrådet", "STARTTIDSPUNKT" / "03-09-2019
18:00:00"), names listed one a line under "Deltagere:" or "Fraværende:". Where the front
matter leaves the body or the date out, the dated decision headings inside the minutes
("Beslutning i Byrådet den 15-12-2021") still name them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ingest.records import Meeting
from ingest.sections import BODY_WORDS, DatedDecision
from nlp.attendance import whole_meeting_absences
from nlp.dates import find_dates
from nlp.names import close_brackets
from nlp.stop_words import STOP_WORDS

_LABELS = {
    "udvalg": "body",
    "forum": "body",
    "organ": "body",
    "mødedato": "date",
    "dato": "date",
    "møde dato": "date",
    "starttidspunkt": "date",
    "starttidspunkt for møde": "time",
    "mødestart": "time",
    "mødetidspunkt": "time",
    "sluttidspunkt": "end",
    "sluttid": "end",
    "mødetid": "time",
    "starttid": "time",
    "tidspunkt": "time",
    "tid": "time",
    "mødested": "place",
    "møde lokation": "place",
    "sted": "place",
    "lokale": "place",
    "lokation": "place",
    "mødelokale": "place",
    "mødedeltagere": "participants",
    "deltagere": "participants",
    "medlemmer": "participants",
    "til stede": "participants",
    "tilstede": "participants",
    "indkaldelse": "participants",
    "afbud": "absent",
    "afbud fra": "absent",
    "afbud/fraværende": "absent",
    "fraværende/afbud": "absent",
    "fraværende": "absent",
    "fraværende med afbud": "absent",
    "forfald": "absent",
    "fravær": "absent",
    "meddelt forfald": "absent",
    "bemærkninger": "notes",
    "bemærkning": "notes",
}
_LIST_FIELDS = {"participants", "absent"}
# (a list's label inside a long line, a member's name with a party after it)
_RUN_ON_LIST_LABEL = re.compile(
    r"\s+(?=(?:Medlemmer|Mødedeltagere|Deltagere|Fraværende|Afbud)\s+"
    r"[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){1,3}\s*\([A-ZÆØÅ]{1,2}\))"
)
# ("… Fraværende Lene Tirstrup (O) 1 of 31": a document site's page count after it)
_PAGE_COUNT = re.compile(r"\s+\d{1,3}\s+(?:of|af)\s+\d{1,3}$")
_LABEL_LINE = re.compile(
    r"^(?P<key>" + "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True)) + r")"
    r"\s*(?::\s*|\s+(?=\S)|$)(?P<value>.*)$",
    re.IGNORECASE,
)
# "UdvalgÆldreråd", "MødestedRådssalen": a portal page whose label and value lost the markup
# between them.
GLUED_LABEL = re.compile(
    r"^(?P<key>" + "|".join(sorted((k.capitalize() for k in _LABELS), key=len, reverse=True)) + r")"
    r"(?=[A-ZÆØÅ0-9])"
)
# Labels that may carry their value on the same line without a colon ("Udvalg Byrådet").
_BARE_VALUE_OK = {
    "udvalg", "mødested", "mødedeltagere", "fraværende", "afbud", "dato", "mødedato", "bemærkninger",
    "mødetidspunkt", "tidspunkt",
}  # fmt: skip
# "Tid 15:30", "Sted Rådhuset": short labels whose value needs a clock or a capital after them.
_BARE_SHORT = re.compile(r"^(?:tid\s+(?:kl\.?\s*)?\d{1,2}[.:]\d{2}|sted\s+[A-ZÆØÅ])", re.IGNORECASE)
_TITLE = re.compile(
    r"^(?:referat|dagsorden|beslutningsprotokol|dagsorden med vedtagelser|protokol)\b\.?"
    r"(?:\s+(?:til|for|fra|af|over)\s+mødet?|\s+(?:for|fra|af|over))?(?:\s+i)?\s*[:\-–]?\s*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_BODY_END = r"(?:et|en|n|ets|ens|s|ene|ne)?\b"
# A body word starting the name with its capital: "Magistraten", "Udvalget for …".
_CAPITAL_BODY_WORDS = "|".join(w.capitalize() for w in BODY_WORDS.strip("(?:)").split("|"))
_BODY = re.compile(
    rf"(?:\b(?:Det|Den)\s+(?:\w+\s+){{0,2}}[\wæøå\-]*{BODY_WORDS}{_BODY_END}|"
    # "Kultur-, Fritids- og Idrætsudvalget": a series of words cut at their hyphens
    rf"\b(?:[A-ZÆØÅ][\wæøå]*-(?:,?\s+[\wæøå]+-)*\s+(?:og|&)\s+[\wæøå\-]+"
    rf"|[A-ZÆØÅ][\wæøå\-]*(?:\s+(?:og|&)\s+[\wæøå\-]+)?){BODY_WORDS}{_BODY_END}|"
    rf"\b(?:{_CAPITAL_BODY_WORDS}){_BODY_END})"
    # "Udvalget for Miljø og Teknik", "Udvalg for natur, miljø og grøn omstilling"
    r"(?:\s+for\s+(?!den\b|d\.)[\wæøå\-]+(?:,?\s+(?:(?:og|&)\s+)?(?!(?i:den\b|d\.|dato\b|kl\b|referat\b|åben|(?:man|tirs|ons|tors|fre|lør|søn)dag\b))"
    r"[\wæøå\-]+){0,4})?",
)
_COUNCIL = re.compile(
    r"\b(?!(?:Referat|Dagsorden|Beslutning|Mødet|Møde|Til|Fra|Det|Den|For|I|Kommune)\b)"
    r"[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?\s+(?:Byråd|Kommunalbestyrelse)(?:et|n)?\b"
)
_BODY_LINE_WORDS = re.compile(rf"{BODY_WORDS}", re.IGNORECASE)
_TIME = re.compile(r"\b(?:kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2}))?\b", re.IGNORECASE)
_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2}):(\d{2})(?::\d{2})?(?![\d])")
_LABELLED_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)(?::\d{2})?(?![\d])")
_MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?) Kommune\b")
# (Also after a party bracket, "Bo Dahl (A) Eva Lund (F)", and a sentence's end, "Bo Dahl. Eva
# Lund deltog …"; not after an initial, "Poul A. Larsen".)
_NAME_SPLIT = re.compile(
    r"\s*(?:,(?!\s*\()|;|\n|\bog\b|•|·)\s*|(?<=\))\s+(?=[A-ZÆØÅ])"
    r"|(?<=[a-zæøå]{2})\.\s+(?=[A-ZÆØÅ])"
)
_PARTY_SUFFIX = re.compile(r"\s*,?\s*\((?:[A-ZÆØÅ]{0,3}|[^)]{2,40})\)\s*$")
_NAME = re.compile(r"^[A-ZÆØÅÄÖÜÉ][\wæøåéü.'\-]*(?:\s+[A-ZÆØÅÄÖÜÉa-zæøå][\wæøåéü.'\-]*){0,5}$")
_NOT_NAMES = re.compile(r"^(?:ingen|intet|ingen afbud|alle|ingen fraværende|-)$", re.IGNORECASE)
# (Not "X var fraværende til punkt 1, 2 og 8": away from some items only.)
_FORFALD = re.compile(
    # (no digits but in brackets: "Byrådet, 25.03.2025 Nina Brask var fraværende" is a decision's
    # heading first; "Bo Dahl (1. viceborgmester) havde meldt forfald" is one name)
    r"^(?P<names>(?:[^\d\n(]|\([^)\n]{0,40}\)){3,150}?)\s+(?:havde (?:meldt )?forfald|var fraværende|meldte afbud"
    r"|deltog ikke i mødet|deltog ikke på mødet)\b(?!\s+(?:til|under|ved|i)\s+(?:punkt|pkt|sag))"
)
# "Der var afbud fra X (O) og Y (C).", "Afbud fra X." on a line of the cover
_AFBUD_FRA = re.compile(
    r"\b[Aa]fbud\s+fra\s+(?P<names>.+?)"
    r"(?=\s+(?:stedfortræder|suppleant|i\s+stedet)\b|(?<!\b[A-ZÆØÅ])\.\s|\.?$)"
)
_PERIOD_SUFFIX = re.compile(r"\s+(?:\d{4}\s*[-–]\s*\d{2,4}|\(.*?\))\s*$")
_WEEKDAY = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"


def _strip_person(part: str) -> str:
    part = _PARTY_SUFFIX.sub("", part).strip(" .:-–")
    part = re.sub(r"\s*\([^)]*\)\s*", " ", part).strip()
    part = re.sub(r"\s*\([^)]*$", "", part)  # a bracket left open: "Alice Kiander (Børne- og …"
    return re.sub(
        r"\s*,?\s*(?:formand|næstformand|borgmester|rådmand|viceborgmester)\b.*$",
        "",
        part,
        flags=re.I,
    ).strip(" ,")


# A word of a person's name: "Hansen", "Bang-Hansen", "Fog-" (a transcript's broken line),
# "A." (an initial), "BENTE" (a name in capitals). Longer words are compounds ("Grundejer-
# sammenslutningen"), not names.
_NAME_WORD = re.compile(
    r"(?:[A-ZÆØÅÄÖÜÉ][a-zæøåéèëüöäáíó'’]{0,15}(?:-(?:[A-ZÆØÅ][a-zæøåéèëüöäáíó'’]{0,15})?)*|[A-ZÆØÅ]{2,15})"
)
_PARTICLES = {"von", "van", "de", "la", "af", "du", "le", "da", "di"}
# Words that end a name's run into the place of the meeting ("Anders Drachmann Byrådssalen").
_PLACE_WORD = re.compile(
    r"^[A-ZÆØÅ][a-zæøå]*(?:salen|sal|huset|rådhus|rådhuset|lokale|lokalet|stuen|kontoret|center|"
    r"centret|kommune|udvalg|udvalget|forvaltning|forvaltningen|sekretariatet)$"
)
_FUNCTION_WORDS = {
    "og", "i", "for", "til", "af", "med", "fra", "på", "om", "den", "det", "de", "en", "et",
    "ved", "under", "efter", "som", "er", "var", "kl", "samt", "mødet", "dagsorden",
}  # fmt: skip


def _person_like(part: str, in_list: bool = False) -> bool:
    """Whether a list part has the shape of a person's name: capitalised words, initials and
    particles ("Ricky van Overeem"); in a list of several, a surname printed in lower case
    ("Gert winther"). Not an item title ("Godkendelse af referatet"), a room or an office."""
    words = part.split()
    if not 1 <= len(words) <= 5:
        return False
    for k, word in enumerate(words):
        if _NAME_WORD.fullmatch(word) or re.fullmatch(r"[A-ZÆØÅ]\.", word):
            if k > 0 and _PLACE_WORD.match(word):
                return False
            continue
        if word in _PARTICLES and 0 < k < len(words) - 1:
            continue
        last_lower = k == len(words) - 1 and k > 0 and in_list
        if last_lower and re.fullmatch(r"[a-zæøåé]{3,}", word) and word not in _FUNCTION_WORDS:
            continue
        return False
    return True


def _without_place(part: str) -> str:
    """A name with the meeting's room run into it: "Anders Drachmann Byrådssalen"."""
    words = part.split()
    for k in range(2, len(words)):
        if _PLACE_WORD.match(words[k]):
            return " ".join(words[:k])
    return part


_KOMMUNE = re.compile(r"\bkommune\b", re.IGNORECASE)  # a municipality's name, never a person
# A sentence's end: not an initial's full stop ("K. J. Bro").
# ("(C). I stedet mødte …": a one-letter word opens the next sentence too)
_NEXT_SENTENCE = re.compile(r"(?<![A-ZÆØÅ])(?<=[\wæøå)])\.\s+(?=[A-ZÆØÅ](?:[a-zæøå]|\s[a-zæøå]))")


def _listed(text: str, run_on: bool = False) -> tuple[list[str], int]:
    """The names of a list in order, repeats kept, and how many of its parts were neither
    names nor lower-case notes beside one ("sag 1-57", "arbejde"). `run_on`: the list may run
    on into other text (a flattened page), so it ends at the first part that is no name."""
    names, others = [], 0
    # "Alice Kiander (Børne- og Ungdomsorganisationernes Samråd)": a note that names a body,
    # not two people (party letters stay: "Anne Holm (C) Bo Dahl (A)" is split by them).
    text = re.sub(r"\s*\([^()\n]*(?:\sog\s|,)[^()\n]*\)", "", text)
    parts = [p for p in _NAME_SPLIT.split(text) if p and p.strip()]
    for part in parts:
        part = re.sub(r"^\d{1,2}[.)]\s*", "", part.strip())
        part = re.sub(r",\s*(?:arbejde|sygdom|ferie|barsel|andet|privat)\.?$", "", part, flags=re.I)
        part = _without_place(_strip_person(part))
        if not part or _NOT_NAMES.match(part):
            continue
        if _KOMMUNE.search(part):
            continue  # "Norddjurs Kommune": the page's head, not a member
        if 2 <= len(part) <= 60 and _NAME.match(part) and _person_like(part, len(parts) > 1):
            names.append(part)
        elif not part[0].islower():
            others += 1
            if run_on:
                break
    return names, others


# "Den 8. juni 2006: Bo Dahl (C). Den 19. juni 2006: Ingen.": a meeting held over several
# days records who was away on each.
_DATED_PART = re.compile(
    r"(?:^|(?<=[.\n]))\s*(?:[Dd]en|[Dd]\.)\s+(?P<date>[^:\n]{4,30}?):\s*(?P<names>[^\n]*?)"
    r"(?=\s*(?:\.\s*)?(?:[Dd]en|[Dd]\.)\s+[^:\n]{4,30}?:|\.?\s*$)",
    re.MULTILINE,
)


def _dated_lists(text: str) -> list[tuple[dt.date, list[str]]]:
    """The names of an absence field by the day they were away, where it is dated."""
    found = []
    for m in _DATED_PART.finditer(text):
        dates = find_dates(m.group("date"))
        if dates:
            found.append((dates[0][0], _listed(m.group("names"), run_on=True)[0]))
    return found


def split_names(text: str) -> tuple[str, ...]:
    """Person names in a list ("A (V), B og C, formand"), party letters and roles dropped."""
    return tuple(dict.fromkeys(_listed(text)[0]))


# A comma before a clause: a sentence, not a list of names.
_CLAUSE = re.compile(r",\s+(?:at|men|da|fordi|hvor|hvis|idet|så)\s+[a-zæøå]")
# "Anne Holm (A) havde meldt afbud.", "Bo Dahl var fraværende.": a sentence about a member,
# not a member's line in a list.
# (the verb right after the name: "Ole Sand (C), stedfortræder for Eva Lund (C), der havde
# forfald." is a member's line)
_STATEMENT = re.compile(
    r"^\W*[A-ZÆØÅ][\wæøå'-]+(?:\s+[A-ZÆØÅ][\wæøå'.-]+){1,3}(?:\s*\([^)]*\))?"
    r"\s+(?:var|havde|har|deltog|deltager|mødte|forlod|ankom|blev|er)\s+[a-zæøå]"
)


def _is_statement(line: str) -> bool:
    return bool(_STATEMENT.search(line)) and line.rstrip().endswith(".")


# "Eva Lund, Oplysningsforbundene", "Hanne Bro, Chef for Center for Social Indsats (referent)":
# a member and what they represent or do, not two members (unless another full name follows).
_ROLE_AFTER_NAME = re.compile(
    r"^(?P<name>\s*[A-ZÆØÅ][\wæøå'-]+(?:\s+[A-ZÆØÅ][\wæøå'.-]+){1,3}(?:\s*\([^()]*\))?)\s*,"
    # (not a name after the comma: "Anne Holm, K. J. Bro" lists two)
    r"(?!\s*[A-ZÆØÅ](?:[\wæøå'-]+|\.)(?:\s*[A-ZÆØÅ][\wæøå'.-]+){1,3}(?:\s*\([^()]*\))?(?:\s*[,(]|\s+og\b|\.?\s*$))"
    r"(?!\s*(?i:afbud|fraværende|forfald|sag|sager|punkt|punkterne|pkt)\b)"
    # (not a sentence about them: "Dan Ege, C, ankom til mødet kl. 17.32 under …")
    r"(?!.*\b(?i:ankom|forlod|forlød|deltog|mødte|kom|kl)\b)"
    # (nor a list going on after the role: "Anne Holm (A), formand, Bo Dahl (V), …")
    r"(?!.*,\s*[A-ZÆØÅ][\wæøå'-]+\s+[A-ZÆØÅ][\wæøå'.-]+).+$"
)


def _without_role(line: str) -> str:
    # "Bo Dahl, B": a party letter after the name, as a list entry prints it
    line = _PARTY_AFTER_COMMA.sub(r"\g<name> (\g<party>)", line)
    m = _ROLE_AFTER_NAME.match(line)
    return m["name"] if m else line


_LIST_BULLET = re.compile(r"^(?P<label>[^:\n]{1,40}:\s*)?[-–•·▪*]\s+(?=[A-ZÆØÅ])")
_PARTY_AFTER_COMMA = re.compile(
    r"^(?P<name>\s*[A-ZÆØÅ][\wæøå'-]+(?:\s+[A-ZÆØÅ][\wæøå'.-]+){1,3}),\s*(?P<party>[A-ZÆØÅ]{1,2})\s*$"
)


def _is_name_line(line: str) -> bool:
    """A line that is one person (a first and a last name at least) or a list of them."""
    stripped = _strip_person(re.sub(r"^\d{1,2}[.)]\s*", "", line.strip(" •·-")))
    if _KOMMUNE.search(stripped):
        return False  # "NORDDJURS KOMMUNE": a page's head, not a member
    if _CLAUSE.search(stripped):  # "Formanden konstaterede, at der ikke var quorum, men …"
        return False
    if "," in stripped or " og " in stripped:
        names, others = _listed(stripped)
        return bool(names) and not others
    return bool(_NAME.match(stripped)) and 2 <= len(stripped.split()) <= 6


# A member marked away in the participant list: "Bo Dahl (V) - afbud", "Bo Dahl (V) (afbud)",
# "Bo Dahl, fraværende".
_MARKER = re.compile(
    r"(?:(?:\s*[-–,:]\s*|\s*\(\s*)(?i:meldt\s+)?(?i:afbud|fraværende|forfald|ikke\s+til\s+stede)"
    r"|\s+(?:meldt\s+)?(?:afbud|fraværende|forfald))\b\s*\)?\.?"
    r"(?=\s*(?:[,;\n]|og\b|$))"
)


# "• Deltog ikke under punkterne 20-21" under a member of the list: a note on that member.
_NAME_FIRST = re.compile(r"\W*(?P<name>[A-ZÆØÅ][\wæøå'-]+(?:\s+[A-ZÆØÅ][\wæøå'.-]+){1,3})")
_MEMBER_NOTE = re.compile(
    r"^\W*(?:deltog\s+ikke|ankom|forlod|mødte\s+kl|deltog\s+fra|deltog\s+til)\b", re.I
)
# "Jesper Würtzen (A) (borgmester) - Deltog": a portal's member list marks who came.
_PRESENT_MARK = re.compile(r"[ \t]*[-–][ \t]*(?:Deltog|Deltager|Til stede|Mødt)[ \t]*$", re.M)


def _unmarked(text: str) -> tuple[str, list[str]]:
    """The list without its away markers, and the names the markers followed."""
    text = _PRESENT_MARK.sub("", text)
    away = []
    for m in _MARKER.finditer(text):
        before = re.split(r"[,;\n]|\bog\b", text[: m.start()])[-1]
        away.extend(split_names(before))
    return _MARKER.sub("", text), away


def _run_together(names: list[str]) -> tuple[list[str], list[str]] | None:
    """A member table flattened into its absence label ("Medlemmer: Afbud: A, B, C, D, B, D"):
    the members first, then the absentees printed again, the first of them maybe glued to the
    last member ("… D B, D"). Returns (members, absentees) when names repeat, else None."""
    parts: list[str] = []
    for name in names:
        words = name.split()
        for k in (2, 3):
            head, tail = " ".join(words[:-k]), " ".join(words[-k:])
            if len(words) - k >= 2 and tail in names and head:
                parts += [head, tail]
                break
        else:
            parts.append(name)
    repeated = [n for n in dict.fromkeys(parts) if parts.count(n) > 1]
    if not repeated:
        return None
    return list(dict.fromkeys(parts)), repeated


_ITEM_LINE = re.compile(r"^\W*(?:(?:Pkt\.?|Punkt)\s*\d{1,4}|\d{1,4}\.)\s+[A-ZÆØÅ]")


def _fields(front: Sequence[str]) -> tuple[dict[str, str], dict[str, list[str]], set[int]]:
    """Label/value pairs on one line or on lines of their own, and the lines they took."""
    values: dict[str, str] = {}
    lists: dict[str, list] = {
        "participants": [], "absent": [], "dated": [], "scoped": [], "member_notes": []
    }  # fmt: skip
    used: set[int] = set()
    i = 0
    while i < len(front):
        line = front[i]
        m = _LABEL_LINE.match(line)
        if m is None or (
            m.group("value")
            and ":" not in line[: m.end("key") + 2]
            and m.group("key").lower() not in _BARE_VALUE_OK
            and not _BARE_SHORT.match(line)
        ):
            i += 1
            continue
        key = m.group("key").lower()
        field = _LABELS[key]
        if key == "starttidspunkt" and "date" in values:
            field = "time"  # "Mødedato: …" / "Starttidspunkt: Kl. 17:00"
        value = m.group("value").strip()
        # "Bemærkninger: Afbud: X", "Medlemmer: Fraværende: …": the value is another label's.
        inner = _LABEL_LINE.match(value)
        if inner and ":" in value[: inner.end("key") + 2] and field in ("notes", "participants"):
            field, value = _LABELS[inner.group("key").lower()], inner.group("value").strip()
        used.add(i)
        i += 1
        if field in _LIST_FIELDS:
            value = _without_role(value)
            parts = [value] if value else []
            # Names one a line under the label, up to the next label or line of other text.
            # (A line ending in a colon is a label of its own: "Fra forvaltningen:".)
            while (
                i < len(front)
                and not _LABEL_LINE.match(front[i])
                and not front[i].rstrip().endswith(":")
            ):
                note = _MEMBER_NOTE.match(front[i])  # "• Deltog ikke under punkterne 20-21"
                line = _without_role(front[i])
                # "Den 6. juni 2024: Inge Bjerre (C).": a meeting held over days, a line a day
                dated = field == "absent" and _DATED_PART.fullmatch(line)
                if _is_statement(front[i]):  # "Anne Holm var fraværende." in the list: the
                    i += 1  # cover's sentence (read with the free lines), not a member's line
                    continue
                if not (_is_name_line(_unmarked(line)[0]) or (parts and note) or dated):
                    break
                if not note:
                    parts.append(line)
                elif who := _NAME_FIRST.match(_unmarked(parts[-1])[0]):
                    # "• Erik Vang (O) - Deltog" / "• Deltog ikke under punkterne 3-4"
                    text = re.sub(r"^\W*", "", front[i])
                    lists["member_notes"].append(f"{who['name']} {text[:1].lower()}{text[1:]}")
                used.add(i)
                i += 1
            # "Alice Kiander (Børne- og …Samråd": a bracket left open ends with its line.
            parts = [close_brackets(p) for p in parts]
            if field == "absent":
                # "Eva Lund (Ø), sag 142": away from those items only (`Meeting.attendance_notes`)
                lists["scoped"].extend(p for p in parts if _ENTRY_SCOPE.search(p))
                parts = [p for p in parts if not _ENTRY_SCOPE.search(p)]
            text, away = _unmarked("\n".join(parts))
            if field == "participants":
                lists["absent"].extend(away)
            if field == "absent":
                # "Fraværende: REFERAT Bo Dahl": the page's title set beside the label.
                text = re.sub(
                    r"^\s*(?i:referat|dagsorden|beslutningsprotokol)\s+(?=[A-ZÆØÅ])", "", text
                )
                # "X ved afbud Y ved afbud 26. juni 2014": a note after each name, the date run on.
                text = re.sub(r"(?<=[\wæøå)])[ \t]+ved[ \t]+(?:afbud|forfald)\b", ",", text)
                text = re.sub(r",?\s*\d{1,2}\.\s*(?:[a-zæøå]+\.?|\d{1,2}\.?)\s*\d{4}\s*$", "", text)
            if field == "absent" and (dated := _dated_lists(text)):
                lists["dated"].extend(dated)
                continue
            if field == "absent":
                # "Bo Dahl (V). Som stedfortræder deltog Hanne Bech (V).", "Carl Berg (A).
                # Mødet sluttede kl. 18.40": the names, then a sentence of another kind.
                text = _NEXT_SENTENCE.split(text, maxsplit=1)[0]
            names = _listed(text, run_on=field == "absent")[0]
            if field == "absent" and (flattened := _run_together(names)):
                members, names = flattened
                lists["participants"].extend(members)
            lists[field].extend(dict.fromkeys(names))
            continue
        if (
            not value
            and i < len(front)
            and not _LABEL_LINE.match(front[i])
            and not _ITEM_LINE.match(front[i])  # "Sted:" / "• Pkt. 12 Godkendelse af referat"
        ):
            value = front[i].strip()
            used.add(i)
            i += 1
        # "Udvalg Dato Type Hent": the header row of a flattened table, not a value.
        if value and not _is_header_row(value):
            values.setdefault(field, value)
    return values, lists, used


def absence_list_length(lines: Sequence[str]) -> int:
    """How many of the lines are an absence label on a line of its own and the names under it
    ("Afbud:" / "Erik Holm (DF)"): a cover's list that reading may take for an item's start."""
    m = _LABEL_LINE.match(lines[0].strip()) if lines else None
    if m is None or _LABELS[m.group("key").lower()] != "absent" or m.group("value").strip():
        return 0
    n = 1
    while n < len(lines) and n <= 30 and _is_name_line(_unmarked(lines[n])[0]):
        n += 1
    return n if n > 1 else 0


def _is_header_row(value: str) -> bool:
    """ "Dato Type Hent": label words only. "Mødelokale 1" is a value."""
    words = value.split()
    return (
        len(words) >= 2
        and all(
            _LABEL_LINE.fullmatch(w) or w[:1].isupper() and w.isalpha() and len(w) <= 8
            for w in words
        )
        and bool(_LABEL_LINE.match(value))
    )


# "14-17 Økonomiudvalget", "2018-21 Byrådet": the body's term before its name.
_PERIOD_PREFIX = re.compile(r"^(?:(?:19|20)?\d{2}\s*[-–]\s*(?:19|20)?\d{2})\s+(?=[A-ZÆØÅ])")


def _clean_body(text: str) -> str:
    text = re.sub(r"\s+(?:d\.|den)\s*$", "", text.strip(" -–:,"))
    text = _PERIOD_PREFIX.sub("", _PERIOD_SUFFIX.sub("", text))
    return " ".join(text.split()).strip(" -–:,")


def _body_in(line: str) -> str | None:
    """The body a front-matter line names, if it names one and reads like a heading."""
    if len(line) > 140:
        return None
    if sum(c.isupper() for c in line) > 0.6 * sum(c.isalpha() for c in line):
        line = " ".join(w.capitalize() for w in line.split())  # "ÅBENT REFERAT ØKONOMIUDVALG"
    m = _COUNCIL.search(line) or _BODY.search(line)
    if m is None:
        return _body_of_meeting_word(line)
    body = _clean_body(m.group(0))
    if (base := body.removesuffix("s")) in ("Udvalg", "Råd", "Nævn"):
        # "Teknisk Udvalg", "Grønt Råd" are names; "Titel Udvalg Funktioner" a table's column
        # headers.
        named = re.search(
            rf"\b(?!(?:Titel|Navn|Type|Dato|Referat|Møde)\b)[A-ZÆØÅ][\wæøå\-]+\s+{base}(?:et|s)?\b",
            line,
        )
        if named is None and re.search(r"\b(?:Titel|Navn|Type|Dato)\s+Udvalg\b", line):
            return None
        body = named.group(0) if named else body
    words = body.split()
    if len(words) == 2 and words[0] == words[1]:  # "Byrådet Byrådet": a table's two columns
        body = words[0]
    # "Økonomiudvalgets møde den …": the genitive names the body.
    if body.endswith("s") and re.search(re.escape(body) + r"\s+møde", line):
        body = body[:-1]
    return body or None


_DEFINITE = {
    "udvalg": "et",
    "råd": "et",
    "nævn": "et",
    "repræsentantskab": "et",
    "kommission": "en",
    "forsamling": "en",
    "magistrat": "en",
    "repræsentation": "en",
    "direktion": "en",
}
# "Ekstraordinært Ældrerådsmøde": the body named in the meeting's compound.
# "Referat af skolebestyrelsesmøde", "Bestyrelsesmøde 5. marts", "SeniorRådsmøde": lower case
# or a capital inside, at the line's start or after "referat af/fra".
_MEETING_COMPOUND = re.compile(
    rf"(?:^|\b(?i:referat|protokol|beslutningsprotokol)\s+(?:af|fra)\s+(?:\w+\s+)?|(?=[A-ZÆØÅ]))"
    rf"\b(?P<body>[\wæøå\-]*?(?i:{BODY_WORDS}))s?møde\b"
)


def _body_of_meeting_word(line: str) -> str | None:
    m = _MEETING_COMPOUND.search(line)
    if m is None:
        return None
    body = m["body"][0].upper() + m["body"][1:].lower()
    return body + next((end for word, end in _DEFINITE.items() if body.lower().endswith(word)), "n")


# "SammenlægningsudvalgetBeslutningsprotokol": a title glued to the body's name.
_GLUED_TITLE = re.compile(r"(?<=[a-zæøå])(?=(?:Referat|Beslutningsprotokol|Dagsorden)\b)")
_LETTER_SPACED = re.compile(r"\b(?:[A-Za-zÆØÅæøå] ){3,}[A-Za-zÆØÅæøå]\b")


def unspaced(line: str) -> str:
    """A heading set in spaced letters read as its word: "R e f e r a t" -> "Referat"."""
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), line)


# "REBILD KOMMUNE. REFERAT Økonomiudvalget.": the municipality before the title.
_MUNICIPALITY_PREFIX = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ\-]+\s+(?:kommune|KOMMUNE|Kommune)[.,:]?\s+")


def _body_from_title(line: str) -> str | None:
    line = _MUNICIPALITY_PREFIX.sub("", _GLUED_TITLE.sub(" ", line))
    m = _TITLE.match(line)
    if m is None:
        # "Økonomiudvalget - Referat", "Det fælles landdistriktsråd - Dagsordener og referater"
        m2 = re.match(
            r"^(?P<body>.+?)\s*[-–|•:]\s*(?:referat|dagsorden|beslutningsprotokol)", line, re.I
        )
        # "Erhvervsudvalget. Referat.", "Erhvervsudvalget Referat Dato 04. juni 2015 …"
        m2 = m2 or re.match(
            r"^(?P<body>[A-ZÆØÅ][^.:;]{2,80}?)\.?\s+(?:Åben\s+|Åbent\s+)?"
            r"(?:Referat|REFERAT|[Bb]eslutningsprotokol|BESLUTNINGSPROTOKOL)\b",
            line,
        )
        return _body_in(m2.group("body")) if m2 else None
    rest = m.group("rest")
    rest = re.split(
        rf"\s+(?:den|d\.|{_WEEKDAY})\s+|\s+\d{{1,2}}[.\-/ ]|\s*[•(]", rest, maxsplit=1, flags=re.I
    )[0]
    if not rest:
        return None
    # "Referat MØDE 6-2015. Fredensborg Seniorråd. Torsdag den …": the body in a later part.
    parts = [rest] + [part for part in m.group("rest").split(". ")[1:4] if part]
    return next((body for part in parts if (body := _body_in(part))), None)


# "Godkendelse af dagsorden til dagens møde i Kommunalbestyrelsen.": the page names its
# body only in a sentence about the meeting.
# A line that opens "Møde i Kommunalbestyrelsen mandag den 25. september 2006" names it too.
_MEETING_OF = re.compile(
    r"(?:\b(?:dagens|dette|aftenens)\s+|^(?:(?:ordinært|ekstraordinært|åbent)\s+)?)"
    # (A comma inside the name: "dagens møde i Klima-, Miljø- og Teknikudvalget")
    r"møde(?:t)?\s+(?:i|for)\s+(?P<body>[A-ZÆØÅ](?:[^.,;:\n]|,[ \t]+(?=[A-ZÆØÅ])){2,60})",
    re.IGNORECASE,
)


# "Godkendelse af åben dagsorden for KB den 22. januar 2020.", "Godkendelse af dagsorden til
# byrådsmøde d. 17. januar 2018": the agenda approval names this meeting's date.
_AGENDA_APPROVAL = re.compile(
    r"\bgodkendelse\s+af\s+(?:den\s+)?(?:åben\s+|åbne\s+)?dagsorden(?:en)?\s+(?:for|til)\b"
    r"(?P<rest>[^\n]{0,60})",
    re.IGNORECASE,
)


# The bodies' usual abbreviations in a page's own sentences ("dagsorden for KB den …").
_ABBREVIATED_BODIES = {
    "KB": "Kommunalbestyrelsen",
    "BR": "Byrådet",
    "BY": "Byrådet",
    "ØU": "Økonomiudvalget",
    "ØK": "Økonomiudvalget",
}


def _agenda_approval(texts: Sequence[str]) -> tuple[dt.date | None, str | None]:
    """The date, and the body where named, of the agenda approval's own sentence."""
    for text in texts:
        if (m := _AGENDA_APPROVAL.search(text)) and (dates := find_dates(m.group("rest"))):
            named = m.group("rest")[: dates[0][1]]
            named = re.sub(r"\s+(?:den|d\.)\s*$", "", named).strip()
            named = re.sub(r"^(?:mødet\s+i|møde\s+i)\s+", "", named, flags=re.I)
            body = _ABBREVIATED_BODIES.get(named) or (_body_in(named) if named else None)
            return dates[0][0], body
    return None, None


# "at Lokaludvalget godkender dagsordenen", "Ældrerådet skal godkende dagsordenen": the body
# that approves the agenda holds the meeting.
_APPROVES_AGENDA = re.compile(
    rf"\b(?P<body>[A-ZÆØÅ][\wæøå\-]*{BODY_WORDS}\w*)\s+(?:skal\s+)?godkend\w*\s+"
    r"(?:den\s+)?(?:åbne\s+)?dagsorden"
)


_BODY_ACTS = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][\wæøå\-]*{BODY_WORDS}\w*)\s+(?:drøftede|besluttede|godkendte|vedtog|"
    r"tiltrådte|anbefalede|anbefaler|tog\s+\w+\s+til)\b"
)


def _body_of_meeting_sentence(texts: Sequence[str]) -> str | None:
    for text in texts:
        if (m := _MEETING_OF.search(text)) and (body := _body_in(m.group("body"))):
            return body
    for text in texts:
        if (m := _APPROVES_AGENDA.search(text)) and (body := _body_in(m.group("body"))):
            return body
    # "Lokaludvalget drøftede …" opening the record of an item: the body that acts.
    acting = Counter(
        body
        for text in texts
        if (m := _BODY_ACTS.match(text)) and (body := _body_in(m.group("body")))
    )
    return acting.most_common(1)[0][0] if acting else None


# "Social og sundheds møde den 17. april 2023": the body is the meeting's owner.
_OWNED_MEETING = re.compile(r"^(?P<body>[A-ZÆØÅ][\wæøå\- ,]{2,60}?)s?\s+møde\s+(?:den|d\.)\s")
_NAMED_BEFORE_DATE = re.compile(r"^(?P<name>[A-ZÆØÅ][^\d:|]{2,60}?)\s+[-–]\s+\d{1,2}[.\-/]")
_NOT_A_BODY = re.compile(
    r"\b(?:kommune|referat|referater|dagsorden|dagsordener|tilbage|indhold|indholdsfortegnelse|"
    r"mødedato|dato|menu|forside|logo)\b",
    re.IGNORECASE,
)


def _body_over_date(lines: Sequence[str]) -> str | None:
    """The body of a page that names it without a body word: "Social og sundheds møde den …",
    or a short heading straight over the meeting's date line ("Forebyggelse og Idræt" /
    "Mandag den 30-04-2018 kl. 16:30")."""
    for k, line in enumerate(lines):
        if not find_dates(line):
            continue
        if m := _OWNED_MEETING.match(line):
            return m["body"]
        # "Konstituerende møde - 02-12-2021": the page's title names the meeting, then its date.
        if (m := _NAMED_BEFORE_DATE.match(line)) and not _NOT_A_BODY.search(m["name"]):
            return m["name"]
        above = lines[k - 1].strip() if k else ""
        words = above.split()
        if (
            2 <= len(words) <= 6
            and above[:1].isupper()
            and not re.search(r"[\d:.!?]", above)
            and not _NOT_A_BODY.search(above)
        ):
            return above
        return None
    return None


def _time(texts: Iterable[str]) -> str | None:
    texts = list(texts)
    # A labelled time ("Mødetidspunkt: 08:00", "Tid: 10.00-12.00") needs no "kl." and no date
    # beside it.
    if texts and (m := _LABELLED_CLOCK.match(texts[0].strip())):
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    for text in texts:
        m = _TIME.search(text)
        if m:
            return f"{int(m.group(1)):02d}:{m.group(2) or '00'}"
        m = _CLOCK.search(text)
        if m and find_dates(text):
            return f"{int(m.group(1)):02d}:{m.group(2)}"
    for text in texts:  # "12:30 Rådhuset, mødelokale 1": the time, then the place
        if len(text) <= 80 and (m := _CLOCK_FIRST.match(text.strip())):
            return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


_CLOCK_FIRST = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(?:\s*[-–]\s*\d{1,2}:\d{2})?\s+(?=[A-ZÆØÅ])")


_LETTER_DATE = re.compile(
    r"[A-ZÆØÅ][\wæøå-]+,\s+(?:den\s+)?\d{1,2}\.\s*[a-zæøå]+\s+\d{4}(?:\s*/\s*\w+)?$"
)
_CONTENTS_LINE = re.compile(
    r"^(?:indholdsfortegnelse|indhold|sagsoversigt|dagsordenspunkter)\b", re.I
)


UNNAMED_BODY = "Ukendt udvalg"  # what a page calls a body it never names


def read_meeting(
    front: Sequence[str],
    texts: Iterable[str],
    decisions: Sequence[DatedDecision] = (),
) -> Meeting | None:
    """Build the meeting from front-matter lines; None when no body can be found. The date is
    None where none is printed (transcripts that lost their digits).

    `texts` are the document's block texts, read (once, not joined) only to find
    the municipality when the front matter does not name it. `decisions` are the
    dated decision headings of the document, which name the body and the date when
    the front matter does not.
    """
    # Cells of a table flattened to "Dato: |" / "18-03-2019 07:45:00 |" lines.
    # ("Kommunalbestyrelsen_2018-21": a period suffix joined on by a portal's underscore.)
    front = [unspaced(" ".join(line.replace("_", " ").split())).strip(" |") for line in front]
    front = [line for line in front if line and not re.fullmatch(r"[-|: ]+", line)]
    # "Deltagere: - Anne Holm, A" / "- Afbud": a web page's list, its bullets dropped
    front = [_LIST_BULLET.sub(r"\g<label>", line) for line in front]
    # "Referat" / "til mødet i Kommunalbestyrelsen …": a title broken after its first word.
    for k in range(len(front) - 2, -1, -1):
        bare = _TITLE.fullmatch(front[k])
        if bare and not bare.group("rest") and front[k + 1][:1].islower():
            front[k : k + 2] = [f"{front[k]} {front[k + 1]}"]
    # "REFERAT fra møde i" / "LEMVIG BYRÅD": the body on the line under the words that name it.
    for k in range(len(front) - 2, -1, -1):
        if _TITLE.match(front[k]) and re.search(r"\bmøde(?:t)?\s+i$", front[k], re.I):
            front[k : k + 2] = [f"{front[k]} {front[k + 1]}"]
    # "… Byrådssalen Ebeltoft Medlemmer Ole Bang (A) … Fraværende Lene Tirstrup (O)": a cover
    # page's labels run into one line, each its own line again
    front = [
        _PAGE_COUNT.sub("", part)
        for line in front
        for part in (_RUN_ON_LIST_LABEL.split(line) if len(line) > 80 else [line])
        if part.strip()
    ]
    values, lists, used = _fields(front)
    absent: list[str] = list(lists["absent"])
    committee = _clean_body(values["body"]) if "body" in values else None
    if committee and not _BODY_LINE_WORDS.search(committee) and len(committee.split()) > 6:
        committee = None
    free = [line for k, line in enumerate(front) if k not in used]
    # "Bemærkninger: Der er afbud fra X og Y.": the cover's remarks say who was away.
    remarks = [values["notes"]] if "notes" in values else []
    for line in free + remarks:
        found = [m] if (m := _FORFALD.match(line)) else []
        found += _AFBUD_FRA.finditer(line) if len(line) <= 200 else []
        for m in found:
            absent.extend(split_names(m.group("names")))
    # Sentences of the cover ("X (A) var fraværende. I stedet deltog Y (A)", a member list
    # marking each "deltog" or "var fraværende"); not those that name items.
    absent.extend(whole_meeting_absences("\n".join(free + remarks), tuple(lists["participants"])))
    if committee is None:
        for line in free[:15]:
            committee = _body_from_title(line)
            if committee:
                break
    date = None
    # A labelled date, else the first short line with one (not a notice that mentions a date).
    # (Not a table of contents: "Indholdsfortegnelse … Afrapportering fra seminaret 19. juni".)
    free_dated = [line for line in free if not _CONTENTS_LINE.match(line)]
    # "Struer, den 22. februar 2024 /ABH": the letter's date, after the meeting's where both are.
    free_dated.sort(key=lambda line: bool(_LETTER_DATE.match(line)))
    short = [line for line in free_dated[:15] if len(line) <= 100]
    longer = [line for line in free_dated[:15] if 100 < len(line) <= 250]
    longest = [line[:400] for line in free_dated[:15] if len(line) > 250]
    for text in (values.get("date", ""), values.get("time", ""), *short, *longer, *longest):
        dates = find_dates(text)
        if dates:
            date = dates[0][0]
            break
    if date is None:
        # A label whose value stood under another label ("Mødedato:" / "Bemærkninger:" /
        # "Mandag den 16. marts 2015") was taken as that label's value.
        date = next(
            (d[0][0] for line in front[:20] if len(line) <= 100 and (d := find_dates(line))), None
        )
    texts = list(texts)
    if date is None:
        date, approving_body = _agenda_approval(texts[:80])
        committee = committee or approving_body
    decided_on = Counter(d.date for d in decisions if d.date)
    if date is None and decided_on:
        date = decided_on.most_common(1)[0][0]
    # The body whose decisions carry the meeting's date is the meeting's body.
    decided_by = Counter(d.body for d in decisions if d.body and d.date in (date, None))
    if committee is None and decided_by:
        committee = decided_by.most_common(1)[0][0]
    if committee is None:
        for line in free[:10]:
            if len(line) <= 90 and not line.endswith("."):
                committee = _body_in(line)
                if committee:
                    break
    if committee is None:
        committee = _body_of_meeting_sentence(texts[:80])
    if committee is None and date is not None:
        committee = _body_over_date(front[:15])
    participants = tuple(dict.fromkeys(lists["participants"]))
    if len(set(absent)) >= 10 and not participants:
        # "Medlemmer: Fraværende: Ove Rytter (A) Bjarne Mølgaard (A) …" (a transcript that put
        # the labels first): ten or more away is the member list, not who was away.
        participants, absent = tuple(dict.fromkeys(absent)), []
    if not committee and (date is not None or lists["absent"]) and (participants or absent):
        # A record with its date or attendance but no body named anywhere in its text (a page
        # that names it only in its address): kept as a meeting, so its date and absences are.
        committee = UNNAMED_BODY
    if not committee:
        return None
    committee = _named_body(committee, texts[:80])
    # Away on the meeting's day when the field is dated, on any of its days when none is it.
    dated = lists["dated"]
    for day, names in dated:
        if day == date or all(other != date for other, _ in dated):
            absent.extend(names)
    absent = [_as_participant(name, participants) for name in absent]
    return Meeting(
        committee=committee,
        date=date,
        municipality=_municipality(committee, front, texts),
        start_time=_time([values.get("time", ""), values.get("date", ""), *free[:8]]),
        place=values.get("place") or _place_in(free[:10]),
        participants=participants,
        absent=tuple(dict.fromkeys(absent)),
        attendance_notes=tuple(
            [
                _unlabelled(line)
                for line in front
                if _ITEM_SCOPED.search(line) or _STANDING_IN.search(line)
            ]
            + (["Fraværende:\n" + "\n".join(lists["scoped"])] if lists["scoped"] else [])
            + lists["member_notes"]
        ),
    )


# "X forlod mødet efter behandlingen af punkt 120", "Y deltog ikke i punkt 3-5"
_ITEM_SCOPED = re.compile(
    r"\b(?:forlod|deltog|medvirkede\s+ikke|var\s+ikke\s+til\s+stede|fraværende|ankom|mødte|kom|"
    r"inhabile?)\b"
    r".{0,80}?\b(?:(?:punkt(?:erne)?|pkt\.?|sag(?:erne)?)\s*(?:nr\.?\s*)?\d|lukkede\s+del)",
    re.IGNORECASE,
)


# "Kl. 16:00 i Mødelokale 2, Allerslev", "… kl. 19.00 på Rådhuset", "Mødelokale Tårnet, Rådhuset"
_PLACE_AFTER_TIME = re.compile(
    r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?\s+(?:i|på)\s+(?P<place>[A-ZÆØÅ][^\n]{2,80}?)\.?$",
    re.IGNORECASE,
)
_ROOM_LINE = re.compile(
    r"^(?P<place>(?:Mødelokale|Mødesal|Byrådssal|Byrådssalen|Lokale)\b[^\n]{0,80})$"
)


def _place_in(lines: Sequence[str]) -> str | None:
    """The place of a cover that gives it without a label."""
    for line in lines:
        if m := _PLACE_AFTER_TIME.search(line) or _ROOM_LINE.match(line):
            return m["place"].strip(" ,")
    return None


def _unlabelled(line: str) -> str:
    """ "Bemærkninger: Bo Dahl deltog ikke …" -> "Bo Dahl deltog ikke …"."""
    m = _LABEL_LINE.match(line)
    return m.group("value").strip() if m and m.group("value") else line


_ENTRY_SCOPE = re.compile(r",\s*(?:sag|sager|punkt|punkterne|pkt\.?)\s*\d", re.IGNORECASE)
# "I stedet for X deltog Y", "Stedfortræder: Y", "Y mødte som suppleant"
_STANDING_IN = re.compile(r"\bi\s+stedet\b|\bstedfortræder|\bsuppleant", re.IGNORECASE)


# A municipality's several local bodies: "Lokaludvalget" (København has twelve).
_DEFINITE_BODY = re.compile(
    r"(?P<word>(?:Lokal|Område|Bydels|Distrikts|Landsby)(?:udvalg|råd))(?:et|en)?"
)


def _named_body(committee: str, texts: Sequence[str]) -> str:
    """ "Lokaludvalget" where the page also names it "Indre By Lokaludvalg": which of the
    municipality's local committees it is."""
    if not (m := _DEFINITE_BODY.fullmatch(committee)):
        return committee
    named = re.compile(rf"((?:[A-ZÆØÅ][\wæøå.-]*[ \t]+){{1,3}}){m.group('word')}(?![\wæøå])")
    for text in texts:
        for found in named.finditer(text):
            words = found.group(1).split()
            while words and words[0].lower() in STOP_WORDS:
                words = words[1:]  # "Hvis Indre By Lokaludvalg …": the sentence's first word
            if words:
                return f"{' '.join(words)} {m.group('word')}"
    return committee


def _as_participant(name: str, participants: tuple[str, ...]) -> str:
    """A listed member whose name ran into the next words: "Anders Drachmann Orientering"."""
    if name in participants:
        return name
    return next((p for p in participants if name.startswith(f"{p} ")), name)


def _municipality(committee: str, front: Sequence[str], texts: Iterable[str]) -> str | None:
    m = re.match(r"^([A-ZÆØÅ][a-zæøå]+) (?:Byråd|Kommunalbestyrelse)$", committee)
    if m:
        return f"{m.group(1)} Kommune"
    for line in front:
        m = _MUNICIPALITY.search(line)
        if m:
            return m.group(0)
    counts = Counter(m.group(0) for text in texts for m in _MUNICIPALITY.finditer(text))
    if counts:
        name, count = counts.most_common(1)[0]
        if count >= 3:
            return name
    return None

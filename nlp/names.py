"""Parties, organisations and persons: gazetteers, patterns and the meeting's own participant list.

Party names are matched case-sensitively ("Venstre" the party, "til venstre" the
direction), genitives included ("Socialdemokratiets byrådsgruppe"). Party letters
count only in a political context: "(V)" after a name or a vote count, "V og O
stemte imod", "forslag fra KF og M", "Viggo Jonasen, UFP," — never a
sentence-initial "I" or "Å".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache


def close_brackets(line: str) -> str:
    """A line whose bracket was left open, closed at its end: "Alice Kiander (Børne- og
    Ungdomsorganisationernes Samråd", "Imod stemte 27 (Venstres byrådsgruppe"."""
    return line + ")" * (line.count("(") - line.count(")"))


# Canonical party name -> names, abbreviations and letters used in minutes.
PARTIES: dict[str, tuple[str, ...]] = {
    "Socialdemokratiet": ("Socialdemokratiet", "Socialdemokraterne", "S", "A"),
    "Radikale Venstre": ("Radikale Venstre", "Det Radikale Venstre", "Radikale", "RV", "B"),
    "Det Konservative Folkeparti": (
        "Det Konservative Folkeparti",
        "Konservative Folkeparti",
        "Konservative",
        "De Konservative",
        "KF",
        "C",
    ),
    "SF": ("SF", "Socialistisk Folkeparti", "F"),
    "Liberal Alliance": ("Liberal Alliance", "LA", "I"),
    "Moderaterne": ("Moderaterne", "M"),
    "Danmarksdemokraterne": ("Danmarksdemokraterne", "DD", "Æ"),
    "Dansk Folkeparti": ("Dansk Folkeparti", "DF", "O"),
    "Venstre": ("Venstre", "V"),
    "Enhedslisten": ("Enhedslisten", "Enhedslisten de Rød-Grønne", "EL", "Ø"),
    "Alternativet": ("Alternativet", "ALT", "Å"),
    "Nye Borgerlige": ("Nye Borgerlige", "NB", "D"),
    "Borgernes Parti": ("Borgernes Parti", "H"),
    "Kristendemokraterne": ("Kristendemokraterne", "KD", "K"),
    "Frie Grønne": ("Frie Grønne", "Q"),
    "Velfærdslisten": ("Velfærdslisten",),
    "Randers Lokalliste": ("Randers Lokalliste",),
    "Udviklingspartiet": ("Udviklingspartiet", "UFP"),
    "Slesvigsk Parti": ("Slesvigsk Parti", "Schleswigsche Partei", "SP"),
}
# Names that are also ordinary words at a sentence start ("Alternativet er ...").
AMBIGUOUS = {"Venstre", "Alternativet", "Radikale", "Konservative", "De Konservative"}
_LETTERS = {
    alias: party for party, aliases in PARTIES.items() for alias in aliases if len(alias) <= 3
}
_NAMES = {
    alias.lower(): party
    for party, aliases in PARTIES.items()
    for alias in aliases
    if len(alias) > 3
}

ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "KL": ("KL", "Kommunernes Landsforening"),
    "STAR": ("STAR", "Styrelsen for Arbejdsmarked og Rekruttering"),
    "Ankestyrelsen": ("Ankestyrelsen",),
    "BDO": ("BDO",),
    "Region Midtjylland": ("Region Midtjylland",),
    "Socialstyrelsen": ("Socialstyrelsen",),
    "Social- og Boligstyrelsen": ("Social- og Boligstyrelsen",),
    "Beskæftigelsesministeriet": ("Beskæftigelsesministeriet",),
    "Arbejdsmarkedsrådet": ("Arbejdsmarkedsrådet", "Arbejdsmarkedsrådet Østjylland", "RAR"),
    "Tradium": ("Tradium",),
    "Planklagenævnet": ("Planklagenævnet",),
    "Rigsrevisionen": ("Rigsrevisionen",),
    "Danmarks Statistik": ("Danmarks Statistik",),
    "VIVE": ("VIVE",),
    "Arbejderbevægelsens Erhvervsråd": ("Arbejderbevægelsens Erhvervsråd", "AE"),
    "Dansk Industri": ("Dansk Industri", "DI"),
    "Dansk Erhverv": ("Dansk Erhverv",),
    "3F": ("3F",),
    "FOA": ("FOA",),
    "a-kasserne": ("a-kasserne", "a-kasser", "a-kasse", "a-kassen"),
    "Aarhus Havn": ("Aarhus Havn",),
    "Vejdirektoratet": ("Vejdirektoratet",),
    "Midttrafik": ("Midttrafik",),
    "Movia": ("Movia",),
    "Banedanmark": ("Banedanmark",),
    "Miljøstyrelsen": ("Miljøstyrelsen",),
    "Sundhedsstyrelsen": ("Sundhedsstyrelsen",),
    "Styrelsen for Arbejdsmarked og Rekruttering": ("Styrelsen for Arbejdsmarked og Rekruttering",),
    "Danmarks Veteraner": ("Danmarks Veteraner",),
}
_ORG_SUFFIX = re.compile(
    r"(?<![\w\-])(?:[A-ZÆØÅ][\wæøå]+-\s)?[A-ZÆØÅ][a-zæøå]{2,}"
    r"(?:styrelsen|ministeriet|foreningen|forening|fonden|fondene|nævnet|direktoratet|"
    r"selskabet|centret|centeret|instituttet|universitet|rådet)\b"
)
_ORG_COMPANY = re.compile(
    r"(?P<name>(?:[A-ZÆØÅ0-9][\wæøå&\-]*[ \t]){1,3})(?:A/S|ApS|I/S|P/S|K/S)\b"
)
_ORG_PLACE = re.compile(
    r"\b(?:Jobcenter|Region|Jobcentret)[ \t][A-ZÆØÅ][a-zæøå]+"
    r"|\b[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?[ \t]Kommune\b"
)
# The municipality's own organs are the committee's context, not organisations mentioned.
_OWN_ORGANS = re.compile(
    r"^(?:by|kommunal|regions|ældre|handicap|integrations|børne|unge|social)?(?:rådet|bestyrelsen)$"
    r"|udvalget$|^magistraten$|^forvaltningen$|^jobcent(?:e|)ret$",
    re.IGNORECASE,
)
_TITLE_WORDS = re.compile(
    r"^(?:Byrådsmedlem|Udvalgsmedlem|Kommunalbestyrelsesmedlem|Rådmand|Borgmester|Viceborgmester|"
    r"Formand|Næstformand|Medlem|Direktør|Og)\s+",
    re.IGNORECASE,
)
_PERSON_PARTY = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+){1,4}),\s+"
    r"(?P<party>[A-ZÆØÅ][\wæøå]+(?:listen|liste|partiet|erne|demokraterne|Venstre|Folkeparti|Alliance)|[A-ZÆØÅ]{1,3})\b(?=[\s,.)]|$)"
    r"|(?P<name2>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+){1,4})\s+\((?P<letter>[A-ZÆØÅ]{1,3})\)"
)
_LETTERS_GROUP = r"[A-ZÆØÅ]{1,3}(?:\s*(?:,|og|&)\s*[A-ZÆØÅ]{1,3})*"
_LETTER_CONTEXT = re.compile(
    rf"\b(?:[Ff]orslag|[Aa]nmodning|[Hh]envendelse|[Bb]eslutningsforslag|[Ss]pørgsmål|[Ss]var på forslag|[Ææ]ndringsforslag)\s+fra\s+(?P<letters>{_LETTERS_GROUP})(?=[\s,.]|$)"
    rf"|(?:[A-ZÆØÅ][a-zæøå]+|\d+|:)\s*\((?P<paren>{_LETTERS_GROUP})\)"
    rf"|(?<![\w.])(?P<voters>{_LETTERS_GROUP})\s+(?:stemte|stemmer|tog\s+forbehold|kunne\s+(?:ikke\s+)?tiltræde|undlod)"
    r"|(?<![\w.])(?P<owner>[A-ZÆØÅ]{1,3})'s\s+(?:byrådsgruppe|gruppe|medlem|forslag|ordfører|repræsentant)"
)
# A sentence that makes an ambiguous party name political.
POLITICAL_CONTEXT = re.compile(
    r"byrådsgruppe|gruppe|tog forbehold|stemte|stemmer|tiltræde|foreslår|forslag|partiet|"
    r"byrådsmedlem|medlem|mandat|undlod",
    re.IGNORECASE,
)


def _genitive(alias: str) -> str:
    return alias if alias.endswith("s") else alias + "s"


def entity_patterns() -> list[dict]:
    """EntityRuler patterns: party names (case-sensitive, with genitives) and organisations."""
    patterns = []
    for party, aliases in PARTIES.items():
        for alias in aliases:
            if len(alias) <= 3:
                continue
            words = alias.split()
            forms = {alias, _genitive(alias)}
            if words[0] in ("Det", "De"):
                forms |= {f"{words[0].lower()} {' '.join(words[1:])}"}
                forms |= {_genitive(f) for f in list(forms)}
            for form in forms:
                patterns.append({"label": "PARTY", "pattern": form, "id": party})
    for org, aliases in ORGANIZATIONS.items():
        for alias in aliases:
            forms = {alias, alias.capitalize()} if alias.islower() else {alias}
            for form in forms:
                patterns.append({"label": "ORG", "pattern": form, "id": org})
    return patterns


def canonical_party(name: str) -> str | None:
    """The canonical party for a name, genitive or abbreviation ("Socialdemokratiets" -> "Socialdemokratiet")."""
    name = " ".join(name.split()).removesuffix("'s").removesuffix("’s")
    if name in _LETTERS:
        return _LETTERS[name]
    key = name.lower()
    for candidate in (key, key[:-1] if key.endswith("s") else key):
        if candidate in _NAMES:
            return _NAMES[candidate]
    # local lists and parties: "Borgerlisten", "Lokaldemokraterne"
    if re.fullmatch(r"[A-ZÆØÅ][\wæøå]*(?:listen|liste|demokraterne)s?", name) or re.fullmatch(
        r"[A-ZÆØÅ][\wæøå]+ Lokallistes?", name
    ):
        return name[:-1] if name.endswith("ns") or name.endswith("es") else name
    return None


def party_letters(text: str) -> set[str]:
    """Parties named by letter or abbreviation where the context is political: "fra DD", "(V)", "V og O stemte"."""
    found = set()
    for m in _LETTER_CONTEXT.finditer(text):
        group = m["letters"] or m["paren"] or m["voters"] or m["owner"] or ""
        for letter in re.split(r"\s*(?:,|og|&)\s*", group):
            if letter in _LETTERS:
                found.add(_LETTERS[letter])
    return found


def parties_in(text: str, entity_ids: Iterable[str] = ()) -> list[str]:
    """Canonical parties named in the text; `entity_ids` are PARTY entity ids already found."""
    found = {canonical_party(e) or e for e in entity_ids}
    found |= party_letters(text)
    for m in _PERSON_PARTY.finditer(text):
        party = canonical_party(m["party"] or m["letter"] or "")
        if party:
            found.add(party)
    return sorted(found)


def organizations_in(
    text: str,
    entities: Iterable[tuple[str, int, int]] = (),
    exclude: Iterable[str] = (),
) -> list[str]:
    """Organisations: gazetteer hits `(id, start, end)` plus "... A/S", "...styrelsen", "X Kommune"."""
    skip = {e.lower() for e in exclude if e}
    entities = list(entities)
    found = {org for org, _, _ in entities}

    def inside_gazetteer_hit(m: re.Match[str]) -> bool:
        return any(s < m.end() and m.start() < e for _, s, e in entities)

    for m in _ORG_SUFFIX.finditer(text):
        name = m.group(0)
        if (
            _OWN_ORGANS.search(name)
            or name.endswith("området")
            or canonical_party(name) is not None
            or inside_gazetteer_hit(m)
        ):
            continue
        found.add(name)
    for m in _ORG_COMPANY.finditer(text):
        words = m["name"].split()
        while len(words) > 1 and _is_common_word(words[0]):
            words = words[1:]  # "Derfor Kredsløb A/S": a sentence-initial word is no part of it
        if words:
            found.add(" ".join(words) + " " + text[m.end("name") : m.end()].strip())
    for m in _ORG_PLACE.finditer(text):
        if not inside_gazetteer_hit(m):
            found.add(" ".join(m.group(0).split()))
    return sorted(f for f in found if f.lower() not in skip)


@lru_cache(maxsize=1)
def _common_words():
    from nlp.pipeline import danish

    return danish().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def _is_common_word(word: str) -> bool:
    """A capitalised word that is an ordinary Danish word in lower case ("Gade", "Derfor")."""
    return word.lower() in _common_words()


def clean_name(name: str) -> str:
    return _TITLE_WORDS.sub("", " ".join(name.split())).strip(" ,.")


class Gazetteer:
    """The meeting's participants: resolve a mentioned name ("Malland", "Bo Vestergaard") to the full name."""

    def __init__(self, participants: Sequence[str]):
        self.participants = tuple(participants)
        self._by_key: dict[str, str] = {}
        surnames: dict[str, list[str]] = {}
        for full in self.participants:
            self._by_key[full.lower()] = full
            parts = full.split()
            if len(parts) >= 2:
                self._by_key.setdefault(f"{parts[0]} {parts[-1]}".lower(), full)
                surnames.setdefault(parts[-1].lower(), []).append(full)
        self._surnames = {s: f[0] for s, f in surnames.items() if len(f) == 1}
        for surname, full in self._surnames.items():
            self._by_key.setdefault(surname, full)
        self._pattern = None
        if self._by_key:
            keys = sorted(self._by_key, key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<![\wæøå])(" + "|".join(re.escape(k) for k in keys) + r")(?![\wæøå])",
                re.IGNORECASE,
            )

    def resolve(self, name: str) -> str:
        name = clean_name(name)
        return self._by_key.get(name.lower(), name)

    def known(self, name: str) -> bool:
        return name in self.participants

    def mentioned(self, text: str) -> list[str]:
        """Participants named in the text: full name, first name + surname, or a distinctive surname."""
        if self._pattern is None:
            return []
        found = []
        for m in self._pattern.finditer(text):
            key = m.group(1).lower()
            if " " not in key and (not m.group(1)[0].isupper() or _is_common_word(key)):
                continue  # a lone surname counts only capitalised and when it is no ordinary word
            full = self._by_key[key]
            if full not in found:
                found.append(full)
        return found


_PERSON = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?"
_PERSON_NAME = rf"{_PERSON}(?:[ \t]+(?:{_PERSON}|von|van|de|la)){{1,3}}"
_PERSON_CONTEXTS = [
    # "Jakob Søgaard Clausen, Danmarksdemokraterne", "Gert Bjerregaard (V)": checked for a party
    re.compile(
        rf"(?P<name>{_PERSON_NAME})(?:,[ \t]+(?:byrådsmedlem[ \t]+)?(?P<party>[A-ZÆØÅ][\wæøå]*(?:[ \t][A-ZÆØÅ][\wæøå]+)?)"
        rf"|[ \t]+\((?P<letter>[A-ZÆØÅ]{{1,3}})\))"
    ),
    # "byrådsmedlem Henriette Malland", "rådmand Bünyamin Simsek", "Forslag fra Henriette Malland"
    re.compile(
        rf"\b(?:[Bb]yrådsmedlem|[Uu]dvalgsmedlem|[Rr]ådmand|[Bb]orgmester|[Vv]iceborgmester|[Ff]ormand|"
        rf"[Nn]æstformand|[Ff]orslag fra|[Aa]nmodning fra|[Hh]envendelse fra|[Ss]tillet af:?)[ \t]+(?P<name>{_PERSON_NAME})"
    ),
    # "X, Y og Z kunne tiltræde indstillingen", "X tog forbehold", "X stemte imod"
    re.compile(
        rf"(?P<name>{_PERSON_NAME}(?:[ \t]*(?:,|og)[ \t]*{_PERSON_NAME})*)[ \t]+(?:kunne|tog|stemte|undlod|begærede|deltog|havde|var)\b"
    ),
]
_NOT_PERSON_WORDS = {
    "Aarhus",
    "Randers",
    "Kommune",
    "Byråd",
    "Byrådet",
    "Udvalget",
    "Magistraten",
    "Teknik",
    "Miljø",
    "Borgmesterens",
    "Afdeling",
    "Region",
    "Danmark",
    "Det",
    "Den",
    "De",
    "Der",
    "Sagen",
}


def persons_in(text: str, gazetteer: Gazetteer) -> list[str]:
    """Participants mentioned plus names found by pattern ("<Name>, <Party>", "rådmand <Name>", ...)."""
    found = list(gazetteer.mentioned(text))
    for pattern in _PERSON_CONTEXTS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if "party" in groups and not canonical_party(groups["party"] or groups["letter"] or ""):
                party = groups["party"] or ""
                if not canonical_party(party.split()[0] if party else ""):
                    continue  # "Danmarks Veteraner Kronjylland, Region ...": no party, no person
            for part in re.split(r"[ \t]*(?:,|\bog\b)[ \t]*", m["name"]):
                words = part.split()
                # "Radikale Venstre Mahad Yussuf": a party name run into the person's
                while len(words) > 2 and canonical_party(" ".join(words[:2])):
                    words = words[2:]
                while len(words) > 2 and canonical_party(words[0]):
                    words = words[1:]
                if len(words) < 2 or any(w in _NOT_PERSON_WORDS for w in words):
                    continue
                part = " ".join(words)
                if canonical_party(part) or all(_is_common_word(w) for w in words):
                    continue
                name = gazetteer.resolve(part)
                if name not in found:
                    found.append(name)
    # "Borchorst Mejnertz" is "Eva Borchorst Mejnertz" found by another pattern.
    return [n for n in found if not any(o != n and o.endswith(" " + n) for o in found)]

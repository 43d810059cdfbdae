"""Votes: counts for, against and abstaining, with the names (or party letters) on each side.

"Godkendt med fire stemmer for og to stemmer imod. Imod stemte Bo Vestergaard og Jesper Gade."
"godkendt med 42 stemmer mod 4. 8 medlemmer undlod at stemme. For stemte: … Imod stemte: …"
"For: 20 (A, F, Ø) Imod: 6 (V, O)", "V og O stemte imod", "Undlod at stemme: Jens Hansen (C)".
Names are resolved against the meeting's participants; party letters stay as written.

"med 30 stemmer mod 25" does not say which number is for: city councils write the
larger side first whatever it is, committees the for side. The outcome decides (a
proposal passes with more votes for than against, and falls on a tie), then the
sizes of name lists under "For"/"Imod".
"""

from __future__ import annotations

import re

from nlp.dates import FULL_MONTH_NAMES
from nlp.names import Gazetteer, canonical_party, close_brackets
from nlp.numbers import parse_count
from nlp.outcomes import PAST_ACTS
from nlp.records import Outcome, Reservation, Vote

_NUMBER_WORDS = (
    "en|et|én|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|"
    "sytten|atten|nitten|tyve|enogtyve|toogtyve|treogtyve|fireogtyve|femogtyve|seksogtyve|"
    "syvogtyve|otteogtyve|niogtyve|tredive"
)
_COUNT = rf"(?:\d{{1,3}}|{_NUMBER_WORDS})"
# A bracket's words, a bracket inside it included: "(Borgerlisten og Lars Fog (O))"
_INNER = r"(?:[^()]|\([^()]*\))*"
# "6 stemmer for (A, F, Ø)", "3 stemmer imod (V, O)", "mod 3 stemmer (V, O)"
_WHO = rf"(?:\s*\((?P<who>{_INNER})\))?"
# "12 stemte for", "3 medlemmer (V og C) stemte imod", "4 imod"
_MEMBERS = rf"(?:medlemmer\s+|stemmer?\s+)?(?:\((?P<who0>{_INNER})\)\s+)?"
# ("5 stemte for indstillingen (A, F)", "27 stemmer imod og 2 for (Ø)": the side's parties after
# what it was for, or after a bare "for")
_FOR = re.compile(
    rf"\b(?P<n>{_COUNT})\s+{_MEMBERS}(?:(?:stemmer?|stemte)\s+for\b"
    rf"(?:\s+(?:indstillingen|\w*forslaget)(?=\s*\())?|for(?=\s*\()){_WHO}",
    re.IGNORECASE,
)
_AGAINST = re.compile(
    rf"\b(?P<n>{_COUNT})\s+{_MEMBERS}(?-i:(?:stemte\s+)?imod)\b(?!\s+{_COUNT}\b){_WHO}|\bmod\s+(?P<n2>{_COUNT})\s+stemmer\b{_WHO.replace('who', 'who2')}",
    re.IGNORECASE,
)
# "42 stemmer mod 4", "4 stemmer (V, C) mod 5 stemmer (A, F, Ø)"
_FOR_MOD = re.compile(
    # (also "5 stemmer for (A og F) mod 2 (V)")
    rf"\b(?P<for>{_COUNT})\s+(?:stemmer?\s+)?(?:for\s+(?=\())?(?:\((?P<fwho>{_INNER})\)\s+)?(?:for\s+)?"
    r"i?mod\s+"
    rf"(?P<against>{_COUNT})\b(?!\s*(?:stemmer\s+)?for\b)(?:\s+stemmer)?(?:\s*\((?P<awho>{_INNER})\))?",
    re.IGNORECASE,
)
_ABSTAIN = re.compile(
    rf"\b(?P<n>{_COUNT})(?:\s+medlemmer\s+|\s+medlem\s+|\s+stemmer\s+|\s+stemmer(?=,)|(?=,\s*(?:der|som)\b)|\s+)(?:\((?P<who0>{_INNER})\)\s+)?"
    r"(?:,?\s*(?:der|som)\s+)?"  # "og 4 der undlod at stemme", "3 stemmer, der undlod", "og 2, der"
    # lower case: "8 (…) Undlod at stemme 5" is the next side's label, not 8 abstaining
    r"(?-i:undlod\s+at\s+stemme|undlod|stemte\s+blankt|blanke|(?:stemte\s+)?hverken\s+for\s+eller\s+imod)"
    rf"{_WHO}",
    re.IGNORECASE,
)
# "1 medlem (Ø) stemte imod", "3 medlemmer (V og C) stemte imod": members counted, told alone
_MEMBERS_AGAINST = re.compile(
    rf"\b(?P<n>{_COUNT})\s+medlem(?:mer)?\s+(?:\((?P<who>{_INNER})\)\s+)?stem(?:te|mer)\s+imod\b",
    re.IGNORECASE,
)
# "Indstillingen tiltrådt af 4 medlemmer (A og V)": the members who carried it.
_BY_MEMBERS = re.compile(
    r"\b(?:godkendt|vedtaget|tiltrådt|anbefalet|forkastet)\s+af\s+"
    rf"(?P<n>{_COUNT})\s+medlemmer\b{_WHO}",
    re.IGNORECASE,
)
# "Godkendt med 7 stemmer", the other side told after it: the count of those for.
_WITH_VOTES = re.compile(
    r"\b(?:godkend(?:t|es|te)|vedtag(?:et|es)|vedtog|tiltr(?:ådt|ædes|ådte)|anbefal(?:et|es|ede)|"
    rf"forkast(?:et|es|ede))\s+med\s+(?P<n>{_COUNT})\s+stemmer\b"
    r"(?!\s*(?:\(|mod\b|imod\b|for\b|,))",
    re.IGNORECASE,
)
# "Vedtaget af et flertal på 20 byrådsmedlemmer": the count of those for.
_MAJORITY_OF = re.compile(
    rf"\b(?:vedtag\w*|godkend\w*|tiltr\w*|anbefal\w*)\s+af\s+et\s+flertal\s+på\s+(?P<n>{_COUNT})\b"
    r"(?!\s*/|\s+partier)",  # (not "et flertal på 2/3", "på 3 partier")
    re.IGNORECASE,
)
_ALL_BUT = re.compile(
    rf"\balle\s+(?:stemmer|medlemmer)\s+(?:mod|imod|undtagen)\s+(?P<n>{_COUNT})\b{_WHO}"
)
# "Lise Berg (Ø) ønskede sin stemme imod ført til protokol"
_RECORDED_AGAINST = re.compile(
    r"(?P<names>[A-ZÆØÅ][^.;:\n]*?)\s+ønske(?:de|r)\s+(?:at\s+få\s+)?(?:sin|deres)\s+stemme\s+imod\b"
)
# "For: 20 (A, F, Ø)", "For stemte 5 (A, F)", "Imod stemte: Bo Vestergaard og Jesper Gade",
# "Undlod at stemme: Jens Hansen". Capitalised labels only; the names run to the sentence end
# or the next label.
# "Imod stemte: C, A. Ben Haddou (løsgænger), O": the dot of an initial before a name that
# carries its party does not end the list.
_NAMED = r"\s+[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)*\s*\("
# "Jens Kr. Yde, Joachim P. Kjeldsen og …": an abbreviated name (one to three letters) before
# the rest of a name that the list goes on after does not end it either.
_ABBREVIATION = (r"\b[A-ZÆØÅ]", r"\b[A-ZÆØÅ][a-zæøå]", r"\b[A-ZÆØÅ][a-zæøå]{2}")
# (Not a lone letter after "og": "Imod stemte: B, C, O og V. Venstre og … afgav …" ends at "V.")
_ABBREVIATED = "(?:" + "|".join(f"(?<={a})(?<!\\bog {a[2:]})" for a in _ABBREVIATION) + ")"
_AFTER_ABBREVIATION = (
    "(?:" + "|".join(rf"(?<={a}\.)(?<!\bog {a[2:]}\.)" for a in _ABBREVIATION) + ")"
)
_NAME_GOES_ON = r"\s+[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)*\s*(?:,|og\b|\()"
_INITIAL = rf"(?:(?<=\b[A-ZÆØÅ])\.(?={_NAMED})|{_ABBREVIATED}\.(?={_NAME_GOES_ON}))"
# only after a one-letter word, or an abbreviation inside a list
_NOT_INITIAL = rf"(?!(?<=\b[A-ZÆØÅ]\.){_NAMED})(?!{_AFTER_ABBREVIATION}{_NAME_GOES_ON})"
# What a side voted on: "forslaget", "ændringsforslaget", "indstillingen", "at-punkt 3"
_VOTED_ON = r"(?:\w*forslag(?:et)?|indstilling(?:en)?|anbefaling(?:en)?|(?:at-)?punkt\s+\d{1,2})"
# The first word of a side's label: a list of names ends where the next side begins.
_SIDE_WORD = r"(?:For|Imod|Undlod|Undlader|Blanke?|Ja|Nej|Hverken)"
# "For at punkt 101 tages af dagsorden stemmer:": a roll call's side, named by what it is for.
ROLL_CALL_LABEL = r"(?:For|Imod)\s+at\s+(?:[\wæøå.-]+\s+){1,10}?stemmer(?=\s*:)"
_SIDE_LIST = re.compile(
    r"(?:^|(?<=[\s.:;,(]))"
    rf"(?P<label>{ROLL_CALL_LABEL}|"
    # "For forslaget stemmer:" / "Imod stemmer:" (names on the lines under it)
    r"(?:For|Imod)(?:\s+(?:\w*forslaget|indstillingen))?\s+stemmer(?=\s*:)|"
    # "For ændringsforslaget: 6 (B, F, Ø)": the side named by what it is for, a colon after it
    r"(?:For|Imod)\s+(?:\w*forslaget|indstillingen|anbefalingen)(?=\s*:)|"
    # ("For beslutningen stemte: …", "For forslaget stemte 12")
    # ("For forslaget stemte V, C og I", "For at-punkt 3 stemte A, F og Ø": a side named by what
    # it is for, not "For dette punkts vedkommende stemte Venstre imod")
    r"For(?:\s+stemte|\s+(?:[\wæøå-]+\s+){1,4}?stemte(?=\s+\d|\s*:)|"
    rf"\s+{_VOTED_ON}\s+stemte(?=\s+[A-ZÆØÅ]))?|"
    r"Imod(?:\s+stemte|\s+(?:[\wæøå-]+\s+){1,4}?stemte(?=\s+\d|\s*:)|"
    rf"\s+{_VOTED_ON}\s+stemte(?=\s+[A-ZÆØÅ]))?|"
    r"Ja(?=\s*:)|Nej(?=\s*:)|"  # "Ja: 17 / Nej: 10"
    # ("Undlod 2 (B)": the count after the bare word)
    r"Undlod\s+at\s+stemme|Undlader(?:\s+at\s+stemme)?|Undlod(?=\s*:|\s+\d)|Blanke?(?=\s*:)|"
    r"Hverken\s+for\s+eller\s+imod(?:\s+stemte)?|Stemte\s+blankt|"
    r"(?<=,\s)(?:for|imod)\s+stemte|(?<=\bog\s)(?:for|imod)\s+stemte|"
    # "For 17, imod 9, hverken for eller imod 3": the later sides in lower case, each counted
    rf"(?<=,\s)(?:imod|undlod|blanke?|hverken\s+for\s+eller\s+imod)(?=\s+{_COUNT}\b))"
    rf"(?:\s*:\s*|\s+)(?P<n>{_COUNT}\b)?(?:\s+(?:medlemmer|medlem|stemmer|personer))?\s*"
    # "For forslaget stemte 21, Venstre, Eli Jacobi Nielsen (O), …": a comma after the count
    r"(?:\((?P<paren>(?:[^()]|\([^()]*\))*)\))?\s*(?::|(?<=\d),)?\s*"
    rf"(?P<names>(?:(?!{_SIDE_WORD}\b)[A-ZÆØÅ](?:[^.;:\n]|{_INITIAL})*?)?)(?=\s*(?:\.(?!\w){_NOT_INITIAL}|;|\n|$|\b{_SIDE_WORD}\b|,\s*(?:for|imod)\s+stemte\b"
    # "For stemte 16, imod stemte 9, 2 undlod at stemme": the next side told by its count
    rf"|(?:,|\s+og)\s*{_COUNT}\s+(?:medlemmer\s+)?(?:undlod|stemte|blank)"
    rf"|,\s*(?:imod|undlod|blanke?|hverken\s+for\s+eller\s+imod)\s+{_COUNT}\b"
    # "Imod stemte 2 (V, DF), idet de ønsker …": the reason after the side ends it
    r"|,\s*(?:idet|da|fordi|men|som|der|hvilket)\b"
    # "Undlod: 0 Afbud: Jonas Hald (B)": the next label of the lines run together ends it
    r"|[A-ZÆØÅ][\wæøå]{2,}:\s"
    r")"
    # "Undlod at stemme: F (2) Ændringsforslaget blev forkastet": a side's count ends it
    r"|(?<=\(\d\))\s+[A-ZÆØÅ]|(?<=\(\d\d\))\s+[A-ZÆØÅ]"
    # "Imod stemte: Ø – i alt 1 Fraværende: …": its total ends it (the lines run together)
    r"|(?<=\bi alt \d)\s|(?<=\bi alt \d\d)\s)"
)
_NAME_WORD = r"[A-ZÆØÅ][\wæøåé\-]*"
# "Ole Hansen (V) og Mette Vinther (C) stemte imod": each name may carry its party letter.
_ONE_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?:\s*\([^)]*\))?"
_NAMES_BEFORE = re.compile(
    rf"(?P<names>{_ONE_NAME}(?:\s*(?:,|og|&|\+)\s*{_ONE_NAME})*)"
    r"\s+(?P<side>(?:stemte|stemmer)\s+imod|(?:stemte|stemmer)\s+for|undlod\s+at\s+stemme|"
    r"undlader\s+at\s+stemme|stemte\s+blankt|stemte\s+hverken\s+for\s+eller\s+imod)\b"
)
# "Bo Dahl og Carla Friis følger indstillingen. Anne Holm … stemmer imod": support, in a vote.
_FOLLOWS = re.compile(
    rf"(?P<names>{_ONE_NAME}(?:\s*(?:,|og|&)\s*{_ONE_NAME})*)\s+(?:følger|fulgte|støtter|støttede)\s+"
    r"(?:\w+s\s+)?(?:indstillingen|forslaget|anbefalingen)\b"
)
# "Et mindretal (V, O) stemte imod": the voters are only in the parentheses.
_PAREN_BEFORE = re.compile(
    rf"\((?P<paren>{_INNER})\)\s+(?P<side>stemte\s+imod|stemte\s+for|undlod\s+at\s+stemme|stemte\s+blankt)\b"
)
_MAJORITY = re.compile(
    r"\b(?:[Ee]t\s+|[Dd]et\s+)?(?P<which>[Ff]lertal(?:let)?|[Mm]indretal(?:let)?)"
    r"(?:\s+i\s+(?:udvalget|byrådet|kommunalbestyrelsen|borgerrepræsentationen))?"
    # "Et flertal på 5 medlemmer (A, F, Ø)", "Et mindretal på 10 (V, C og O)"
    rf"(?:\s+på\s+(?P<size>{_COUNT})(?:\s+(?:medlemmer|stemmer))?)?"
    # ("Et flertal (C, V, O) på 10 medlemmer godkendte …": the size after the parties)
    rf"\s*(?:\((?P<paren>{_INNER})\)(?:\s+på\s+(?P<size2>{_COUNT})(?=\s+(?:medlemmer|stemmer)))?|,?\s*bestående\s+af\s+(?P<listed>[^.;:\n]+?)(?=,?\s+(?:stemte|"
    r"anbefaler|anbefalede|godkender|godkendte|tiltræder|tiltrådte|kunne|kan|ønsker|var)\b"
    # ("Godkendt af et flertal bestående af A, V, C og O (15).": its size closes the list)
    r"|(?<=\))\s*[.,;]))"
)
# "med stemmerne 5 for, 2 imod (og 1 undlod at stemme)", "17 for, 9 imod og 3 blanke"
# ("25 ja-stemmer og 4 nej-stemmer", "25 ja, 4 nej, 2 blanke")
_TALLY = re.compile(
    # (after "stemmerne", "med", "Afstemning:" or at a sentence's start: "… svarede 112 ja og 40
    # nej" in a survey is no vote)
    r"(?:\bstemmerne\s+|\bmed\s+|\bafstemning(?:en)?\s*:?\s*|^\s*|(?<=[.:!]\s)|(?<=\n))"
    rf"(?P<for>{_COUNT})\s+(?:for|ja(?:-?stemmer)?)\s*(?:,|og)?\s*"
    rf"(?P<against>{_COUNT}|ingen)\s+(?:imod|nej(?:-?stemmer)?)\b"
    rf"(?:\s*(?:,|og)\s*(?P<abstain>{_COUNT})\s+(?:der\s+)?(?:undlod|hverken|blank))?",
    re.IGNORECASE,
)
# "forkastet med 29 stemmer imod og 1 for": the against side first, each side named
_AGAINST_FOR = re.compile(
    rf"\b(?P<against>{_COUNT})\s+(?:stemmer\s+)?imod\s*(?:,|og)\s*(?P<for>{_COUNT})\s+"
    rf"(?:stemmer?\s+)?for\b(?:\s*(?:,|og)\s*(?P<abstain>{_COUNT}),?\s+(?:der\s+|som\s+)?(?:undlod|hverken|blank))?",
    re.IGNORECASE,
)
# "Følgende stemte for: A, B og F", "Følgende medlemmer undlod at stemme: Ø"
_FOLLOWING = re.compile(
    r"\bFølgende(?:\s+medlemmer)?\s+(?P<side>stemte\s+for|stemte\s+imod|undlod\s+at\s+stemme|"
    r"stemte\s+blankt)\s*:\s*(?P<names>[^.;\n]+)"
)
# "Ingen medlemmer undlod at stemme", "Ingen stemte imod": a count of nought
# ("17 stemmer for, ingen imod og 3 undlod at stemme")
_NONE = re.compile(
    r"\b[Ii]ngen(?:\s+medlemmer|\s+medlem)?\s+(?P<side>undlod\s+at\s+stemme|stemte\s+imod|"
    r"stemte\s+for|stemte\s+blankt|stemte\s+hverken|imod(?=\s*(?:,|og\b|\.|$)))"
)
# "Undlod at stemme: ingen", "Imod: Ingen": a side's label over nobody
_NONE_LISTED = re.compile(
    r"\b(?P<side>For|Imod|Undlod|Undlader|Blanke?)(?:\s+stemte|\s+at\s+stemme)?\s*:\s*[Ii]ngen\b"
)
_COUNTED_BLOC = re.compile(
    r"(?<![\wæøå])(?P<parties>[A-ZÆØÅ]{1,2}(?:\s*(?:,|og|\+)\s*[A-ZÆØÅ]{1,2})*)\s*\((?P<n>\d{1,2})\)\s+"
    r"(?P<verb>anbefaler|anbefalede|tiltræder|tiltrådte|godkender|godkendte|stemte\s+for|"
    r"stemte\s+imod|undlod|undlader|(?:kan|kunne)\s+ikke\s+(?:anbefale|tiltræde|godkende|støtte))\b"
)
# "idet Enhedslisten (2) stemte imod", "Venstre og Dansk Folkeparti (5) undlod at stemme": the
# parties of a side with its size, the side told by its verb.
_PARTY_WORDS = r"[A-ZÆØÅ][\wæøå]*(?:\s+[A-ZÆØÅ][\wæøå]*){0,2}"
# ("Venstre (5) og Dansk Folkeparti (2) stemte imod": each party its size, the side their sum)
_SIZED = rf"{_PARTY_WORDS}(?:\s*\(\d{{1,2}}\))?"
_SIDE_VERB = r"(?P<side>(?:stemte|stemmer)\s+imod|(?:stemte|stemmer)\s+for|undlod\s+at\s+stemme|stemte\s+blankt)"
_SIDE_SIZE = r"\((?P<n>\d{1,2})(?:\s+(?:medlemmer|stemmer))?\)"
_PARTIES_SIZED = re.compile(
    rf"(?<![\wæøå])(?P<parties>(?:{_SIZED}\s*(?:,|og|\+)\s*)*{_PARTY_WORDS})\s*"
    rf"{_SIDE_SIZE}\s+{_SIDE_VERB}\b"
)
# ("Lokaldemokraterne undlod at stemme (1)": the size after the side's verb)
_PARTIES_THEN_SIZE = re.compile(
    rf"(?<![\wæøå])(?P<parties>(?:{_PARTY_WORDS}\s*(?:,|og|\+)\s*)*{_PARTY_WORDS})\s+"
    rf"{_SIDE_VERB}\s*{_SIDE_SIZE}"
)
# A sentence that tells an earlier meeting's act by its date: "Byrådet godkendte den 3. maj 2023
# med 20 stemmer mod 5 …"
_DATED_PAST = re.compile(
    rf"[^.\n]*\b(?:{'|'.join(sorted(PAST_ACTS))})\s+(?:den|d\.)\s*\d{{1,2}}\.\s*"
    rf"(?:{FULL_MONTH_NAMES}|\d{{1,2}}\.)\s*(?:19|20)\d\d\b[^.\n]*\.?",
    re.IGNORECASE,
)
# A quoted remark: "Enhedslisten stemmer imod, fordi …"
_QUOTED = re.compile(r'["“”„»][^"“”„»«\n]{0,400}["”“«]')
# "For stemte: A, F og ØImod stemte: V": a side's label glued to the list before it
_GLUED_LABEL = re.compile(r"(?<=[a-zæøåA-ZÆØÅ])(?=(?:For|Imod|Undlod)\s+(?:stemte|at\s+stemme)\b)")
# "6 (A+C+V+L)": a bloc of parties; "Henrik Aagaard (V) Birgit Lund (O)": names a line each,
# the lines run together
_SPLIT = re.compile(r"\s*(?:,|\bog\b|&|\+)\s*|(?<=\))\s+(?=[A-ZÆØÅ])")
_NOT_NAMES = {
    "Et",
    "Flertallet",
    "Mindretallet",
    "Udvalget",
    "Byrådet",
    "Der",
    "Det",
    "Medlemmer",
    "Følgende",
    "Ingen",
    # the outcome after a count: "For: 6 Imod: 1 Undlod: 0 Godkendt."
    "Godkendt",
    "Vedtaget",
    "Anbefalet",
    "Anbefales",
    "Tiltrådt",
    "Forkastet",
    "Herefter",
    "Forslaget",
    "Ændringsforslaget",
    "Indstillingen",
    "Sagen",
}


_PARTICLES = {"af", "de", "la", "le", "van", "von", "der", "den", "du", "el", "bin", "ben"}


def _names(text: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    names = []
    for part in _SPLIT.split(text):
        # ("V (8), C (3) = 11": the side's total after its parties; "(For: Ø, F. Imod: A, V)")
        part = re.sub(r"\s*\([^)]*\)|\s*=\s*\d+\s*$", "", part).strip(" .:()")
        # "(Ø og O stemte imod)": the list ends at its verb.
        part = re.sub(r"\s+(?:stemte|stemmer|undlod|undlader)\b.*$", "", part)
        # "Gruppe A", "Liste H": a group named by its letter is that letter's side.
        part = re.sub(r"^(?:Gruppe|Gruppen|Liste|Listen)\s+(?=[A-ZÆØÅ]{1,3}$)", "", part)
        words = part.split()
        while len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper():
            words = words[1:]  # "løsgænger Kim Fjord", "rådmand Bo Dahl": the role before the name
        # "O Forslaget blev vedtaget": the list ran into the next sentence; a name has no
        # lower-case word but its particles, and a party letter stands alone.
        if lower := next(
            (k for k, w in enumerate(words) if w[:1].islower() and w not in _PARTICLES), None
        ):
            words = words[:lower]
            if words and re.fullmatch(r"[A-ZÆØÅ]{1,2}", words[0]):
                words = words[:1]
        if words and re.fullmatch(_COUNT, words[0], re.IGNORECASE):
            continue  # "Fem stemte imod": a count, not a name
        while words and words[0] in _NOT_NAMES and canonical_party(" ".join(words)) is None:
            words = words[1:]
        if words and words[0][0].isupper() and len(words) <= 5:
            names.append(gazetteer.resolve(" ".join(words)))
    return tuple(dict.fromkeys(names))


# Words of a party's, a list's or a group's name: "Slesvigsk Parti", "Lokallisten Fanø",
# "Venstres Byrådsgruppe".
_GROUP_WORD = re.compile(r"parti|liste|gruppe", re.IGNORECASE)


def _is_member(name: str) -> bool:
    """A person's name ("Erik Bach"), not a party's letter or name."""
    words = name.split()
    return (
        len(words) >= 2
        and canonical_party(name) is None
        and not any(_GROUP_WORD.search(w) for w in words)
    )


def _side(label: str) -> str:
    label = label.lower()
    if label in ("for", "ja"):
        return "for"
    if label in ("imod", "nej"):
        return "against"
    return "abstain"


_PASSING = {Outcome.APPROVED, Outcome.RECOMMENDED}


def _larger_first(
    pair: tuple[int, int], outcome: Outcome | None, names: dict[str, tuple[str, ...]]
) -> bool:
    """Whether "med X stemmer mod Y" put the against side first (see the module docstring)."""
    first, second = pair
    if outcome in _PASSING:
        return first < second
    if outcome is Outcome.REJECTED:
        return first > second
    persons = [n for n in (*names["for"], *names["against"]) if " " in n]
    return bool(persons) and (len(names["for"]), len(names["against"])) == (second, first)


def find_votes(text: str, gazetteer: Gazetteer, outcome: Outcome | None = None) -> list[Vote]:
    """The vote stated in a decision point's text, or nothing when it states none.

    `outcome` (the decision's) tells which side "X stemmer mod Y" puts first.
    """
    # "Imod stemte 27 (Det Konservative Folkepartis byrådsgruppe, …" with the bracket never
    # closed (a page cut or a typo): it closes at the end of its line.
    text = "\n".join(close_brackets(line) for line in text.split("\n"))
    # A quoted remark is someone's words, not the vote, and a dated act an earlier meeting's.
    text = _GLUED_LABEL.sub(" ", _DATED_PAST.sub(" ", _QUOTED.sub(" ", text)))
    counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
    names: dict[str, tuple[str, ...]] = {"for": (), "against": (), "abstain": ()}
    pair: tuple[int, int] | None = None
    pair_names: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    if m := _FOR_MOD.search(text):
        counts["for"], counts["against"] = parse_count(m["for"]), parse_count(m["against"])
        names["for"] = _names(m["fwho"] or "", gazetteer)
        names["against"] = _names(m["awho"] or "", gazetteer)
        if None not in (counts["for"], counts["against"]) and not re.search(
            r"\bfor\s+mod\b", m.group(0), re.IGNORECASE
        ):
            pair = (counts["for"] or 0, counts["against"] or 0)
            pair_names = (names["for"], names["against"])
    if m := _TALLY.search(text):
        counts["for"] = parse_count(m["for"])
        counts["against"] = 0 if m["against"].lower() == "ingen" else parse_count(m["against"])
        if m["abstain"]:
            counts["abstain"] = parse_count(m["abstain"])
    if m := _AGAINST_FOR.search(text):
        counts["for"], counts["against"] = parse_count(m["for"]), parse_count(m["against"])
        if m["abstain"]:
            counts["abstain"] = parse_count(m["abstain"])
    if m := _FOR.search(text):
        counts["for"] = parse_count(m["n"])
        names["for"] = _names(m["who"] or m["who0"] or "", gazetteer)
    if counts["for"] is None and (m := _WITH_VOTES.search(text)):
        counts["for"] = parse_count(m["n"])  # "Godkendt med 7 stemmer. 2 stemte imod (O)"
    if counts["for"] is None and (m := _BY_MEMBERS.search(text)):
        counts["for"] = parse_count(m["n"])  # "Indstillingen tiltrådt af 4 medlemmer (A og V)."
        names["for"] = names["for"] or _names(m["who"] or "", gazetteer)
    if counts["for"] is None and (m := _MAJORITY_OF.search(text)):
        counts["for"] = parse_count(m["n"])  # "Vedtaget af et flertal på 20. Fem stemte imod."
    if (m := _AGAINST.search(text)) and counts["for"] is not None:
        counts["against"] = parse_count(m["n"] or m["n2"])
        names["against"] = _names(m["who"] or m["who0"] or m["who2"] or "", gazetteer)
    if counts["against"] is None and (m := _MEMBERS_AGAINST.search(text)):
        counts["against"] = parse_count(m["n"])  # "1 medlem (Ø) stemte imod."
        names["against"] = _names(m["who"] or "", gazetteer)
    if m := _ABSTAIN.search(text):
        counts["abstain"] = parse_count(m["n"])
        names["abstain"] = _names(m["who"] or m["who0"] or "", gazetteer)
    for m in _RECORDED_AGAINST.finditer(text):
        names["against"] = names["against"] or _names(m["names"], gazetteer)
    empty: set[str] = set()
    counted_for = False  # a capitalised "For N" read: the lower-case sides after it are its
    for m in _SIDE_LIST.finditer(text):
        label = m["label"].split()[0]
        if label[:1].islower() and label != "for" and not counted_for:
            continue  # "… 38 ansøgninger, imod 41": "imod" compares, it is no side
        counted_for = counted_for or (label == "For" and bool(m["n"]))
        side = _side(label)
        # "For stemte: A, B (36)", "For stemte: A, Ø og Bo Dahl (F) – i alt 10"
        # ("For: A (9), F (2) = 11": the total after an equals sign)
        trailing = re.search(
            r"\((\d{1,3})(?:\s+stemmer)?\)\s*$|\s(?:[-–]\s*)?i\s+alt\s+(\d{1,3})\b"
            r"|\s*=\s*(\d{1,3})\s*$",
            m["names"] or "",
        )
        if m["n"] or trailing:  # "For stemte 36: A, B" or "For stemte: A, B (36)"
            counts[side] = parse_count(m["n"] or trailing[1] or trailing[2] or trailing[3])
        side_names = m["names"] or ""
        if trailing and (trailing[2] or trailing[3]):
            side_names = side_names[: trailing.start()]
        # "For: 20 (Bo Hilsted (A), …)": a list in parentheses is the side; what follows it
        # is the next sentence ("… Godkendt.")
        listed = _names(m["paren"] or "", gazetteer) or _names(side_names, gazetteer)
        if listed:
            names[side] = tuple(dict.fromkeys(listed))
        elif not (m["n"] or trailing or m["paren"]):
            empty.add(side)  # "Imod stemte:" with nothing after it
    if counts["against"] is None and counts["for"] is not None and (m := _AGAINST.search(text)):
        # "For forslaget stemte 2 (F og Ø). Forslaget blev ikke godkendt, idet 26 stemte imod."
        counts["against"] = parse_count(m["n"] or m["n2"])
    if any(v is not None for v in counts.values()):
        for side in empty:
            counts[side] = 0 if counts[side] is None and not names[side] else counts[side]
    for m in _FOLLOWING.finditer(text):
        side = _side(m["side"].split()[-1] if m["side"].startswith("stemte") else "undlod")
        names[side] = names[side] or _names(m["names"], gazetteer)
    for m in _NONE.finditer(text):
        said = m["side"].split()
        side = _side(said[-1] if said[0] in ("stemte", "imod") else "undlod")
        if side == "abstain" or m["side"].endswith(("blankt", "hverken")):
            side = "abstain"
        if counts[side] is None:
            counts[side] = 0
    for m in _NONE_LISTED.finditer(text):  # "Undlod at stemme: ingen"
        side = _side(m["side"].split()[0])
        counts[side] = 0 if counts[side] is None else counts[side]
    for m in _NAMES_BEFORE.finditer(text):
        side = _side(m["side"].split()[1])
        if not names[side]:
            names[side] = _names(m["names"], gazetteer)
    if names["against"] and not names["for"] and (m := _FOLLOWS.search(text)):
        names["for"] = _names(m["names"], gazetteer)
    for m in _PAREN_BEFORE.finditer(text):
        side = _side(m["side"].split()[1])
        if not names[side]:
            names[side] = _names(m["paren"], gazetteer)
    # "Et flertal bestående af A, C, N og V (6) anbefaler indstillingen. O (1) kan ikke
    # anbefale indstillingen": party blocs with their size and their stance.
    blocs = list(_COUNTED_BLOC.finditer(text))
    if len(blocs) >= 2 or (blocs and any(v is not None for v in counts.values())):
        for m in blocs:
            verb = " ".join(m["verb"].lower().split())
            side = (
                "abstain"
                if verb.startswith("undl")
                else "against"
                if verb.startswith(("kan ikke", "kunne ikke", "stemte imod"))
                else "for"
            )
            if counts[side] is None:
                counts[side] = int(m["n"])
            names[side] = names[side] or _names(m["parties"], gazetteer)
    for m in (*_PARTIES_SIZED.finditer(text), *_PARTIES_THEN_SIZE.finditer(text)):
        sizes = [int(n) for n in re.findall(r"\((\d{1,2})\)", m["parties"])] + [int(m["n"])]
        parties = [re.sub(r"\s*\(\d+\)", "", p) for p in _SPLIT.split(m["parties"]) if p]
        side = _side(m["side"].split()[-1])  # "… stemte imod", "… undlod at stemme"
        if counts[side] is None and all(canonical_party(p) for p in parties):
            # every party sized, or one size for them all ("A, C og V (12) stemte imod")
            if len(sizes) in (1, len(parties)):
                counts[side] = sum(sizes)
            names[side] = names[side] or _names(m["parties"], gazetteer)
    if (m := _ALL_BUT.search(text)) and counts["against"] is None:
        counts["against"] = parse_count(m["n"])  # "Godkendt med alle stemmer mod 1 (Ø)"
        names["against"] = names["against"] or _names(m["who"] or "", gazetteer)
    if all(v is None for v in counts.values()) and not any(names.values()):
        return []
    if pair is not None and _larger_first(pair, outcome, names):
        counts["for"], counts["against"] = pair[1], pair[0]
        if (names["for"], names["against"]) == pair_names:  # "(V, C) mod 5 stemmer (A, F, Ø)"
            names["for"], names["against"] = pair_names[1], pair_names[0]
    # "Et flertal (A, B, F og Ø) anbefaler indstillingen. Et mindretal (C og V) stemte imod.":
    # once a vote is stated, the majority's and the minority's members are its two sides.
    for m in _MAJORITY.finditer(text):
        side = "for" if m["which"].lower().startswith("flertal") else "against"
        if not names[side]:
            names[side] = _names(m["paren"] or m["listed"] or "", gazetteer)
        size = (
            m["size"]
            or m["size2"]
            or (re.search(r"\((\d{1,3})\)\s*$", m["listed"] or "") or [None, None])[1]
        )
        if size and counts[side] is None:
            counts[side] = parse_count(size)  # "Et flertal bestående af A, B og V (15) godkendte"
    # "Godkendt med 27 stemmer for. 3 stemte imod (Ø og F). Erik Bach undlod at stemme.": a side
    # named by its members alone counts them (not a party, whose size is not printed), once the
    # side for is counted.
    # ("Godkendt med 4 stemmer. Imod stemte Tanja Krog og Anna Borch": 2 against)
    if counts["for"] is not None:
        for side in ("against", "abstain"):
            if counts[side] is None and names[side] and all(_is_member(n) for n in names[side]):
                counts[side] = len(names[side])
    return [
        Vote(
            counts["for"],
            counts["against"],
            counts["abstain"],
            names["for"],
            names["against"],
            names["abstain"],
            " ".join(text.split()),
        )
    ]


_RESERVATIONS = (
    (
        "referral",
        re.compile(
            r"\bbegær(?:ede|er|et)\s+sagen\s+(?:[\wæøå]+\s+){0,3}?(?:by|kommunal)(?:rådet|bestyrelsen)"
            r"|\bbegær(?:ede|er)\b[^.]*§\s*23",
            re.IGNORECASE,
        ),
    ),
    ("reservation", re.compile(r"\b(?:tog|tager|tage)\s+(?:\w+\s+)?forbehold\b", re.IGNORECASE)),
    (
        "dissent",
        re.compile(
            r"\b(?:kunne|kan)\s+ikke\s+(?:tiltræde|godkende|støtte|anbefale)|\bønskede\s+(?:sin\s+)?"
            r"(?:mindretalsudtalelse|protokoltilførsel)|\bafgav\s+mindretalsudtalelse",
            re.IGNORECASE,
        ),
    ),
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?](?!\d)|\n|$)")
_GROUP_WORDS = re.compile(r"\b(?:byrådsgrupper?|byrådsgruppen|grupper?|gruppen|medlemmer)\b")
_COMMITTEE = re.compile(
    r"^(?:Et\s+enigt\s+|Det\s+samlede\s+)?(?:\w*[Uu]dvalg\w*|Byrådet|Kommunalbestyrelsen|Magistraten|Flertallet|Et\s+flertal)\b"
)


def _who(subject: str, gazetteer: Gazetteer) -> list[str]:
    subject = re.sub(r"^.*?\b(?:bestående\s+af|herunder)\s+", "", subject.strip())
    subject = re.sub(r"^(?:Et\s+mindretal|Mindretallet)\s*", "", subject)
    who = []
    for part in re.split(r"\s*(?:,|\bog\b|&|\(|\))\s*", _GROUP_WORDS.sub("", subject)):
        part = part.strip(" .:")
        if not part or not part[0].isupper():
            continue
        party = canonical_party(part)
        if party is None and len(part.split()) <= 4:
            who.append(gazetteer.resolve(part))
        elif party is not None:
            who.append(party)
    return list(dict.fromkeys(who))


def find_reservations(text: str, gazetteer: Gazetteer) -> list[Reservation]:
    """Members' referrals (§ 23), reservations ("tog forbehold") and dissent ("kunne ikke tiltræde")."""
    found: list[Reservation] = []
    for m in _SENTENCE.finditer(text):
        sentence = " ".join(m.group(0).split())
        for kind, pattern in _RESERVATIONS:
            verb = pattern.search(sentence)
            if not verb:
                continue
            subject = sentence[: verb.start()]
            if _COMMITTEE.match(subject.strip()):
                continue  # the committee's own decision, not a member's reservation
            for who in _who(subject, gazetteer) or [None]:
                found.append(Reservation(who, kind, sentence))
            break
    return found


# A vote printed one label and one count a line ("For stemte:" / "2 (C+V)" / "Imod stemte:" /
# "Undlod at stemme:" / "4 (A+O+T)" / "Godkendt."), blank lines between, as some councils'
# systems lay it out. Run into one paragraph it reads as the same words written in a line.
_LABEL_ALONE = re.compile(
    r"(?:for(?:\s+stemte)?|imod(?:\s+stemte)?|stemte\s+(?:for|imod)|undlod(?:\s+at\s+stemme)?|"
    r"hverken\s+for\s+eller\s+imod|blanke?)\s*:?",
    re.IGNORECASE,
)
_COUNT_ALONE = re.compile(
    rf"(?:{_COUNT}(?:\s*\([^)\n]{{0,80}}\))?|\(?[A-ZÆØÅ]{{1,2}}(?:\s*[+,/]\s*[A-ZÆØÅ]{{1,2}})*\)?)\.?"
)
_POINT_ALONE = re.compile(r"Ad\.?\s+\d{1,2}(?:\s*(?:og|,|-|–)\s*\d{1,2})*\s*[.:)]?", re.IGNORECASE)
_OUTCOME_LINE = re.compile(r"[A-ZÆØÅ][\wæøå]*(?:\s+[\wæøå]+){0,3}\.?")
_BLANK = re.compile(r"\n[ \t]*\n")


# A vote table as the readers give a table's rows: "For | Imod | Undlod" over "11 | 3 | 2"; a
# column that is no side ("Fraværende") is left out, and a first column naming what was voted
# on is read where the table has one row. (A table of several such rows is left as it is: which
# outcome goes with which row is not in the table.)
_TABLE_SIDE = re.compile(
    r"(?:stemmer\s+)?(?P<side>for|imod|undlod(?:\s+at\s+stemme)?|undlader|blanke?|"
    r"hverken\s+for\s+eller\s+imod|ja|nej)",
    re.IGNORECASE,
)
_TOTAL_ROW = re.compile(r"i\s*alt|total|samlet|sum", re.IGNORECASE)
_CELL_COUNT = re.compile(r"(?P<n>\d{1,3}|-|–)(?:\s*\((?P<who>[^()]*)\))?")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


def vote_tables(text: str) -> str:
    """A vote table written out as the words of a vote: "For | Imod | Undlod" / "11 | 3 | 2" ->
    "For: 11. Imod: 3. Undlod: 2."; a row of the sides' parties under the counts ("Antal | 23 |
    6 | 1" / "Partier | A, V | O, Ø | I") names them."""
    # (a table read a row a paragraph: the blank lines between its rows go)
    lines = text.split("\n")
    lines = [
        line
        for k, line in enumerate(lines)
        if line.strip()
        or not (0 < k < len(lines) - 1 and "|" in lines[k - 1] and "|" in lines[k + 1])
    ]
    for k in range(len(lines) - 1):
        header = _cells(lines[k])
        sides = {j: m["side"] for j, c in enumerate(header) if (m := _TABLE_SIDE.fullmatch(c))}
        rows = []
        while k + 1 + len(rows) < len(lines) and "|" in lines[k + 1 + len(rows)]:
            row = _cells(lines[k + 1 + len(rows)])
            # (a row's empty last cells trimmed away: "A | 8 | |")
            rows.append(row + [""] * (len(header) - len(row)) if len(row) > 1 else row)
        counted = [
            r
            for r in rows
            if len(r) == len(header) and all(_CELL_COUNT.fullmatch(r[j]) for j in sides)
        ]
        # "Parti | For | Imod" / "A | 8 |" / "V | | 7" / "I alt | 8 | 7": a row a party, the
        # sides' totals in the last
        total = next((r for r in counted if _TOTAL_ROW.fullmatch(r[0])), None)
        if len(sides) < 2 or (total is None and len(counted) != 1):
            continue
        if total is None and 0 not in sides and len(rows) > 2:
            continue
        row = total or counted[0]
        named = next((r for r in rows if r is not row and len(r) == len(header)), None)
        said = []
        for j, side in sides.items():
            cell = _CELL_COUNT.fullmatch(row[j])
            n = cell["n"] if cell["n"][0].isdigit() else "0"
            if total is not None:  # the parties with a count in this side's column
                who = ", ".join(
                    r[0] for r in rows if r is not total and len(r) == len(header) and r[j]
                )
            else:
                who = cell["who"] or (named[j] if named and named[j] not in ("", "-", "–") else "")
            said.append(f"{side.capitalize()}: {n}" + (f" ({who})" if who else ""))
        lines[k] = ". ".join(said) + "."
        for j in range(k + 1, k + 1 + len(rows)):
            lines[j] = ""
    return "\n".join(lines)


def joined_vote_blocks(text: str) -> str:
    """Vote blocks laid out a label a line, run into one paragraph with the point they are for
    ("Ad 1") before them and the outcome line after them; vote tables as words (`vote_tables`)."""
    if "|" in text:
        text = vote_tables(text)
    paragraphs = [p.strip() for p in _BLANK.split(text)]
    if sum(bool(_LABEL_ALONE.fullmatch(p)) for p in paragraphs) < 2:
        return text
    out: list[str] = []
    k = 0
    while k < len(paragraphs):
        if not _LABEL_ALONE.fullmatch(paragraphs[k]):
            out.append(paragraphs[k])
            k += 1
            continue
        block = []
        while k < len(paragraphs) and _LABEL_ALONE.fullmatch(paragraphs[k]):
            block.append(paragraphs[k])
            k += 1
            if k < len(paragraphs) and _COUNT_ALONE.fullmatch(paragraphs[k]):
                block.append(paragraphs[k])
                k += 1
        if k < len(paragraphs) and _OUTCOME_LINE.fullmatch(paragraphs[k]):
            block.append(paragraphs[k])
            k += 1
        if out and _POINT_ALONE.fullmatch(out[-1]):
            block.insert(0, out.pop())
        out.append(" ".join(block))
    return "\n\n".join(out)

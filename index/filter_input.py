"""Turn user-supplied filter values (CLI options, query parameters) into a validated `SearchFilter`.

Values are read as Danish users write them: amounts "1.000.000", "1 mio.",
"2,5 mio. kr." (`nlp.amounts.parse_amount_input`); dates "2025-08-12",
"12-08-2025", "12.08.2025", "12. august 2025" (`nlp.dates.parse_date_input`);
case numbers in any case; committees, persons and parties in any case and
spacing, persons also by surname alone or as the minutes write them ("Claus
Berggren (V)"). Every error names the filter it is about, in Danish, with a
machine `code` beside it, before any search work is done.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from decimal import Decimal, localcontext

from index.filters import SearchFilter
from nlp.amounts import parse_amount_input
from nlp.dates import parse_date_input
from nlp.names import PARTIES, canonical_party
from nlp.records import OUTCOME_LABELS, Outcome

KINDS = ("minutes", "other")
PERSON_ROLES = ("any", "present", "absent", "voted_for", "voted_against")
PARTY_ROLES = ("any", "voted_for", "voted_against")
_KLE_PREFIX = re.compile(r"^\d{2}(?:\.\d{2}){0,2}$")


class FilterError(ValueError):
    """A filter value that cannot be used; `field` names the filter, `message` says why in
    Danish, `code` says it for machines (invalid_date, unknown_committee, ...)."""

    def __init__(self, field: str, message: str, code: str = "invalid_value"):
        self.field = field
        self.message = message
        self.code = code
        super().__init__(f"{field}: {message}")


def _date(value: str | None, field: str) -> dt.date | None:
    if value is None or value.strip() == "":
        return None
    date = parse_date_input(value)
    if date is None:
        raise FilterError(
            field,
            f"'{value}' er ikke en dato; skriv fx 2025-08-12, 12-08-2025 eller 12. august 2025",
            "invalid_date",
        )
    return date


def _amount(value: str | float | Decimal | None, field: str) -> Decimal | None:
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value)) if not isinstance(value, Decimal) else value
    else:
        amount = parse_amount_input(value)
    if amount is None or not amount.is_finite():
        raise FilterError(
            field,
            f"'{value}' er ikke et beløb i kroner; skriv fx 1000000, 1.000.000 eller 2,5 mio.",
            "invalid_amount",
        )
    return amount


def kroner(amount: Decimal) -> str:
    """An amount as Danes write it in a message: 1.000.000, -2.500.000,5."""
    with localcontext() as context:  # 30 digits typed into a filter: more than the default 28
        context.prec = max(28, len(amount.as_tuple().digits) + 4)
        whole = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    whole = whole.removesuffix(",00")
    return ("-" if amount < 0 else "") + whole


def case_forms(case: str) -> tuple[str, ...]:
    """A case number as typed and in capitals: "15.00.00-g01-5-25" finds "15.00.00-G01-5-25"."""
    case = case.strip()
    return tuple(dict.fromkeys((case, case.upper())))


def _values(values: Sequence[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    return tuple(v.strip() for v in values if v and v.strip())


def resolve_committees(values: Sequence[str], indexed: Collection[str]) -> tuple[str, ...]:
    """Committees as the index spells them, matched ignoring case and spacing."""
    by_key = {" ".join(name.split()).casefold(): name for name in indexed}
    resolved = []
    for value in values:
        name = by_key.get(" ".join(value.split()).casefold())
        if name is None:
            known = ", ".join(sorted(indexed)[:20]) or "ingen endnu"
            raise FilterError(
                "committee",
                f"intet udvalg '{value}' i indekset; kendte: {known}",
                "unknown_committee",
            )
        resolved.append(name)
    return tuple(resolved)


_PARTY_MARK = re.compile(r"\s*\([^()]{1,40}\)\s*$")  # "Claus Berggren (V)", "(Velfærdslisten)"


def _person_key(name: str) -> str:
    return " ".join(_PARTY_MARK.sub("", name).replace(",", " ").split()).casefold()


def resolve_persons(values: Sequence[str], indexed: Collection[str]) -> tuple[str, ...]:
    """Persons as the index spells them: a whole name or a surname, in any case, with or
    without the party the minutes add ("Claus Berggren (V)", "berggren"). A surname names
    everyone who bears it."""
    names = [(_person_key(n).split(), n) for n in indexed]
    resolved: list[str] = []
    for value in values:
        words = _person_key(value).split()
        found = [n for key, n in names if words and key[-len(words) :] == words]
        if not found:
            raise FilterError(
                "person",
                f"ingen person '{value}' i indekset; skriv et navn eller efternavn, "
                "som det står i referaterne",
                "unknown_person",
            )
        resolved += [n for n in found if n not in resolved]
    return tuple(resolved)


def resolve_parties(values: Sequence[str]) -> tuple[str, ...]:
    """Party names, genitives or letters ("V", "Ø") as the canonical names extraction stores."""
    resolved = []
    for value in values:
        value = _PARTY_MARK.sub("", value).strip().strip("()") or value
        name = (
            canonical_party(value)
            or (canonical_party(value.upper()) if len(value) <= 3 else None)
            or canonical_party(value.title())
        )
        if name is None:
            examples = ", ".join(sorted(PARTIES)[:6])
            raise FilterError(
                "party",
                f"ukendt parti '{value}'; skriv et navn eller bogstav, fx {examples}",
                "unknown_party",
            )
        resolved.append(name)
    return tuple(resolved)


def build_filter(
    *,
    indexed_committees: Collection[str] | None = None,
    indexed_persons: Collection[str] | None = None,
    committee: Sequence[str] | str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    case: str | None = None,
    decision: Sequence[str] | str | None = None,
    person: Sequence[str] | str | None = None,
    person_role: str | None = None,
    party: Sequence[str] | str | None = None,
    party_role: str | None = None,
    voted: bool | None = None,
    absence: bool | None = None,
    has_amount: bool | None = None,
    min_amount: str | float | Decimal | None = None,
    max_amount: str | float | Decimal | None = None,
    kind: Sequence[str] | str | None = None,
) -> SearchFilter:
    """A validated filter. With `indexed_committees` and `indexed_persons`, committees and
    persons resolve to the index's spelling. `person_role` "absent" without a person, or
    `absence`, asks for items where someone was absent."""
    start, end = _date(date_from, "from"), _date(date_to, "to")
    if start and end and start > end:
        raise FilterError("from", f"fra-datoen {start} er efter til-datoen {end}", "date_order")
    low, high = _amount(min_amount, "min_amount"), _amount(max_amount, "max_amount")
    if low is not None and high is not None and abs(low) > abs(high):
        raise FilterError(
            "min_amount",
            f"mindstebeløbet {kroner(low)} kr. er større end højestebeløbet {kroner(high)} kr.",
            "amount_order",
        )
    outcomes = tuple(_outcome(v) for v in _values(decision))
    kinds = _values(kind)
    for k in kinds:
        if k not in KINDS:
            raise FilterError(
                "kind", f"ukendt slags '{k}'; brug 'minutes' eller 'other'", "unknown_kind"
            )
    role = person_role or "any"
    if role not in PERSON_ROLES:
        raise FilterError(
            "person_role",
            f"ukendt rolle '{role}'; brug en af {', '.join(PERSON_ROLES)}",
            "unknown_role",
        )
    party_way = party_role or "any"
    if party_way not in PARTY_ROLES:
        raise FilterError(
            "party_role",
            f"ukendt rolle '{party_way}'; brug en af {', '.join(PARTY_ROLES)}",
            "unknown_role",
        )
    case = (case or "").strip() or None
    case_numbers: tuple[str, ...] = ()
    case_prefix = None
    if case:
        if _KLE_PREFIX.match(case):
            case_prefix = case
        else:
            case_numbers = case_forms(case)
    committees = _values(committee)
    if committees and indexed_committees is not None:
        committees = resolve_committees(committees, indexed_committees)
    persons = _values(person)
    if persons and indexed_persons is not None:
        persons = resolve_persons(persons, indexed_persons)
    if role == "absent" and not persons:
        absence, role = True if absence is None else absence, "any"
    return SearchFilter(
        committees=committees,
        date_from=start,
        date_to=end,
        case_numbers=case_numbers,
        case_prefix=case_prefix,
        outcomes=outcomes,
        persons=persons,
        person_role=None if role == "any" else role,
        parties=resolve_parties(_values(party)),
        party_role=None if party_way == "any" else party_way,
        voted=voted,
        absence=absence,
        has_amount=has_amount,
        min_amount=low,
        max_amount=high,
        kinds=kinds,
    )


def _outcome(value: str) -> str:
    """An outcome code, or its Danish label ("godkendt", "taget til efterretning")."""
    known = {o.value for o in Outcome}
    if value in known:
        return value
    by_label = {label.casefold(): code for code, label in OUTCOME_LABELS.items()}
    code = by_label.get(" ".join(value.split()).casefold())
    if code is None:
        raise FilterError(
            "decision",
            f"ukendt beslutning '{value}'; brug en af {', '.join(sorted(known))} "
            f"eller {', '.join(OUTCOME_LABELS.values())}",
            "unknown_outcome",
        )
    return code

"""Turn user-supplied filter values (CLI options, query parameters) into a validated `SearchFilter`.

Every error names the filter it is about, before any search work is done.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from decimal import Decimal, InvalidOperation

from index.filters import SearchFilter
from nlp.names import PARTIES, canonical_party
from nlp.records import Outcome

KINDS = ("minutes", "other")
PERSON_ROLES = ("any", "present", "absent", "voted_for", "voted_against")
PARTY_ROLES = ("any", "voted_for", "voted_against")
_KLE_PREFIX = re.compile(r"^\d{2}(?:\.\d{2}){0,2}$")


class FilterError(ValueError):
    """A filter value that cannot be used; `field` names the filter."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def _date(value: str | None, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(field, f"'{value}' is not a date (use YYYY-MM-DD)") from None


def _amount(value: str | float | Decimal | None, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    text = str(value).strip().replace(" ", "")
    # Danish "1.500.000,50" as well as "1500000.50".
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FilterError(field, f"'{value}' is not an amount in kroner") from None
    if not amount.is_finite():
        raise FilterError(field, f"'{value}' is not an amount in kroner")
    return amount


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
            known = ", ".join(sorted(indexed)[:20]) or "none yet"
            raise FilterError("committee", f"no committee '{value}' in the index; known: {known}")
        resolved.append(name)
    return tuple(resolved)


def resolve_parties(values: Sequence[str]) -> tuple[str, ...]:
    """Party names, genitives or letters ("V", "Ø") as the canonical names extraction stores."""
    resolved = []
    for value in values:
        name = canonical_party(value) or (
            canonical_party(value.upper()) if len(value) <= 3 else None
        )
        if name is None:
            examples = ", ".join(sorted(PARTIES)[:6])
            raise FilterError(
                "party", f"unknown party '{value}'; use a name or letter such as {examples}"
            )
        resolved.append(name)
    return tuple(resolved)


def build_filter(
    *,
    indexed_committees: Collection[str] | None = None,
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
    min_amount: str | float | Decimal | None = None,
    max_amount: str | float | Decimal | None = None,
    kind: Sequence[str] | str | None = None,
) -> SearchFilter:
    """A validated filter. With `indexed_committees`, committees resolve to the index's spelling."""
    start, end = _date(date_from, "from"), _date(date_to, "to")
    if start and end and start > end:
        raise FilterError("from", f"{start} is after 'to' {end}")
    low, high = _amount(min_amount, "min_amount"), _amount(max_amount, "max_amount")
    if low is not None and high is not None and low > high:
        raise FilterError("min_amount", f"{low} is larger than max_amount {high}")
    outcomes = _values(decision)
    known = {o.value for o in Outcome}
    for outcome in outcomes:
        if outcome not in known:
            raise FilterError(
                "decision", f"unknown outcome '{outcome}'; use one of {', '.join(sorted(known))}"
            )
    kinds = _values(kind)
    for k in kinds:
        if k not in KINDS:
            raise FilterError("kind", f"unknown kind '{k}'; use 'minutes' or 'other'")
    role = person_role or "any"
    if role not in PERSON_ROLES:
        raise FilterError(
            "person_role", f"unknown role '{role}'; use one of {', '.join(PERSON_ROLES)}"
        )
    party_way = party_role or "any"
    if party_way not in PARTY_ROLES:
        raise FilterError(
            "party_role", f"unknown role '{party_way}'; use one of {', '.join(PARTY_ROLES)}"
        )
    case = (case or "").strip() or None
    case_numbers: tuple[str, ...] = ()
    case_prefix = None
    if case:
        if _KLE_PREFIX.match(case):
            case_prefix = case
        else:
            case_numbers = (case,)
    committees = _values(committee)
    if committees and indexed_committees is not None:
        committees = resolve_committees(committees, indexed_committees)
    return SearchFilter(
        committees=committees,
        date_from=start,
        date_to=end,
        case_numbers=case_numbers,
        case_prefix=case_prefix,
        outcomes=outcomes,
        persons=_values(person),
        person_role=None if role == "any" else role,
        parties=resolve_parties(_values(party)),
        party_role=None if party_way == "any" else party_way,
        voted=voted,
        min_amount=low,
        max_amount=high,
        kinds=kinds,
    )

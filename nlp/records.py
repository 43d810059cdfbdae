"""Typed results of the Danish extraction, travelling with each item.

`ItemExtraction.to_json()` gives the fixed names checks read: decisions,
prior_decisions, votes, absent, amounts, references, persons, parties,
organizations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from nlp.case_numbers import CaseNumber


class Outcome(StrEnum):
    APPROVED = "approved"
    NOTED = "noted"
    DISCUSSED = "discussed"
    POSTPONED = "postponed"
    REJECTED = "rejected"
    RECOMMENDED = "recommended"  # passed on with a recommendation
    DECIDED = "decided"  # another decision ("besluttet at ...")
    INFORMATION = "information"  # orientation only
    CLOSED = "closed"


# What each outcome is called where people read it (CLI, web page, CSV, feeds); JSON keeps the codes.
OUTCOME_LABELS = {
    "approved": "godkendt",
    "noted": "taget til efterretning",
    "discussed": "drøftet",
    "postponed": "udsat",
    "rejected": "afvist",
    "recommended": "indstillet",
    "decided": "besluttet",
    "information": "orientering",
    "closed": "lukket punkt",
}


def outcome_label(code: str) -> str:
    """The Danish label of an outcome code (an unknown code as it is)."""
    return OUTCOME_LABELS.get(code, code)


@dataclass(frozen=True)
class Decision:
    """One decided motion: a sub-point of the recommendation, or an amendment voted before it.

    `vote` is the vote that decided it (one vote may decide several points:
    "Indstillingens 1. og 2. at-punkt blev godkendt med 40 stemmer mod 15").
    """

    point: int | None
    outcome: Outcome
    text: str
    amendment: bool = False  # an "ændringsforslag"/"tillægsforslag" or a member's proposal
    author: str | None = None  # who moved it, as printed ("Venstre", "C", "Liste V")
    vote: Vote | None = None


@dataclass(frozen=True)
class PriorDecision:
    body: str | None
    date: dt.date | None
    item: int | None
    outcomes: tuple[Outcome, ...]
    text: str


@dataclass(frozen=True)
class Vote:
    for_count: int | None
    against: int | None
    abstain: int | None
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()
    text: str = ""
    decision: int | None = None  # index of the (first) decision it decided, in `decisions`


@dataclass(frozen=True)
class Absence:
    name: str
    reason: str  # "absent", "did not take part", "inhabil", "substituted"
    text: str


@dataclass(frozen=True)
class Reservation:
    who: str | None
    kind: str  # "referral" (§ 23 begæring), "reservation" (forbehold), "dissent" (kunne ikke tiltræde)
    text: str


@dataclass(frozen=True)
class AmountMention:
    value: Decimal
    text: str
    sentence: str
    section: str
    start: int
    end: int
    from_table: bool = False


@dataclass(frozen=True)
class Reference:
    kind: str  # "item", "case", "meeting"
    text: str
    body: str | None = None
    date: dt.date | None = None
    item: int | None = None
    case_number: str | None = None
    target: str | None = None  # a resolved item or meeting id


@dataclass(frozen=True)
class ItemExtraction:
    decisions: tuple[Decision, ...] = ()
    prior_decisions: tuple[PriorDecision, ...] = ()
    votes: tuple[Vote, ...] = ()
    absences: tuple[Absence, ...] = ()
    substitutes: tuple[str, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    amounts: tuple[AmountMention, ...] = ()
    references: tuple[Reference, ...] = ()
    persons: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()
    case_numbers: tuple[CaseNumber, ...] = field(default=())
    cpr_redacted: int = 0

    @property
    def absent(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.name for a in self.absences))

    def to_json(self) -> dict[str, Any]:
        def iso(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "decisions": [
                {
                    "point": d.point,
                    "outcome": d.outcome.value,
                    "text": d.text,
                    "amendment": d.amendment,
                    "author": d.author,
                    "vote": self.votes.index(d.vote) if d.vote in self.votes else None,
                }  # fmt: skip
                for d in self.decisions
            ],
            "prior_decisions": [
                {
                    "body": p.body,
                    "date": iso(p.date),
                    "item": p.item,
                    "outcomes": [o.value for o in p.outcomes],
                    "text": p.text,
                }
                for p in self.prior_decisions
            ],
            "votes": [
                {
                    "for": v.for_count,
                    "against": v.against,
                    "abstain": v.abstain,
                    "for_names": list(v.for_names),
                    "against_names": list(v.against_names),
                    "abstain_names": list(v.abstain_names),
                    "text": v.text,
                    "decision": v.decision,
                }  # fmt: skip
                for v in self.votes
            ],
            "absent": list(self.absent),
            "absences": [
                {"name": a.name, "reason": a.reason, "text": a.text} for a in self.absences
            ],
            "substitutes": list(self.substitutes),
            "reservations": [
                {"who": r.who, "kind": r.kind, "text": r.text} for r in self.reservations
            ],
            "amounts": [
                {
                    "value": str(a.value),
                    "text": a.text,
                    "sentence": a.sentence,
                    "section": a.section,
                    "start": a.start,
                    "end": a.end,
                    "from_table": a.from_table,
                }  # fmt: skip
                for a in self.amounts
            ],
            "references": [
                {
                    "kind": r.kind,
                    "text": r.text,
                    "body": r.body,
                    "date": iso(r.date),
                    "item": r.item,
                    "case_number": r.case_number,
                    "target": r.target,
                }  # fmt: skip
                for r in self.references
            ],
            "persons": list(self.persons),
            "parties": list(self.parties),
            "organizations": list(self.organizations),
            "dates": [d.isoformat() for d in self.dates],
            "case_numbers_parsed": [
                {
                    "raw": c.raw,
                    "normalized": c.normalized,
                    "scheme": c.scheme.value,
                    "kle_subject": c.kle_subject,
                    "kle_facet": c.kle_facet,
                    "kle_serial": c.kle_serial,
                    "kle_year": c.kle_year,
                    "kle_group": c.kle_group,
                }  # fmt: skip
                for c in self.case_numbers
            ],
            "cpr_redacted": self.cpr_redacted,
        }

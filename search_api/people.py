"""Who and which parties the minutes name: `GET /persons` and `GET /parties`, with counts.

Counts are items (one title point each): a person's items where they are
named at all, were absent, voted for or voted against; a party's items where
it is named, voted for or voted against. Each name is as the index spells it,
which is what the `person` and `party` filters take (they also take any case,
a surname alone, and "Claus Berggren (V)").
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from index.filters import SearchFilter

router = APIRouter(tags=["people"])
ALL = 100_000


class PersonCount(BaseModel):
    name: str = Field(examples=["Claus Berggren"])
    items: int = Field(description="Items that name the person (any role).", examples=[12])
    absent: int = Field(description="Items the person took no part in.", examples=[3])
    voted_for: int = Field(examples=[1])
    voted_against: int = Field(examples=[0])


class PartyCount(BaseModel):
    name: str = Field(examples=["Venstre"])
    items: int = Field(description="Items that name the party.", examples=[8])
    voted_for: int = Field(examples=[2])
    voted_against: int = Field(examples=[1])


def _counts(request: Request, fields: dict[str, str]) -> list[dict[str, Any]]:
    store = request.app.state.index.store
    titles = SearchFilter(chunk_types=("title",))
    by_field = {out: store.facet(key, titles, limit=ALL) for out, key in fields.items()}
    names = set().union(*by_field.values())
    rows = [
        {"name": n} | {out: counts.get(n, 0) for out, counts in by_field.items()} for n in names
    ]
    rows.sort(key=lambda r: (-r["items"], r["name"]))
    return rows


@router.get("/persons", response_model=list[PersonCount])
def persons(request: Request) -> list[dict[str, Any]]:
    """Every person the minutes name, most items first, with where they were absent and how they voted."""
    return _counts(
        request,
        {
            "items": "persons",
            "absent": "persons_absent",
            "voted_for": "voted_for",
            "voted_against": "voted_against",
        },
    )


@router.get("/parties", response_model=list[PartyCount])
def parties(request: Request) -> list[dict[str, Any]]:
    """Every party the minutes name, most items first, with how often it voted for and against."""
    return _counts(
        request,
        {
            "items": "parties",
            "voted_for": "parties_voted_for",
            "voted_against": "parties_voted_against",
        },
    )

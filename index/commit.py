"""Crash-safe replacement of a document's points, and the repair of an interrupted one.

Searches see only points with `state="live"`. `replace_document` makes a new
version of a document live in five steps:

1. `stage`: the new points are written `state="staged"` under a fresh
   `ingest_id`, a bounded batch per store operation, so a writer can let others
   in between batches (a point whose id is already live is left alone: ids
   derive from the chunk, so it is the same chunk, and it must never disappear);
2. `make_live`, each step from here one store operation: one update makes the
   staged points and the kept live ones the new version: `state="live"`, the
   `ingest_id`, a `committed` time and what it `supersedes`: the documents
   `index.identity` says it replaces, and the document's own older versions
   (their ingest ids);
3. the kept points are written again with the new payload;
4. every other point of the document, and the superseded documents, are
   deleted;
5. the new version's `supersedes` is emptied, so it is acted on only while
   the replacement is unfinished.

Between steps 2 and 4 the old and the new version are both live. Readers
leave out what a live version supersedes (`superseded`, read per store
`view`, and `SearchFilter.superseded`), so from step 2 on they see the new
version alone, and before it the old one alone: no answer mixes the two, and
nothing is missing from either. A store's `view` also gives a stamp that
changes with every switch, so a reader making several calls (a search) can
tell that a switch fell between them and read again (`index.store.read_in_one_view`).

A crash can stop it between any two steps. `settle` (run when a store is
opened: in full under the embedded store's lock, so no writer is half-way;
without the staged part on a server) puts that right:

- staged points of a version that never reached step 2 are deleted: the
  previous version stays as it was;
- staged points of a version whose step 2 began are made live (step 2 is one
  operation on qdrant-edge and on a server; qdrant-client's local mode
  applies it point by point);
- where a document has two committed versions, the older is deleted, and so
  are documents and versions that a committed version supersedes.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Protocol

from index.filters import Condition

STATE = "state"
INGEST_ID = "ingest_id"
COMMITTED = "committed"  # nanoseconds since the epoch at step 2
SUPERSEDES = "supersedes"
RESERVED_KEYS = (STATE, INGEST_ID, COMMITTED, SUPERSEDES)
ALL = 1_000_000  # a facet limit that means every value


@dataclass(frozen=True)
class Where:
    """Points matching every `must` and none of `must_not`, or having one of `or_ids`.

    With no conditions at all, only the points in `or_ids`.
    """

    must: tuple[Condition, ...] = ()
    must_not: tuple[Condition, ...] = ()
    or_ids: tuple[str, ...] = field(default=())


def _is(key: str, *values: str) -> Condition:
    return Condition(key, values)


_HAS_SUPERSEDES = Condition(SUPERSEDES, min_count=1)


class Engine(Protocol):
    """What a store gives the commit protocol: plain writes and filtered operations."""

    def ids_where(self, where: Where) -> set[str]: ...

    def write_points(self, points: Sequence[Any], extra: dict[str, Any]) -> None: ...

    def update_where(self, where: Where, payload: dict[str, Any]) -> None: ...

    def delete_where(self, where: Where) -> None: ...

    def count_where(self, where: Where) -> int: ...

    def facet_where(self, key: str, where: Where) -> dict[str, int]: ...

    def first_payload(self, where: Where) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class Staged:
    """A version written `state="staged"` (step 1), not yet live."""

    doc_id: str
    ingest_id: str
    kept: tuple[Any, ...]  # points whose ids are live already: written again at step 3


STAGE_BATCH = 256  # points a staging step writes: a bounded hold of a writer's lock


def stage(
    engine: Engine,
    doc_id: str,
    points: Sequence[Any],
    step: Callable[[], AbstractContextManager[Any]] = nullcontext,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Staged:
    """Step 1: write `points` (StorePoints) staged, `STAGE_BATCH` at a time, each inside `step()`.

    Searches never see staged points, so a writer's lock (`step`) need only be held
    for one batch at a time: other writers and deletes go on between batches.
    """
    ingest_id = f"ingest-{uuid.uuid4().hex}"  # not UUID-shaped: facets would reformat it
    with step():
        live = engine.ids_where(Where(must=(_is("doc_id", doc_id), _is(STATE, "live"))))
    fresh = [p for p in points if p.id not in live]
    for start in range(0, len(fresh), STAGE_BATCH):
        with step():
            engine.write_points(
                fresh[start : start + STAGE_BATCH], {STATE: "staged", INGEST_ID: ingest_id}
            )
        progress(min(start + STAGE_BATCH, len(fresh)), len(fresh))
    return Staged(doc_id, ingest_id, tuple(p for p in points if p.id in live))


def make_live(engine: Engine, staged: Staged, supersedes: Sequence[str] = ()) -> None:
    """Steps 2 to 5: the staged version becomes the document's only one; `supersedes` go."""
    doc_id, ingest_id = staged.doc_id, staged.ingest_id
    others = [d for d in supersedes if d != doc_id]
    # The document's live versions now: readers leave them out from step 2 on (`superseded`).
    older = engine.facet_where(INGEST_ID, Where(must=(_is("doc_id", doc_id), _is(STATE, "live"))))
    version = {
        STATE: "live",
        INGEST_ID: ingest_id,
        COMMITTED: time.time_ns(),
        SUPERSEDES: others + sorted(set(older) - {ingest_id}),
    }
    engine.update_where(
        Where(must=(_is(INGEST_ID, ingest_id),), or_ids=tuple(p.id for p in staged.kept)), version
    )
    engine.write_points(staged.kept, version)
    engine.delete_where(Where(must=(_is("doc_id", doc_id),), must_not=(_is(INGEST_ID, ingest_id),)))
    if others:
        engine.delete_where(Where(must=(_is("doc_id", *others),)))
    if version[SUPERSEDES]:
        # Done: the same bytes may come back later under another name, and must then stay.
        engine.update_where(Where(must=(_is(INGEST_ID, ingest_id),)), {SUPERSEDES: []})


def replace_document(
    engine: Engine, doc_id: str, points: Sequence[Any], supersedes: Sequence[str] = ()
) -> None:
    """Make `points` (StorePoints) the document's only points, and remove `supersedes`."""
    make_live(engine, stage(engine, doc_id, points), supersedes)


def superseded(engine: Engine) -> tuple[str, ...]:
    """What live versions supersede: documents (ids) and older versions (ingest ids).

    Not empty only while a replacement is between steps 2 and 5 (or was cut short there):
    readers leave these out (`SearchFilter.superseded`), so they see one version of each
    document at every step.
    """
    # A facet counts only the values there are, so no "has supersedes" condition: a values-count
    # filter reads every point's payload (1.5-4 s at 100k chunks, at every open).
    live = Where(must=(_is(STATE, "live"),))
    return tuple(sorted(engine.facet_where(SUPERSEDES, live)))


def discard_staged(engine: Engine) -> int:
    """Delete the points of every write that never committed; how many there were."""
    staged = Where(must=(_is(STATE, "staged"),))
    found = engine.count_where(staged)
    if found:
        engine.delete_where(staged)
    return found


def settle(engine: Engine, staged_too: bool = True) -> int:
    """Finish or undo what an interrupted `replace_document` left; how many points were removed.

    Staged points are only settled where no other writer can be half-way (a locked
    folder); on a server, `staged_too=False` leaves them to the next replacement of
    their document, and settles only what committed versions left behind.
    """
    removed = 0
    staged = Where(must=(_is(STATE, "staged"),))
    for ingest_id in engine.facet_where(INGEST_ID, staged) if staged_too else ():
        mine = (_is(INGEST_ID, ingest_id),)
        committed = engine.first_payload(Where(must=(*mine, _is(STATE, "live"))))
        leftovers = Where(must=(*mine, _is(STATE, "staged")))
        if committed is not None:
            engine.update_where(
                leftovers, {k: committed[k] for k in RESERVED_KEYS if k in committed}
            )
        else:
            removed += engine.count_where(leftovers)
            engine.delete_where(leftovers)
    live = Where(must=(_is(STATE, "live"),))
    # The versions first: one that commits after this read keeps its `supersedes` for its own
    # steps 4 and 5, though what it supersedes may go now.
    # (None carry any when nothing is superseded: the costly read only then.)
    carrying = Where(must=(*live.must, _HAS_SUPERSEDES))
    carriers = tuple(engine.facet_where(INGEST_ID, carrying)) if superseded(engine) else ()
    gone_ids = superseded(engine)
    for key in ("doc_id", INGEST_ID) if gone_ids else ():
        gone = Where(must=(_is(key, *gone_ids),))
        removed += engine.count_where(gone)
        engine.delete_where(gone)
    if carriers:  # step 5 of each, so nothing of the same bytes ingested again is left out later
        engine.update_where(Where(must=(_is(INGEST_ID, *carriers),)), {SUPERSEDES: []})
    versions = engine.facet_where(INGEST_ID, live)
    if len(versions) > len(engine.facet_where("doc_id", live)):
        removed += _drop_older_versions(engine, versions)
    return removed


def _drop_older_versions(engine: Engine, versions: dict[str, int]) -> int:
    newest: dict[str, tuple[int, str]] = {}
    stale: list[tuple[str, str]] = []
    for ingest_id in versions:
        payload = engine.first_payload(Where(must=(_is(INGEST_ID, ingest_id), _is(STATE, "live"))))
        if not payload or "doc_id" not in payload:
            continue
        doc, committed = payload["doc_id"], int(payload.get(COMMITTED) or 0)
        best = newest.get(doc)
        if best is None or committed > best[0]:
            if best is not None:
                stale.append((doc, best[1]))
            newest[doc] = (committed, ingest_id)
        else:
            stale.append((doc, ingest_id))
    removed = 0
    for doc, ingest_id in stale:
        older = Where(must=(_is("doc_id", doc), _is(INGEST_ID, ingest_id)))
        removed += engine.count_where(older)
        engine.delete_where(older)
    return removed

"""Hybrid search over the index: items (not chunks) ranked, with snippets, pages and facets.

The query is embedded (dense) and encoded as Danish BM25 (sparse, question and
filler words dropped); each vector's chunk ranking becomes an item ranking (an
item ranks where its best chunk does), and the two item rankings are fused with
reciprocal rank fusion, with background documents weighed down. Each item shows
its best fused chunk, which gives the snippet and the page to cite.

Only items that match the query are listed and counted (`index.matching`: a
word in common, or a dense score at the model's calibrated threshold). The
ranking is the fusion of fixed pools of chunks, whatever page is asked for,
and matching items beyond the pools follow it, so every page, the export and
the feed are slices of one list.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from index.files import source_url
from index.filters import SearchFilter
from index.lookup import Found, find_item, find_meeting
from index.matching import MATCH_LIMIT, dense_threshold
from index.snippets import make_snippet
from index.sparse import SparseEncoder
from index.store import Hit, SparseVector, Store, read_in_one_view
from nlp.case_numbers import find_case_numbers

if TYPE_CHECKING:
    from index.embedder import Embedder  # numpy and onnxruntime: loaded when a query embeds

CASE_LIMIT = 500  # items of one case timeline
MIN_CASE_CHARS = 2  # a KLE main group ("15") is the shortest case query
MODES = ("hybrid", "dense", "sparse")
BACKGROUND_WEIGHT = float(os.environ.get("MINUTES_BACKGROUND_WEIGHT", "0.7"))
FACET_KEYS = ("committee", "year", "outcomes", "parties", "kle_groups", "kind")
MAX_CANDIDATES = 400
# Chunks fetched per query vector, at least. Items have several chunks each, so 150 chunks are
# a few dozen items. On bench/eval_search.py, dense 150 and sparse 100 score as 200 each do on
# every set, and dense 100 loses a paraphrase item (nDCG@10 0.912 against 0.920); the engine's
# and the fusion's work grow with the pool.
DENSE_POOL = 150
SPARSE_POOL = 100
# What ranking and facets read of a candidate chunk; the shown page fetches whole payloads. An
# item's facts are copied onto each of its chunks (`index.units`), so the facets of a query's
# matching items are counted from their candidates, with no second engine call (a facet call
# over 100 item ids took 12 ms at 100k chunks).
CANDIDATE_FIELDS = (
    "item_id",
    "kind",
    "case_numbers",
    "committee",
    "year",
    "outcomes",
    "parties",
    "kle_groups",
)
FACET_LIMIT = 50  # values per facet, as the store's facet counts give them
# Reciprocal rank fusion: score = sum of weight / (RRF_K + rank). k=60 and equal weights, the usual
# choice; measured flat for k in 30..100 and either weight in 0.5..1 (bench/eval_search.py).
RRF_K = 60.0
DENSE_WEIGHT = 1.0
SPARSE_WEIGHT = 1.0


@dataclass(frozen=True)
class SearchResult:
    item_id: str
    doc_id: str
    kind: str
    committee: str | None
    meeting_date: str | None
    item_number: int | None
    title: str
    case_numbers: list[str]
    outcomes: list[str]
    closed: bool
    pages: list[int]
    section: str
    snippet: str
    highlights: list[tuple[int, int]]
    score: float
    source: str
    source_url: str  # the source file at the cited page (`index.files.source_url`)
    ingested_at: str | None  # when the document was ingested (ISO, UTC); None before it was kept

    def as_dict(self) -> dict[str, Any]:
        return {
            k: (list(map(list, v)) if k == "highlights" else v) for k, v in self.__dict__.items()
        }


@dataclass(frozen=True)
class SearchResponse:
    results: list[SearchResult]
    total: int
    facets: dict[str, dict[str, int]]
    total_exact: bool = True  # False: more items match than were counted (MATCH_LIMIT chunks)
    facets_exact: bool = True  # False: facets count the filtered set (as total_exact is False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "results": [r.as_dict() for r in self.results],
            "total": self.total,
            "total_exact": self.total_exact,
            "facets_exact": self.facets_exact,
            "facets": self.facets,
        }


def _date(payload: dict[str, Any]) -> str | None:
    value = payload.get("meeting_date")
    return value[:10] if value else None


def result_from_hit(hit: Hit, query: str) -> SearchResult:
    p = hit.payload
    closed = bool(p.get("closed"))
    text = p.get("text", "")
    # Every chunk starts with the item title (and the section heading); the snippet is the body below.
    lines = 2 if p.get("section") else 1
    parts = text.split("\n", lines)
    body = parts[lines] if len(parts) > lines else text
    snippet = make_snippet(body or text, query)
    pages = list(p.get("pages", [])) or [p.get("page_start", 1)]
    return SearchResult(
        item_id=p["item_id"],
        doc_id=p["doc_id"],
        kind=p.get("kind", "minutes"),
        committee=p.get("committee"),
        meeting_date=_date(p),
        item_number=p.get("item_number"),
        title=p.get("title", ""),
        case_numbers=list(p.get("case_numbers", [])),
        outcomes=list(p.get("outcomes", [])),
        closed=closed,
        pages=pages,
        section=p.get("section", ""),
        snippet=snippet.text,
        highlights=list(snippet.highlights),
        score=round(hit.score, 6),
        source=p.get("source", ""),
        source_url=source_url(p["doc_id"], pages[0] if pages else None, closed),
        ingested_at=p.get("ingested_at"),
    )


def _prior(hit: Hit) -> float:
    """Background documents rank below minutes unless they match clearly better.

    Minutes are what people search for; a plan or web chapter on the same
    topic is context. Its score is scaled by BACKGROUND_WEIGHT (measured in
    bench/eval_search.py).
    """
    return BACKGROUND_WEIGHT if hit.payload.get("kind") == "other" else 1.0


def fuse_items(lists: Sequence[tuple[Sequence[Hit], float]], k: float) -> list[Hit]:
    """Weighted reciprocal rank fusion at item level, each item's score scaled by its prior.

    Each list is ranked by item first (an item's rank is that of its best chunk),
    so an item whose chunks match one query vector in one section and the other
    in another still gets both votes. The chunk shown is the item's chunk with
    the best fused chunk rank.
    """
    item_scores: dict[str, float] = {}
    chunk_scores: dict[str, float] = {}
    chunks: dict[str, tuple[str, Hit]] = {}  # chunk id: (its item, the chunk)
    for hits, weight in lists:
        ranked_items: set[str] = set()
        for rank, hit in enumerate(sorted(hits, key=_score, reverse=True), 1):
            share = weight / (k + rank)
            chunk_id = hit.id
            item = hit.payload["item_id"]
            if chunk_id in chunk_scores:
                chunk_scores[chunk_id] += share
            else:
                chunk_scores[chunk_id] = share
                chunks[chunk_id] = (item, hit)
            if item not in ranked_items:  # the item's best chunk: its rank in the item ranking
                ranked_items.add(item)
                share = weight / (k + len(ranked_items))
                item_scores[item] = item_scores.get(item, 0.0) + share
    shown: dict[str, tuple[float, Hit]] = {}
    for chunk_id, (item, hit) in chunks.items():
        score = chunk_scores[chunk_id]
        best = shown.get(item)
        if best is None or score > best[0]:
            shown[item] = (score, hit)
    fused = [
        Hit(hit.id, item_scores[item] * _prior(hit), hit.payload)
        for item, (_, hit) in shown.items()
    ]
    fused.sort(key=_score, reverse=True)
    return fused


_score = itemgetter(1)  # Hit.score


def facet_counts(hits: Sequence[Hit]) -> dict[str, dict[str, int]]:
    """Counts of these items (one hit each) per facet value, largest first, as the store's
    facet counts give them: each value of a list field once per item, at most FACET_LIMIT."""
    counts: dict[str, dict[str, int]] = {key: {} for key in FACET_KEYS}
    for hit in hits:
        payload = hit.payload
        for key, values in counts.items():
            value = payload.get(key)
            for v in (
                value if isinstance(value, (list, tuple)) else () if value is None else (value,)
            ):
                values[v] = values.get(v, 0) + 1
    return {
        key: dict(sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT])
        for key, values in counts.items()
    }


# Question words spaCy's Danish stop words (hvad, hvem, hvordan, hvornår, hvilke, hvorfor ...)
# lack. Domain words ("kommunen", "udvalget") are not dropped: that measured worse, and BM25's
# IDF already weighs them down.
QUERY_FILLER = frozenset({"hvilket"})
_stop_words: frozenset[str] | None = None


def sparse_query(query: str) -> str:
    """The query's topic words for BM25: question and filler words dropped (dense keeps them all).

    BM25 drops Snowball's short stop list itself; question words such as "hvordan" and
    "hvornår" and spaCy's longer list would otherwise add weight to every item that uses
    them. A query of filler words only is kept whole.
    """
    global _stop_words
    if _stop_words is None:
        from nlp.stop_words import STOP_WORDS

        _stop_words = frozenset(STOP_WORDS) | frozenset(QUERY_FILLER)
    kept = [w for w in query.split() if w.lower().strip("?,.!:;\"'") not in _stop_words]
    return " ".join(kept) or query


class Searcher:
    def __init__(self, store: Store, embedder: Embedder, sparse: SparseEncoder):
        self.store = store
        self.embedder = embedder
        self.sparse = sparse

    def warm_up(self) -> None:
        """Do now what the first search would do: load the model and word lists, read fields."""
        self.store.warm(CANDIDATE_FIELDS)
        self.search("opvarmning af søgemaskinen")  # a compound: loads the compound lexicon too

    def _ranked(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter,
        limit: int,
        mode: str,
    ) -> list[Hit]:
        """One vector's chunks, best first, carrying only what ranking reads."""
        return self.store.query(dense, sparse, flt, limit=limit, mode=mode, fields=CANDIDATE_FIELDS)

    def query_vector(self, query: str) -> list[float]:
        """The query's dense vector: the one part of a search that runs outside the GIL."""
        return self.embedder.embed_queries([" ".join(query.split())])[0].tolist()

    def _candidates(
        self,
        query: str,
        flt: SearchFilter,
        mode: str,
        dense: Sequence[float] | None,
    ) -> tuple[list[Hit], bool]:
        """The matching items (best chunk each) in ranked order, and whether all were counted.

        The ranking is one vector's pool of chunks, or both pools fused, the same for every
        page. Matching items the pools missed (`index.matching`) follow, lexical ones first,
        each in its vector's order, with score 0.
        """
        lists: list[tuple[list[Hit], float]] = []
        matched: dict[str, Hit] = {}
        exact = True

        def collect(hits: list[Hit], least: float | None = None) -> None:
            for hit in hits:
                if least is not None and hit.score < least:
                    break  # best first: the rest score lower
                matched.setdefault(hit.payload["item_id"], hit)

        # Lexical matches count in every mode (dense mode ranks them by meaning); the dense
        # score counts where the query is embedded (not in sparse mode, which never embeds).
        sparse = self.sparse.encode_query(sparse_query(query))
        if sparse.indices:
            # One call reads every chunk that shares a word (up to MATCH_LIMIT); BM25 scores are
            # exact, so its first SPARSE_POOL are the ranking's pool (ties aside).
            ranked = self._ranked(None, sparse, flt, MATCH_LIMIT, "sparse")
            exact = exact and len(ranked) < MATCH_LIMIT
            if mode != "dense":
                lists.append((ranked[:SPARSE_POOL], SPARSE_WEIGHT))
            collect(ranked)
        if mode != "sparse":
            if dense is None:
                dense = self.query_vector(query)
            ranked = self._ranked(dense, None, flt, DENSE_POOL, "dense")
            lists.insert(0, (ranked, DENSE_WEIGHT))
            threshold = dense_threshold(self.embedder.name)
            if threshold is not None:
                if len(ranked) >= DENSE_POOL and ranked[-1].score >= threshold:
                    ranked = self._ranked(dense, None, flt, MATCH_LIMIT, "dense")
                    exact = exact and len(ranked) < MATCH_LIMIT
                collect(sorted(ranked, key=_score, reverse=True), threshold)
        fused = fuse_items(lists, RRF_K)
        shown = [h for h in fused if h.payload["item_id"] in matched]
        if len(shown) < len(matched):
            listed = {h.payload["item_id"] for h in shown}
            shown += [
                Hit(h.id, 0.0, h.payload) for item, h in matched.items() if item not in listed
            ]
        return shown, exact

    def search(
        self,
        query: str,
        flt: SearchFilter | None = None,
        *,
        limit: int = 10,
        offset: int = 0,
        mode: str = "hybrid",
        facets: bool = True,
        dense: Sequence[float] | None = None,
    ) -> SearchResponse:
        """Items matching `query`, best first. `dense` is its `query_vector`, if made beforehand.

        Its store calls read one state of the index: a replacement that switches versions
        between them makes it search again (`index.store.read_in_one_view`).
        """
        query = " ".join(query.split())
        if not query:
            return self.browse(flt or SearchFilter(), limit=limit, offset=offset, facets=facets)
        if mode != "sparse" and dense is None:
            dense = self.query_vector(query)  # once, outside the reads
        return read_in_one_view(
            self.store,
            flt,
            lambda f: self._search(query, f, limit, offset, mode, facets, dense),
        )

    def _search(
        self,
        query: str,
        flt: SearchFilter,
        limit: int,
        offset: int,
        mode: str,
        facets: bool,
        dense: Sequence[float] | None,
    ) -> SearchResponse:
        # One hit an item, best first.
        ranked, exact_total = self._candidates(query, flt, mode, dense)
        # A case number in the query is a lookup: its items go first, whatever the ranking says.
        cases = tuple(c.normalized for c in find_case_numbers(query))
        if cases:
            exact = [h for h in ranked if set(h.payload.get("case_numbers", ())) & set(cases)]
            known = {h.payload["item_id"] for h in exact}
            lookup = self.store.scroll(
                replace(flt, case_numbers=cases, chunk_types=("title",)), limit=MAX_CANDIDATES
            )
            exact += [h for h in lookup if h.payload["item_id"] not in known]
            best: dict[str, Hit] = {}
            for hit in exact + [h for h in ranked if h not in exact]:
                best.setdefault(hit.payload["item_id"], hit)
            ranked = list(best.values())
        page = self._with_payloads(ranked[offset : offset + limit])
        counted: dict[str, dict[str, int]] = {}
        if facets:  # the matching items when all were counted, else the filtered set
            counted = facet_counts(ranked) if exact_total else self.facets(flt)
        return SearchResponse(
            results=[result_from_hit(h, query) for h in page],
            total=len(ranked),
            facets=counted,
            total_exact=exact_total,
            facets_exact=exact_total,
        )

    def _with_payloads(self, hits: list[Hit]) -> list[Hit]:
        """The hits shown, with their whole payloads (candidates carry CANDIDATE_FIELDS only)."""
        full = {h.id: h.payload for h in self.store.retrieve([h.id for h in hits])}
        return [Hit(h.id, h.score, full[h.id]) for h in hits if h.id in full]

    def browse(
        self, flt: SearchFilter, *, limit: int, offset: int, facets: bool = True
    ) -> SearchResponse:
        """No query words: the filtered items, newest meeting first."""
        return read_in_one_view(
            self.store, flt, lambda f: self._browse(f, limit=limit, offset=offset, facets=facets)
        )

    def _browse(
        self, flt: SearchFilter, *, limit: int, offset: int, facets: bool
    ) -> SearchResponse:
        titles = replace(flt, chunk_types=("title",))
        hits = list(self.store.scroll(titles))
        hits.sort(
            key=lambda h: (
                h.payload.get("meeting_date") or "",
                -(h.payload.get("item_number") or 0),
            ),
            reverse=True,
        )
        return SearchResponse(
            results=[result_from_hit(h, "") for h in hits[offset : offset + limit]],
            total=len(hits),
            facets=self.facets(flt) if facets else {},
        )

    def facets(self, flt: SearchFilter) -> dict[str, dict[str, int]]:
        """Counts of the filtered items (one title chunk each) per facet value."""
        titles = replace(flt, chunk_types=("title",))
        return {key: self.store.facet(key, titles) for key in FACET_KEYS}

    def find_item(self, item_id: str) -> Found:
        """An item by its id, or by an id of before (`index.lookup`)."""
        return find_item(self.store, item_id)

    def find_meeting(self, meeting_id: str) -> Found:
        """A meeting's items by its id, or by an id of before (`index.lookup`)."""
        return find_meeting(self.store, meeting_id)

    def record(self, item_id: str) -> dict[str, Any] | None:
        """The record of the item with this current id."""
        hits = list(
            self.store.scroll(SearchFilter(item_ids=(item_id,), chunk_types=("title",)), limit=1)
        )
        return hits[0].payload.get("record") if hits else None

    def records(self, flt: SearchFilter, limit: int | None = None) -> list[dict[str, Any]]:
        hits = self.store.scroll(replace(flt, chunk_types=("title",)), limit=limit)
        return [h.payload["record"] for h in hits if "record" in h.payload]

    def case_timeline(self, case_number: str, limit: int = CASE_LIMIT) -> list[dict[str, Any]]:
        """Items of a case across meetings, oldest first (at most `limit`).

        A case number, or a KLE prefix of at least two characters ("15"); anything
        shorter, blank included, is no case and finds nothing.
        """
        case_number = case_number.strip()
        if len(case_number) < MIN_CASE_CHARS:
            return []
        # Case numbers are written in capitals; "15.00.00-g01-5-25" is the same case.
        flt = SearchFilter(case_numbers=tuple(dict.fromkeys((case_number, case_number.upper()))))

        def read(view: SearchFilter) -> list[dict[str, Any]]:
            found = self.records(replace(flt, superseded=view.superseded), limit)
            if found:
                return found
            return self.records(replace(view, case_prefix=case_number), limit)

        records = read_in_one_view(self.store, None, read)
        records.sort(
            key=lambda r: ((r.get("meeting") or {}).get("date") or "", r.get("number") or 0)
        )
        return records

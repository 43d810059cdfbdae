"""spaCy's Danish lemma lookup table, opened in a millisecond instead of loaded in 1.5 s.

The lookup lemmatizer (`nlp.pipeline`) needs spacy-lookups-data's
`da_lemma_lookup` (553,000 forms). spaCy reads the gzipped JSON and hashes
every form into a `Table` each time a pipeline is built: 1.5 s of a 25-page
`minutes parse`, which looks up fewer than 2,000 distinct words. Here the
table is written once into the model cache as two sorted word files
(`nlp/sorted_words.py`): the forms, with a column giving each form's lemma as
a row of the second file, the lemmas. A lookup is a binary search, remembered;
after `BULK` searches (an ingest, a server) the whole table is read into a
dict (~0.3 s), so many lookups cost what they cost with spaCy's table.

`LemmaTable` answers what the pipeline asks of spaCy's `Table` (`get`, `in`,
`[]`) with the same values; `lemma_lookups` is registered for the
lemmatizer's `initialize` (`[initialize.components.lemmatizer.lookups]`).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.lookups import Lookups
from spacy.util import registry

from nlp.compounds import lexicon_dir, lexicon_source
from nlp.sorted_words import SortedWords, write_sorted_words

BULK = 20_000  # binary searches after which the whole table is read into a dict
_MISSING = object()


def lemma_dict() -> dict[str, str]:
    """The table as spacy-lookups-data ships it: form -> lemma."""
    with gzip.open(lexicon_source(), "rt", encoding="utf-8") as handle:
        return json.load(handle)


def write_lemma_files(path: Path, table: dict[str, str]) -> None:
    """The lemmas' word file first, then the forms' (whose presence says both are whole)."""
    lemmas = sorted(set(table.values()), key=str.encode)
    row = {lemma: i for i, lemma in enumerate(lemmas)}
    write_sorted_words(path / "lemmas", lemmas)
    write_sorted_words(path / "forms", table, {"lemma": [row[v] for v in table.values()]})


class LemmaTable:
    """Form -> lemma over the two word files, with the lookups of spaCy's `Table` that the
    pipeline uses."""

    name = "lemma_lookup"

    def __init__(self, path: Path):
        self._forms = SortedWords(path / "forms")
        self._lemmas = SortedWords(path / "lemmas")
        self._lemma_rows = memoryview(np.asarray(self._forms.column("lemma")))
        self._known: dict[str, str | None] = {}
        self._searches = 0
        self._all: dict[str, str] | None = None

    def _lookup(self, form: str) -> str | None:
        if self._all is not None:
            return self._all.get(form)
        known = self._known.get(form, _MISSING)
        if known is not _MISSING:
            return known  # type: ignore[return-value]
        self._searches += 1
        if self._searches > BULK:
            self._all = self._read_all()
            return self._all.get(form)
        row = self._forms.row(form)
        lemma = None if row is None else self._lemmas.word(self._lemma_rows[row])
        self._known[form] = lemma
        return lemma

    def _read_all(self) -> dict[str, str]:
        forms = self._forms.words()
        lemmas = self._lemmas.words()
        return dict(zip(forms, map(lemmas.__getitem__, self._lemma_rows.tolist()), strict=True))

    def get(self, key: str, default=None):
        lemma = self._lookup(key) if isinstance(key, str) else None
        return default if lemma is None else lemma

    def __getitem__(self, key: str) -> str:
        lemma = self._lookup(key) if isinstance(key, str) else None
        if lemma is None:
            raise KeyError(key)
        return lemma

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __len__(self) -> int:
        return len(self._forms)


@lru_cache(maxsize=1)
def lemma_table() -> LemmaTable | dict[str, str]:
    """The table of this process, its files made on first use (a cache that cannot be
    written: the table in memory, as spaCy would load it)."""
    source = lexicon_source().stat()  # a new spacy-lookups-data gets files of its own
    path = lexicon_dir() / f"da-lemma-lookup-{source.st_size}-{int(source.st_mtime)}"
    if not (path / "forms" / "words.txt").exists():
        table = lemma_dict()
        try:
            write_lemma_files(path, table)
        except OSError:
            return table
    return LemmaTable(path)


@registry.misc("minutes.da_lemma_lookups.v1")
def lemma_lookups() -> Lookups:
    """Lookups holding `lemma_lookup` for the lemmatizer's initialize."""
    lookups = Lookups()
    lookups.set_table("lemma_lookup", lemma_table())  # type: ignore[arg-type]
    return lookups

"""The Danish spaCy pipeline, built once per process.

No trained Danish pipeline installs from PyPI, so this is `spacy.blank("da")`
(tokenizer, stop words, number words) with a sentencizer, a lower-casing
lookup lemmatizer over spacy-lookups-data's `da_lemma_lookup` (the stock one
is case-sensitive and misses sentence-initial "Godkendt"), and an
EntityRuler for parties and organisations from gazetteers.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc

from nlp.names import entity_patterns


@lru_cache(maxsize=1)
def _lemma_table():
    return load_lookups("da", ["lemma_lookup"]).get_table("lemma_lookup")


@Language.component("da_lower_lemmatizer")
def lower_lemmatizer(doc: Doc) -> Doc:
    table = _lemma_table()
    for token in doc:
        lower = token.lower_
        token.lemma_ = table.get(lower, lower)
    return doc


@lru_cache(maxsize=1)
def danish() -> Language:
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("da_lower_lemmatizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(entity_patterns())
    return nlp

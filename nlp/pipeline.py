"""The Danish spaCy pipeline, built once per process (`danish()`).

No trained Danish pipeline installs from PyPI, so this is `spacy.blank("da")`
(tokenizer with Danish abbreviations, stop words) plus:

- `da_sentences`: rule-based sentence starts that know Danish abbreviations
  ("jf.", "pkt.", "mio.") and line breaks (spaCy's `sentencizer` splits after
  "3." in "den 3. juni" and not after "kr." in "2 mio. kr. Det er ...");
- the lookup `lemmatizer` over spacy-lookups-data's `da_lemma_lookup`, then
  `da_lemma_case`: the table is case-sensitive, so a sentence-initial
  "Godkendt" is looked up again in lower case;
- `entity_ruler`: parties (PARTY) and organisations (ORG) from the gazetteers
  in `nlp.names`;
- `da_outcomes`: decision outcomes matched on lemmas (`doc.spans["outcomes"]`,
  labels are `Outcome` values), so inflected and capitalised forms need no
  pattern of their own.

Extension attributes: `Doc._.sections` holds the item's sections as
`(heading, kind, start_char, end_char)`; `nlp.extract` sets it on the Doc
before the pipeline runs, so outcomes are matched in decision sections only.
`Span._.outcomes` lists the outcomes matched inside a span, strongest first.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup

import nlp.lemma_lookup  # noqa: F401 - registers minutes.da_lemma_lookups.v1
from ingest.records import SectionKind
from nlp.names import entity_patterns

_DECIDING = {SectionKind.DECISION, SectionKind.PRIOR_DECISION, SectionKind.HISTORY}
# Abbreviations after which a full stop does not end the sentence (unless "kr." etc. is
# followed by a capitalised word: "... 2 mio. kr. Det er ...").
_ABBREVIATIONS = (
    "jf|ca|mio|mia|mrd|pkt|nr|bl\\.a|f\\.eks|d|pr|evt|vedr|stk|tlf|hhv|ift|mht|dvs|m\\.fl|mm|"
    "inkl|ekskl|min|max|gl|jan|feb|aug|sep|sept|okt|nov|dec|ang|vha|iht|p\\.t|pt|kl|t\\.kr|st|ddr|fx"
)
_SENTENCE_END = re.compile(
    rf"(?<![\wæøå.])(?!(?:{_ABBREVIATIONS})\.)(?:[\wæøåÆØÅ)\]\"'”%]+)[.!?]+[\"'”)]?[ \t]+(?=(?-i:[A-ZÆØÅ\d\"“]))"
    r"|\n\s*(?=\S)",
    re.IGNORECASE,
)

# A flattened page loses the line breaks around a vote's verdict: "Undlod at stemme 2 (T)
# Faldet Borgmesterens forslag blev godkendt." The verdict word is a sentence of its own.
_VERDICT = r"(?:Faldet|Forkastet|Vedtaget|Godkendt|Bortfaldet|Tiltrådt)"
_VERDICT_BREAK = re.compile(
    rf"(?<=[)\d])[ \t]+(?={_VERDICT}\b)|[)\d][ \t]+{_VERDICT}[ \t]+(?=[A-ZÆØÅ])"
)


@Language.component("da_sentences")
def da_sentences(doc: Doc) -> Doc:
    """Sentence starts from the text: after . ! ? before a capital or digit, and after a line break.

    Rule-based like spaCy's sentencizer, but it knows Danish abbreviations ("jf.",
    "pkt.", "mio. kr. i 2026") and line breaks, and it touches only the tokens that
    start a sentence, which keeps it fast on long case descriptions.
    """
    if not len(doc):
        return doc
    text = doc.user_data.get("minutes:text") or doc.text
    offsets = doc.to_array("IDX")
    doc[0].is_sent_start = True
    starts = 0
    for m in (*_SENTENCE_END.finditer(text), *_VERDICT_BREAK.finditer(text)):
        i = int(numpy.searchsorted(offsets, m.end()))
        if 0 < i < len(doc) and offsets[i] == m.end():
            doc[i].is_sent_start = True
            starts += 1
    if not starts and len(doc) > 1:
        doc[1].is_sent_start = False  # one sentence, but annotated as such
    return doc


@Language.factory("da_lemma_case")
def create_lemma_case(nlp: Language, name: str) -> LemmaCase:
    return LemmaCase(nlp)


def _deciding_parts(doc: Doc) -> list[Span]:
    """The parts of an item that may state outcomes: its decision sections, or, where it has
    none, its untitled text too (a beslutningsprotokol prints the decision under the proposal)."""
    sections = doc._.sections
    kinds = _DECIDING
    if not any(kind is SectionKind.DECISION for _, kind, _, _ in sections):
        kinds = _DECIDING | {SectionKind.OTHER}
    return [
        part
        for _, kind, start, end in sections
        if kind in kinds and (part := doc.char_span(start, end, "expand"))
    ]


class LemmaCase:
    """Looks a capitalised word up again in lower case ("Godkendt" -> "godkende")."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.table = None

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            self.table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        sections = doc._.sections
        parts = [doc] if sections is None else _deciding_parts(doc)
        for part in parts:
            for token in part:
                if token.lemma_ == token.text and not token.is_lower:
                    lower = token.lower_
                    token.lemma_ = self.table.get(lower, lower)
        return doc


@Language.factory("da_outcomes")
def create_outcome_matcher(nlp: Language, name: str) -> OutcomeMatcher:
    return OutcomeMatcher(nlp)


class OutcomeMatcher:
    """Marks words that state a decision's outcome; `nlp.decisions` weighs them."""

    def __init__(self, nlp: Language):
        from nlp.outcomes import OUTCOME_PATTERNS

        self.matcher = Matcher(nlp.vocab)
        for outcome, patterns in OUTCOME_PATTERNS.items():
            self.matcher.add(outcome.value, patterns)

    def __call__(self, doc: Doc) -> Doc:
        sections = doc._.sections
        if sections is None:
            spans = list(self.matcher(doc, as_spans=True))
        else:  # an item: only its decision sections state outcomes
            spans = [s for part in _deciding_parts(doc) for s in self.matcher(part, as_spans=True)]
        doc.spans["outcomes"] = SpanGroup(doc, name="outcomes", spans=spans)
        return doc


def _span_outcomes(span: Span) -> list:
    from nlp.decisions import strongest_first

    labels = {
        s.label_
        for s in span.doc.spans.get("outcomes", [])
        if s.start >= span.start and s.end <= span.end
    }
    return strongest_first(labels)


if not Doc.has_extension("sections"):
    Doc.set_extension("sections", default=None)
if not Span.has_extension("outcomes"):
    Span.set_extension("outcomes", getter=_span_outcomes)


@lru_cache(maxsize=1)
def danish() -> Language:
    """The one pipeline of this process; the first call builds it (about a second)."""
    nlp = spacy.blank("da")
    nlp.add_pipe("da_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("da_lemma_case")
    ruler = nlp.add_pipe("entity_ruler")  # phrase patterns on ORTH: case-sensitive
    nlp.add_pipe("da_outcomes")
    # The lemma table from its word files (nlp/lemma_lookup.py), not spaCy's 1.5 s load.
    nlp.config["initialize"]["components"]["lemmatizer"] = {
        "lookups": {"@misc": "minutes.da_lemma_lookups.v1"}
    }
    nlp.initialize()  # clears rulers, so patterns come after
    ruler.add_patterns(entity_patterns())
    return nlp

"""The lemma table from its word files (nlp/lemma_lookup.py) gives what spaCy's own gave, and
a `minutes parse` process goes without what parsing does not use (torch, pymupdf4llm,
onnxruntime) and prints what a parse with all of them prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import nlp.lemma_lookup as lemma_lookup
from ingest import parse_file
from ingest.serialize import document_to_dict
from nlp.extract import extractions_json

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def spacy_table():
    from spacy.lookups import load_lookups

    return load_lookups("da", ["lemma_lookup"]).get_table("lemma_lookup")


@pytest.fixture(scope="module")
def shipped() -> dict[str, str]:
    return lemma_lookup.lemma_dict()


def test_every_form_has_spacys_lemma(tmp_path, spacy_table, shipped, monkeypatch):
    lemma_lookup.write_lemma_files(tmp_path, shipped)
    table = lemma_lookup.LemmaTable(tmp_path)
    assert len(table) == len(spacy_table) == len(shipped)
    monkeypatch.setattr(lemma_lookup, "BULK", 5_000)
    forms = list(shipped)
    # The first lookups search the files, the rest the dict they are read into.
    assert [f for f in forms if table.get(f) != spacy_table.get(f)] == []
    assert table._all is not None
    fresh = lemma_lookup.LemmaTable(tmp_path)  # searched only, on a spread of forms
    sample = forms[::157]
    assert [f for f in sample if fresh.get(f) != spacy_table.get(f)] == []
    assert [f for f in sample if fresh[f] != spacy_table[f]] == []
    assert fresh._all is None


@pytest.mark.parametrize(
    "word", ["", " ", "Godkendt", "GODKENDT", "xyzzyqq", "æøå", "huse\n", "15.00.00", "zzzzzzzz"]
)
def test_odd_and_missing_words_as_spacy(tmp_path_factory, spacy_table, shipped, word):
    path = tmp_path_factory.getbasetemp() / "lemma-files"
    if not (path / "forms" / "words.txt").exists():
        lemma_lookup.write_lemma_files(path, shipped)
    table = lemma_lookup.LemmaTable(path)
    assert table.get(word, "default") == spacy_table.get(word, "default")
    assert (word in table) == (word in spacy_table)
    assert 17 not in table and table.get(17, "x") == "x"


def test_the_pipeline_uses_the_files(spacy_table):
    from nlp.pipeline import danish

    nlp = danish()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert isinstance(table, lemma_lookup.LemmaTable | dict)
    text = "Udvalget godkendte indstillingen. Godkendt. Husene blev solgt til kommunerne."
    lemmas = [t.lemma_ for t in nlp(text)]
    expected = []
    for word in (t.text for t in nlp.make_doc(text)):
        lemma = spacy_table.get(word, word)
        if lemma == word and not word.islower():  # da_lemma_case: again in lower case
            lemma = spacy_table.get(word.lower(), word.lower())
        expected.append(lemma)
    assert lemmas == expected
    assert lemmas[1] == lemmas[4] == "godkende"


def test_an_unwritable_cache_keeps_the_table_in_memory(tmp_path, monkeypatch, shipped):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MINUTES_MODEL_CACHE", str(blocked))
    lemma_lookup.lemma_table.cache_clear()
    try:
        table = lemma_lookup.lemma_table()
        assert table == shipped
    finally:
        lemma_lookup.lemma_table.cache_clear()


# Runs `minutes` and, as it exits, lists the modules it imported on stderr's last line.
WITH_MODULES = (
    "import atexit, json, runpy, sys; "
    "atexit.register(lambda: sys.stderr.write('\\n' + json.dumps("
    "sorted(k for k, v in sys.modules.items() if v is not None)))); "
    "sys.argv = ['minutes', *sys.argv[1:]]; runpy.run_module('cli', run_name='__main__')"
)


def test_a_parse_process_imports_no_torch_and_prints_the_same(randers, tmp_path):
    pdf = randers.minutes["2025-08-12"]
    result = subprocess.run(
        [sys.executable, "-c", WITH_MODULES, "parse", str(pdf), "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = set(json.loads(result.stderr.splitlines()[-1]))
    assert {"spacy", "nlp.lemma_lookup"} <= imported
    assert not {"torch", "pymupdf4llm", "onnxruntime"} & imported

    # In this process spaCy may have torch, and pymupdf4llm its settings: the same document.
    document = parse_file(pdf)
    expected = document_to_dict(document)
    expected["items"] = [
        dict(item, **extraction)
        for item, extraction in zip(expected["items"], extractions_json(document), strict=True)
    ]
    assert json.loads(result.stdout) == json.loads(json.dumps(expected, default=str))


def test_pages_are_read_with_the_settings_pymupdf4llm_made():
    code = (
        "import sys, ingest.pdf_page, pymupdf; "
        "assert 'pymupdf4llm' not in sys.modules or sys.modules['pymupdf4llm'] is None; "
        "print(pymupdf.TOOLS.unset_quad_corrections())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"

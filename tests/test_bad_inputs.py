"""The generated bad-input corpus (tests/bad_inputs.py) through `minutes ingest` and `POST /documents`.

Every file gets a named status of its own, the batch ends with its summary,
and what was indexed before is still there, whole.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from api_server import serve
from bad_inputs import HEAVY, NOTE, READ_AS_WRITTEN, make_bad_corpus, raw_pdf
from typer.testing import CliRunner

from cli import app
from index.embedder import HashEmbedder
from index.filters import SearchFilter
from index.indexer import Indexer
from index.service import MinutesIndex
from index.settings import IndexSettings
from ingest import AngledText, CorruptPDF, parse_bytes
from search_api.app import create_app
from search_api.settings import ApiSettings

KEY = "noegle-til-test"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    return folder, make_bad_corpus(folder)


def snapshot(index: MinutesIndex) -> dict[str, int]:
    """Points per document: what must be left exactly as it was."""
    return index.store.facet("doc_id", SearchFilter(), limit=1000)


def ingested(expected) -> int:
    return sum(1 for e in expected.values() if e.status == "ingested")


def check(results: list[dict], expected) -> None:
    assert [r["source"] for r in results] == list(expected)
    for result in results:
        want = expected[result["source"]]
        assert (result["status"], result.get("code")) == (want.status, want.code), result
        if result["status"] == "failed":
            assert result["reason"].startswith(result["source"] + ": "), result


@pytest.mark.parametrize("count", [b"-1", b"-5", b"2000000000", b"99999", b"2"])
def test_a_lying_page_count_is_a_named_error(count):
    with pytest.raises(CorruptPDF):
        parse_bytes(raw_pdf(count=count), "sidetal.pdf")


def test_text_at_an_angle_is_not_called_blank():
    vertical = raw_pdf(content=b"BT /F1 12 Tf 0 1 -1 0 300 200 Tm (Referat af moedet) Tj ET")
    with pytest.raises(AngledText, match="page 1"):
        parse_bytes(vertical, "lodret.pdf")


def test_utf16_and_mixed_encodings_are_read_as_written():
    for data in (
        b"\xff\xfe" + NOTE.encode("utf-16-le"),
        b"\xfe\xff" + NOTE.encode("utf-16-be"),
        NOTE.encode("utf-16-le"),
    ):
        document = parse_bytes(data, "notat.txt")
        assert "Æblehaven" in document.sections[0].text and "\x00" not in repr(document)
    mixed = NOTE.encode("utf-8") + "\nSøren Ærø skrev det.\n".encode("cp1252")
    text = "\n".join(s.text for s in parse_bytes(mixed, "notat.md").sections)
    assert "Æblehaven" in text and "Søren Ærø" in text


def test_pdfs_read_in_spite_of_their_faults_say_what_they_say(corpus):
    """A huge or inflating image, 0-byte content streams, a font without ToUnicode, loops in
    object streams and cross-reference streams: the text is read, letter for letter."""
    folder, expected = corpus
    for name, words in READ_AS_WRITTEN.items():
        assert expected[name].status == "ingested", name
        document = parse_bytes((folder / name).read_bytes(), name)
        assert words in " ".join(s.text for s in document.sections), name


PEAK = """
import resource, sys, time
sys.path.insert(0, ".")
from ingest import parse_bytes
from ingest.errors import IngestError
data = open(sys.argv[1], "rb").read() if len(sys.argv) > 1 else None
start = time.perf_counter()
if data is not None:
    try:
        parse_bytes(data, sys.argv[1])
    except IngestError:
        pass
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak(*args: Path) -> tuple[float, int]:
    """Seconds of reading and the peak resident memory (kB) of a process that reads `args`."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    seconds, kilobytes = done.stdout.split()
    return float(seconds), int(kilobytes)


def test_huge_images_and_decompression_bombs_cost_neither_memory_nor_time(corpus):
    """Each declares a 20,000 x 20,000 RGB image (1.2 GB decoded; the bombs inflate to it):
    reading one must not come near that."""
    folder, _ = corpus
    _, baseline = peak()
    for name in HEAVY:
        seconds, kilobytes = peak(folder / name)
        assert kilobytes - baseline < 200_000, (
            f"{name}: {kilobytes - baseline} kB over the baseline"
        )
        assert seconds < 10, f"{name}: {seconds:.1f} s"


def test_minutes_ingest_names_every_bad_file_and_keeps_the_rest(
    corpus, tmp_path, monkeypatch, randers_one
):
    folder, expected = corpus
    monkeypatch.setenv("MINUTES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MINUTES_MODEL", "hash")
    runner = CliRunner()
    before = randers_one.minutes["2025-02-04"]
    assert runner.invoke(app, ["ingest", str(before), "--quiet"]).exit_code == 0
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).output)

    paths = [str(folder / name) for name in expected]  # as given: the .xlsx too
    result = runner.invoke(app, ["ingest", *paths, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    check(summary["results"], expected)
    failed = sum(1 for e in expected.values() if e.status == "failed")
    assert (summary["files"], summary["failed"]) == (len(expected), failed)

    human = runner.invoke(app, ["ingest", *paths])  # all unchanged or failed again
    assert human.exit_code == 0 and f"{len(expected)} filer" in human.output
    for name, want in expected.items():
        if want.status == "failed":
            assert f"fejlede {name}:" in human.output, name
    after = json.loads(runner.invoke(app, ["stats", "--json"]).output)
    assert after["documents"] == stats["documents"] + ingested(expected)
    shown = runner.invoke(app, ["show", "2025-02-04-beskaeftigelsesudvalget", "--json"])
    assert shown.exit_code == 0 and len(json.loads(shown.output)) == stats["items"]


def test_upload_names_every_bad_file_and_keeps_the_rest(corpus, tmp_path, randers_one):
    folder, expected = corpus
    settings = ApiSettings(
        MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash", MINUTES_API_KEY=KEY
    )
    index = MinutesIndex(settings, embedder=HashEmbedder())
    index.indexer.ingest_paths([randers_one.minutes["2025-02-04"]])
    before = snapshot(index)
    files = [("files", (name, (folder / name).read_bytes())) for name in expected]
    with serve(create_app(settings, index)) as url, httpx.Client(base_url=url, timeout=120) as c:
        response = c.post("/documents", files=files, headers={"X-API-Key": KEY})
        assert response.status_code == 200, response.text
        check(response.json()["files"], expected)
        assert c.get("/health").status_code == 200  # the connection and the server go on
        after = snapshot(index)
        assert {d: n for d, n in after.items() if d in before} == before
        assert len(after) == len(before) + ingested(expected)


def test_an_unforeseen_error_fails_one_file_and_the_batch_goes_on(tmp_path, randers_one):
    class Faulty(Indexer):
        def units(self, document):
            if document.source == "fejl.md":
                raise KeyError("a bug, not the file's fault")
            return super().units(document)

    settings = IndexSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder())
    try:
        faulty = Faulty(index.store, index.embedder, index.sparse)
        (tmp_path / "fejl.md").write_text(NOTE)
        paths = [tmp_path / "fejl.md", randers_one.minutes["2025-02-04"]]
        first, second = faulty.ingest_paths(paths).results
        assert (first.status, first.code) == ("failed", "internal_error")
        assert "uventet fejl" in first.reason and second.status == "ingested"
    finally:
        index.close()

"""The `minutes` command line: ingest, parse, show, search, case, stats, serve.

Exit codes: 0 ok, 1 a domain error printed as "Error: ...", 2 a usage error.
Human output by default; `--json` for machines. Progress goes to stderr.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

# Model loading draws progress bars of its own; the commands draw theirs on stderr.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
# No pydantic plugins are used; looking for them reads every installed package's entry points.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

app = typer.Typer(
    name="minutes",
    help="Søg i referater fra kommunale udvalg.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _closed_note(title: str, closed: bool) -> str:
    """ " (lukket)" after a closed item's title, unless the title carries its mark already."""
    from ingest.closed import CLOSED_MARK

    return " [red](lukket)[/]" if closed and not CLOSED_MARK.search(title) else ""


def _danish_help_labels() -> None:
    """typer's own words in a help page, in Danish (imported only for --help: ~35 ms)."""
    import typer.rich_utils as labels

    labels.ARGUMENTS_PANEL_TITLE = "Argumenter"
    labels.COMMANDS_PANEL_TITLE = "Kommandoer"
    labels.OPTIONS_PANEL_TITLE = "Tilvalg"
    labels.DEFAULT_STRING = "[standard: {}]"
    labels.ENVVAR_STRING = "[miljøvariabel: {}]"
    labels.REQUIRED_LONG_STRING = "[skal angives]"
    labels.ERRORS_PANEL_TITLE = "Fejl"
    labels.ABORTED_TEXT = "Afbrudt."


if "--help" in sys.argv[1:] or len(sys.argv) == 1:
    _danish_help_labels()


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]Fejl:[/] {escape(message)}")
    raise typer.Exit(code)


def _clip(text: str, length: int) -> str:
    """At most `length` characters, ending in … where the text was cut."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _parsing_only() -> None:
    """For a command that parses and embeds nothing (`parse`, `show FILE`): spaCy imports thinc,
    which imports torch when it is installed (1.4 s) for models this pipeline does not have.
    Marked absent, thinc goes without it; the extraction is the same, by test."""
    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]


@app.command(help="Læs én fil og vis, hvad der blev fundet, uden at indeksere den.")
def parse(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FIL",
            help="Et referat som PDF, tekst- eller markdown-udtræk eller HTML-side fra en "
            "dagsordensportal.",
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Udskriv det læste dokument som JSON.")
    ] = False,
) -> None:
    """Parse one file and print what was found, without indexing it."""
    _parsing_only()
    from ingest import IngestError, parse_file
    from ingest.serialize import document_to_dict

    if not file.is_file():
        fail(f"{file}: filen findes ikke")
    try:
        document = parse_file(file)
    except IngestError as exc:
        fail(str(exc))
    from nlp.extract import extract_meeting_items, with_meeting_absentees

    extractions = extract_meeting_items(document.meeting, document.items)
    data = document_to_dict(with_meeting_absentees(document, extractions))
    data["items"] = [
        dict(item, **extraction.to_json())
        for item, extraction in zip(data["items"], extractions, strict=True)
    ]
    if as_json:
        print_json(data)
        return
    render_document(data)


_KIND_LABELS = {"minutes": "referat", "other": "andet dokument"}


def render_document(data: dict[str, Any]) -> None:
    from nlp.records import outcome_label

    meeting = data.get("meeting")
    kind = _KIND_LABELS.get(data["kind"], data["kind"])
    pages = f"{data['page_count']} {'side' if data['page_count'] == 1 else 'sider'}"
    out.print(f"[bold]{escape(data['title'])}[/]  ({kind}, {pages})")
    if meeting:
        out.print(
            f"{escape(meeting['committee'])} · {meeting['date'] or 'uden dato'} · "
            f"{escape(meeting.get('place') or '')}"
        )
        if meeting["participants"]:
            out.print(f"Deltagere: {escape(', '.join(meeting['participants']))}")
        if meeting["absent"]:
            out.print(f"Fraværende: {escape(', '.join(meeting['absent']))}")
    for item in data["items"]:
        closed = _closed_note(item["title"], item["closed"])
        case = ", ".join(item["case_numbers"]) or "-"
        outcomes = ", ".join(outcome_label(d["outcome"]) for d in item.get("decisions", []))
        out.print(
            f"  [bold]{item['number']:>4}[/] {escape(item['title'])}{closed}  "
            f"[dim]{escape(case)} · s. {item['page_start']}-{item['page_end']}[/]  {outcomes}"
        )
    for section in data["sections"]:
        out.print(
            f"  § {escape(section['heading'] or '(uden overskrift)')}  [dim]s. {section['pages']}[/]"
        )
    for warning in data.get("warnings", []):
        out.print(f"[yellow]Advarsel:[/] {escape(warning)}")


def open_index():
    from index.service import MinutesIndex
    from index.settings import IndexSettings, SettingsError

    try:
        settings = IndexSettings()
    except SettingsError as exc:
        fail(f"ugyldig indstilling: {exc}", 2)
    return MinutesIndex(settings, log=lambda message: err.print(f"[dim]{escape(message)}[/]"))


def _settings():
    from index.settings import IndexSettings

    return IndexSettings()


def _store_errors():
    from index.store import StoreError

    return (StoreError,)


UrlOpt = Annotated[
    str | None,
    typer.Option(
        "--url",
        envvar="MINUTES_URL",
        help="Spørg en kørende `minutes serve` på denne URL (standard: den server, der har "
        "MINUTES_DATA åben, hvis der er en).",
    ),
]


def _server(url: str | None):
    """The server to ask: --url (MINUTES_URL), or the `minutes serve` holding the data folder."""
    from search_api.client import ApiClient, served_url

    if not url:
        from index.settings import IndexSettings, SettingsError

        try:
            settings = IndexSettings()
        except SettingsError:  # open_index says which
            return None
        if settings.qdrant_url:
            return None
        url = served_url(settings.store_dir)
    return ApiClient(url) if url else None


def _asking(client, call, *args):
    """The server's answer; its errors as the CLI's (a bad value is a usage error, 2)."""
    from search_api.client import ClientError

    try:
        return call(*args)
    except ClientError as exc:
        if exc.status == 422 and exc.field:
            fail(f"--{exc.field.replace('_', '-')}: {exc}", 2)
        if exc.status == 404:
            return None
        fail(str(exc))


@app.command(
    help="Indlæs filer: læs dem, udtræk indholdet og indeksér det. Uændrede filer springes "
    "over; filer, der fejler, listes, og resten indlæses.\n\n"
    "En fil erstatter aldrig en anden alene på grund af navnet: et nyt referat af et møde, "
    "der allerede er indekseret, erstatter det gamle, og med --replace erstattes dokumenter "
    "med samme filnavn. Hver erstatning listes."
)
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="STIER",
            help="PDF-, tekst- eller HTML-filer, eller mapper, der gennemsøges for dem.",
        ),
    ],
    url: Annotated[
        str | None,
        typer.Option(help="Send i stedet filerne til en kørende `minutes serve` på denne URL."),
    ] = None,
    api_key: Annotated[
        str | None, typer.Option(envvar="MINUTES_API_KEY", help="Skrivenøgle til --url.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Vis ingen fremdriftslinje.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Udskriv opsummeringen som JSON.")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Erstat indekserede dokumenter med samme filnavn (et nyt referat af et møde "
            "erstatter under alle omstændigheder det gamle).",
        ),
    ] = False,
) -> None:
    """Parse, extract and index files. Unchanged files are skipped; failures are listed and the rest go on.

    A file never replaces another for its name alone: new minutes of a meeting already
    indexed replace those, and --replace replaces documents of the same name. Each
    replacement is listed.
    """
    from index.indexer import expand_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"filen eller mappen findes ikke: {', '.join(map(str, missing))}", 2)
    files = expand_paths(paths)
    if not files:
        fail("ingen PDF-, tekst- eller HTML-filer fundet", 1)
    if url:
        summary = _ingest_remote(files, url, api_key, replace)
    else:
        summary = _ingest_local(files, quiet or as_json, replace)
    if as_json:
        print_json(summary)
    else:
        _print_summary(summary)
    if summary["failed"] and summary["failed"] == summary["files"]:
        raise typer.Exit(1)


def _ingest_local(files: list[Path], quiet: bool, replace: bool) -> dict[str, Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    index = open_index()
    try:
        indexer = index.indexer
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=True,
        ) as progress:
            task = progress.add_task("Indlæser", total=len(files))

            def advance(path: Path, result) -> None:
                progress.update(task, advance=1, description=f"Indlæser {path.name[:40]}")

            summary = indexer.ingest_paths(files, on_file=advance, replace=replace)
        return summary.as_dict()
    except _store_errors() as exc:
        fail(str(exc))
    finally:
        index.close()


def _ingest_remote(
    files: list[Path], url: str, api_key: str | None, replace: bool
) -> dict[str, Any]:
    from search_api.client import ApiClient, ClientError

    results = []
    with ApiClient(url, api_key or "") as client:
        for path in files:
            try:
                response = client.upload(path, replace)
            except ClientError as exc:
                fail(str(exc))
            if response.status_code in (401, 403):
                fail(f"{url} afviste skrivenøglen ({response.status_code}); sæt MINUTES_API_KEY")
            if response.status_code >= 400:
                results.append(
                    {
                        "source": path.name,
                        "status": "failed",
                        "reason": _error_message(response),
                    }
                )
                continue
            results.extend(response.json()["files"])
    count = lambda status: sum(1 for r in results if r["status"] == status)  # noqa: E731
    return {
        "files": len(results),
        "ingested": count("ingested"),
        "unchanged": count("unchanged"),
        "failed": count("failed"),
        "replaced": sum(len(r.get("replaced", ())) for r in results),
        "meetings": sum(r.get("meetings", 0) for r in results),
        "items": sum(r.get("items", 0) for r in results),
        "chunks": sum(r.get("chunks", 0) for r in results),
        "cpr_redacted": sum(r.get("cpr_redacted", 0) for r in results),
        "results": results,
    }


def _error_message(response) -> str:
    """The message of the API's error shape {"error": {"status", "message", "field"}}, or the body."""
    try:
        return str(response.json()["error"]["message"])
    except (ValueError, KeyError, TypeError):
        return response.text[:500]


_WHY_REPLACED = {"same_meeting": "samme møde", "same_name": "samme filnavn, --replace"}


def _print_summary(summary: dict[str, Any]) -> None:
    out.print(
        f"{summary['files']} filer: {summary['ingested']} indekseret, {summary['unchanged']} uændrede, "
        f"{summary['failed']} fejlede, {summary.get('replaced', 0)} erstattet · "
        f"{summary['meetings']} møder, {summary['items']} punkter, {summary['chunks']} chunks · "
        f"{summary['cpr_redacted']} CPR-numre fjernet"
    )
    for result in summary["results"]:
        if result["status"] == "failed":
            out.print(f"  [red]fejlede[/] {escape(result['reason'] or result['source'])}")
        elif result.get("reason"):
            out.print(f"  [dim]uændret[/] {escape(result['source'])}: {escape(result['reason'])}")
        for old in result.get("replaced", ()):
            why = _WHY_REPLACED.get(old["why"], old["why"])
            out.print(
                f"  [yellow]erstattede[/] {escape(old['source'])} ({old['doc_id']}) "
                f"med {escape(result['source'])} ({why})"
            )


def _matching(values: Iterable[str], incomplete: str) -> list[str]:
    """Completions: the values starting with what was typed, in any case, completed from it
    ("besk" -> "beskæftigelsesudvalget": filters take any case, and the shell keeps only
    what starts with what was typed). Bash inserts a completion as it is: a space escaped."""
    typed = incomplete.lower()
    found = [incomplete + v[len(incomplete) :] for v in values if v.lower().startswith(typed)]
    if os.environ.get("_MINUTES_COMPLETE", "").startswith("complete_bash"):
        return [v.replace(" ", "\\ ") for v in found]
    return found


def _complete_committee(incomplete: str) -> list[str]:
    """The committees of the index, asked of a running server when one holds it."""
    try:
        client = _server(os.environ.get("MINUTES_URL"))
        if client is not None:
            with client:
                found = client.search({"q": "", "limit": 1})["facets"].get("committee", {})
        else:
            from index.filters import SearchFilter

            settings = _settings()
            if not settings.qdrant_url and not (settings.store_dir / "shard").exists():
                return []  # no index here: none is made for a completion
            index = open_index()
            try:
                found = index.store.facet("committee", SearchFilter(), limit=1000)
            finally:
                index.close()
    except Exception:  # no index yet, a locked one, a server gone: nothing to offer
        return []
    return _matching(sorted(found), incomplete)


def _complete_decision(incomplete: str) -> list[str]:
    from nlp.records import Outcome

    return _matching([o.value for o in Outcome], incomplete)


def _choices(*values: str):
    return lambda incomplete: _matching(values, incomplete)


CommitteeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--committee",
        help="Udvalgets navn, fx Beskæftigelsesudvalget (kan gentages).",
        autocompletion=_complete_committee,
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Møder fra og med denne dato: 2025-08-12, 12-08-2025, 12.08.2025 eller "
        "12. august 2025.",
    ),
]
ToOpt = Annotated[
    str | None, typer.Option("--to", help="Møder til og med denne dato (skrives som ved --from).")
]
CaseOpt = Annotated[
    str | None,
    typer.Option("--case", help="Et sagsnummer eller en KLE-gruppe som 15.00.00 eller 15."),
]
DecisionOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--decision",
        help="Beslutningens udfald: godkendt, taget til efterretning, drøftet, udsat, afvist, "
        "indstillet, besluttet, orientering eller lukket punkt – eller koden: approved, noted, "
        "discussed, postponed, rejected, recommended, decided, information, closed "
        "(kan gentages).",
        autocompletion=_complete_decision,
    ),
]
PersonOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--person",
        help="En person, der er nævnt i punktet: fx 'Claus Berggren (V)' eller blot efternavnet, "
        "med store eller små bogstaver (kan gentages).",
    ),
]
RoleOpt = Annotated[
    str | None,
    typer.Option(
        "--person-role",
        help="Afgræns --person: present (til stede), absent (fraværende), voted_for (stemte for), "
        "voted_against (stemte imod). absent uden --person: punkter, hvor nogen var fraværende.",
        autocompletion=_choices("present", "absent", "voted_for", "voted_against"),
    ),
]
PartyOpt = Annotated[
    list[str] | None,
    typer.Option("--party", help="Partiets navn eller bogstav, fx Venstre eller V (kan gentages)."),
]
PartyRoleOpt = Annotated[
    str | None,
    typer.Option(
        "--party-role",
        help="Afgræns --party: voted_for (stemte for), voted_against (stemte imod).",
        autocompletion=_choices("voted_for", "voted_against"),
    ),
]
VotedOpt = Annotated[
    bool | None,
    typer.Option("--voted/--not-voted", help="Kun punkter med (eller uden) en afstemning."),
]
AbsenceOpt = Annotated[
    bool | None,
    typer.Option(
        "--absence/--no-absence", help="Kun punkter, hvor nogen (eller ingen) var fraværende."
    ),
]
HasAmountOpt = Annotated[
    bool | None,
    typer.Option(
        "--has-amount/--no-amount", help="Kun punkter, der nævner (eller ikke nævner) et beløb."
    ),
]
MinOpt = Annotated[
    str | None,
    typer.Option(
        "--min-amount",
        help="Kun punkter, der nævner et beløb på mindst så mange kroner, fx 1000000, 1.000.000, "
        "1 mio. eller 2,5 mio. kr.",
    ),
]
MaxOpt = Annotated[
    str | None,
    typer.Option(
        "--max-amount",
        help="Kun punkter, der nævner et beløb på højst så mange kroner (skrives som ved "
        "--min-amount).",
    ),
]
KindOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        help="minutes (referater) eller other (baggrundsdokumenter).",
        autocompletion=_choices("minutes", "other"),
    ),
]


@app.command(help="Søg i indekset: de bedste punkter først, med uddrag og sider at citere.")
def search(
    query: Annotated[
        str,
        typer.Argument(
            metavar="SØGNING",
            help="Det, du leder efter, med dine egne ord. Kan være tom, når der bruges filtre.",
        ),
    ] = "",
    committee: CommitteeOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    case: CaseOpt = None,
    decision: DecisionOpt = None,
    person: PersonOpt = None,
    person_role: RoleOpt = None,
    party: PartyOpt = None,
    party_role: PartyRoleOpt = None,
    voted: VotedOpt = None,
    absence: AbsenceOpt = None,
    has_amount: HasAmountOpt = None,
    min_amount: MinOpt = None,
    max_amount: MaxOpt = None,
    kind: KindOpt = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Antal punkter.")] = 10,
    offset: Annotated[
        int, typer.Option(min=0, max=10_000, help="Spring så mange punkter over.")
    ] = 0,
    mode: Annotated[
        str,
        typer.Option(
            help="Søgemåde: hybrid (betydning og ord), dense (kun betydning) eller sparse (kun ord).",
            autocompletion=_choices("hybrid", "dense", "sparse"),
        ),
    ] = "hybrid",
    as_json: Annotated[
        bool, typer.Option("--json", help="Udskriv resultater, antal i alt og facetter som JSON.")
    ] = False,
    as_jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Ét JSON-objekt pr. resultat, ét pr. linje – til pipes.")
    ] = False,
    as_csv: Annotated[
        bool,
        typer.Option(
            "--csv",
            help="CSV til danske regneark (';', UTF-8 med BOM) med samme kolonner som API'ets "
            "/export.",
        ),
    ] = False,
    open_source: Annotated[
        bool,
        typer.Option(
            "--open",
            help="Åbn det første resultats kilde-PDF på den citerede side (eller vis linket); "
            "med --offset et senere resultat.",
        ),
    ] = False,
    url: UrlOpt = None,
) -> None:
    """Search the index: the best items first, with a snippet and the pages to cite."""
    from dataclasses import replace

    from index.filter_input import FilterError, build_filter, resolve_committees, resolve_persons
    from index.filters import SearchFilter
    from index.search import MODES

    if mode not in MODES:
        fail(f"--mode: brug en af {', '.join(MODES)}", 2)
    if as_json + as_jsonl + as_csv > 1:
        fail("--json, --jsonl, --csv: brug kun én af dem", 2)
    output = "json" if as_json else "jsonl" if as_jsonl else "csv" if as_csv else "text"
    try:
        flt = build_filter(
            committee=committee,
            date_from=date_from,
            date_to=date_to,
            case=case,
            decision=decision,
            person=person,
            person_role=person_role,
            party=party,
            party_role=party_role,
            voted=voted,
            absence=absence,
            has_amount=has_amount,
            min_amount=min_amount,
            max_amount=max_amount,
            kind=kind,
        )
    except FilterError as exc:
        fail(f"--{exc.field.replace('_', '-')}: {exc.message}", 2)
    if len(query) > 1000:
        fail("søgningen er længere end 1000 tegn", 2)
    if (client := _server(url)) is not None:
        with client:
            params = {
                "q": query, "committee": committee, "from": date_from, "to": date_to,
                "case": case, "decision": decision, "person": person,
                "person_role": person_role, "party": party, "party_role": party_role,
                "voted": voted, "absence": absence, "has_amount": has_amount,
                "min_amount": min_amount, "max_amount": max_amount,
                "kind": kind, "limit": limit, "offset": offset, "mode": mode,
            }  # fmt: skip
            response = _response_of(_asking(client, client.search, params))
            rows = _csv(response, client.url, _server_records(client)) if as_csv else None
            link = _server_link(client, response) if open_source else None
        _print_search(response, output, offset, rows)
        if open_source:
            _open_source(response, link)
        return
    index = open_index()
    try:
        if flt.committees:  # as the index spells them, so "beskæftigelsesudvalget" finds it
            indexed = index.store.facet("committee", SearchFilter(), limit=1000)
            flt = replace(flt, committees=resolve_committees(flt.committees, indexed))
        if flt.persons:  # any case, a surname, "Claus Berggren (V)": as the index spells them
            named = index.store.facet("persons", SearchFilter(), limit=100_000)
            flt = replace(flt, persons=resolve_persons(flt.persons, named))
        # Facets only where they are printed (--json): at 100k chunks they are 0.4 s of a search.
        response = index.searcher.search(
            query, flt, limit=limit, offset=offset, mode=mode, facets=output == "json"
        )
        if as_csv:  # links to the kept files, as `--open` opens them
            local = replace(
                response,
                results=[
                    replace(r, source_url=_local_link(index, r) or "") for r in response.results
                ],
            )
            rows = _csv(local, "", _local_records(index))
        else:
            rows = None
        link = _local_link(index, response.results[0]) if open_source and response.results else None
    except FilterError as exc:
        fail(f"--{exc.field.replace('_', '-')}: {exc.message}", 2)
    except _store_errors() as exc:
        fail(str(exc))
    finally:
        index.close()
    _print_search(response, output, offset, rows)
    if open_source:
        _open_source(response, link)


def _response_of(data: dict):
    """A server's search page as the SearchResponse a local search gives."""
    from dataclasses import fields

    from index.search import SearchResponse, SearchResult

    names = [f.name for f in fields(SearchResult)]
    results = [SearchResult(**{n: r.get(n) for n in names}) for r in data["results"]]
    rest = {f.name: data[f.name] for f in fields(SearchResponse) if f.name in data}
    return SearchResponse(**(rest | {"results": results}))


def _print_search(response, output: str, offset: int, csv_rows: str | None) -> None:
    if output == "json":
        print_json(response.as_dict())
    elif output == "jsonl":
        for result in response.results:
            sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
    elif output == "csv":
        sys.stdout.write(csv_rows or "")
    else:
        _print_results(response, offset)


def _csv(response, base_url: str, records) -> str:
    """The results as the API's /export writes them (`search_api.feeds`)."""
    from search_api.feeds import csv_rows

    return "".join(csv_rows(response.results, records, base_url))


def _local_records(index):
    from index.filters import SearchFilter

    def records(ids) -> dict[str, dict[str, Any]]:
        found = index.searcher.records(SearchFilter(item_ids=tuple(ids)))
        return {r["id"]: r for r in found if "id" in r}

    return records


def _server_records(client):
    def records(ids) -> dict[str, dict[str, Any]]:
        found = {i: _asking(client, client.item, i) for i in ids}
        return {i: r for i, r in found.items() if r}

    return records


def _local_link(index, result) -> str | None:
    """file://…#page=N: the kept original of the hit's document at the cited page (the page of
    its `source_url`, none for a closed item); None when no original was kept."""
    from index.filters import SearchFilter

    title = SearchFilter(document_ids=(result.doc_id,), chunk_types=("title",))
    hits = list(index.store.scroll(title, limit=1))
    name = hits[0].payload.get("file") if hits else None
    path = index.files.path(name) if name else None
    if path is None:
        return None
    fragment = result.source_url.partition("#")[2]
    return path.resolve().as_uri() + (f"#{fragment}" if fragment else "")


def _server_link(client, response) -> str | None:
    return client.url + response.results[0].source_url if response.results else None


def _open_source(response, link: str | None) -> None:
    """Open the link in a browser (its PDF viewer opens #page=N), or say where it is."""
    if not response.results:
        return
    if link is None:
        err.print(
            "Kilden er ikke gemt for dette dokument (indekseret før filer blev gemt, eller "
            "originalen rummer CPR-numre)."
        )
        return
    import webbrowser

    opened = webbrowser.open(link)
    err.print(f"{'Åbner' if opened else 'Ingen browser fundet; kilden'}: {link}")


def _print_results(response, offset: int = 0) -> None:
    """One or two lines a hit: meeting, item, title, outcome and pages, then the snippet with
    its matched words. On a terminal each line is fitted to its width, ending in … where cut;
    in a pipe lines are whole."""
    if not response.results:
        out.print("Ingen resultater." if not response.total else "Ingen punkter på denne side.")
        return
    count = f"{response.total} {'punkt' if response.total == 1 else 'punkter'}"
    out.print(count if response.total_exact else f"mindst {count}", style="bold")
    width = out.width if out.is_terminal else None
    for rank, r in enumerate(response.results, offset + 1):
        out.print(_hit_line(rank, r, width))
        if r.snippet.strip():
            out.print(_snippet_line(r.snippet, r.highlights, width))
    if out.is_terminal:
        from rich.text import Text

        hint = Text(f"Hele punktet: minutes show {response.results[0].item_id}", style="dim")
        hint.truncate(out.width, overflow="ellipsis")
        out.print(hint)


def _hit_line(rank: int, r, width: int | None):
    """Date, committee, item, title, outcome, pages. Fitted to `width`, the title gives way
    first (to 10 characters), then the outcome, so the pages stay in sight."""
    from rich.text import Text

    from nlp.records import outcome_label

    head = Text()
    head.append(f"{rank:>2}. ", style="dim")
    head.append(r.meeting_date or "uden dato", style="bold")
    head.append(f"  {r.committee or '(baggrund)'}", style="cyan")
    if r.item_number is not None:
        head.append(f"  pkt. {r.item_number}")
    head.append("  ")
    room = head.cell_len
    head.append(" ".join(r.title.split()), style="bold")
    outcome = Text()
    if r.outcomes:
        outcome.append("  " + ", ".join(map(outcome_label, r.outcomes)), style="green")
    if r.closed:
        outcome.append("  lukket", style="red")
    pages = Text("  s. " + ", ".join(map(str, r.pages)) if r.pages else "", style="dim")
    if width is not None:
        room_left = width - pages.cell_len
        if head.cell_len + outcome.cell_len > room_left:
            head.truncate(max(room_left - outcome.cell_len, room + 10), overflow="ellipsis")
        if head.cell_len + outcome.cell_len > room_left:
            if room_left - head.cell_len < 6:
                outcome = Text()
            else:
                outcome.truncate(room_left - head.cell_len, overflow="ellipsis")
    line = head + outcome + pages
    if width is not None:
        line.truncate(width, overflow="ellipsis")
    return line


def _snippet_line(snippet: str, highlights, width: int | None):
    """The snippet on one line, its matched words marked; on a terminal cut to `width`, from a
    little before the first matched word when that would fall beyond it."""

    from rich.text import Text

    def flat(part: str) -> str:
        return re.sub(r"\s+", " ", part)

    line = Text()
    done = 0
    for start, end in sorted(map(tuple, highlights)):
        if start < done:
            continue
        line.append(flat(snippet[done:start]))
        line.append(flat(snippet[start:end]), style="bold yellow")
        done = end
    line.append(flat(snippet[done:]).rstrip())
    indent = Text("    ")
    if width is not None:
        first = line.spans[0].start if line.spans else 0
        if first > width - len(indent) - 30:  # the first match would be (nearly) out of sight
            cut = line.plain.find(" ", first - 30, first)
            line = Text("…") + line[cut if cut >= 0 else first - 20 :]
        line = indent + line
        line.truncate(width, overflow="ellipsis")
        return line
    return indent + line


@app.command(
    help="Følg en sag gennem møderne, ældste behandling først, med beslutningerne og "
    "tidligere beslutninger citeret."
)
def case(
    case_number: Annotated[
        str,
        typer.Argument(
            metavar="SAGSNUMMER", help="Et sagsnummer, fx 15.00.00-G01-5-25 eller EMN-2025-008579."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Udskriv sagsforløbet som JSON.")] = False,
    url: UrlOpt = None,
) -> None:
    """Follow a case across meetings, oldest first, with decisions and earlier decisions quoted."""
    from index.search import MIN_CASE_CHARS

    if len(case_number.strip()) < MIN_CASE_CHARS:
        fail(f"et sagsnummer eller en KLE-gruppe har mindst {MIN_CASE_CHARS} tegn", 2)
    if (client := _server(url)) is not None:
        with client:
            timeline = _asking(client, client.case, case_number.strip())
        records = timeline["items"] if timeline else []
    else:
        index = open_index()
        try:
            records = index.searcher.case_timeline(case_number.strip())
        except _store_errors() as exc:
            fail(str(exc))
        finally:
            index.close()
    if not records:
        fail(f"ingen punkter med sagsnummer {case_number}")
    if as_json:
        print_json({"case_number": case_number, "items": records})
        return
    out.print(f"[bold]Sag {escape(case_number)}[/]: {len(records)} behandlinger")
    from nlp.records import outcome_label

    for r in records:
        meeting = r.get("meeting") or {}
        outcomes = ", ".join(outcome_label(d["outcome"]) for d in r.get("decisions", []))
        out.print(
            f"\n[bold]{meeting.get('date', '')}[/] {escape(meeting.get('committee', ''))}, punkt {r['number']}: {escape(r['title'])}"
        )
        out.print(
            f"  Beslutning: {outcomes or '-'} · s. {r['page_start']}-{r['page_end']} · {escape(r['source'])}"
        )
        out.print(f"  [dim]{escape(r['id'])}[/]")
        for d in r.get("decisions", []):
            out.print(f"  [dim]{escape(_clip(d['text'], 200))}[/]")
        for p in r.get("prior_decisions", []):
            out.print(
                f"  Tidligere: {escape(p.get('body') or '')} {p.get('date') or ''}, punkt {p.get('item') or '?'}: {escape(_clip(p['text'], 160))}"
            )


@app.command(help="Vis et punkt eller et helt møde i læsbar form.")
def show(
    target: Annotated[
        str,
        typer.Argument(
            metavar="ID_ELLER_FIL",
            help="Et punkt-id (randers-2025-08-12-beskaeftigelsesudvalget-punkt-74; ældre id'er "
            "som 2025-08-12-beskaeftigelsesudvalget#74 virker også), et møde-id "
            "(randers-2025-08-12-beskaeftigelsesudvalget) eller en fil, der skal læses.",
        ),
    ],
    item: Annotated[
        int | None, typer.Option(help="Med en fil: vis kun punktet med dette nummer.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Udskriv som JSON.")] = False,
    url: UrlOpt = None,
) -> None:
    """Show an item or a meeting as a person reads it."""
    path = Path(target)
    if path.is_file():
        _parsing_only()
        from ingest import IngestError, parse_file
        from ingest.serialize import document_to_dict

        try:
            document = parse_file(path)
        except IngestError as exc:
            fail(str(exc))
        from nlp.extract import extractions_json

        data = document_to_dict(document)
        records = [
            dict(d, **extraction)
            for d, extraction in zip(data["items"], extractions_json(document), strict=True)
        ]
        for r in records:
            r["meeting"] = data["meeting"]
            r["source"] = data["source"]
        if item is not None:
            records = [r for r in records if r["number"] == item]
            if not records:
                fail(f"{path.name} har intet punkt {item}")
        if not records:
            render_document(data)
            return
    elif (client := _server(url)) is not None:
        with client:
            # An item, or else a meeting and its items (ids of before are redirected).
            found = _asking(client, client.item, target)
            if found is not None:
                records = [found]
            else:
                meeting = _asking(client, client.meeting, target) or {"items": []}
                records = [_asking(client, client.item, i["id"]) for i in meeting["items"]]
        if not records:
            fail(f"intet punkt eller møde '{target}' i indekset (se `minutes search`)")
        records.sort(key=lambda r: r["number"])
    else:
        index = open_index()
        try:
            from index.lookup import ambiguity

            # An item or a meeting, by its id or an id of before ("…#74", "…%2374").
            found = index.searcher.find_item(target)
            if not found.ids:
                found = index.searcher.find_meeting(target)
        except _store_errors() as exc:
            fail(str(exc))
        finally:
            index.close()
        if found.ambiguous:
            fail(ambiguity(target, found))
        records = found.records
        if not records:
            fail(f"intet punkt eller møde '{target}' i indekset (se `minutes search`)")
        records.sort(key=lambda r: r["number"])
    if as_json:
        print_json(records if len(records) > 1 else records[0])
        return
    for record in records:
        render_item(record)


def render_item(r: dict[str, Any]) -> None:
    from rich.rule import Rule

    from nlp.records import outcome_label

    meeting = r.get("meeting") or {}
    out.print(Rule())
    out.print(
        f"[bold]Punkt {r['number']}: {escape(r['title'])}[/]"
        + _closed_note(r["title"], r["closed"])
    )
    out.print(
        f"{escape(meeting.get('committee', ''))} · {meeting.get('date', '')} · "
        f"sag {escape(', '.join(r['case_numbers']) or '-')} · s. {r['page_start']}-{r['page_end']} · {escape(r.get('source', ''))}"
    )
    out.print(f"[dim]{escape(r['id'])}[/]")
    for d in r.get("decisions", []):
        out.print(
            f"[green]Beslutning {d['point'] or ''}: {outcome_label(d['outcome'])}[/] – "
            f"{escape(_clip(d['text'], 200))}"
        )
    for v in r.get("votes", []):
        out.print(f"Afstemning: for {v['for']}, imod {v['against']}, undlod {v['abstain']}")
    if r.get("absent"):
        out.print(f"Fraværende: {escape(', '.join(r['absent']))}")
    for section in r["sections"]:
        out.print(
            f"\n[bold underline]{escape(section['heading'] or '')}[/] [dim]s. {', '.join(map(str, section['pages']))}[/]"
        )
        out.print(escape(section["text"]))
    if r.get("attachments"):
        out.print("\n[bold]Bilag[/]: " + escape("; ".join(r["attachments"])))


@app.command(
    help="Vis, hvad der er indekseret: dokumenter, møder, punkter, chunks, modellen bag "
    "indekset og pladsforbruget på disken."
)
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Udskriv som JSON.")] = False,
    url: UrlOpt = None,
) -> None:
    """What is indexed: documents, meetings, items, chunks, the model that built it, the size on disk."""
    if (client := _server(url)) is not None:
        with client:
            data = _asking(client, client.stats)
        # The server does not tell where its index is: the folder it holds, or its URL.
        store = client.url if url else str(_settings().store_dir)
        data = {k: (store if k == "store" else v) for k, v in data.items()}
    else:
        from index.stats import index_stats

        index = open_index()
        try:
            data = index_stats(index)
        except _store_errors() as exc:
            fail(str(exc))
        finally:
            index.close()
    if as_json:
        print_json(data)
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{_STATS_VALUES.get(k, k)} {n}" for k, n in value.items())
        elif key == "size_bytes":
            value = f"{value / 1e6:,.0f} MB".replace(",", ".")
        out.print(f"{_STATS_LABELS.get(key, key):>16}: {escape(str(value))}")


# `minutes stats` in Danish; --json keeps the API's keys.
_STATS_LABELS = {
    "engine": "søgemaskine",
    "store": "indeks",
    "model": "model",
    "dimension": "dimension",
    "documents": "dokumenter",
    "meetings": "møder",
    "items": "punkter",
    "chunks": "tekststykker",
    "kinds": "slags",
    "committees": "udvalg",
    "size_bytes": "størrelse",
}
_STATS_VALUES = {"minutes": "referater", "other": "andre dokumenter"}


@app.command(help="Kør HTTP-API'et og websiden med uvicorn; serveren holder indekset åbent.")
def serve(
    host: Annotated[
        str | None,
        typer.Option(help="Adressen, serveren lytter på (MINUTES_HOST, standard 127.0.0.1)."),
    ] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Porten (MINUTES_PORT, standard 8000).")
    ] = None,
) -> None:
    """Serve the HTTP API and the web page with uvicorn, holding the index."""
    import uvicorn

    from index.settings import SettingsError
    from index.store import StoreError
    from search_api.app import create_app
    from search_api.settings import ApiSettings

    try:
        settings = ApiSettings()
    except SettingsError as exc:
        fail(f"ugyldig indstilling: {exc}", 2)
    if host:
        settings.host = host
    if port:
        settings.port = port
    url = f"http://{settings.host}:{settings.port}/"
    try:
        application = create_app(settings, on_ready=lambda: _ready(settings, url))
        application.state.index.store  # noqa: B018 - take the store's lock now, fail before binding the port
        application.state.index.embedder.serve_concurrently()
    except StoreError as exc:
        fail(str(exc))
    # The query's embedding runs in a worker thread beside searches on the event loop, and
    # needs the GIL back when it is done: after 1 ms instead of Python's 5 the embedding took
    # 11 ms under 8 clients at 100k chunks against 15 (bench/api_load.py, docs/BENCHMARKS.md).
    sys.setswitchinterval(0.001)
    # Building HNSW for what an ingest left unindexed can take minutes at 100k chunks.
    err.print(f"minutes: åbner {settings.data_dir} (søgeindeks, derefter opvarmning) …")
    try:
        uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning")
    finally:
        from search_api.client import withdraw

        if not settings.qdrant_url:
            withdraw(settings.store_dir)


def _ready(settings, url: str) -> None:
    """Warm: what start-up built lives as long as the server, so the garbage collector is
    told to leave it be, and the server says it is serving."""
    import gc

    # The model and the index's cached candidate fields (an entry a chunk) would otherwise be
    # walked by every full collection: at 100k chunks a stall of 0.1-0.7 s of every request
    # under way (bench/api_load.py, docs/BENCHMARKS.md).
    gc.collect()
    gc.freeze()
    _serving(settings, url)


def _serving(settings, url: str) -> None:
    """Ready: tell the user, and tell other `minutes` commands where to ask (server.json)."""
    from search_api.client import announce

    if not settings.qdrant_url:
        host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
        announce(settings.store_dir, f"http://{host}:{settings.port}")
    err.print(f"minutes: serverer {settings.data_dir} på {url}")


if __name__ == "__main__":
    app(prog_name="minutes")  # `python -m cli` is `minutes` too, for completion's _MINUTES_COMPLETE

"""Danish language processing for minutes: a blank spaCy pipeline with our own components.

spaCy's package imports its whole command line (typer apps, weasel, httpx, jinja2: about 40%
of `import spacy`, 0.2-0.6 s) only to offer `spacy.info`, which nothing here calls. A module
standing in for `spacy.cli` keeps that import out of every process that reads minutes.
"""

from __future__ import annotations

import sys
import types


def _spacy_without_its_command_line() -> None:
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli", "Not loaded by minutes: run `python -m spacy` instead.")
    info = types.ModuleType("spacy.cli.info")

    def unavailable(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("spaCy's command line is not loaded in a minutes process")

    info.info = unavailable  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


_spacy_without_its_command_line()

"""Danish messages for the request errors FastAPI finds itself (a bad number, a missing field).

The API's own errors are written in Danish where they are raised; these are
pydantic's, put into Danish by their type. The type itself goes out as the
machine `code` beside the message.
"""

from __future__ import annotations

from typing import Any

_MESSAGES = {
    "missing": "mangler",
    "int_parsing": "skal være et heltal",
    "int_type": "skal være et heltal",
    "float_parsing": "skal være et tal",
    "bool_parsing": "skal være true eller false",
    "bool_type": "skal være true eller false",
    "string_type": "skal være tekst",
    "list_type": "skal være en liste",
    "greater_than_equal": "skal være mindst {ge}",
    "greater_than": "skal være større end {gt}",
    "less_than_equal": "må højst være {le}",
    "less_than": "skal være mindre end {lt}",
    "string_too_long": "må højst være {max_length} tegn",
    "string_too_short": "skal være mindst {min_length} tegn",
    "string_pattern_mismatch": "har ikke en gyldig form",
    "enum": "skal være en af {expected}",
    "literal_error": "skal være en af {expected}",
}


def validation_message(error: dict[str, Any], field: str | None) -> str:
    """'limit: må højst være 100' for pydantic's error of that kind; its own text otherwise."""
    template = _MESSAGES.get(str(error.get("type")))
    try:
        text = template.format(**(error.get("ctx") or {})) if template else str(error.get("msg"))
    except (KeyError, IndexError):
        text = str(error.get("msg"))
    return f"{field}: {text}" if field else text

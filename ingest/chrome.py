"""Portal chrome: the buttons, banners and links a minutes web page wraps around the minutes.

Text copied from a portal (or read from its HTML) carries lines such as "Udskriv",
"Til toppen", "Se alle bilag", a cookie banner, or a title glued to "Klik her for
at folde ud og læse mere om <titel>". None of it is minutes text: lines that are
nothing but chrome are dropped, and chrome glued to a title is cut off.
"""

from __future__ import annotations

import re

_CHROME_LINE = re.compile(
    r"^[\s•·▪*\-]*(?:"
    r"udskriv(?: hele dagsorden(?:en)?| hele dagsordnen| punkt| referat(?:et)?)?|print|"
    r"til toppen|tilbage til toppen|til top|til indholdsfortegnelse(?:en)?|tilbage til indholdsfortegnelse(?:n)?|se alle bilag|vis alle bilag|skjul bilag|"
    r"få siden oplæst|læs højt|søg|del(?: siden)?|del på \w+|luk|åbn alle|fold (?:alle )?ud|fold alle punkter(?: \[?ud\]?)?(?: \[?ind\]?)?|"
    r"klik her for at folde ud.*|hent som (?:fil|pdf)|download(?: som)? pdf|gå til indhold|"
    r"spring til indhold|se video|se dagsorden(?:en)?|abonnér|abonner|"
    r"se vores \"?cookiepolitik\"?\.?|cookie(?:s|politik)?|accepter(?: alle)?(?: cookies)?|"
    r"nej tak(?: til cookies)?|ok|menu|forside|vis mere|vis mindre|læs mere|top|vælg|"
    r"(?:åbn|vis|fold)\s*/\s*(?:luk|skjul|fold)(?: punkt| sag| alle)?|application/[\w.+-]+ icon\b.*|"
    # a blog's comment form under the minutes
    r"kopier link til punktet(?:\s*-\s*print)?|"
    r"skriv et svar|efterlad et svar|efterlad en kommentar|annuller svar|"
    r"din e-?mail-?adresse vil ikke blive publiceret\..*|krævede felter er markeret med.*|"
    r"gem mit navn, min e-?mail.*|"
    # a page-flip viewer's footer on every page
    r"made with flippingbook.*|lavet med flippingbook.*"
    r")[\s.:*]*$",
    re.IGNORECASE,
)
_COOKIE_BANNER = re.compile(
    r"\b(?:vi|siden|hjemmesiden) bruger cookies\b|\bcookie-?(?:politik|indstillinger|samtykke)\b",
    re.IGNORECASE,
)
# A title glued to a fold-out button: "Godkendelse af dagsordenKlik her for at folde ud …".
# "… Solrød KommuneÅbn/luk punkt", "… dagsorden Vis/skjul", "… 2018Fold ud".
_GLUED_UI = re.compile(
    r"\s*(?:Klik her for at (?:folde ud|læse mere|åbne)\b.*|(?:Åbn|Vis|Fold)\s*/\s*(?:luk|skjul|fold)"
    r"(?:\s+(?:punkt|sag|alle))?|Fold (?:ud|sammen)"
    # an attachment's file-type icon: "Planstrategi 2020 application/pdf icon udkast.pdf"
    r"|\s+application/[\w.+-]+ icon\b.*)$",
    re.IGNORECASE,
)


def is_chrome(line: str) -> bool:
    """Whether a whole line is portal chrome, not minutes text."""
    text = line.strip()
    if not text:
        return False
    if _CHROME_LINE.match(text):
        return True
    return len(text) < 400 and bool(_COOKIE_BANNER.search(text))


# A fold-out link before a heading: "fold dette punkt ind Beslutning".
_LEADING_UI = re.compile(
    r"^\s*(?:fold\s+(?:dette\s+punkt\s+|alle\s+punkter\s+)?(?:ind|ud|sammen)|"
    r"(?:åbn|vis|luk|skjul)\s+(?:dette\s+)?punkt(?:et)?)\s+(?=\S)",
    re.IGNORECASE,
)


def strip_glued_chrome(title: str) -> str:
    """A title or heading with a fold-out button's text cut off its end or its start."""
    return _LEADING_UI.sub("", _GLUED_UI.sub("", title)).strip()

"""The words that state a decision's outcome, as spaCy Matcher patterns per `Outcome`.

Matched on lemmas by the pipeline (`nlp.pipeline.OutcomeMatcher`), so "godkendt",
"godkendes" and "Godkendt" are one pattern; `nlp.decisions` weighs what they mark.
"""

from __future__ import annotations

from nlp.records import Outcome

# Earlier outcomes win: a rejection mentions "godkendt", a recommendation may too.
PRIORITY = (
    Outcome.CLOSED,
    Outcome.POSTPONED,
    Outcome.REJECTED,
    Outcome.RECOMMENDED,
    Outcome.APPROVED,
    Outcome.NOTED,
    Outcome.DECIDED,  # "drøftede sagen og besluttede at ..." is a decision
    Outcome.DISCUSSED,
    Outcome.INFORMATION,
)
_APPROVE = [
    "godkende",
    "tiltræde",
    "vedtage",
    "bevilge",
    "imødekomme",
    "godtage",
    "tilslutte",
    "bifalde",
]
_APPROVE_OR_RECOMMEND = [*_APPROVE, "anbefale"]
# Participles the lemma table may not know.
_PARTICIPLES = [
    "godkendt",
    "tiltrådt",
    "vedtaget",
    "anbefalet",
    "bevilget",
    "bevilliget",
    "imødekommet",
]
_MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
]  # fmt: skip
_ACCOUNTS = [
    "præsentation", "gennemgang", "introduktion", "oplæg", "orientering", "redegørelse",
    "status", "statusorientering",
]  # fmt: skip
# A case sent on to another body to handle it, with no recommendation: "Fremsendes til
# Social- og Beskæftigelsesudvalget til behandling", "Henvist til behandling i Børn og
# Unge-udvalget". The sending verb's `recommended` is dropped there (`decisions._kept`).
_SENT_BACK = ["sendt", "sendes", "sende", "sendte", "henvist", "henvises"]
_SENT = [
    "fremsendes", "fremsendt", "oversendes", "oversendt", "videresendes", "videresendt",
    "sendes", "sendt", "henvises", "henvist",
]  # fmt: skip
# An outcome's verb in the past tense: with a date after it, an earlier meeting's act ("Byrådet
# godkendte den 3. maj 2023 …", "Økonomiudvalget anbefalede den 5. marts 2024 …").
PAST_ACTS = frozenset(
    {"godkendte", "vedtog", "tiltrådte", "anbefalede", "besluttede", "forkastede", "behandlede"}
)
_PASSED_ON = ["oversendes", "oversendt", "oversendtes", "sendes", "sendt"]
# A standing or local committee by name ("Teknik- og Miljøudvalget", "Teknisk Udvalg"), not
# the finance committee: the case sent up there goes on with a recommendation.
_COMMITTEE = {"LOWER": {"REGEX": r"^(?!økonomi)[\wæøå-]*udvalg(?:et)?$"}}
_HANDLING = [
    {"LOWER": {"IN": ["videre", "nærmere", "fornyet", "endelig"]}, "OP": "?"},
    {"LOWER": "behandling"},
]
_RECOMMENDATION = r"^(?:indstilling|anbefaling)(?:en|erne)?$"
OUTCOME_PATTERNS: dict[Outcome, list[list[dict]]] = {
    Outcome.CLOSED: [
        [{"LOWER": "lukket"}],
        # a closed item's published line: "Beslutningen er ikke offentlig", "... offentliggøres ikke"
        [
            {"LOWER": {"IN": ["beslutningen", "beslutning", "punktet", "sagen"]}},
            {"LOWER": {"IN": ["er", "blev"]}, "OP": "?"},
            {"LOWER": "ikke"},
            {"LOWER": {"IN": ["offentlig", "offentligt", "offentliggjort"]}},
        ],
        [
            {"LOWER": {"IN": ["beslutningen", "beslutning"]}},
            {"LOWER": {"IN": ["offentliggøres", "offentliggjordes"]}},
            {"LOWER": "ikke"},
        ],
    ],
    Outcome.POSTPONED: [
        [{"LEMMA": {"IN": ["udsætte", "udskyde"]}}],
        [{"LOWER": {"IN": ["udsat", "udskudt", "udsættes", "udsatte"]}}],
        [{"LOWER": "ikke"}, {"LOWER": "behandlet"}],
        [{"LOWER": {"IN": ["udgik", "udgår"]}}],  # taken off the agenda
        # "trukket af dagsordenen", "taget af dagsordenen"
        [
            {"LOWER": {"IN": ["trukket", "trækkes", "taget", "tages"]}},
            {"LOWER": {"IN": ["af", "fra"]}},
            {"LOWER": "dagsordenen"},
        ],
        [{"LOWER": {"IN": ["hjemvist", "hjemvises", "hjemviste"]}}],
        # back to the staff for more work: "sendt tilbage til forvaltningen" (back to a
        # committee is an act on the case: `Outcome.DECIDED`)
        [
            {"LOWER": {"IN": _SENT_BACK}},
            {"LOWER": "tilbage"},
            {"LOWER": "til"},
            {
                "LOWER": {
                    "IN": ["forvaltningen", "administrationen", "direktionen", "sekretariatet"]
                }
            },
        ],
        # "genoptages på næste møde", "besluttede at genoptage sagen på et senere møde"
        [
            {"LOWER": {"IN": ["genoptage", "genoptages", "genoptaget"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": ["på", "ved", "i"]}},
            {"LOWER": {"IN": ["et", "det", "udvalgets"]}, "OP": "?"},
            {"LOWER": {"IN": ["næste", "senere", "kommende", "efterfølgende"]}},
        ],
        # "sagen genoptages i byrådet til februar 2017"
        [
            {"LOWER": {"IN": ["genoptages", "genoptage"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": ["til", "i"]}},
            {"LOWER": {"IN": _MONTHS}},
        ],
        # "Punktet drøftes efter sommeren", "behandles igen på et senere møde"
        [
            {"LOWER": {"IN": ["drøftes", "genbehandles", "genoptages", "behandles"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": ["efter", "på", "ved", "til", "i"]}},
            {"LOWER": {"IN": ["et", "det", "udvalgets"]}, "OP": "?"},
            {"LOWER": {"IN": ["sommeren", "sommerferien", "ferien", "nytår", "nytåret", "senere"]}},
        ],
    ],
    Outcome.REJECTED: [
        [{"LEMMA": {"IN": ["forkaste", "afvise", "afslå", "nedstemme"]}}],
        [{"LOWER": {"IN": ["forkastet", "afvist", "nedstemt"]}}],
        [
            {"LOWER": {"IN": ["ikke", "ej"]}},
            {"LOWER": {"IN": ["blev", "er", "at"]}, "OP": "?"},
            {"LEMMA": {"IN": _APPROVE_OR_RECOMMEND}},
        ],
        [{"LOWER": {"IN": ["ikke", "ej"]}}, {"LOWER": {"IN": _PARTICIPLES}}],
        # "Forslaget anbefales ikke", "Indstillingen godkendes ikke"
        [
            {"LEMMA": {"IN": _APPROVE_OR_RECOMMEND}},
            {"LOWER": {"IN": ["ikke", "ej"]}},
        ],
        [{"LOWER": {"IN": ["faldt", "faldet"]}}],  # "Forslaget faldt", "Faldet"
        # "Forslaget falder." (not "udgiften falder"): a proposal or amendment that falls
        [{"LOWER": {"REGEX": r"forslag(?:et)?$|^indstillingen$"}}, {"LOWER": "falder"}],
        [{"LOWER": {"IN": ["afslag", "afslaget"]}}],  # "Ansøgningen gives afslag"
        # "Udvalget kunne ikke støtte dette" (a member's "kunne ikke støtte" is dissent: `_kept`)
        [{"LOWER": {"IN": ["ikke", "ej"]}}, {"LEMMA": "støtte"}],
        [{"LOWER": {"IN": ["bortfalder", "bortfaldet", "bortfaldt"]}}],
        # "Forslaget fik ikke flertal", "Der var ikke tilslutning til forslaget"
        [{"LOWER": {"IN": ["ikke", "ej"]}}, {"LOWER": {"IN": ["flertal", "tilslutning"]}}],
    ],
    Outcome.RECOMMENDED: [
        [{"LEMMA": "anbefale"}],
        [
            {"LOWER": {"IN": ["indstilles", "indstiller", "indstillede"]}},
            {"LOWER": {"IN": ["godkendt", "vedtaget", "tiltrådt", "til"]}},
        ],
        # the committee's own recommendation in its decision: "Udvalget indstiller derudover, at …"
        [
            {"LOWER": {"REGEX": r"udvalg(?:et)?$"}},
            {"LOWER": {"IN": ["indstiller", "indstillede"]}},
            {
                "LOWER": {"IN": ["derudover", "desuden", "endvidere", "samtidig", "yderligere"]},
                "OP": "?",
            },
            {"IS_PUNCT": True, "OP": "?"},
            {"LOWER": "at"},
        ],
        [{"LEMMA": {"IN": ["fremsende", "videresende"]}}],
        [{"LOWER": {"IN": ["oversendes", "oversendt", "oversender", "oversendte"]}}],
        # (not "sendt til afstemning", "sendes til høring")
        [
            {"LOWER": {"IN": ["sendes", "sendt"]}},
            {"LOWER": {"IN": ["videre", "til"]}},
            {"LOWER": {"NOT_IN": ["afstemning", "høring", "udtalelse", "offentlig"]}},
        ],
    ],
    Outcome.APPROVED: [
        [{"LEMMA": {"IN": _APPROVE}}],
        [{"LOWER": {"IN": [*_PARTICIPLES, "vedtog", "godkendtes", "tiltrådtes", "vedtoges"]}}],
        [{"LOWER": {"IN": ["bevilliges", "bevilligede", "bevilgedes", "bevilligedes"]}}],
        [{"LOWER": "som"}, {"LOWER": "indstillet"}],
        # a point stated as a noun: "• Godkendelse af mailhøring i uge 45" (`decisions._kept`)
        [{"LOWER": "godkendelse"}, {"LOWER": "af"}],
        # a change the decision writes in: "I punkt 113 tilføjes, at …"
        [{"LOWER": {"IN": ["tilføjes", "tilføjedes", "indføjes", "indarbejdes", "indarbejdedes"]}}],
        # "Anbefalingen fra Økonomiudvalget blev fulgt", "Forvaltningens indstilling følges"
        [
            {"LOWER": {"REGEX": _RECOMMENDATION}},
            {"IS_ALPHA": True, "OP": "{0,4}"},
            {"LOWER": {"IN": ["blev", "er"]}, "OP": "?"},
            {"LOWER": {"IN": ["fulgt", "følges", "fulgtes"]}},
        ],
        # "Udvalget følger forvaltningens indstilling", "Udvalget var enige i indstillingen"
        [
            {"LOWER": {"IN": ["følger", "fulgte", "følge", "enig", "enige"]}},
            {"LOWER": "i", "OP": "?"},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"REGEX": _RECOMMENDATION}},
        ],
    ],
    Outcome.NOTED: [
        [
            {"LOWER": {"IN": ["taget", "tages", "tog", "tager", "tage"]}},
            {"IS_ALPHA": True, "OP": "{0,6}"},
            {"LOWER": "til"},
            {"LOWER": "efterretning"},
        ],
        [{"LOWER": "til"}, {"LOWER": "efterretning"}],
        # "Taget til orientering": the committee took note (a bare "Til orientering" informs)
        [
            {"LOWER": {"IN": ["taget", "tages", "tog", "tager"]}},
            {"IS_ALPHA": True, "OP": "{0,6}"},
            {"LOWER": "til"},
            {"LOWER": "orientering"},
        ],
        [{"LEMMA": "notere"}],
        [{"LOWER": "ingen"}, {"LOWER": "bemærkninger"}],
        [{"LOWER": "intet"}, {"IS_PUNCT": True}],
    ],
    Outcome.DISCUSSED: [
        [{"LEMMA": "drøfte"}],
        [{"LOWER": {"IN": ["drøftet", "drøftede", "drøftelse", "drøftes", "debatteret"]}}],
    ],
    Outcome.DECIDED: [
        [{"LEMMA": "beslutte"}],
        [{"LOWER": {"IN": ["besluttet", "besluttede", "beslutter"]}}],
        [
            # "Et enigt udvalg ønsker at behandle punktet"
            {
                "LOWER": {
                    "IN": ["udvalget", "udvalg", "byrådet", "kommunalbestyrelsen", "magistraten"]
                }
            },
            {"LOWER": {"IN": ["ønsker", "ønskede", "bad", "beder", "anmoder", "anmodede"]}},
        ],
        [{"LEMMA": {"IN": ["pålægge"]}}],
        # elections and appointments: "Byrådet valgte X", "X blev udpeget"
        [{"LEMMA": {"IN": ["vælge", "udpege", "genvælge"]}}],
        [{"LOWER": {"IN": ["valgt", "valgtes", "vælges", "genvalgt", "udpeget", "udpeges"]}}],
        # "Der ønskes en specifikation af forbruget"
        [{"LOWER": "der"}, {"LOWER": {"IN": ["ønskes", "ønskedes", "ønsker"]}}],
        # sent back to a committee: "Sagen sendes tilbage til By- og Kulturudvalget" (an act
        # on the case, as sending it on is)
        [{"LOWER": {"IN": _SENT_BACK}}, {"LOWER": "tilbage"}],
        # referred to another body to handle, with no recommendation (`_SENT`)
        [
            {"LOWER": {"IN": _SENT}},
            {"LOWER": {"IN": ["herefter", "derefter", "hermed", "nu"]}, "OP": "?"},
            {"LOWER": "til"},
            *_HANDLING,
        ],
        # "Forslaget blev oversendt til Teknik- og Miljøudvalget": a proposal referred to a
        # committee (`_COMMITTEE`). (Sent up to the finance committee or the council,
        # "Oversendes til Økonomiudvalget", the case goes on with a recommendation.)
        [
            {"LOWER": {"IN": _PASSED_ON}},
            {"LOWER": {"IN": ["herefter", "derefter"]}, "OP": "?"},
            {"LOWER": "til"},
            {"TEXT": {"REGEX": r"^[\wÆØÅæøå-]+$"}, "OP": "{0,3}"},
            _COMMITTEE,
        ],
        [
            {"LOWER": {"IN": _SENT}},
            {"LOWER": "til"},
            {"TEXT": {"REGEX": r"^[\wÆØÅæøå-]+$"}, "OP": "{1,6}"},
            {"LOWER": "til"},
            *_HANDLING,
        ],
        # the matter put on a later meeting: "På et kommende møde præsenteres sag om …",
        # "Forvaltningen orienterer på næste møde om status", "… drøftes på næste udvalgsmøde"
        [
            {"LOWER": {"IN": ["på", "til"]}},
            {"LOWER": {"IN": ["et", "det"]}, "OP": "?"},
            {"LOWER": {"IN": ["næste", "kommende", "senere", "førstkommende"]}},
            {"LOWER": {"REGEX": r"møde[t]?$"}},
        ],
        [{"LOWER": "til"}, {"LOWER": {"REGEX": rf"^(?:{'|'.join(_MONTHS)})mødet$"}}],
        # the council's own budget goes on: "Budgetforslaget oversendes til 2. behandling"
        [
            {"LOWER": {"IN": ["oversendes", "oversendt", "oversendtes", "henvises", "henvist"]}},
            {"LOWER": "til"},
            {"LOWER": {"REGEX": r"^\w+s$"}, "OP": "?"},  # "til Byrådets 2. behandling"
            {"LOWER": {"IN": ["2.", "2", "anden"]}},
            {"LOWER": "behandling"},
        ],
    ],
    Outcome.INFORMATION: [
        # "Alle medlemmer gav en kort præsentation", "Forvaltningen gav en gennemgang af …"
        [
            {"LOWER": {"IN": ["gav", "giver", "holdt", "holder"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": _ACCOUNTS}},
        ],
        # the next meeting's date: "Næste møde er berammet til 11. januar", "… afholdes den 3. maj"
        [
            {"LOWER": {"REGEX": r"møde(?:t)?$"}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": ["berammet", "berammes", "afholdes", "holdes", "planlagt"]}},
        ],
        [{"LOWER": {"IN": ["orientering", "orienteringen", "orienterede", "orienterer"]}}],
        [{"LEMMA": "orientere"}],
        [{"LEMMA": {"IN": ["oplyse", "informere", "redegøre", "meddele"]}}],
        [{"LOWER": {"IN": ["oplyste", "informerede", "redegjorde", "meddelte", "orienteredes"]}}],
        # a guest's or the chair's account: "Erik præsenterede foreningen", "fortalte om …"
        [{"LOWER": {"IN": ["præsenterede", "præsenterer", "fortalte"]}}],
        # question time: "Kjeld Hansen spurgte til …", "Der blev svaret på det rejste spørgsmål"
        [{"LOWER": {"IN": ["spurgte", "forespurgte", "svarede", "besvarede"]}}],
        [{"LOWER": {"IN": ["blev", "er"]}}, {"LOWER": {"IN": ["svaret", "besvaret"]}}],
        # question time without questions: "Ingen spørgsmål", "Der er ikke indkommet spørgsmål"
        [{"LOWER": "ingen"}, {"LOWER": {"IN": ["spørgsmål", "meddelelser", "indlæg"]}}],
        # a dialogue meeting nobody spoke at: "Ingen borgere havde bedt om ordet / havde indlæg"
        [
            {"LOWER": "ingen"},
            {"LOWER": {"IN": ["borgere", "tilhørere", "fremmødte"]}, "OP": "?"},
            {"LOWER": {"IN": ["havde", "bad", "ønskede"]}},
            {"LOWER": {"IN": ["indlæg", "ordet", "bedt", "spørgsmål"]}},
        ],
        # office hours nobody came to: "Ingen mødt.", "Ingen fremmødte", "Ingen henvendelser"
        [
            {"LOWER": "ingen"},
            {"LOWER": {"IN": ["mødt", "mødte", "fremmødt", "fremmødte", "henvendelser"]}},
        ],
        # "Intet til spørgetiden", "Ingen spørgsmål til spørgetiden"
        [
            {"LOWER": {"IN": ["ingen", "intet"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": ["spørgetiden", "spørgetid"]}},
        ],
        [
            {"LOWER": "ikke"},
            {"IS_ALPHA": True, "OP": "{0,6}"},
            {"LOWER": {"IN": ["indkommet", "modtaget", "stillet", "kommet"]}},
            {"LOWER": "spørgsmål"},
        ],
    ],
}

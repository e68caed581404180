"""The statements in a report's Dutch prose: figures, number words, hedges, directions, trends
and comparisons, each with the years it names. Nothing here knows the table: linking a
statement to indicators is `load.linking`.

The API is one function, `find_statements(passages)` (or `find_statements_in(text)` for a
plain string), returning `Statement`s in the order of the text. A small lexicon of Dutch
words does the work; no model is needed for this genre's sentences.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kanaalstats.load.report_text import Passage, text_passages

# --- the lexicon ------------------------------------------------------------------------------

HEDGES = {
    "bijna": "almost",
    "nagenoeg": "about",
    "ruim": "over",
    "zo'n": "about",
    "circa": "about",
    "ca.": "about",
    "ongeveer": "about",
    "rond": "about",
    "meer dan": "over",
    "minder dan": "almost",
    "krap": "almost",
}
CARDINALS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "honderd": 100,
    "duizend": 1000,
}
FRACTIONS = {
    "de helft": 50.0,
    "een derde": 100 / 3,
    "twee derde": 200 / 3,
    "een kwart": 25.0,
    "drie kwart": 75.0,
    "driekwart": 75.0,
    "een vijfde": 20.0,
    "twee vijfde": 40.0,
    "een tiende": 10.0,
}
_ORDINALS = {"tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}
_ROW_CARDINALS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DURATIONS = (
    r"maanden|maand|jaar|jaren|weken|week|dagen|kalenderdagen|werkdagen|uur|uren|minuten|"
    r"seconden|procent van|in (?:een )?schrikkeljaar|in schrikkeljaren"
)
# What a table is made of: a number that counts these ("11 van de 11 indicatoren") says
# something about the table, not a figure of one of its indicators.
_TABLE_PARTS = r"indicatoren|indicator|reeksen|reeks|rijen|rij|kolommen|kolom|cijfers"

UP_WORDS = (
    r"toegenomen|toename|toenemende?|gestegen|stijging|stijgt|steeg|stegen|gegroeid|groei|groeit|"
    r"groeide|groeiden|groeiende?|vaker|hoger|omhoog|opgelopen|loopt op|liep op"
)
DOWN_WORDS = (
    r"afgenomen|afname|afnemende?|gedaald|daling|daalt|daalde|daalden|dalende?|teruggelopen|"
    r"loopt terug|liep terug|teruggang|minder vaak|lager|gekrompen|krimp|kromp"
)
SAME_WORDS = r"gelijk gebleven|bleef gelijk|blijft gelijk|bleven gelijk|stabiel|onveranderd"
_SAME_SPLIT = re.compile(r"\b(bleef|bleven|blijft|blijven|is|zijn)\b.*\bgelijk\b", re.I)
_NEMEN = r"\b(?:nam|namen|neemt|nemen)\b"
_TREND = re.compile(
    r"\b(steeds|elk jaar|ieder jaar|jaar na jaar|al jaren|jaarlijks|trend|alle jaren)\b", re.I
)
_YEAR = re.compile(r"(?<![\d.,])(19\d\d|20\d\d)(?![\d%]|,\d|\.\d)")
_BASE_YEAR = re.compile(
    r"\b(?:ten opzichte van|t\.o\.v\.|vergeleken met|sinds|vanaf|dan)\s+"
    r"(?:het\s+\w+\s+in\s+|in\s+)?(19\d\d|20\d\d)\b",
    re.I,
)
_LAST_YEAR = re.compile(r"\b(vorig jaar|een jaar eerder|het jaar ervoor|het jaar daarvoor)\b", re.I)
# Read backwards: "van 80% naar …" (a level before "naar", after "van").
_FROM_LEVEL = re.compile(r"\s*nav\b")
# "als tweede jaar op rij", "voor het derde achtereenvolgende jaar", "drie jaar op rij".
_IN_A_ROW = re.compile(
    r"\b(?P<ordinal>" + "|".join(_ORDINALS) + r")\s+(?:jaar op rij|achtereenvolgende jaar)\b"
    r"|\b(?P<cardinal>" + "|".join(_ROW_CARDINALS) + r")\s+jaar\s+(?:op rij|achter elkaar)\b",
    re.I,
)
# "voor het eerst sinds 2016 gedaald": the last year's step goes that way, none before it
# since that year did; "voor het eerst in jaren": none since the first year.
_FIRST_SINCE = re.compile(
    r"\bvoor het eerst\s+(?:sinds\s+(?P<year>19\d\d|20\d\d)\b|in\s+(?:jaren|lange tijd)\b)", re.I
)
# "steeg het sterkst van alle kanalen", "is het snelst gegroeid": a ranking of changes.
_RANKED_MOVE = re.compile(
    r"\bhet\s+(?:sterkst|snelst|hardst|meest)\b(?!\s+(?:gebruikt|bezocht))", re.I
)
# "met de meeste volgers", "het grootste kanaal", "het hoogst": a ranking of levels. Not
# "de meeste indicatoren" (the table's parts) nor "het grootste deel" (a share).
_LEVEL_RANKING = re.compile(
    r"\b(?:de|het)\s+(?P<word>meeste|minste|grootste|kleinste|hoogste|laagste|hoogst|laagst|"
    r"meest gebruikte|meest bezochte|minst gebruikte|populairste)\b"
    r"(?!\s+(?:stijging|groei|toename|daling|afname|krimp|deel|gedeelte|"
    + _TABLE_PARTS
    + r"|gebieden|jaren|jaar)\b)",
    re.I,
)
_LOW_WORDS = ("minste", "kleinste", "laagste", "laagst", "minst gebruikte")
# "iets gedaald", "licht gestegen", "sterk toegenomen": how far a direction goes.
_SLIGHT = re.compile(r"\b(iets|licht|lichte|lichtjes|enigszins)\b", re.I)
_STRONG = re.compile(r"\b(sterk|sterke|flink|flinke|fors|forse)\b", re.I)
_REFERS_BACK = re.compile(
    r"^(dit|dat|deze|die|hiervan|daarvan|hierbij|daarbij|hiermee|het jaar daarvoor)\b"
    r"|^(per dag|gemiddeld|in \d{4})\b.*\b(dit|dat|deze|er)\b",
    re.I,
)
# A bracket, to its closing bracket or, left open, to the end of the sentence.
_BRACKET = re.compile(r"\([^()]*\)?")
_CLAUSE = re.compile(r",(?=\s)|;|\s(?:naar|tot|terwijl|maar)\s")
_COMPARISON = re.compile(
    r"\b(?P<word>hoger|lager|meer|minder|groter|kleiner|boven|onder)\s+"
    r"(?:dan|het niveau van)\s+(?:in\s+)?(?:(?P<all>(?:alle|de)\s+(?:\w+\s+)?(?:voorgaande|"
    r"vorige|eerdere)\s+jaren|de jaren ervoor|ooit)|(?P<last>vorig jaar|een jaar eerder|"
    r"het jaar ervoor|het jaar daarvoor)|(?:het niveau van\s+)?(?:in\s+)?"
    r"(?P<year>19\d\d|20\d\d))",
    re.I,
)
_SINCE_NOT_SO = re.compile(
    r"\bsinds\s+(?P<year>19\d\d|20\d\d)\s+niet\s+(?:meer\s+)?zo\s+(?P<word>hoog|laag)", re.I
)
# "het hoogste niveau sinds 2015": above every year after 2015 (2015 was as high); "het
# laagste niveau van alle jaren sinds 2016": below every year from 2016 on.
_LEVEL_SINCE = re.compile(
    r"\bhet\s+(?P<word>hoogste|laagste)\s+(?:niveau|aantal|cijfer|percentage|peil|stand)\s+"
    r"(?:(?P<all>van alle jaren\s+)?sinds\s+|sinds\s+(?P<start>het begin van de reeks\s+"
    r"(?:in\s+|\()?))(?P<year>19\d\d|20\d\d)\b",
    re.I,
)
_RANKING = re.compile(
    r"\b(?:de|het)\s+(?:sterkste|grootste|snelste|meeste)\s+(?P<word>stijging|groei|toename|"
    r"daling|afname|krimp)\b",
    re.I,
)
_NUMBER = re.compile(
    r"(?<![\w.,\-−–+])(?P<sign>[+\-−–]?)(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![\w]|[.,]\d)(?P<unit>\s?%|\s*procentpunt(?:en)?\b|\s*pp\b|\s*(?:miljoen|mln\.?)(?!\w))?",
    re.I,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<fraction>"
    + "|".join(sorted(FRACTIONS, key=len, reverse=True))
    + r"|(?:een|1) op (?:de )?(?P<one_in>\w+))\b|\b(?P<card>een|"
    + "|".join(CARDINALS)
    + r")?\s?(?P<million>miljoen|miljard)\b|\b(?P<cardinal>"
    + "|".join(CARDINALS)
    + r")\b",
    re.I,
)
_BROKEN_NUMBER = re.compile(r"\d[\d.,]*\d")
_DUTCH_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")
_SHARE_OF = re.compile(
    r"^\s*\)?\s*(?:\([^)]*\)\s*)?(?:van|onder)\s+(?:de|het|alle)\s+(?P<words>.+?)(?=\s(?:bestaat|is|was|zijn|"
    r"waren|werd|werden|heeft|hebben|had|komt|kwam|gaat|ging|betreft)\b|,|$)",
    re.I,
)

_WHOLE_AFTER = re.compile(
    r"^\s+(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,2}?)(?=\s+(?:bestaat|is|was|zijn|waren|werd|"
    r"werden|heeft|hebben|had|komt|kwam|kwamen|gaat|ging|gingen|betreft|deed|deden|doet|doen|"
    r"belde|belden|gebruikt|gebruikte|gebruikten|de|het|een|in|op|via|per|naar)\b|\s*[,.;:)]|\s*$)",
    re.I,
)


@dataclass(frozen=True)
class Statement:
    """One statement of the text, before it is linked to the table.

    `kind` is a claim kind (value, change, growth, pp_change, per_day, per_day_change, share,
    direction, trend, comparison) or `percent`: a percentage that is a value of a percent
    indicator or a share, which only the table can tell. `stated` is the figure in units (a
    million as 1.000.000), in % or percentage points; for the non-numeric kinds +1 (up,
    higher), −1 (down, lower) or 0 (the same). `years`: (year,) for a level, (from, to) for a
    change or a span, () when the text names none and the table's last year(s) are meant.
    """

    quote: str
    kind: str
    stated: float
    stated_text: str
    decimals: int = 0
    wording: str = "exact"
    round_word: bool = False  # a fraction or a round word ("een derde", "een miljoen")
    millions: bool = False  # written with "miljoen"
    years: tuple[int, ...] = ()
    against: tuple[int, ...] = ()  # comparison: the years compared with
    against_all_before: bool = False  # comparison: every earlier year of the table
    words: str = ""  # the words that name what it is about
    whole_words: str = ""  # share: the words that name the whole ("van de aanvragen")
    counted: str = ""  # the noun a number word counts ("acht e-mails"): must match a label
    refers_back: bool = False  # "Dit …", "Hiervan …": about the previous sentence's subject
    previous: str = ""  # the previous sentence of the section, for a subject taken from it
    names: tuple[str, ...] = ()  # proper names it mentions outside brackets ("Twitter")
    previous_names: tuple[str, ...] = ()
    heading: str = ""  # the heading of its section
    is_heading: bool = False
    line: int = 1
    notes: tuple[str, ...] = field(default_factory=tuple)
    position: int = -1  # where its figure starts in the quote; −1 for words
    days: str = ""  # a per-day figure's days: "werkdagen" ("per werkdag"), "365", "" calendar
    degree: str = ""  # a direction's degree: "slight" ("iets gedaald"), "strong" ("sterk")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    value: float
    decimals: int
    percent: bool = False
    points: bool = False
    millions: bool = False
    signed: bool = False
    round_word: bool = False
    counted: str = ""


def find_statements_in(text: str) -> list[Statement]:
    """The statements of a plain text (paragraphs separated by blank lines)."""
    return find_statements(text_passages(text))


def find_statements(passages: Sequence[Passage]) -> list[Statement]:
    """Every statement of the passages, in order. A table row pasted into the text (cells run
    together, `3,63,64,65,5`) is skipped: its figures are the table's, not the prose's."""
    found: list[Statement] = []
    known = _names_of(passages)
    # "Gemiddelde per dag over 365 dagen per jaar": the text says how it counted its days.
    fixed = any(_FIXED_365.search(passage.text) for passage in passages)
    heading = ""
    carried: list[int] = []  # the last years the section named, for a sentence naming none
    previous = ""
    for passage in passages:
        if passage.heading:
            heading, carried, previous = passage.text, [], ""
            found.extend(
                _statements(passage.text, passage, heading, [], "", known, is_heading=True)
            )
            continue
        for sentence in _sentences(passage.text):
            if _is_table_row(sentence):
                continue
            found.extend(_statements(sentence, passage, heading, carried, previous, known))
            # A year a sentence compares with ("dan in 2021") is not the year it is about.
            bases = {int(m.group(1)) for m in _BASE_YEAR.finditer(sentence)}
            years = [y for y in _years(sentence) if y not in bases]
            if years:
                carried = years
            previous = sentence
    if fixed:
        found = [
            replace(s, days="365") if s.kind.startswith("per_day") and not s.days else s
            for s in found
        ]
    return found


_FIXED_365 = re.compile(r"\bper dag\b[^.]*\bover 365 dagen\b", re.I)
_NOT_NAMES_TEXT = (
    "hiervan daarvan hierbij daarbij daarnaast ook dit dat deze die het de een in op "
    "wel niet maar en toch zo bovendien verder tot sinds per gemiddeld"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_CAPITALISED = re.compile(r"(?<![\w.@/-])([A-Z][\w'’-]*[A-Za-z])")


def _names_of(passages: Sequence[Passage]) -> set[str]:
    """Words the text writes capitalised where a sentence does not start: names."""
    names: set[str] = set()
    for passage in passages:
        for sentence in _sentences(passage.text):
            for match in _CAPITALISED.finditer(sentence):
                if match.start() > 0 or any(c.isupper() for c in match.group(1)[1:]):
                    names.add(match.group(1))
    # A sentence whose full stop was lost starts mid-line: its first word is no name.
    return {n for n in names if n.lower() not in _NOT_NAMES}


def names_in(sentence: str, known: set[str]) -> tuple[str, ...]:
    """The names a sentence mentions outside brackets: a list in brackets explains, it does
    not narrow what the sentence is about."""
    outside = re.sub(r"\([^)]*\)", " ", sentence)
    found = [m.group(1) for m in _CAPITALISED.finditer(outside) if m.group(1) in known]
    return tuple(dict.fromkeys(found))


# No sentence of this genre is this long; a text without full stops is cut into pieces this
# size, so that the work per sentence stays bounded.
MAX_SENTENCE = 1_000


def _sentences(text: str) -> list[str]:
    out = []
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > MAX_SENTENCE:
            cut = sentence.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > 0 else MAX_SENTENCE
            out.append(sentence[:cut])
            sentence = sentence[cut:]
        out.append(sentence)
    return [s.strip() for s in out if s.strip()]


def _is_table_row(text: str) -> bool:
    return "|" in text or any(
        not _DUTCH_NUMBER.fullmatch(token) for token in _BROKEN_NUMBER.findall(text)
    )


def _years(text: str) -> list[int]:
    return [year for year, _ in _year_positions(text)]


def _without_context(text: str) -> str:
    """The text with its phrases of context blanked out ("voor het eerst sinds 2016", "het
    hoogste niveau sinds 2015"): their years are no year a figure is about, nor a base."""
    for phrase in (_FIRST_SINCE, _LEVEL_SINCE, _SINCE_NOT_SO):
        text = phrase.sub(lambda match: " " * len(match.group(0)), text)
    return text


def _is_number_part(text: str, match: re.Match[str]) -> bool:
    """A year-like number that is a figure: `2019 e-mails` is rare; `2.019` is a figure."""
    after = text[match.end() : match.end() + 12].lower()
    return bool(re.match(r"\s*(%|procent|keer|meldingen|e-mails|bezoekers)", after))


# A float holds this many significant digits: the digits a figure shows beyond them are
# padding ("273.972.602.739.726.000.000…"), not a precision it states.
SIGNIFICANT_DIGITS = 15


def _parse_number(digits: str) -> tuple[float, int]:
    whole, _, fraction = digits.replace(".", "").partition(",")
    value = float(f"{whole}.{fraction}" if fraction else whole)
    shown = len(whole.lstrip("0")) + len(fraction)
    return value, len(fraction) - max(0, shown - SIGNIFICANT_DIGITS)


def _mentions(sentence: str) -> list[_Mention]:
    """The figures and number words of a sentence, without years, dates and durations."""
    mentions: list[_Mention] = []
    for match in _NUMBER.finditer(sentence):
        unit = (match.group("unit") or "").strip().lower()
        digits, sign = match.group("num"), match.group("sign")
        after = sentence[match.end() : match.end() + 20]
        if not unit and not sign and re.fullmatch(r"(19|20)\d\d", digits):
            continue  # a year
        if not unit and re.match(rf"\s+({_MONTHS})\b", after, re.I):
            continue  # a date
        if not unit and re.match(rf"\s+({_DURATIONS})\b", after, re.I):
            continue  # a duration
        if not unit and (
            re.match(rf"\s+(?:van de \d+\s+)?(?:{_TABLE_PARTS})\b", after, re.I)
            or re.match(r"\s+van de \d+(?![\d%]|[.,]\d)(?!\s*(?:procent|miljoen|mln))", after, re.I)
            or re.search(r"\d\s+van de\s+$", sentence[: match.start()], re.I)
        ):
            continue  # "11 van de 11 indicatoren": a count of the table's parts or a ratio
        if not unit and re.match(r"\s+[A-Z]", after):
            continue  # part of a name: "het 24 Oktoberplein"
        if not unit and (
            re.match(r"\s+op (de )?\d", after)
            or re.search(r"\b1 op (de )?$", sentence[: match.start()])
        ):
            continue  # "1 op de 5": a fraction, read below
        value, decimals = _parse_number(digits)
        if sign in "-−–" and sign:
            value = -value
        millions = unit.startswith(("miljoen", "mln"))
        if millions:
            value *= 1_000_000
            decimals -= 6
        mentions.append(
            _Mention(
                match.start(),
                match.end(),
                match.group(0).strip(),
                value,
                decimals,
                percent=unit == "%",
                points=unit.startswith(("procentpunt", "pp")),
                millions=millions,
                signed=bool(sign),
            )
        )
    taken = [(m.start, m.end) for m in mentions]
    for match in _WORD_NUMBER.finditer(sentence):
        if any(a <= match.start() < b or a < match.end() <= b for a, b in taken):
            continue
        if match.group("fraction"):
            if match.group("one_in"):
                base = _word_value(match.group("one_in"))
                if not base:
                    continue
                value = 100 / base
            else:
                value = FRACTIONS[match.group("fraction").lower()]
            mentions.append(
                _Mention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    value,
                    2,
                    percent=True,
                    round_word=True,
                )
            )
        elif match.group("million"):
            factor = 1e9 if match.group("million").lower() == "miljard" else 1e6
            card = (match.group("card") or "een").lower()
            if not match.group("card") and not _hedge_before(sentence, match.start()):
                continue  # "miljoen" alone is a figure only as "bijna miljoen" (a heading)
            value = (1 if card == "een" else CARDINALS[card]) * factor
            mentions.append(
                _Mention(
                    match.start(),
                    match.end(),
                    match.group(0).strip(),
                    value,
                    -6,
                    millions=True,
                    round_word=True,
                )
            )
        elif match.group("cardinal"):
            noun = re.match(r"\s+([\w'’-]+)", sentence[match.end() :])
            if not noun or noun.group(1).lower() in ("jaar", "jaren", "keer", "op"):
                continue
            mentions.append(
                _Mention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    float(CARDINALS[match.group("cardinal").lower()]),
                    0,
                    counted=noun.group(1),
                )
            )
    return sorted(mentions, key=lambda m: m.start)


def word_figure(text: str) -> float | None:
    """The figure of a fraction or round word written alone: "twee derde" → 66,67 (%),
    "de helft" → 50, "een op de twintig" → 5, "een miljoen" → 1.000.000; else None."""
    wanted = " ".join(text.lower().split())
    for match in _WORD_NUMBER.finditer(wanted):
        if match.start() != 0 or match.end() != len(wanted):
            continue
        if match.group("one_in"):
            base = _word_value(match.group("one_in"))
            return 100 / base if base else None
        if match.group("fraction"):
            return FRACTIONS[match.group("fraction")]
        if match.group("million"):
            factor = 1e9 if match.group("million") == "miljard" else 1e6
            card = match.group("card") or "een"
            return (1 if card == "een" else CARDINALS[card]) * factor
        if match.group("cardinal"):
            return float(CARDINALS[match.group("cardinal")])
    return None


def _word_value(word: str) -> float:
    if word.isdigit():
        return float(word)
    return float(CARDINALS.get(word.lower(), 0))


def _hedge_before(sentence: str, start: int) -> str:
    """The hedge right before a figure ("bijna", "gemiddeld zo'n", "meer dan"), as a wording."""
    # A hedge stands right before its figure: the last few words are enough to look at.
    before = sentence[max(0, start - 40) : start].lower().replace("’", "'").rstrip(" (")
    for _ in range(2):  # "gemiddeld zo'n", "zo'n gemiddeld"
        for hedge, wording in sorted(HEDGES.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(^|[\s(]){re.escape(hedge)}$", before):
                return wording
        before = re.sub(r"\s*\b(gemiddeld|nog|er|dit)$", "", before)
    return ""


def _direction_at(text: str) -> int:
    """+1, −1 or 0 for the direction words of a text; None-like 2 when it has none."""
    lower = text.lower()
    up = re.search(rf"\b({UP_WORDS})\b", lower)
    down = re.search(rf"\b({DOWN_WORDS})\b", lower)
    if re.search(_NEMEN + r".*\btoe\b", lower) or re.search(r"\btoe\s*$", lower):
        up = up or re.search(r"\btoe\b", lower)
    if re.search(_NEMEN + r".*\baf\b", lower) or re.search(r"\b(loopt|liep)\b.*\bterug\b", lower):
        down = down or re.search(r"\b(af|terug)\b", lower)
    if re.search(rf"\b({SAME_WORDS})\b", lower) or _SAME_SPLIT.search(lower):
        return 0
    if up and down:
        return 1 if up.start() > down.start() else -1  # the nearer to the end governs
    if up:
        return 1
    if down:
        return -1
    return 2


def _sign_near(sentence: str, mention: _Mention) -> int:
    """The sign of a change figure: its own, else "meer"/"minder" right after it, else the
    sentence's direction words."""
    if mention.signed:
        return 1 if mention.value >= 0 else -1
    after = sentence[mention.end : mention.end + 30].lower()
    word = re.match(r"\s*(?:[\w'’-]+\s+)?(meer|minder)\b", after)
    if word:
        return 1 if word.group(1) == "meer" else -1
    direction = _direction_at(sentence)
    return -1 if direction == -1 else 1


def _clause_year(sentence: str, mention: _Mention, mentions: Sequence[_Mention] = ()) -> int | None:
    """The year of the clause a figure stands in ("van 1,2 miljoen in 2018 naar …"). A bracket
    that names a year and holds a figure of its own ("4,0 (in 2018: -3,5; …)") is about that
    year: its year is the bracket's figure's, not the one before it."""
    for bracket in _BRACKET.finditer(sentence):
        if bracket.start() < mention.start < bracket.end():
            years = _years(sentence[bracket.start() : mention.start])
            if years:
                return years[-1]
    sentence = _without_others_brackets(sentence, mention, mentions)
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    for low, high in itertools.pairwise(bounds):
        if low <= mention.start < high:
            years = _years(sentence[low:high])
            if len(set(years)) == 1:
                return years[0]
            if years:
                # Several years in one clause: the first one after the figure, else before.
                after = list(_YEAR.finditer(sentence[mention.end : high]))
                return int(after[0].group(1)) if after else years[-1]
    return None


def _without_others_brackets(sentence: str, mention: _Mention, mentions: Sequence[_Mention]) -> str:
    """The sentence with the brackets that hold another figure blanked out: their years are
    that figure's."""
    for bracket in _BRACKET.finditer(sentence):
        if bracket.start() < mention.start < bracket.end():
            continue
        if any(bracket.start() < m.start < bracket.end() for m in mentions):
            blank = " " * (bracket.end() - bracket.start())
            sentence = sentence[: bracket.start()] + blank + sentence[bracket.end() :]
    return sentence


def _sentence_year(
    sentence: str, mention: _Mention, mentions: list[_Mention], carried: list[int]
) -> int | None:
    """The year of a figure whose own clause names none: the sentence's, but not a year that
    a later figure takes ("Dat is 15.068 per dag, tegen 12.603 per dag in 2018": 2018 is the
    second figure's); with none left, the year the section named last ("Dat is …" continues
    the previous sentence)."""
    sentence = _without_others_brackets(sentence, mention, mentions)
    free = [
        y
        for y, at in _year_positions(sentence)
        if not any(
            mention.start < m.start < at and _same_clause(sentence, m.start, at) for m in mentions
        )
    ]
    if len(set(free)) == 1:
        return free[0]
    if not free and carried:
        return max(carried)
    return None


def _year_positions(text: str) -> list[tuple[int, int]]:
    text = _without_context(text)
    return [
        (int(m.group(1)), m.start()) for m in _YEAR.finditer(text) if not _is_number_part(text, m)
    ]


def _same_clause(sentence: str, start: int, end: int) -> bool:
    return not _CLAUSE.search(sentence[start:end])


def _statements(
    sentence: str,
    passage: Passage,
    heading: str,
    carried: list[int],
    previous: str,
    known: set[str],
    is_heading: bool = False,
) -> list[Statement]:
    own_years = _years(sentence)
    refers_back = bool(_REFERS_BACK.search(sentence))
    base = Statement(
        quote=sentence,
        kind="",
        stated=0.0,
        stated_text="",
        heading=heading,
        is_heading=is_heading,
        line=passage.line,
        previous=previous,
        refers_back=refers_back,
        names=names_in(sentence, known),
        previous_names=names_in(previous, known),
    )
    mentions = _mentions(sentence)
    out: list[Statement] = []
    carries_direction = False
    in_a_row = _IN_A_ROW.search(sentence)
    for mention in mentions:
        wording = _hedge_before(sentence, mention.start)
        after = sentence[mention.end : mention.end + 60]
        before = sentence[max(0, mention.start - 40) : mention.start].lower()
        common = replace(
            base,
            stated_text=sentence[_hedge_start(sentence, mention.start) : mention.end].strip(" (")
            if wording
            else mention.text,
            decimals=mention.decimals,
            wording=wording or "exact",
            round_word=mention.round_word,
            millions=mention.millions,
            counted=mention.counted,
            words=_without(sentence, mention),
            position=mention.start,
        )
        per = re.match(r"\s*(?:[\w'’-]+\s+){0,2}per (werk)?dag\b", after, re.I) or re.search(
            r"\bper (werk)?dag\b[^0-9]*$", sentence[: mention.start], re.I
        )
        per_day = bool(per)
        if per and per.group(1):
            common = replace(common, days="werkdagen")
        own_year = _clause_year(sentence, mention, mentions)
        # "met 12%", "12% minder", "2,6 miljoen kilo minder dan": a change whatever year
        # the clause names (that year is its base); "een toename van 51 … in 2018 naar 43 …
        # in 2019" names levels.
        by = re.search(
            r"\bmet\s+(?:\w+\s+)?(?:bijna|ruim|zo['’]n|circa|ongeveer|gemiddeld)?\s*$", before
        ) or re.match(r"\s*(?:[\w'’-]+\s+)?(meer|minder|hoger|lager)\b", after, re.I)
        of = re.search(
            r"\b(toename|afname|stijging|daling|groei) van\s+(?:\w+\s+)?"
            r"(?:bijna|ruim|zo['’]n|circa|ongeveer|gemiddeld)?\s*$",
            before,
        )
        change_words = bool(by) or (bool(of) and own_year is None)
        if mention.points:
            kind = "pp_change"
        elif per_day:
            is_change = bool(
                re.match(r"\s*(?:[\w'’-]+\s+)?(meer|minder)\s+per (?:werk)?dag", after, re.I)
            )
            kind = "per_day_change" if is_change and own_year is None else "per_day"
        elif mention.percent and mention.round_word:
            # "groeide met een vijfde": a fraction after "met" with a verb of change is the
            # change itself (+20 %) of what the sentence is about, not a share.
            relative = bool(
                re.search(r"\bmet\s+$", sentence[: _hedge_start(sentence, mention.start)], re.I)
                and _direction_at(sentence) in (1, -1)
            ) or bool(re.match(r"\s*(meer|minder)\b", after, re.I))
            kind = "growth" if relative else "percent"
        elif mention.percent and (mention.signed or change_words):
            kind = "growth"
        elif mention.percent:
            kind = "percent"
        elif change_words:
            kind = "change"
        else:
            kind = "value"
        stated = mention.value
        if kind in ("change", "growth", "pp_change", "per_day_change"):
            carries_direction = True
            stated = abs(stated) * _sign_near(sentence, mention)
            spans = _change_years(sentence, own_years, carried, in_a_row)
            for span in spans:
                out.append(replace(common, kind=kind, stated=stated, years=span))
            continue
        if kind == "percent":
            share = _SHARE_OF.match(after)
            if share:
                common = replace(common, whole_words=share.group("words"))
            elif re.match(r"(?:een|1) op ", mention.text, re.I):
                # "een op de twintig aanvragen": the noun after it names the whole.
                whole = _WHOLE_AFTER.match(after)
                if whole:
                    common = replace(common, whole_words=whole.group("words"))
        year = own_year or _sentence_year(sentence, mention, mentions, carried)
        if own_year is None and _LAST_YEAR.search(sentence):
            year = year - 1 if year else -1  # "vorig jaar": before the section's year
        if (
            own_year is None
            and year
            and _FROM_LEVEL.match(sentence[: mention.start][::-1])
            and re.match(r"\s*naar\b", after)
        ):
            year -= 1  # "daalde met 2 procentpunt, van 80% naar 78%": 80% the year before
        out.append(replace(common, kind=kind, stated=stated, years=(year,) if year else ()))
    out.extend(
        _non_numeric(sentence, base, own_years, carried, carries_direction, mentions, in_a_row)
    )
    return out


def _hedge_start(sentence: str, start: int) -> int:
    before = sentence[:start]
    match = re.search(
        r"(bijna|nagenoeg|ruim|zo['’]n|circa|ca\.|ongeveer|rond|meer dan|minder dan|krap)"
        r"(\s+gemiddeld)?\s*\(?$",
        before,
        re.I,
    )
    return match.start() if match else start


def _without(sentence: str, mention: _Mention) -> str:
    return sentence[: mention.start] + " " + sentence[mention.end :]


def _change_years(
    sentence: str, own: list[int], carried: list[int], in_a_row: re.Match[str] | None
) -> list[tuple[int, ...]]:
    """The (from, to) years of a change: two years named, a base year ("ten opzichte van
    2018"), one year against the year before, or the section's last year; "als tweede jaar op
    rij" is that many changes, each against the year before."""
    distinct = sorted(set(own))
    base = _BASE_YEAR.search(sentence)
    if len(distinct) >= 2:
        return [(distinct[0], distinct[-1])]
    if len(distinct) == 1 and base and int(base.group(1)) == distinct[0]:
        # "4% minder dan in 2021": from that year to the section's, else the table's last.
        later = [y for y in carried if y > distinct[0]]
        return [(distinct[0], max(later) if later else 0)]
    last = distinct[-1] if distinct else (max(carried) if carried else 0)
    if not last:
        count = in_a_row_count(in_a_row)
        return [(-k - 1, -k) for k in reversed(range(count))]  # relative to the table's end
    count = in_a_row_count(in_a_row)
    return [(last - k - 1, last - k) for k in reversed(range(count))]


def _run_of_years(
    sentence: str,
    base: Statement,
    own_years: list[int],
    carried: list[int],
    direction: int,
    in_a_row: re.Match[str] | None,
) -> Statement | None:
    """ "voor het eerst sinds 2016 gedaald" (first_since) or "het derde jaar op rij gestegen"
    (a trend of that many steps), also in a sentence that states figures too."""
    if direction not in (1, -1):
        return None
    lower = sentence.lower()
    word = re.search(rf"\b({UP_WORDS}|{DOWN_WORDS}|{SAME_WORDS})\b", lower) or re.search(
        r"\b(toe|af|terug)\b", lower
    )
    stated_text = word.group(0) if word else ""
    since_match = _FIRST_SINCE.search(sentence)
    if since_match:
        since = int(since_match.group("year")) if since_match.group("year") else 0
        later = [y for y in own_years if y != since] or [y for y in carried if y > since]
        return replace(
            base,
            kind="first_since",
            stated=float(direction),
            stated_text=f"{since_match.group(0)} … {stated_text}".strip(),
            years=(since, max(later) if later else 0),
            words=sentence[: since_match.start()] + sentence[since_match.end() :],
        )
    if in_a_row:
        # "het derde jaar op rij gestegen": that many steps, each up, to the year named.
        count = in_a_row_count(in_a_row)
        end = max(own_years or carried) if (own_years or carried) else 0
        return replace(
            base,
            kind="trend",
            stated=float(direction),
            stated_text=f"{in_a_row.group(0)} … {stated_text}".strip(),
            years=(end - count, end) if end else (-count, 0),
            words=sentence,
        )
    return None


def in_a_row_count(match: re.Match[str] | None) -> int:
    """How many years in a row "als derde jaar op rij" or "drie jaar op rij" says; 1 without."""
    if match is None:
        return 1
    if match.group("ordinal"):
        return _ORDINALS[match.group("ordinal").lower()]
    return _ROW_CARDINALS[match.group("cardinal").lower()]


def _non_numeric(
    sentence: str,
    base: Statement,
    own_years: list[int],
    carried: list[int],
    carries_direction: bool,
    mentions: list[_Mention],
    in_a_row: re.Match[str] | None = None,
) -> list[Statement]:
    """Directions, trends, comparisons and rankings stated in words."""
    years = own_years or carried
    out: list[Statement] = []
    lower = sentence.lower()
    year = (own_years or years)[-1] if (own_years or years) else 0
    for pattern in (_COMPARISON, _SINCE_NOT_SO, _LEVEL_SINCE):
        for match in pattern.finditer(sentence):
            word = match.group("word").lower()
            stated = -1.0 if word in ("lager", "minder", "kleiner", "onder", "laag") else 1.0
            if word == "laagste":
                stated = -1.0
            if pattern is not _COMPARISON:
                # "sinds 2015 niet zo laag", "het laagste niveau sinds 2015": lower than
                # every year after 2015; "… van alle jaren sinds 2015": from 2015 on.
                since = int(match.group("year"))
                if pattern is _LEVEL_SINCE and (match.group("all") or match.group("start")):
                    since -= 1
                # The level compared is the latest the sentence names ("in 2019 … tot 48,
                # 37% meer dan in 2018 (35), het hoogste niveau sinds 2014": 2019's).
                year = max(own_years or years) if (own_years or years) else 0
                out.append(
                    replace(
                        base,
                        kind="comparison",
                        stated=stated,
                        stated_text=match.group(0),
                        years=(year,) if year else (),
                        against=tuple(range(since + 1, year)) if year else (),
                        words=sentence,
                    )
                )
                continue
            if not (match.group("all") or match.group("year") or match.group("last")):
                continue
            if any(m.start >= match.end() for m in mentions) and match.group("all") is None:
                continue  # "meer dan 600": a hedge, not a comparison
            against = (int(match.group("year")),) if match.group("year") else ()
            if match.group("last"):
                against = (-1,)  # "dan vorig jaar": the year before the statement's
            own = [y for y in own_years if y not in against]
            out.append(
                replace(
                    base,
                    kind="comparison",
                    stated=stated,
                    stated_text=match.group(0),
                    years=(own[-1],) if own else ((years[-1],) if years and not against else ()),
                    against=against,
                    against_all_before=match.group("all") is not None,
                    words=sentence[: match.start()] + sentence[match.end() :],
                )
            )
    ranking = _RANKING.search(sentence)
    moved = _RANKED_MOVE.search(sentence)
    direction = _direction_at(sentence)
    run = _run_of_years(sentence, base, own_years, carried, direction, in_a_row)
    last = max(own_years or years) if (own_years or years) else 0
    if ranking or (moved and direction in (1, -1)):
        if ranking:
            stated = -1.0 if ranking.group("word").lower() in ("daling", "afname", "krimp") else 1.0
            found: re.Match[str] = ranking
        else:
            assert moved is not None
            stated, found = float(direction), moved
        out.append(
            replace(
                base,
                kind="ranking",
                stated=stated,
                stated_text=found.group(0),
                years=(last - 1, last) if last else (),
                words=sentence[: found.start()] + sentence[found.end() :],
            )
        )
        return [*out, run] if run is not None else out
    level = _LEVEL_RANKING.search(sentence)
    since_level = _LEVEL_SINCE.search(sentence)
    if level and not (since_level and since_level.start() == level.start()):
        word = level.group("word").lower()
        out.append(
            replace(
                base,
                kind="level_ranking",
                stated=-1.0 if word in _LOW_WORDS else 1.0,
                stated_text=level.group(0),
                years=(last,) if last else (),
                words=sentence[: level.start()] + sentence[level.end() :],
            )
        )
        return [*out, run] if run is not None else out
    if run is not None:
        return [*out, run]
    if out or carries_direction:
        return out
    if direction == 2:
        return out
    word = re.search(rf"\b({UP_WORDS}|{DOWN_WORDS}|{SAME_WORDS})\b", lower) or re.search(
        r"\b(toe|af|terug)\b", lower
    )
    stated_text = word.group(0) if word else ""
    trend = _TREND.search(sentence)
    if trend:
        last = max(own_years or years) if (own_years or years) else 0
        start = _BASE_YEAR.search(sentence)
        if start and int(start.group(1)) == last:
            last = 0  # "sinds 2020 elk jaar": from 2020 to the table's last year
        first = int(start.group(1)) if start else 0
        out.append(
            replace(
                base,
                kind="trend",
                stated=float(direction),
                stated_text=f"{trend.group(0)} … {stated_text}".strip(),
                years=(first, last) if last or first else (),
                words=sentence,
            )
        )
        return out
    distinct = sorted(set(own_years))
    if len(distinct) >= 2:
        span: tuple[int, ...] = (distinct[0], distinct[-1])
    elif distinct or years:
        last = max(distinct or years)
        span = (last - 1, last)
    else:
        span = ()
    degree, said = "", _SLIGHT.search(sentence) or _STRONG.search(sentence)
    if direction in (1, -1) and said:
        degree = "slight" if _SLIGHT.match(said.group(0)) else "strong"
        joined = f"{said.group(0)} {stated_text}"
        stated_text = joined if joined.lower() in lower else f"{said.group(0)} … {stated_text}"
    out.append(
        replace(
            base,
            kind="direction",
            stated=float(direction),
            stated_text=stated_text,
            years=span,
            words=sentence,
            degree=degree,
        )
    )
    return out

"""Statements of a text linked to the table: which indicators and years each is about.

An indicator is chosen by the words of its sentence against the table's labels (and, at half
weight, the heading of the section and a row's footnote): words shared by few labels weigh
more, and a label whose own distinctive words the sentence lacks weighs less. A sentence
without a subject of its own ("Dit komt neer op …") takes the previous sentence's. A link is
made only when one indicator is clearly ahead of the next; otherwise the statement is kept
as not linked, with the candidates, and never guessed.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import COUNT_UNITS, FLOW_UNITS, PERCENT
from kanaalstats.domain.units import scale as unit_scale
from kanaalstats.load.claims import WORDED_KINDS, Claim, Wording
from kanaalstats.load.statements import Statement

# Words that name no indicator: articles, prepositions, auxiliaries, units, and the words of
# this genre that every label has ("aantal", "totaal").
_STOPWORDS_TEXT = (
    "aantal totaal de het een van in op door dat die dit deze is zijn was waren "
    "wordt worden werd werden heeft hebben had naar via voor met en of om te bij uit "
    "aan als ook nog wel niet er hier daar dan maar tot over per jaar jaren dag "
    "dagen gemiddeld miljoen miljoenen procent inclusief exclusief afgelopen maanden "
    "maand elk ieder alle andere meer minder vaker steeds sterk iets verder nu begin "
    "eind zo zich zet voort keer ten opzichte bijna ruim circa ongeveer toe af terug"
)
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:['’-][a-zà-ÿ0-9]+)*")
_SUFFIXES = ("ers", "er", "en", "es", "s", "e")
# A label word found inside a compound of the sentence ("bezoek" in "websitebezoek") counts
# for less than the word itself.
PART_WEIGHT = 0.7
_OF_WHICH = re.compile(r"^\s*waarvan\b", re.I)
_OF_WHICH_IN = re.compile(r"\bwaarvan\b", re.I)
# How far ahead the best indicator must be of the next to be a confident link.
MARGIN = 1.3


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude Dutch stem: plural and inflection endings off, doubled vowels single, so that
    "aanvraag" meets "aanvragen" and "bezoekers" meets "websitebezoek"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return re.sub(r"([aeou])\1", r"\1", word)


@functools.lru_cache(maxsize=1024)
def _stems(text: str) -> frozenset[str]:
    return frozenset(
        stem(word)
        for word in _WORD.findall(text.lower().replace(".", " ").replace("/", " "))
        if word not in _STOPWORDS and not word.isdigit() and len(word) >= 3
    )


def _meets(word: str, label_word: str) -> float:
    """1 when a word is a label's word, PART_WEIGHT when one is part of the other's compound
    ("website" of "websitebezoek"), else 0."""
    if word == label_word:
        return 1.0
    if (len(label_word) >= 5 and label_word in word) or (len(word) >= 5 and word in label_word):
        return PART_WEIGHT
    return 0.0


def _names(name: str, label_word: str) -> bool:
    """A name ("Utrechters", "Engelstalige") is the label's word, inflected, or part of it;
    a label word inside a longer name ("account" in "Instagramaccount") is not."""
    word = name.lower()
    return (
        stem(word) == label_word
        or (word.startswith(label_word) and len(word) - len(label_word) <= 3)
        or (len(word) >= 4 and word in label_word)
    )


@dataclass(frozen=True)
class _Row:
    id: str
    unit: str
    label: frozenset[str]
    footnote: frozenset[str]
    of_which: bool = False  # a "waarvan …" row: a part of the row above it
    literal: str = ""  # a label with figures in it ("+31 6 1234"), lowercased


class Linker:
    """The table's labels as an index, and the link of each statement in turn."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        meta = dataset.indicators
        self.rows = []
        for indicator in dataset.ids:
            label = str(meta.at[indicator, "label_nl"] or "") or indicator.replace("_", " ")
            footnote = meta.at[indicator, "footnote"] if "footnote" in meta else ""
            footnote_text = footnote if isinstance(footnote, str) else ""
            self.rows.append(
                _Row(
                    indicator,
                    dataset.unit(indicator),
                    _stems(label),
                    _stems(footnote_text),
                    bool(_OF_WHICH.match(label)),
                    label.lower().strip() if re.search(r"\d", label) else "",
                )
            )
        counts: dict[str, int] = {}
        for row in self.rows:
            for word in row.label:
                counts[word] = counts.get(word, 0) + 1
        total = len(self.rows)
        self.weight = {word: math.log(1 + total / n) for word, n in counts.items()}
        self.subjects: dict[str, str] = {}  # sentence → the indicator its figures are about

    def scores(
        self, text: str, rows: Sequence[_Row] | None = None, footnotes: bool = True
    ) -> dict[str, float]:
        """How well a text names each indicator: the weight of the label words it has, times
        the share of the label's weight those make up. A row named by no word of its own
        that another named row lacks is no rival of it (see `_told_apart`)."""
        words = _stems(text)
        out = {}
        evidence: dict[str, frozenset[str]] = {}
        for row in rows if rows is not None else self.rows:
            label_weight = sum(self.weight[w] for w in row.label) or 1.0
            matched = sum(
                self.weight[w] * max((_meets(s, w) for s in words), default=0.0) for w in row.label
            )
            if not row.label and row.literal and row.literal in text.lower():
                # A label of figures only names its row when the text writes it out.
                matched = 1.0
                label_weight = 1.0
            footnote = sum(0.5 for w in row.footnote if w in words) if footnotes else 0.0
            # Label words the text lacks count against it twice: "bezoekers" names the
            # website's visits (two label words) before the English part's (five).
            score = matched * (matched / label_weight) ** 2 + footnote * 2.5
            if score > 0:
                out[row.id] = score
                evidence[row.id] = frozenset(
                    [w for w in row.label if any(_meets(s, w) for s in words)]
                    + ["*" + w for w in row.footnote if footnotes and w in words]
                )
        return _told_apart(out, evidence)

    def choose(
        self, statement: Statement, text: str, units: frozenset[str] | None
    ) -> str | Message:
        """The indicator a text is about among those of the given units, or why none is."""
        rows = [r for r in self.rows if units is None or r.unit in units]
        ids = {r.id for r in rows}
        part = _OF_WHICH_IN.search(text)
        if part:
            # "Aanvragen via de website, waarvan online": the part, named after "waarvan".
            of_which = _decide(self.scores(text[part.end() :], [r for r in rows if r.of_which]))
            if isinstance(of_which, str):
                return of_which
        own = self.scores(text, rows)
        previous: str | Message | None = None
        if (not own or statement.refers_back) and statement.previous:
            previous = self._previous(statement)
            if not own:
                # No word of its own names anything: the previous sentence's subject.
                if isinstance(previous, Message) or previous in ids:
                    return previous
            elif isinstance(previous, str) and own.get(previous, 0.0) > 0:
                # "Dit …" with words that fit the previous subject: that subject.
                return previous
        decided = _decide(own)
        if isinstance(decided, str) and not statement.refers_back:
            return decided
        # Not clear from its own words: the heading, and the previous sentence for a
        # sentence that points back at it, tip the balance.
        if statement.heading and not statement.is_heading:
            for key, value in self.scores(statement.heading, rows).items():
                own[key] = own.get(key, 0.0) + 0.5 * value
        if isinstance(previous, str) and previous in ids:
            own[previous] = own.get(previous, 0.0) + max(own.values(), default=0.0) * 0.5 + 1
        return _decide(own)

    def _previous(self, statement: Statement) -> str | Message:
        """The subject of the previous sentence: what its statements were linked to, else
        the indicator its words name."""
        if statement.previous in self.subjects:
            return self.subjects[statement.previous]
        scores = self.scores(statement.previous)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked:
            return Message("link_no_indicator", {"candidates": "–"})
        best = ranked[0][0]
        foreign = self._foreign_names(statement.previous_names, best)
        if foreign:
            closest = self.closest(statement.previous) or best
            return Message("link_narrower", {"name": foreign, "indicator": closest})
        return best

    def closest(self, text: str) -> str:
        """The row a text about a part of it is closest to, by its label words alone: a name
        in a row's footnote ("Twitter, Facebook, …") is the part itself, and tells nothing
        about which row the part is of."""
        ranked = sorted(self.scores(text, footnotes=False).items(), key=lambda kv: -kv[1])
        return ranked[0][0] if ranked else ""

    def narrower(self, statement: Statement) -> Message | None:
        """Why a sentence naming something no label has ("Twitter blijft het kanaal met de
        meeste volgers") is about a part of a row, whatever row its words would pick."""
        foreign = self._foreign_names(statement.names, "")
        if not foreign:
            return None
        closest = self.closest(statement.words or statement.quote)
        if not closest and statement.refers_back and statement.previous:
            closest = self.closest(statement.previous)
        if not closest and statement.heading and not statement.is_heading:
            closest = self.closest(statement.heading)
        return Message("link_narrower", {"name": foreign, "indicator": closest or "–"})

    def _foreign_names(self, names: Sequence[str], indicator: str) -> str:
        """A name the sentence mentions that no label of the table has ("Twitter" when the
        table only has all accounts together): the sentence is about a part of a row."""
        for name in names:
            if not any(_names(name, w) for row in self.rows for w in row.label):
                return name
        return ""

    def in_label(self, statement: Statement) -> bool:
        """Whether a figure is part of a label the sentence writes out ("+31 6 1234: in 2019
        toegenomen tot 4"): the label's figures are a name, not a statement."""
        if statement.position < 0:
            return False
        quote = statement.quote.lower()
        for row in self.rows:
            if row.literal and len(row.literal) >= 3:
                for found in re.finditer(re.escape(row.literal), quote):
                    if found.start() <= statement.position < found.end():
                        return True
        return False

    def checked(self, statement: Statement, indicator: str | Message) -> str | Message:
        """A chosen indicator, unless the sentence names something its label does not
        ("Twitter" for all accounts) or a number word counts something else."""
        if isinstance(indicator, Message):
            return indicator
        narrower = self.narrower(statement)
        if narrower is not None:
            return narrower
        if statement.counted:
            row = next(r for r in self.rows if r.id == indicator)
            if not any(_meets(stem(statement.counted.lower()), w) for w in row.label):
                return Message("link_counts_other", {"noun": statement.counted})
        return indicator


def _told_apart(scores: dict[str, float], evidence: dict[str, frozenset[str]]) -> dict[str, float]:
    """Scores that rest on what a text names: a row whose named label words are all named
    for another row too, which has more of them ("social media" for the campaigns, against
    "berichten via social media" for the messages), is no rival of it, however short its
    label. Rows named by the same words keep their scores: the shorter label fits better."""
    return {
        key: value
        for key, value in scores.items()
        if not any(evidence[key] < evidence[other] for other in scores if other != key)
    }


def _decide(scores: dict[str, float]) -> str | Message:
    """The best-scoring indicator when it is clearly ahead of the next."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked:
        return Message("link_no_indicator", {"candidates": "–"})
    if len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]:
        names = ", ".join(key for key, _ in ranked[:3])
        return Message("link_ambiguous", {"candidates": names})
    return ranked[0][0]


_ANY_UNIT = None
_NOT_PERCENT = frozenset({"flow", "flow_millions", "stock", "stock_millions", "score"})
_PLAIN_COUNTS = frozenset({"flow", "stock", "score"})


def link_statements(statements: Sequence[Statement], dataset: Dataset) -> list[Claim]:
    """A claim per statement: linked to indicators and years, or not linked with the reason
    (a claim whose `unlinked` says why, checked as not verifiable)."""
    linker = Linker(dataset)
    claims = []
    for number, statement in enumerate(statements, start=1):
        if linker.in_label(statement):
            continue
        linked = _link(linker, statement, f"t{number}")
        for claim in linked:
            subject = claim.inputs.get("indicator") or claim.inputs.get("numerator")
            if subject and statement.quote not in linker.subjects:
                linker.subjects[statement.quote] = str(subject)
        claims.extend(linked)
    return claims


def _link(linker: Linker, statement: Statement, claim_id: str) -> list[Claim]:
    dataset = linker.dataset
    kind = statement.kind
    text = statement.words or statement.quote
    narrower = linker.narrower(statement)
    if narrower is not None:
        return [_unlinked(statement, claim_id, narrower)]
    if kind == "percent" and statement.whole_words:
        whole = linker.choose(statement, statement.whole_words, COUNT_UNITS)
        rest = text.replace(statement.whole_words, " ")
        # The part must be named by the sentence itself, not by its heading or neighbours.
        alone = replace(statement, heading="", previous="", refers_back=False)
        part = linker.checked(statement, linker.choose(alone, rest, COUNT_UNITS))
        if isinstance(whole, str) and isinstance(part, str) and whole != part:
            year = _level_year(statement, dataset)
            share = {"numerator": part, "denominator": whole, "year": year}
            return [_claim(statement, claim_id, "share", share, statement.stated, dataset)]
        # A share of something named ("een op de twintig aanvragen kwam via de telefoon") is
        # a percent row's value only when its own words name that row: the previous
        # sentence's subject or the heading is no evidence about a part the table may lack.
        level = linker.choose(alone, text, frozenset({PERCENT}))
        if isinstance(level, Message) and isinstance(whole, str):
            return [_unlinked(statement, claim_id, Message("link_share_part", {"whole": whole}))]
        if isinstance(level, Message):
            return [_unlinked(statement, claim_id, level)]
        own_level: str | None = level
    else:
        own_level = None
    if kind == "percent":
        kind = "value"
        units: frozenset[str] | None = frozenset({PERCENT})
    elif kind == "value":
        units = COUNT_UNITS | {"score"} if statement.millions else _PLAIN_COUNTS
    elif kind in ("per_day", "per_day_change"):
        units = FLOW_UNITS
    elif kind == "pp_change":
        units = frozenset({PERCENT})
    elif kind == "change":
        units = _NOT_PERCENT
    else:
        units = _ANY_UNIT
    if own_level is not None:
        indicator: str | Message = own_level
    elif kind in WORDED_KINDS and statement.quote in linker.subjects:
        # A direction is about what the figures of its sentence are about.
        indicator = linker.subjects[statement.quote]
    else:
        indicator = _choose(linker, statement, text, kind, units)
    indicator = linker.checked(statement, indicator)
    if isinstance(indicator, Message):
        return [_unlinked(statement, claim_id, indicator)]
    years = dataset.years
    stated = statement.stated
    if kind in ("value", "change") and statement.millions:
        stated = stated / unit_scale(dataset.unit(indicator))
    inputs: dict[str, object]
    if kind in ("value", "per_day", "level_ranking"):
        inputs = {"indicator": indicator, "year": _level_year(statement, dataset)}
    elif kind == "comparison":
        year = _level_year(statement, dataset)
        against = (
            [y for y in years if y < year]
            if statement.against_all_before
            else [year + y if y < 0 else y for y in statement.against]
        )
        inputs = {"indicator": indicator, "year": year, "against": against}
    else:
        span = _span(statement, dataset, indicator)
        if span is None:
            return [_unlinked(statement, claim_id, Message("link_no_years", {}))]
        inputs = {"indicator": indicator, "from": span[0], "to": span[1]}
    named = [v for k, v in inputs.items() if k in ("year", "from", "to")]
    if isinstance(inputs.get("against"), list):
        named.extend(inputs["against"])  # type: ignore[arg-type]
    outside = [y for y in named if isinstance(y, int) and y not in years]
    if outside or ("against" in inputs and not inputs["against"]):
        first, last = min(years), max(years)
        year_text = ", ".join(str(y) for y in outside) or "–"
        reason = Message("link_year_outside", {"year": year_text, "first": first, "last": last})
        return [_unlinked(statement, claim_id, reason)]
    return [_claim(statement, claim_id, kind, inputs, stated, dataset)]


_MILLION_UNITS = frozenset({"flow_millions", "stock_millions"})
_PERCENT_WORDS = re.compile(r"\baandeel\b|%|\bpercentage\b|\bprocent\b", re.I)


def _choose(
    linker: Linker, statement: Statement, text: str, kind: str, units: frozenset[str] | None
) -> str | Message:
    """The indicator, preferring the units the wording points at: a figure "in miljoen" an
    indicator in millions, a direction of an "aandeel" a percentage."""
    preferred: frozenset[str] | None = None
    if statement.millions and kind in ("value", "change"):
        preferred = _MILLION_UNITS
    elif kind in WORDED_KINDS and _PERCENT_WORDS.search(text):
        preferred = frozenset({PERCENT})
    if preferred is not None:
        chosen = linker.choose(statement, text, preferred)
        if isinstance(chosen, str) or chosen.key != "link_no_indicator":
            return chosen
    return linker.choose(statement, text, units)


def _level_year(statement: Statement, dataset: Dataset) -> int:
    """The statement's year; none: the table's last; a negative one counts back from it."""
    if not statement.years:
        return max(dataset.years)
    year = statement.years[0]
    if year < 0:
        years = dataset.years
        return years[year - 1] if len(years) >= 1 - year else years[0] - 1
    return year


def _span(statement: Statement, dataset: Dataset, indicator: str) -> tuple[int, int] | None:
    """(from, to): negative years count back from the table's last, 0 as `from` is the first
    year the indicator has a value, 0 as `to` the table's last year."""
    years = dataset.years
    if not statement.years:
        if statement.kind != "trend":
            return (years[-2], years[-1]) if len(years) > 1 else None
        start, end = 0, 0
    else:
        start, end = statement.years
    if start < 0:
        if len(years) < -start + 1:
            return None
        return years[start - 1], years[end - 1]
    if start == 0:
        frame = dataset.values
        has = frame[(frame["indicator"] == indicator) & frame["value"].notna()]
        known = sorted(int(y) for y in has["year"].unique() if int(y) <= end)
        if len(known) < 2:
            return None
        start = known[0]
    if end == 0:
        end = years[-1]
    return (start, end) if start < end else None


def _claim(
    statement: Statement,
    claim_id: str,
    kind: str,
    inputs: dict[str, object],
    stated: float,
    dataset: Dataset,
) -> Claim:
    decimals = statement.decimals
    if kind in ("value", "change") and statement.millions:
        indicator = str(inputs["indicator"])
        decimals += round(math.log10(unit_scale(dataset.unit(indicator))))
    return Claim(
        id=claim_id,
        quote=statement.quote,
        kind=kind,
        inputs=inputs,
        stated=stated,
        decimals=decimals,
        wording=Wording(statement.wording),
        tolerance=None,
        days=DaysBasis(statement.days) if statement.days else DaysBasis.CALENDAR,
        unverifiable="",
        round_word=statement.round_word,
        stated_words=statement.stated_text,
        degree=statement.degree,
    )


def _unlinked(statement: Statement, claim_id: str, reason: Message) -> Claim:
    kind = {"percent": "value"}.get(statement.kind, statement.kind)
    return Claim(
        id=claim_id,
        quote=statement.quote,
        kind=kind,
        inputs={},
        stated=statement.stated,
        decimals=statement.decimals,
        wording=Wording(statement.wording),
        tolerance=None,
        days=DaysBasis.CALENDAR,
        unverifiable="",
        round_word=statement.round_word,
        stated_words=statement.stated_text,
        unlinked=reason,
    )


# A row's letter ("a. vestiging", "(b) vertrek", "vertrek (b)") and a row stating a formula of
# letters ("saldo (a-b)", "totaal (a+b+c)").
_LETTER = re.compile(r"^\(?([a-z])[.)]\s+|\s\(([a-z])\)\s*$")
_FORMULA = re.compile(r"\(\s*([a-z](?:\s*[+\-−–]\s*[a-z])+)\s*\)")


def identity_claims(dataset: Dataset) -> list[Claim]:
    """The identities the table's labels state: "saldo (a-b)" is row a minus row b, checked
    in every year. A formula naming a letter no row has is left alone."""
    meta = dataset.indicators
    letters: dict[str, str] = {}
    for indicator in dataset.ids:
        match = _LETTER.search(str(meta.at[indicator, "label_nl"] or ""))
        if match:
            letters.setdefault(match.group(1) or match.group(2), indicator)
    claims: list[Claim] = []
    for indicator in dataset.ids:
        label = str(meta.at[indicator, "label_nl"] or "")
        formula = _FORMULA.search(label)
        if not formula:
            continue
        terms = re.findall(r"([+\-−–]?)\s*([a-z])", formula.group(1))
        if not all(letter in letters for _, letter in terms):
            continue
        parts = [
            ("-" if sign in "-−–" and sign else "") + letters[letter] for sign, letter in terms
        ]
        claims.append(
            Claim(
                id=f"i{len(claims) + 1}",
                quote=label,
                kind="identity",
                inputs={"indicator": indicator, "parts": parts},
                stated=0.0,
                decimals=0,
                wording=Wording.EXACT,
                tolerance=None,
                days=DaysBasis.CALENDAR,
                unverifiable="",
                stated_words=formula.group(1),
            )
        )
    return claims

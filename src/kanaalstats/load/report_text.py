"""A report's text as passages (headings and paragraphs), from plain text, Markdown, a saved web
page or a Word document.

Only what a reader sees is kept: a web page's scripts, styles and markup are dropped, a Word
document's paragraphs are read from `word/document.xml`. Everything here is the standard
library: a .docx is a zip of XML, and reading its paragraphs' text runs needs no more.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from kanaalstats.domain.errors import InputFileError
from kanaalstats.load.source import STDIN, decode, guarded, read_stdin_bytes

# A report's text is a few pages; anything far larger is not one (or a zip bomb).
MAX_TEXT_BYTES = 20_000_000
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _HEADING_TAGS | {"p", "li", "div", "td", "th", "br", "tr", "caption", "section"}
_HIDDEN_TAGS = {"script", "style", "template", "noscript", "head", "title", "svg"}


@dataclass(frozen=True)
class Passage:
    """A heading or a paragraph of the text, with the line it starts on (1 for a web page or
    Word document, whose lines mean nothing to the writer)."""

    text: str
    heading: bool
    line: int


def read_report(path: Path) -> list[Passage]:
    """The passages of a report file, by its suffix: .docx, .html/.htm, else text/Markdown."""
    name = "<stdin>" if str(path) == STDIN else str(path)
    raw = _read(path, name)
    suffix = path.suffix.lower()
    if suffix == ".docx" or (raw.startswith(b"PK\x03\x04") and str(path) == STDIN):
        return _dutch(docx_passages(raw, name), name)
    if raw.startswith(b"PK\x03\x04"):
        raise InputFileError("text_not_a_report", path=name)
    text = _decode_text(raw, name)
    head = text.lstrip()[:200].lower()
    if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        return _dutch(html_passages(text), name)
    return _dutch(text_passages(text, markdown=suffix in (".md", ".markdown")), name)


# Words every English (Dutch) sentence of this genre is made of, and no Dutch (English) one.
_ENGLISH_TEXT = "the and of than with from which increased decreased more less to a an"
_DUTCH_TEXT = "de het een van en dat naar met dan ook niet zijn werd meer minder"
_ENGLISH = frozenset(_ENGLISH_TEXT.split())
_DUTCH = frozenset(_DUTCH_TEXT.split())
# Enough English words to be sure, and this many times the Dutch ones: a Dutch page quoting
# an English name or title is still Dutch.
ENGLISH_AT_LEAST = 8
ENGLISH_OVER_DUTCH = 3


def _dutch(passages: list[Passage], name: str) -> list[Passage]:
    """The passages of a Dutch text; an English one is refused: the lexicon that finds the
    statements is Dutch, and English sentences read as Dutch give wrong verdicts."""
    english = dutch = 0
    for passage in passages:
        for word in re.findall(r"[a-z]+", passage.text.lower()):
            english += word in _ENGLISH
            dutch += word in _DUTCH
    if english >= ENGLISH_AT_LEAST and english > ENGLISH_OVER_DUTCH * dutch:
        raise InputFileError("text_seems_english", path=name)
    return passages


def _read(path: Path, name: str) -> bytes:
    def read() -> bytes:
        if str(path) == STDIN:
            return read_stdin_bytes()
        with path.open("rb") as handle:
            return handle.read(MAX_TEXT_BYTES + 1)

    raw = guarded(path, name, read)
    if len(raw) > MAX_TEXT_BYTES:
        raise InputFileError("text_too_large", path=name, limit=MAX_TEXT_BYTES // 1_000_000)
    return raw


def _decode_text(raw: bytes, name: str) -> str:
    # The table decoder refuses web pages; a report may be one, so the check is skipped here.
    head = raw.lstrip()[:200].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    try:
        return decode(raw, name)[0]
    except InputFileError as error:
        if error.message.key == "file_is_html":
            return raw.decode("utf-8-sig", errors="replace")
        raise


# --- plain text and Markdown --------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_MARKUP = re.compile(r"(\*\*|__|\*|`)")
# Emphasis with one underscore ("_a note_"); one inside a word ("snake_case") is no markup.
_MD_UNDERSCORE = re.compile(r"(?<![\w])_(?=\S)|(?<=\S)_(?![\w])")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_END_OF_SENTENCE = re.compile(r"[.!?:;)]\s*$")


def text_passages(text: str, markdown: bool = False) -> list[Passage]:
    """Paragraphs separated by blank lines; a Markdown `#` line, or a single short line that
    does not end a sentence, is a heading."""
    passages: list[Passage] = []
    lines: list[str] = []
    start = 1

    def close() -> None:
        if lines:
            joined = " ".join(part.strip() for part in lines)
            single = len(lines) == 1 and len(joined.split()) <= 14
            heading = single and not _END_OF_SENTENCE.search(joined)
            passages.append(Passage(joined, heading, start))
            lines.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        if markdown:
            line = _MD_LINK.sub(r"\1", line)
            match = _MD_HEADING.match(line)
            if match:
                close()
                passages.append(Passage(_MD_MARKUP.sub("", match.group(1)), True, number))
                continue
            line = _MD_UNDERSCORE.sub("", _MD_MARKUP.sub("", line))
            line = re.sub(r"^\s*([-+>]|\d+\.)\s+", "", line)
        if not line.strip():
            close()
            continue
        if not lines:
            start = number
        lines.append(line)
    close()
    return passages


# --- a saved web page -----------------------------------------------------------------------


# A cell that holds a figure only ("291.592", "+19,6%", "5,5 mln", "–").
# A figure alone in a cell, hedged or not ("zo'n +20%" in a check's table of verdicts).
_FIGURE_CELL = re.compile(
    r"(?:(?:zo'n|bijna|ruim|circa|ongeveer|about|almost|over)\s+)?"
    r"[+\-−–]?\d[\d.,]*\s*(?:%|mln\.?|miljoen|pp|procentpunt(?:en)?)?|[–-]",
    re.I,
)


class _VisibleText(HTMLParser):
    """Collects the text a browser shows, one passage per block element. A table row with
    two or more cells that hold a figure only is the table's, not the prose's: it becomes one
    passage with its cells separated by `|`, which the finder skips as a pasted table row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.passages: list[Passage] = []
        self.parts: list[str] = []
        self.hidden = 0
        self.heading = False
        self.row_start: int | None = None  # where the current table row's passages begin

    def _close_row(self) -> None:
        if self.row_start is None:
            return
        self._close()
        cells = self.passages[self.row_start :]
        if sum(1 for cell in cells if _FIGURE_CELL.fullmatch(cell.text)) >= 2:
            joined = " | ".join(cell.text for cell in cells)
            self.passages[self.row_start :] = [Passage(joined, False, 1)]
        self.row_start = None

    def _close(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.passages.append(Passage(text, self.heading, 1))
        self.parts.clear()
        self.heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            if tag == "tr":
                self._close_row()
            self._close()
            self.heading = tag in _HEADING_TAGS
            if tag == "tr":
                self.row_start = len(self.passages)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            heading = self.heading
            self.heading = heading and tag in _HEADING_TAGS
            self._close()
            if tag == "tr":
                self._close_row()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_passages(text: str) -> list[Passage]:
    parser = _VisibleText()
    parser.feed(text)
    parser.close()
    parser._close_row()
    parser._close()
    return parser.passages


# --- a Word document ------------------------------------------------------------------------


def docx_passages(raw: bytes, name: str) -> list[Passage]:
    """The paragraphs of `word/document.xml`; a paragraph styled as a heading ("Heading 1",
    "Kop 1", "Title") is a heading."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_TEXT_BYTES:
                raise InputFileError("text_too_large", path=name, limit=MAX_TEXT_BYTES // 1_000_000)
            with archive.open(info) as member:
                xml = member.read(MAX_TEXT_BYTES + 1)
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError):
        raise InputFileError("text_bad_docx", path=name) from None
    passages = []
    for paragraph in root.iter(f"{_WORD}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_WORD}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_WORD}tab", f"{_WORD}br"):
                parts.append(" ")
        text = " ".join("".join(parts).split())
        if not text:
            continue
        style = paragraph.find(f"{_WORD}pPr/{_WORD}pStyle")
        style_name = (style.get(f"{_WORD}val", "") if style is not None else "").lower()
        heading = style_name.startswith(("heading", "kop", "title", "titel"))
        passages.append(Passage(text, heading, 1))
    return passages

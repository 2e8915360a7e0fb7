"""Lesson texts: the HTML files split into their parts, and lines that break well.

A lesson's HTML file has up to three parts, separated by marker comments::

    <p>What the lesson is about, with its key formula.</p>     (the intro)
    <!-- task -->
    <p><b>Your task:</b> …</p>                                  (the task)
    <!-- more -->
    <p>The longer explanation.</p>                              (under "More")

Qt's rich text breaks lines after "/" and between any two Chinese characters, and
``<nobr>`` only turns spaces into non-breaking ones. :func:`tidy` makes a formula
written as ``<nobr>∂L/∂w</nobr>`` truly unbreakable (word joiners between its
characters) and keeps the last characters of every paragraph together, so a Chinese
line never ends in an orphan such as "效。".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from neurongui.paths import resource_path

__all__ = ["LessonText", "keep_together", "lesson_parts", "lesson_text", "plain", "tidy"]

#: U+2060 WORD JOINER: no line break on either side, draws nothing.
JOINER = "\u2060"
NBSP = "\u00a0"
#: Characters kept together at the end of a paragraph (a Chinese line never ends
#: with one or two of them alone).
TAIL = 4

_TAG = re.compile(r"(<[^>]*>)")
_CHAR = re.compile(r"&#?\w+;|.", re.S)
_NOBR = re.compile(r"<nobr>(.*?)</nobr>", re.S)
_END = re.compile(r"([^<>]+)(?=</p>|</li>|<br\s*/?>|$)")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


@dataclass(frozen=True)
class LessonText:
    """The parts of a lesson's text (rich text, ready for a label)."""

    intro: str
    task: str
    more: str


def keep_together(html: str) -> str:
    """``html`` with no line break inside it (tags are kept, text is joined)."""
    out = []
    for part in _TAG.split(html):
        if not part:
            continue
        if part.startswith("<"):
            out.append(part)
            continue
        chars = [NBSP if c in " \n\t" else c for c in _CHAR.findall(part)]
        out.append(JOINER + JOINER.join(chars) + JOINER)
    return "".join(out)


def _keep_tail(match: re.Match) -> str:
    text = match.group(1)
    # Only Chinese paragraphs break between characters; an English line ends in a word.
    if not _CJK.search(text) or len(text.strip()) <= 1:
        return text
    stripped = text.rstrip()
    chars = _CHAR.findall(stripped)
    head, tail = chars[:-TAIL], chars[-TAIL:]
    return "".join(head) + keep_together("".join(tail)) + text[len(stripped) :]


def tidy(html: str) -> str:
    """Rich text whose ``<nobr>`` formulas and paragraph ends never break apart."""
    html = _NOBR.sub(lambda m: keep_together(m.group(1)), html)
    return _END.sub(_keep_tail, html)


def plain(text: str) -> str:
    """``text`` without word joiners and with plain spaces (to search or compare it)."""
    return text.replace(JOINER, "").replace(NBSP, " ")


def lesson_text(key: str, language: str) -> str:
    """The HTML text of lesson ``key`` in ``language`` (English if there is none)."""
    for lang in (language, "en"):
        path = resource_path("lessons", lang, f"{key}.html")
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


def lesson_parts(key: str, language: str) -> LessonText:
    """The intro, task and further explanation of lesson ``key``, tidied."""
    html = lesson_text(key, language)
    intro, _, rest = html.partition("<!-- task -->")
    task, _, more = rest.partition("<!-- more -->")
    if "<!-- more -->" in intro:  # a file with no task part
        intro, _, more = intro.partition("<!-- more -->")
    return LessonText(tidy(intro.strip()), tidy(task.strip()), tidy(more.strip()))

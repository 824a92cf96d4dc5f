"""The one document type that flows through every step.

A :class:`Document` holds its :class:`Line`\\ s. A line is never deleted: every
step only sets its language, its :class:`Role` and, when it leaves the text, a
reason. Writers decide what to emit from that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Role(str, Enum):
    """What a line is to the article."""

    TITLE = "title"
    DATE = "date"
    CREDIT = "credit"
    BODY = "body"
    HEADING = "heading"
    PAIR_SOURCE = "pair-source"
    BOILERPLATE = "boilerplate"
    IMAGE_ID = "image-id"
    FOREIGN = "foreign"


#: Roles whose lines stay in the clean ``text``.
TEXT_ROLES = frozenset({Role.BODY, Role.HEADING})
#: Roles whose lines leave the document and are listed in ``removed``.
REMOVED_ROLES = frozenset({Role.DATE, Role.BOILERPLATE, Role.IMAGE_ID, Role.FOREIGN})


@dataclass(slots=True)
class Line:
    """One paragraph of the input.

    ``number`` is the 1-based line number in the repaired input; when one input
    line holds two languages and is split, both parts keep its number.
    ``rule`` names the rule that gave the role (for ``--explain``).
    """

    number: int
    text: str
    lang: str | None = None
    lang_score: float = 0.0
    role: Role = Role.BODY
    rule: str | None = None

    @property
    def removed(self) -> bool:
        return self.role in REMOVED_ROLES

    def set_role(self, role: Role, rule: str) -> None:
        self.role = role
        self.rule = rule

    def __reduce__(self) -> tuple[type[Line], tuple[int, str, str | None, float, Role, str | None]]:
        """Pickled as its fields, made again by a plain call: workers send every line of their
        documents back, and this is faster both ways than the slots' default state."""
        return Line, (self.number, self.text, self.lang, self.lang_score, self.role, self.rule)


@dataclass(frozen=True, slots=True)
class Pair:
    """A line in another language and its translation in the main language."""

    src: str
    src_lang: str
    tgt: str
    tgt_lang: str
    score: float
    src_line: int
    tgt_line: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "src": self.src,
            "src_lang": self.src_lang,
            "tgt": self.tgt,
            "tgt_lang": self.tgt_lang,
            "score": self.score,
        }


@dataclass(slots=True)
class Document:
    """An article: its lines, and what the steps found out about them.

    ``title`` and ``date`` come from the lines (the title line, the date line)
    or, for web pages, from the page's metadata when the text has none.
    ``langs`` are the document's languages, main (``lang``) first: those that
    hold a fair share of its text (set by :mod:`normalize.langid`).
    ``encoding`` is the encoding the input bytes were decoded with (``None``
    for text input); ``error`` is set when the input could not be normalised.
    """

    id: str
    source: str | None = None
    lines: list[Line] = field(default_factory=list)
    lang: str | None = None
    langs: tuple[str, ...] = ()
    title: str | None = None
    date: str | None = None
    pairs: list[Pair] = field(default_factory=list)
    encoding: str | None = None
    error: str | None = None

    def with_role(self, *roles: Role) -> Iterator[Line]:
        return (line for line in self.lines if line.role in roles)

    @property
    def text(self) -> str:
        """The clean main-language paragraphs, joined by a blank line."""
        return "\n\n".join(line.text for line in self.lines if line.role in TEXT_ROLES)

    @property
    def credits(self) -> list[str]:
        return [line.text for line in self.with_role(Role.CREDIT)]

    @property
    def removed(self) -> list[dict[str, Any]]:
        return [
            {"line": line.number, "text": line.text, "reason": line.role.value}
            for line in self.lines
            if line.removed
        ]

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The output record (see ``normalize/schema.json``)."""
        record: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "lang": self.lang,
            "title": self.title,
            "date": self.date,
            "credits": self.credits,
            "text": self.text,
            "pairs": [pair.to_dict() for pair in self.pairs],
            "removed": self.removed,
        }
        if self.encoding is not None:
            record["encoding"] = self.encoding
        if self.error is not None:
            record["error"] = self.error
        if explain:
            record["lines"] = [
                {
                    "line": line.number,
                    "text": line.text,
                    "lang": line.lang,
                    "role": line.role.value,
                    "rule": line.rule,
                }
                for line in self.lines
            ]
        return record

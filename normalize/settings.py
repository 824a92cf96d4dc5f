"""Every setting of the normaliser, in one frozen dataclass."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    """How a document is normalised. Every field has a working default.

    Attributes:
        main_lang: ISO 639-1 code of the article's main language, or ``None``
            to detect it from the text (the language holding most letters).
        min_pair_score: a line in another language is paired with its
            neighbour only when the pair scores at least this (0 to 1);
            otherwise it is removed as ``foreign``.
        seed: seed of langdetect's random sampling where it samples (the
            benchmark's reference mode, ``langid.guess_line``). The pipeline
            reads langdetect's answer off its profiles and samples nothing, so
            its results repeat whatever the seed.
        repeat_min: a line met this many times in one document is boilerplate.
        boilerplate: lines learned as boilerplate across a corpus (their
            normalised form, see ``normalize.boilerplate``); always removed.
        explain: add each line's role, language and rule to the output record.
        max_document_bytes: a document (a file, a feed line, a WARC record) larger than this,
            decoded (after gzip), is not read: it gets an error record (batch reading only).
    """

    main_lang: str | None = None
    min_pair_score: float = 0.3
    seed: int = 0
    repeat_min: int = 2
    boilerplate: frozenset[str] = field(default_factory=frozenset)
    explain: bool = False
    max_document_bytes: int = 20_000_000

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_pair_score <= 1.0:
            raise ValueError(f"min_pair_score must be between 0 and 1, not {self.min_pair_score}")
        if self.repeat_min < 2:
            raise ValueError(f"repeat_min must be 2 or more, not {self.repeat_min}")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Build settings from a mapping; an unknown name is an error."""
        _check_names(values)
        return cls(**dict(values))

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed; an unknown name is an error."""
        _check_names(changes)
        return replace(self, **changes)


def _check_names(values: Mapping[str, Any]) -> None:
    known = sorted(f.name for f in fields(Settings))
    for name in values:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"unknown setting {name!r}{hint} (known: {', '.join(known)})")


#: The settings used when none are given.
DEFAULT_SETTINGS = Settings()

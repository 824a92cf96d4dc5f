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
        main_lang: ISO 639-1 code of the article's main language (case-folded:
            ``"EN"`` is ``"en"``; anything else is an error), or ``None`` to
            detect it from the text (the original's language: the one holding
            most letters, or, where two carry the article about equally, the
            one met first).
        min_pair_score: a line in another language is paired with its
            translation only when the pair scores at least this (0 to 1), or
            half of it where nearly every such line of the document stands
            beside its translation and this one does too; otherwise it is
            removed as ``foreign``.
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
        if self.main_lang is not None:
            object.__setattr__(self, "main_lang", _iso_639_1(self.main_lang))
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


_CODES = """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
    de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
    ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
    lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi
    pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
    tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"""
#: Every ISO 639-1 code.
ISO_639_1 = frozenset(_CODES.split())


def _iso_639_1(code: object) -> str:
    """``code`` case-folded, when it is an ISO 639-1 code; else a :class:`ValueError`."""
    folded = code.strip().casefold() if isinstance(code, str) else ""
    if folded not in ISO_639_1:
        raise ValueError(f"main_lang must be an ISO 639-1 code such as 'en' or 'vi', not {code!r}")
    return folded


def _check_names(values: Mapping[str, Any]) -> None:
    known = sorted(f.name for f in fields(Settings))
    for name in values:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"unknown setting {name!r}{hint} (known: {', '.join(known)})")


#: The settings used when none are given.
DEFAULT_SETTINGS = Settings()

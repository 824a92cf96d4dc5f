"""Pair each line in another language with its translation beside it.

A line in a language other than the document's main one is a *source*; its
candidate translations are the nearest text line before and after it (lines
already removed, such as a tagline or an image id, are stepped over) when
they are in the main language. Every candidate pair is scored
(:func:`normalize._score.pair_score`, weighed by how sure both languages
are); the best pairs are taken first, each line in at most one pair. A pair
scoring under ``settings.min_pair_score`` is not a pair: its source is removed
as ``foreign``. The translation stays in the text; the source leaves it.
"""

from __future__ import annotations

from normalize._score import pair_score
from normalize.document import REMOVED_ROLES, TEXT_ROLES, Document, Line, Pair, Role
from normalize.settings import Settings

Candidate = tuple[float, int, int]
"""``(score, source index, translation index)``."""


def pair_translations(doc: Document, settings: Settings) -> None:
    """Turn other-language text lines into pairs or foreign lines."""
    main = doc.lang
    lines = doc.lines
    sources = [i for i, line in enumerate(lines) if line.role in TEXT_ROLES and _is_other(line, main)]
    if not sources or main is None:
        for index in sources:
            lines[index].set_role(Role.FOREIGN, "no-main-language")
        return
    found = [c for i in sources for c in _candidates(lines, i, main) if c[0] >= settings.min_pair_score]
    # A document places its translations one way (after their source, or before):
    # the way that explains more of it is tried first, as jusText revises from context.
    after = sum(score for score, src, tgt in found if tgt > src)
    before = sum(score for score, src, tgt in found if tgt < src)
    candidates = sorted(found, key=lambda c: ((c[2] > c[1]) != (after >= before), -c[0], c[1], c[2]))
    taken: set[int] = set()
    chosen: dict[int, Candidate] = {}
    for score, src, tgt in candidates:
        if src in taken or tgt in taken:
            continue
        taken.update((src, tgt))
        chosen[src] = (score, src, tgt)
    pairs = []
    for index in sources:
        line = lines[index]
        if index not in chosen:
            line.set_role(Role.FOREIGN, "no-translation-beside")
            continue
        score, _, tgt = chosen[index]
        line.set_role(Role.PAIR_SOURCE, "translation-beside")
        target = lines[tgt]
        assert line.lang is not None
        pairs.append(Pair(line.text, line.lang, target.text, main, score, line.number, target.number))
    doc.pairs = pairs


def _is_other(line: Line, main: str | None) -> bool:
    return line.lang is not None and line.lang != main


def _candidates(lines: list[Line], src: int, main: str) -> list[Candidate]:
    found = []
    for step in (-1, 1):
        tgt = _neighbour(lines, src, step)
        if tgt is None or lines[tgt].lang != main:
            continue
        found.append((_score(lines[src], lines[tgt], main), src, tgt))
    return found


def _neighbour(lines: list[Line], index: int, step: int) -> int | None:
    """The nearest text line from ``index`` in direction ``step``, over removed lines."""
    index += step
    while 0 <= index < len(lines):
        line = lines[index]
        if line.role in TEXT_ROLES:
            return index
        if line.role not in REMOVED_ROLES:
            return None  # a title or a credit stands between: nothing beside
        index += step
    return None


def _score(src: Line, tgt: Line, main: str) -> float:
    assert src.lang is not None
    agreement = pair_score(src.text, src.lang, tgt.text, main)
    sureness = min(src.lang_score, tgt.lang_score)
    return round(agreement * (0.7 + 0.3 * sureness), 4)

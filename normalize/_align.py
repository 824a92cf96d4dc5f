"""A monotonic aligner of one other language's lines with the main language's.

As Gale and Church (1993), hunalign and bleualign do: the document gives two
streams, the lines in the other language (the *sources*) and those in the main
language (the *targets*: text lines and the title), each in document order. A
dynamic programme finds the path through both streams, made of *beads*, that
gains most:

- 1-1: a source and its translation; 2-1 and 1-2: two lines of one side (next
  to each other in the document) and one of the other;
- 1-0: a source with no translation (it becomes foreign); 0-1: a target with no
  source, the most common bead of all (most of an English article has no
  translation), so it costs nothing.

A bead that pairs lines gains its translation score (length ratio against the
ratio expected for the two languages, numbers, names, cognates:
:func:`normalize._score.pair_score`) less :data:`_BAR`, which is more than any
score: a pair must also stand where translations stand. It gains :data:`_NEAR`
when its lines stand next to each other (over removed lines such as an image id),
:data:`_WAY` more on the side where this document puts its translations, and
:data:`_GLUED` more for the two halves of one input line; a pair that goes on
from the pair before it (both its lines next after that pair's: a gallery, two
blocks) gains :data:`_RUN`. So a lone line far from its translation is never
paired on length alone (most lines of an English article match some caption's
length), while a run of pairs is. A bead of two lines pays :data:`_TWO_LINES`.
No bead pairs lines scoring under ``settings.min_pair_score``, or under half of it
for a line beside its source where nearly every line of the document stands so
(:class:`Layout`).

Ties go to the earlier bead kinds of :data:`_BEADS` and the earlier lines: the
same document always gives the same pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import NamedTuple

from normalize._score import LENGTH_FLOOR, length_agreement, pair_score
from normalize.document import TEXT_ROLES, Line, Role

#: What a pairing bead must gain over its translation score and closeness bonus:
#: more than any score, so that a pair stands on its place as well as on its score.
_BAR = 1.05
#: Bonus of a translation next to its source (only removed lines or credits between).
_NEAR = 0.75
#: Bonus of such a translation on the side where this document puts them (after their
#: source, or before it), and of the two halves of one input line cut in two (:mod:`normalize.mixed`
#: cut it there because they translate each other: they pair before any neighbour).
_WAY, _GLUED = 0.3, 1.5
#: In a document whose lines stand beside their translations (:class:`Layout`), a line
#: beside its source, on the side where the document puts them, pairs scoring this share
#: of ``settings.min_pair_score``: its place says as much as its score.
_ON_WAY_GATE = 0.5
_INTERLEAVED_SHARE, _INTERLEAVED_MIN = 0.8, 4
#: Bonus of a pair going on from the pair before it (a gallery, two blocks): both its
#: lines stand next after those of the pair before.
_RUN = 0.6
#: What a bead of two lines on one side pays more than one of one line each.
_TWO_LINES = 0.5
#: Past this many source-target cells, only lines this close are compared (long documents).
_MAX_CELLS = 60_000
_FAR_WINDOW = 40

_PLACED = TEXT_ROLES | {Role.TITLE, Role.PAIR_SOURCE}

#: ``(sources, targets)`` each bead takes, in the order ties are broken.
_BEADS = ((1, 1), (0, 1), (1, 0), (2, 1), (1, 2))

#: A label such as ``English:`` or ``Bản tiếng Việt:``: never paired.
_LABEL = re.compile(r"\W*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[:：]\s*")


class Bead(NamedTuple):
    """Lines (indices into the document's lines) paired by the aligner, and their score."""

    sources: tuple[int, ...]
    targets: tuple[int, ...]
    score: float
    gain: float


def align(lines: list[Line], main: str, other: str, min_score: float, layout: Layout) -> list[Bead]:
    """The pairing beads of the best monotonic alignment of ``other``'s text lines with ``main``'s.

    ``layout``: where this document puts its translations (:func:`document_layout`).
    """
    follow = layout.follow
    gate_on_way = min_score * (_ON_WAY_GATE if layout.interleaved else 1.0)
    sources = _stream(lines, lambda lang: lang == other, titles=False)
    targets = _stream(lines, lambda lang: lang == main)
    if not sources or not targets:
        return []
    place = _places(lines)
    far_ok = len(sources) * len(targets) <= _MAX_CELLS
    # a pair far apart gains only in a run, where both its lines stand next to a line of their stream
    in_runs = _in_runs(sources, place) | _in_runs(targets, place)

    def gain(src: tuple[int, ...], tgt: tuple[int, ...]) -> tuple[float, float] | None:
        """``(gain, score)`` of pairing ``src`` with ``tgt``; ``None`` when they cannot pair."""
        if not _together(lines, src, place) or not _together(lines, tgt, place):
            return None
        distance = min(abs(place[s] - place[t]) for s in src for t in tgt)
        if distance > 1 and (
            (not far_ok and distance > _FAR_WINDOW) or in_runs.isdisjoint(src) or in_runs.isdisjoint(tgt)
        ):
            return None
        if len(src) + len(tgt) > 2 and not _lengths_may_agree(lines, src, tgt, main):
            return None
        found = _score(lines, src, tgt, main)
        on_way = distance <= 1 and (place[tgt[0]] > place[src[0]]) == follow
        if found < (gate_on_way if on_way else min_score):
            return None
        value = found - _BAR - (_TWO_LINES if len(src) + len(tgt) > 2 else 0.0)
        if distance <= 1:
            value += _NEAR + _WAY * on_way
            value += _GLUED * (lines[src[0]].number == lines[tgt[0]].number)
        return value, found

    def run(src_before: int, src: int, tgt_before: int, tgt: int) -> bool:
        """Whether a pair goes on from the one before: both sides next to it in the document."""
        return place[src] - place[src_before] == 1 and place[tgt] - place[tgt_before] == 1

    return _best_path(sources, targets, gain, run)


class Layout(NamedTuple):
    """Where this document puts its translations.

    ``follow``: after their source, rather than before it. ``interleaved``: nearly
    every other-language line (:data:`_INTERLEAVED_SHARE`, and :data:`_INTERLEAVED_MIN`
    of them or more) has its translation right there, so the rest likely do too.
    """

    follow: bool
    interleaved: bool


def document_layout(lines: list[Line], main: str, min_score: float) -> Layout:
    """The layout of this document's translations (:class:`Layout`).

    The way that explains more of the document (the sum of the scores of the
    other-language lines with the main-language line after, or before, them)
    wins, as jusText revises from context.
    """
    place = _places(lines)
    at = {place[index]: index for index in _stream(lines, lambda lang: lang == main)}
    totals = {True: 0.0, False: 0.0}
    paired = {True: 0, False: 0}
    sources = _stream(lines, lambda lang: lang not in (None, main), titles=False)
    for index in sources:
        for after in (True, False):
            target = at.get(place[index] + (1 if after else -1))
            found = 0.0 if target is None else _score(lines, (index,), (target,), main)
            if found >= min_score:
                totals[after] += found
                paired[after] += 1
    follow = totals[True] >= totals[False]
    beside = paired[follow]
    return Layout(follow, beside >= _INTERLEAVED_MIN and beside >= _INTERLEAVED_SHARE * len(sources))


def _stream(lines: list[Line], wanted: Callable[[str | None], bool], titles: bool = True) -> list[int]:
    """The text lines (and the title, with ``titles``) of the languages ``wanted``, labels left out."""
    roles = _PLACED - {Role.PAIR_SOURCE} if titles else TEXT_ROLES
    return [
        i for i, line in enumerate(lines) if line.role in roles and wanted(line.lang) and not is_label(line)
    ]


def is_label(line: Line) -> bool:
    """Whether ``line`` is a short label ending in a colon (``English:``), never paired."""
    return len(line.text) <= 40 and _LABEL.fullmatch(line.text) is not None


def _places(lines: list[Line]) -> dict[int, int]:
    """Each text line's, pair source's and the title's place among them (removed lines and
    credits are stepped over): the same whichever language is aligned first."""
    staying = [i for i, line in enumerate(lines) if line.role in _PLACED]
    return {index: place for place, index in enumerate(staying)}


def _in_runs(stream: list[int], place: dict[int, int]) -> set[int]:
    """The lines of ``stream`` next to the one before or after them in it."""
    linked: set[int] = set()
    for before, after in pairwise(stream):
        if place[after] - place[before] == 1:
            linked.update((before, after))
    return linked


def _together(lines: list[Line], indices: tuple[int, ...], place: dict[int, int]) -> bool:
    """Whether the lines of one side of a bead stand next to each other (a title stands alone)."""
    return len(indices) == 1 or (
        place[indices[1]] - place[indices[0]] == 1 and lines[indices[0]].role is not Role.TITLE
    )


def _score(lines: list[Line], src: tuple[int, ...], tgt: tuple[int, ...], main: str) -> float:
    """The pair score of the joined ``src`` and ``tgt`` lines, weighed by how sure their languages are."""
    src_lang = lines[src[0]].lang
    assert src_lang is not None
    agreement = pair_score(join(lines, src), src_lang, join(lines, tgt), main)
    sureness = min(lines[i].lang_score for i in (*src, *tgt))
    return round(agreement * (0.7 + 0.3 * sureness), 4)


def _lengths_may_agree(lines: list[Line], src: tuple[int, ...], tgt: tuple[int, ...], main: str) -> bool:
    """Whether the lengths of the joined lines leave the pair a chance, as Gale and Church's
    lengths alone do: asked of a bead of two lines before its (dearer) score."""
    src_lang = lines[src[0]].lang
    assert src_lang is not None
    return length_agreement(join(lines, src), src_lang, join(lines, tgt), main) >= LENGTH_FLOOR


def join(lines: list[Line], indices: tuple[int, ...]) -> str:
    """The texts of ``indices``' lines, joined by a space."""
    return " ".join(lines[i].text for i in indices)


Gain = Callable[[tuple[int, ...], tuple[int, ...]], "tuple[float, float] | None"]
#: A cell's best way in: ``(value, sources taken, targets taken, score, gain, came from a pair)``.
_Step = tuple[float, int, int, float, float, bool]


def _best_path(
    sources: list[int], targets: list[int], gain: Gain, run: Callable[[int, int, int, int], bool]
) -> list[Bead]:
    """The pairing beads of the path through both streams that gains most (dynamic programming).

    Each cell keeps two bests: over all paths reaching it, and over those whose
    last bead pairs lines; a pairing bead that goes on from one (``run``) gains
    :data:`_RUN` more.
    """
    n, m = len(sources), len(targets)
    cells: list[list[tuple[_Step | None, _Step | None]]] = [[(None, None)] * (m + 1) for _ in range(n + 1)]
    cells[0][0] = ((0.0, 0, 0, 0.0, 0.0, False), None)
    for i in range(n + 1):
        for j in range(m + 1):
            if i or j:
                cells[i][j] = _best_in(cells, i, j, sources, targets, gain, run)
    beads = []
    i, j, paired = n, m, False
    while i or j:
        anyway, last_pair = cells[i][j]
        step = last_pair if paired else anyway
        assert step is not None
        _, di, dj, score, bead_gain, from_pair = step
        if di and dj:
            beads.append(Bead(tuple(sources[i - di : i]), tuple(targets[j - dj : j]), score, bead_gain))
        i, j, paired = i - di, j - dj, from_pair
    beads.reverse()
    return beads


def _best_in(
    cells: list[list[tuple[_Step | None, _Step | None]]],
    i: int,
    j: int,
    sources: list[int],
    targets: list[int],
    gain: Gain,
    run: Callable[[int, int, int, int], bool],
) -> tuple[_Step | None, _Step | None]:
    """Cell ``(i, j)``'s best way in over all paths, and over those ending in a pairing bead."""
    anyway: _Step | None = None
    pairing: _Step | None = None
    for di, dj in _BEADS:
        if di > i or dj > j:
            continue
        before, before_pair = cells[i - di][j - dj]
        assert before is not None
        if not (di and dj):
            if anyway is None or before[0] > anyway[0] + 1e-9:
                anyway = (before[0], di, dj, 0.0, 0.0, False)
            continue
        found = gain(tuple(sources[i - di : i]), tuple(targets[j - dj : j]))
        if found is None:
            continue
        step: _Step = (before[0] + found[0], di, dj, found[1], found[0], False)
        if before_pair is not None and run(
            sources[i - di - 1], sources[i - di], targets[j - dj - 1], targets[j - dj]
        ):
            going_on = before_pair[0] + found[0] + _RUN
            if going_on > step[0] + 1e-9:
                step = (going_on, di, dj, found[1], found[0] + _RUN, True)
        if pairing is None or step[0] > pairing[0] + 1e-9:
            pairing = step
    if pairing is not None and (anyway is None or pairing[0] > anyway[0] + 1e-9):
        anyway = pairing
    return anyway, pairing

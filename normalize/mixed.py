"""Split each line that holds two languages: ``<caption> <its translation>``.

Only lines that show signs of two languages are tried (two scripts, words with
Vietnamese letters at one end only, or an unsure language guess); each place
where one sentence or word run may end and another begin is scored by how
sure each side's language is and how well the sides translate each other.
"""

from __future__ import annotations

import re

from normalize import langid
from normalize._score import pair_score
from normalize.document import Document, Line
from normalize.settings import Settings

_BOUNDARY = re.compile(r"(?<=[.!?…。！？”\"»)])\s*(?=\S)|\s+(?=[\"“«(]?[^\W\d_])")
_CJK_EDGE = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*(?=[A-Za-z])|(?<=[A-Za-z.!?])\s*(?=[\u3400-\u9fff])"
)
_VI_WORD = re.compile(r"\S*[\u01a0\u01a1\u01af\u01b0\u0110\u0111\u1ea0-\u1ef9]\S*")
_MAX_CANDIDATES = 40
_MIN_SIDE_LETTERS = 8
_SURE_SIDE = 0.80


def split_mixed_lines(doc: Document, settings: Settings) -> None:
    """Replace each line holding a caption and its translation by two lines."""
    if doc.lang is None:
        return
    lines: list[Line] = []
    for line in doc.lines:
        parts = _split(line, doc.lang, settings) if _looks_mixed(line) else None
        lines.extend(parts or [line])
    doc.lines = lines


def _split(line: Line, main: str, settings: Settings) -> list[Line] | None:
    """Two lines (same number) when ``line`` is a caption and its translation, else ``None``."""
    best: tuple[float, str, str, langid.Guess, langid.Guess] | None = None
    for cut in _candidates(line.text):
        left, right = line.text[:cut].strip(), line.text[cut:].strip()
        if langid.letter_count(left) < _MIN_SIDE_LETTERS or langid.letter_count(right) < _MIN_SIDE_LETTERS:
            continue
        left_guess = langid.guess_line(left, settings.seed)
        if not left_guess or left_guess[0][1] < _SURE_SIDE:
            continue  # the checks below would drop this cut: spare the right side's guess
        right_guess = langid.guess_line(right, settings.seed)
        if not right_guess:
            continue
        (left_lang, left_prob), (right_lang, right_prob) = left_guess[0], right_guess[0]
        if left_lang == right_lang or main not in (left_lang, right_lang):
            continue
        if min(left_prob, right_prob) < _SURE_SIDE:
            continue
        src, src_lang, tgt = (right, right_lang, left) if left_lang == main else (left, left_lang, right)
        agreement = pair_score(src, src_lang, tgt, main)
        if agreement < settings.min_pair_score:
            continue
        score = left_prob * right_prob * agreement
        if best is None or score > best[0]:
            best = (score, left, right, left_guess, right_guess)
    if best is None:
        return None
    _, left, right, left_guess, right_guess = best
    parts = [Line(number=line.number, text=left), Line(number=line.number, text=right)]
    for part, part_guess in zip(parts, (left_guess, right_guess), strict=True):
        part.lang, part.lang_score = part_guess[0]
    return parts


def _looks_mixed(line: Line) -> bool:
    """Cheap signs that a line may hold two languages."""
    text = line.text
    letters = langid.letter_count(text)
    if letters < 2 * _MIN_SIDE_LETTERS:
        return False
    if line.lang_score < langid.SURE:
        return True
    if _CJK_EDGE.search(text):
        return True
    vi = [bool(_VI_WORD.fullmatch(word)) for word in text.split()]
    if sum(vi) >= 2 and (_plain_run(vi) >= 5 or _plain_run(vi[::-1]) >= 5):
        return True  # Vietnamese words at one end only
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    return 0.15 * letters <= cyrillic <= 0.85 * letters


def _plain_run(flags: list[bool]) -> int:
    """How many words at the end of ``flags`` have no Vietnamese letter."""
    run = 0
    for flag in reversed(flags):
        if flag:
            break
        run += 1
    return run


def _candidates(text: str) -> list[int]:
    """Places to cut, nearest the middle first, at most :data:`_MAX_CANDIDATES`."""
    cuts = {m.start() for m in _BOUNDARY.finditer(text)} | {m.start() for m in _CJK_EDGE.finditer(text)}
    cuts.discard(0)
    middle = len(text) / 2
    return sorted(cuts, key=lambda cut: (abs(cut - middle), cut))[:_MAX_CANDIDATES]

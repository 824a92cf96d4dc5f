"""Seeded langdetect: ranked guesses, optionally restricted to some languages, cached.

The same random draws and arithmetic as langdetect's own ``Detector``, faster
(see :func:`_probabilities`); ``tests/test_langid.py`` checks they agree.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from langdetect.detector import Detector
from langdetect.detector_factory import DetectorFactory, init_factory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language

Guess = tuple[tuple[str, float], ...]
"""Ranked ``(language, probability)`` candidates; empty when there is no telling."""

#: langdetect's codes that differ from ISO 639-1.
CODES = {"zh-cn": "zh", "zh-tw": "zh"}


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    init_factory()
    from langdetect import detector_factory

    factory: DetectorFactory = detector_factory._factory
    return factory


@lru_cache(maxsize=65536)
def langdetect_ranked(text: str, seed: int, only: tuple[str, ...] | None, shortcut: bool = True) -> Guess:
    """langdetect's ranked guess, seeded; ``only`` restricts the candidates.

    With one candidate left and ``shortcut``, the answer is computed without
    sampling (:func:`_only_candidate`), the same as sampling would give.
    """
    factory = _factory()
    detector = factory.create()
    detector.seed = seed
    if only is not None:
        known = [code for code in factory.get_lang_list() if CODES.get(code, code) in only]
        if not known:
            return ()
        detector.set_prior_map({code: 1.0 for code in known})
    detector.append(text)
    if only is not None and len(known) == 1 and shortcut:
        return _only_candidate(detector, CODES.get(known[0], known[0]))
    try:
        ranked = _probabilities(detector)
    except LangDetectException:
        return ()
    merged: Counter[str] = Counter()
    for item in ranked:
        merged[CODES.get(item.lang, item.lang)] += item.prob
    return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


def _probabilities(detector: Detector) -> list[Language]:
    """:meth:`Detector.get_probabilities`, the same numbers, several times faster.

    The same random draws and the same float operations in the same order as
    langdetect's ``_detect_block``, written as list comprehensions over the
    languages that can score (those of the prior map, when there is one): a
    language left out stays at 0.0 in langdetect, and adding 0.0 to a sum
    changes nothing. ``tests/test_langid.py`` checks the two agree.
    """
    detector.cleaning_text()
    ngrams = detector._extract_ngrams()
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    start = detector._init_probability()
    live = [index for index, prob in enumerate(start) if prob != 0.0]
    start = [start[index] for index in live]
    rows: dict[str, list[float]] = {}
    table = detector.word_lang_prob_map
    total = [0.0] * len(live)
    rand = detector.random
    rand.seed(detector.seed)
    n_trial = detector.n_trial
    for _ in range(n_trial):
        prob = start
        weight = (detector.alpha + rand.gauss(0.0, 1.0) * detector.ALPHA_WIDTH) / detector.BASE_FREQ
        i = 0
        while True:
            gram = rand.choice(ngrams)
            row = rows.get(gram)
            if row is None:
                full = table[gram]
                row = rows[gram] = full if len(live) == len(full) else [full[index] for index in live]
            prob = [p * (weight + q) for p, q in zip(prob, row, strict=True)]
            if i % 5 == 0:
                sump = sum(prob)
                prob = [p / sump for p in prob]
                if max(prob) > detector.CONV_THRESHOLD or i >= detector.ITERATION_LIMIT:
                    break
            i += 1
        total = [t + p / n_trial for t, p in zip(total, prob, strict=True)]
    langprob = [0.0] * len(detector.langlist)
    for index, value in zip(live, total, strict=True):
        langprob[index] = value
    detector.langprob = langprob
    result: list[Language] = detector.get_probabilities()
    return result


def _only_candidate(detector: Detector, lang: str) -> Guess:
    """langdetect's answer with one candidate, without its sampling.

    Each trial's probabilities, normalised, are then 1.0 for the one candidate
    and 0.0 for the others, so the answer is that language with the sum of
    ``n_trial`` shares, once the text holds a feature; exactly what
    :meth:`Detector.get_probabilities` would return.
    """
    detector.cleaning_text()
    if not detector._extract_ngrams():
        return ()
    prob = 0.0
    for _ in range(detector.n_trial):
        prob += 1.0 / detector.n_trial
    return ((lang, prob),)



"""Pair each line in another language with its translation in the main language.

A text line in a language other than the document's main one is a *source*.
For each other language on its own, :func:`normalize._align.align` aligns its
lines with the main language's (text lines and the title) wherever they stand:
beside each other (either order), a gallery's captions then their translations,
paragraphs alternating, or the whole article then its translation. A source in
a pair gets the role ``pair-source`` and leaves the text; its translation stays
where it is. A line translated in two languages is paired with the one whose
bead gains more. A source with no translation scoring at least
``settings.min_pair_score`` is removed as ``foreign``. Two lines of one side
aligned with one of the other make one :class:`Pair`, their texts joined by a
space; each source line is a ``pair-source``.
"""

from __future__ import annotations

from normalize._align import align, document_layout, join
from normalize.document import TEXT_ROLES, Document, Pair, Role
from normalize.settings import Settings


def pair_translations(doc: Document, settings: Settings) -> None:
    """Turn other-language text lines into pairs or foreign lines."""
    main = doc.lang
    lines = doc.lines
    sources = [i for i, line in enumerate(lines) if line.role in TEXT_ROLES and line.lang not in (None, main)]
    if not sources or main is None:
        for index in sources:
            lines[index].set_role(Role.FOREIGN, "no-main-language")
        return
    pairs: list[tuple[int, Pair]] = []
    langs = {lang for i in sources if (lang := lines[i].lang) is not None}
    layout = document_layout(lines, main, settings.min_pair_score)
    beads = [b for other in sorted(langs) for b in align(lines, main, other, settings.min_pair_score, layout)]
    taken: set[int] = set()
    for bead in sorted(beads, key=lambda bead: (-bead.gain, bead.sources[0])):
        if taken.intersection(bead.targets):
            continue  # a translation already paired with a line of another language, by a better bead
        taken.update(bead.targets)
        first, target = lines[bead.sources[0]], lines[bead.targets[0]]
        src_lang = first.lang
        assert src_lang is not None
        pair = Pair(
            join(lines, bead.sources),
            src_lang,
            join(lines, bead.targets),
            main,
            bead.score,
            first.number,
            target.number,
        )
        pairs.append((bead.sources[0], pair))
        for index in bead.sources:
            lines[index].set_role(Role.PAIR_SOURCE, "aligned-translation")
    for index in sources:
        if lines[index].role in TEXT_ROLES:
            lines[index].set_role(Role.FOREIGN, "no-translation")
    doc.pairs = [pair for _, pair in sorted(pairs, key=lambda item: item[0])]

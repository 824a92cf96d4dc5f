"""The whole normaliser, top to bottom.

    read (file, HTML, feed record, WARC record) -> repair text -> split into lines
    -> detect each line's language -> give each line a role -> pair translations -> write

Reading lives in ``readers.py`` and writing in ``writers.py``; this module turns
one input into one :class:`Document`. Each step is a plain function of its own
module, and only sets fields of the document's lines: no line is ever dropped.
"""

from __future__ import annotations

from normalize.document import Document
from normalize.langid import detect_languages
from normalize.lines import split_lines
from normalize.pairing import pair_translations
from normalize.repair import repair_text
from normalize.roles import assign_roles
from normalize.settings import Settings

DEFAULT_SETTINGS = Settings()


def normalize(
    text: str,
    *,
    id: str = "",
    source: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """Normalise one plain-text article.

    >>> doc = normalize("A title\\n\\n19/10/2021\\n\\nThe body.", id="a")
    >>> doc.title, doc.date, doc.text
    ('A title', '2021-10-19', 'The body.')
    """
    doc = Document(id=id, source=source)
    doc.lines = split_lines(repair_text(text))
    detect_languages(doc, settings)
    assign_roles(doc, settings)
    pair_translations(doc, settings)
    return doc

"""normalize: clean scraped multilingual articles into documents and parallel text.

>>> from normalize import normalize
>>> doc = normalize("Title\\n\\nBody paragraph.", id="x")
>>> doc.title
'Title'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from normalize.batch import normalize_files
from normalize.document import Document, Line, Pair, Role
from normalize.settings import Settings

if TYPE_CHECKING:
    from normalize.pipeline import normalize, normalize_html

__all__ = ["Document", "Line", "Pair", "Role", "Settings", "normalize", "normalize_files", "normalize_html"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``normalize`` and ``normalize_html``, imported with the pipeline on first use.

    The ``normalize`` command imports this package but not the pipeline (see
    :mod:`normalize.batch`).
    """
    if name in ("normalize", "normalize_html"):
        from normalize import pipeline

        value = getattr(pipeline, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'normalize' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

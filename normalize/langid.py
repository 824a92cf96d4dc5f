"""Detect each line's language (first version, replaced by the full one)."""

from __future__ import annotations

from normalize.document import Document
from normalize.settings import Settings


def detect_languages(doc: Document, settings: Settings) -> None:
    """Set ``line.lang`` on every line and ``doc.lang``."""
    doc.lang = settings.main_lang

"""Pair each other-language line with its translation (first version)."""

from __future__ import annotations

from normalize.document import Document
from normalize.settings import Settings


def pair_translations(doc: Document, settings: Settings) -> None:
    """Turn other-language lines into pairs with their translation."""

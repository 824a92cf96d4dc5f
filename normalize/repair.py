"""Repair text: mojibake, HTML entities, invisible and odd spaces, NFC.

(First version; see the helper-owned full version.)
"""

from __future__ import annotations

import unicodedata

import ftfy


def repair_text(text: str) -> str:
    """Return ``text`` repaired; clean text comes out unchanged."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(text, normalization="NFC")
    text = text.replace("\u200b", "").replace("\u00a0", " ").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)

"""Lines that are nothing but image or object ids and media file names.

``IMG_0001.jpg``, ``5fad183d85600a709965ad1d``, a uuid, a CMS image slug: a
line of such tokens only is no text. Part of the per-line classifiers of
:mod:`normalize.patterns` (which exports :func:`image_id_rule`); every regex
is precompiled and anchored to one token of bounded length.
"""

from __future__ import annotations

import re

__all__ = ["DIGIT", "LETTER", "image_id_rule"]

#: An ASCII letter; a digit (the other per-line classifiers use them too).
LETTER = re.compile(r"[A-Za-z]")
DIGIT = re.compile(r"\d")

_IMAGE_EXT = r"(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg|heic|heif|mp4|mov|webm)"
_ID_TOKENS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("image-file", re.compile(r"(?:https?://\S+/)?[\w.~%+()=-]*\w\." + _IMAGE_EXT + r"(?:\?\S*)?", re.I)),
    ("uuid", re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)),
    ("object-id", re.compile(r"[0-9a-f]{24}", re.I)),
    ("hash", re.compile(r"[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}", re.I)),
    ("cms-image", re.compile(r"\d{2,5}x\d{2,5}[_-][\w-]{4,}", re.I)),
    ("camera-file", re.compile(r"(?:img|dsc|dscn|dscf|pxl|vid|mvimg|screenshot)[_-]?\d{3,}[\w-]*", re.I)),
)
_HEX_RUN = re.compile(r"[0-9a-f]{16,}", re.I)
_ID_CHARS = re.compile(r"[A-Za-z0-9_-]{12,}")
_DIGIT_RUN = re.compile(r"\d{6,}")
_MIXED_SEGMENT = re.compile(r"(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,}")
_SEGMENT_SEP = re.compile(r"[_-]")
_MAX_ID_LINE = 2000
_MAX_ID_TOKEN = 300


#: The shortest token that an id rule takes with neither a digit nor a dot (an object id).
_MIN_PLAIN_ID = 24


def _id_token_rule(token: str) -> str | None:
    """The rule of an id token, else ``None``.

    Every id holds a digit (the slugs, hex ids and camera or CMS file names
    require one), or a dot (a file name), or is at least
    :data:`_MIN_PLAIN_ID` characters long (uuid, object id, hash): a shorter
    token with neither, as most words are, is none.
    """
    if len(token) > _MAX_ID_TOKEN:
        return None
    if len(token) < _MIN_PLAIN_ID and "." not in token and not DIGIT.search(token):
        return None
    for name, pattern in _ID_TOKENS:
        if pattern.fullmatch(token):
            return name
    if _HEX_RUN.fullmatch(token) and DIGIT.search(token) and LETTER.search(token):
        return "hex-id"
    if _ID_CHARS.fullmatch(token) and LETTER.search(token):
        # a generated slug: a long digit run (timestamp, serial) or a random-looking
        # letter+digit segment; ordinary words, years and "COVID-19" have neither
        segments = _SEGMENT_SEP.split(token)
        if _DIGIT_RUN.search(token) or any(_MIXED_SEGMENT.fullmatch(s) for s in segments):
            return "generated-id"
    return None


def image_id_rule(text: str) -> str | None:
    """The rule name when the whole line is image/object ids or media file names."""
    if not text or len(text) > _MAX_ID_LINE:
        return None
    # most lines fail at their first word: the rest is split only when it passes
    head = text.split(None, 1)
    first = _id_token_rule(head[0]) if head else None
    if first is None:
        return None
    for token in head[1].split() if len(head) > 1 else ():
        if _id_token_rule(token) is None:
            return None
    return first

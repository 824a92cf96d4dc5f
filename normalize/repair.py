"""Repair text: mojibake, HTML entities, invisible and odd spaces, NFC.

In the style of ftfy, every fix is a small documented function, and
:func:`repair_text` applies them in one visible order (see ``_FIXES``). Most
fixes start with a cheap test (``str.isascii``, a ``in`` or a precompiled
character-class search) and return the text untouched when there is nothing to
do, so clean text costs a few fast scans.

Line structure is kept: no fix adds or removes a ``\\n``, except
:func:`fix_line_breaks`, which turns CRLF, CR, U+2028 and U+2029 into ``\\n``
(one line break each). Line numbers reported to users therefore count the lines
of the input with those breaks normalised. Blank lines stay (empty) lines.

Decisions (see ``fixtures/repair/cases.json`` for the golden cases):

- HTML character references are decoded only in their unambiguous form that
  ends with ``;`` (``&amp;``, ``&eacute;``, ``&#39;``, ``&#x27;``), also when
  the text holds a literal ``<``. ``AT&T``, ``5 < 6 & 7 > 3`` and a URL's
  ``?a=1&copy=2`` stay as they are. Double-escaped text (``&amp;eacute;``) is
  decoded until nothing is left to decode (``é``): escaped entities are a
  scraping accident far more often than a news text about HTML, and decoding
  once only would not be idempotent. A reference that decodes to a line break
  becomes a space, so entities never add lines.
- Curly quotes are kept. Latin ligatures (``ﬁ`` -> ``fi``) are taken apart as
  ftfy does; full-width forms are NOT narrowed (ftfy's ``fix_character_width``
  would turn Chinese and Japanese full-width commas and brackets, U+FF0C
  and U+FF08, into ASCII), only U+3000
  becomes a space.
- Only UTF-8 mojibake read as (sloppy) windows-1252 or latin-1 is looked for,
  and only on lines that hold a character of that range and that ftfy's
  ``is_bad`` flags. Lines are fixed one by one, so a document where only some
  lines are garbled keeps its clean lines as they are.
- ZWJ and ZWNJ (U+200C, U+200D) are kept: they are meaningful in emoji
  sequences and in Persian and Indic scripts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import ftfy
import ftfy.fixes as ftfy_fixes
from ftfy.badness import is_bad

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")
_BREAKS_FROM_ENTITIES = re.compile("[\n\r\u2028\u2029\x0b\x0c\x85]")
# "Ã" + space that was "à" + no-break space inside a word: before a Vietnamese
# rhyme ending (y i o u m n nh ng) that ends the word, or before closing
# punctuation (also as mojibake: U+201D, U+2019 and U+2026 are "â€" + one character).
_A_GRAVE_IN_WORD = re.compile(
    "\u00c3 (?=(?:y|i|o|u|m|n|nh|ng)(?![A-Za-z'\u2019\u00c3\u00c4\u00c5\u00c6\u00e1])"
    "|[.,:;!?)\\]}]|\u00e2[\u20ac\x80][\x9d\x99\u2122\xa6\u00a6])"
)
# "Æ" + space is "Ơ" (C6 A0) + lost no-break space; ftfy does not restore it.
_O_HORN = re.compile("\u00c6 (?=[a-z])")
#: What UTF-8 read as windows-1252 or latin-1 always holds: a lead byte (U+00C2-U+00F4) then a
#: continuation byte (0x80-0xBF: U+0080-U+00BF or windows-1252's signs at 0x80-0x9F). The
#: continuation comes first in the pattern: it is the rarer of the two in clean text, so the
#: search stops at fewer characters (a third of the time on accented text).
_MOJIBAKE_PAIR = re.compile(
    "[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
    "\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122](?<=[\u00c2-\u00f4].)"
)
#: Or the space a scraper made of a continuation no-break space (``Ã`` + space is ``à``).
_LOST_NO_BREAK = ("\u00c2 ", "\u00c3 ", "\u00c6 ")
_C1 = re.compile("[\x80-\x9f]")


def _may_hold_mojibake(text: str) -> bool:
    """Whether ``text`` holds a :data:`_MOJIBAKE_PAIR` or a :data:`_LOST_NO_BREAK`, as every UTF-8
    mojibake does."""
    if text.isascii():
        return False
    return _MOJIBAKE_PAIR.search(text) is not None or any(pair in text for pair in _LOST_NO_BREAK)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u3000]")
#: Two or more spaces and tabs, or a lone tab (``[ \t]{2,}|\t``, written to start with a literal
#: character: the engine then skips to each space or tab instead of trying both branches everywhere).
_SPACE_RUN = re.compile(" [ \t]+|\t[ \t]*")
_LIGATURE = re.compile("[\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]")


def fix_surrogates(text: str) -> str:
    """Join UTF-16 surrogate pairs into their character; a lone surrogate becomes U+FFFD.

    Some decoders (``surrogateescape``, JSON with ``\\ud83d``) leave them; they
    cannot be encoded, so they must go before anything encodes the text.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    fixed: str = ftfy_fixes.fix_surrogates(text)
    return fixed


def fix_line_breaks(text: str) -> str:
    """CRLF, CR, LINE SEPARATOR and PARAGRAPH SEPARATOR become ``\\n`` (one each)."""
    if "\r" not in text and (text.isascii() or ("\u2028" not in text and "\u2029" not in text)):
        return text
    return _LINE_BREAK.sub("\n", text)


def unescape_entities(text: str) -> str:
    """Decode HTML character references (``&amp;``, ``&eacute;``, ``&#39;``, ``&#x27;``).

    Only the form ending with ``;`` is decoded, even when the text holds ``<``.
    Double escapes are decoded until stable (``&amp;eacute;`` -> ``é``). A
    reference that decodes to a line break (``&#10;``) gives a space instead, so
    the line count is kept.
    """
    if "&" not in text or _ENTITY.search(text) is None:
        return text
    while True:
        decoded = _ENTITY.sub(_decode_entity, text)
        if decoded == text:
            return text
        text = decoded


def _decode_entity(match: re.Match[str]) -> str:
    decoded: str = ftfy_fixes.unescape_html(match.group(0))
    return _BREAKS_FROM_ENTITIES.sub(" ", decoded)


def _restore_a0_in_words(line: str) -> str:
    """Undo the scraper's "byte A0 became a space" inside mojibake, where ftfy does not.

    ``à`` is C3 A0 in UTF-8: read as windows-1252 it is ``Ã`` + no-break space,
    and scrapers often turn that into a plain space, so ``và`` becomes ``vÃ ``
    + the real space and ``này`` becomes ``nÃ y``. ftfy reads ``Ã`` + space +
    letter as ``à`` + space (right for French ``Ã Paris`` once spaces were
    collapsed), which splits ``này`` into ``nà y`` and ``là:`` into ``là :``.
    When the letters after the space are one of the endings that follow ``à``
    inside a Vietnamese syllable (``y i o u m n nh ng``: ``này làm vào toàn
    thành hàng``) and the word ends there, or closing punctuation follows, the
    space was the lost A0: we put it back before decoding. Those endings are not
    words of their own in French, Portuguese or Italian. ``Ơ`` (C6 A0, ``Æ`` +
    space) is restored the same way before a lowercase letter (``Ơn``).
    """
    if "\u00c3 " in line:
        line = _A_GRAVE_IN_WORD.sub("\u00c3\u00a0", line)
    if "\u00c6 " in line:
        line = _O_HORN.sub("\u00c6\u00a0", line)
    return line


def _decode_short_mojibake(line: str) -> str:
    """Decode a line that ``is_bad`` does not flag (too short: ``ngá»±a``) but that,
    encoded back as sloppy-windows-1252 or latin-1, is valid UTF-8 as a whole.

    Real text in those encodings is almost never valid UTF-8 by chance; the
    line is returned unchanged otherwise.
    """
    for encoding in ("sloppy-windows-1252", "latin-1"):
        try:
            return line.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return line


def _decode_mojibake_words(line: str, flagged: bool) -> str:
    """Decode, word by word, what mojibake a line still holds after the line was fixed whole.

    ftfy leaves some garbled words where clean characters sit between them (a
    real no-break space: ``Bài: ... Nguyá»…n``), and a line holding a character
    windows-1252 cannot encode (``ễ``) fails :func:`_decode_short_mojibake`
    whole. Each space-separated word still holding a :data:`_MOJIBAKE_PAIR` is
    then decoded on its own, by the same test (encoded back, it is valid UTF-8
    as a whole), and kept when ``flagged`` (ftfy's ``is_bad`` flagged the line)
    or when it gives a character of three UTF-8 bytes (U+0800 on: ``ễ``), which
    takes an accented letter and two signs in a row. Two bytes alone are a
    capital and a sign in clean text too (``CAFÉ”``: ``É`` and ``”`` are C9 94).
    """
    if not _may_hold_mojibake(line):
        return line
    words = line.split(" ")
    for index, word in enumerate(words):
        if _MOJIBAKE_PAIR.search(word):
            decoded = _decode_short_mojibake(word)
            if flagged or max(decoded) >= "\u0800":
                words[index] = decoded
    return " ".join(words)


def fix_mojibake(text: str) -> str:
    """Decode UTF-8 that was read as windows-1252, sloppy-windows-1252 or latin-1, line by line.

    A line is only looked at when it holds a lead character followed by a
    continuation one (:func:`_may_hold_mojibake`, as every such mojibake does)
    and ftfy's ``is_bad`` flags it (clean Vietnamese, French or Portuguese lines are not
    flagged); then :func:`_restore_a0_in_words` and ``ftfy.fix_encoding`` fix it.
    A line too short for ``is_bad`` goes to :func:`_decode_short_mojibake`.
    Clean lines of a partly garbled document are left alone.
    """
    if not _may_hold_mojibake(text):
        return text
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if not _may_hold_mojibake(line):
            continue
        flagged = is_bad(line)
        if flagged:
            fixed: str = ftfy.fix_encoding(_restore_a0_in_words(line))
        else:
            fixed = _decode_short_mojibake(_restore_a0_in_words(line))
        fixed = _decode_mojibake_words(fixed, flagged)
        if fixed != line:
            lines[index] = fixed.replace("\n", " ")
            changed = True
    return "\n".join(lines) if changed else text


def fix_c1_and_controls(text: str) -> str:
    """C1 controls become their windows-1252 character (as browsers do: ``\\x93`` -> ``“``);
    the C0 and C1 controls that are left are removed, except ``\\n`` and ``\\t``.

    Runs after :func:`fix_mojibake`, which needs the C1 characters that
    sloppy-windows-1252 mojibake holds.
    """
    if _CONTROL.search(text) is None:
        return text
    if "\x1b" in text:
        text = ftfy_fixes.remove_terminal_escapes(text)
    if not text.isascii() and _C1.search(text) is not None:
        text = ftfy_fixes.fix_c1_controls(text)
    return _CONTROL.sub("", text)


def remove_invisible(text: str) -> str:
    """Remove zero-width spaces (U+200B, U+2060), BOMs and stray U+FEFF, and soft hyphens (U+00AD)."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def fix_odd_spaces(text: str) -> str:
    """No-break (U+00A0, U+202F, U+2007), ideographic (U+3000) and typographic spaces
    (U+2000-U+200A) become a plain space."""
    return text if text.isascii() else _ODD_SPACE.sub(" ", text)


def fix_ligatures(text: str) -> str:
    """Take Latin ligatures apart (``ﬁ`` -> ``fi``, ``ĳ`` -> ``ij``), as ftfy does."""
    if text.isascii() or _LIGATURE.search(text) is None:
        return text
    fixed: str = ftfy_fixes.fix_latin_ligatures(text)
    return fixed


def normalize_nfc(text: str) -> str:
    """Compose decomposed Unicode (``e`` + U+0301 -> ``é``); checks ``is_normalized`` first."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def fix_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs (and a lone tab) to one space; strip each line's edges."""
    if "  " in text or "\t" in text:  # a run to collapse (a scan far quicker than the pattern's)
        text = _SPACE_RUN.sub(" ", text)
    # no run is left: one space at most stands on each side of a line break
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    return text.strip(" ")


#: Every fix, in the order :func:`repair_text` applies them. Surrogates go
#: first (nothing else can encode them); mojibake goes before the fixes that
#: remove the C1 characters, no-break spaces and soft hyphens it is made of;
#: NFC comes after everything that can produce decomposed text; spaces last.
_FIXES: tuple[Callable[[str], str], ...] = (
    fix_surrogates,
    fix_line_breaks,
    unescape_entities,
    fix_mojibake,
    fix_c1_and_controls,
    remove_invisible,
    fix_odd_spaces,
    fix_ligatures,
    normalize_nfc,
    fix_spaces,
)


#: Fixes that change nothing unless the text holds a character of their pattern: one
#: search for all those characters at once lets clean text skip every one of them.
_RARE_CHARACTERS = {
    fix_surrogates: _SURROGATE,
    fix_c1_and_controls: _CONTROL,
    remove_invisible: _INVISIBLE,
    fix_odd_spaces: _ODD_SPACE,
    fix_ligatures: _LIGATURE,
}
_ANY_RARE_CHARACTER = re.compile("[" + "".join(p.pattern[1:-1] for p in _RARE_CHARACTERS.values()) + "]")
#: Passes after which :func:`repair_text` stops even if the text still changes.
_MAX_PASSES = 4


def _repair_once(text: str) -> tuple[str, bool]:
    """``text`` after every fix once, and whether another pass may change it.

    It may when a fix before the last (:func:`fix_spaces`) changed the text, or
    when spaces changed around what may be mojibake (``Ã`` + tab + ``y`` is
    ``Ã y`` after :func:`fix_spaces`, which :func:`fix_mojibake` reads as ``ày``).
    A fix of :data:`_RARE_CHARACTERS` is skipped while the text holds none of them.
    """
    *fixes, spaces = _FIXES
    before = text
    rare: bool | None = None  # unknown until asked, and again once a fix changes the text
    for fix in fixes:
        if fix in _RARE_CHARACTERS:
            if rare is None:
                rare = _ANY_RARE_CHARACTER.search(text) is not None
            if not rare:
                continue
        fixed = fix(text)
        if fixed != text:
            text, rare = fixed, None
    spaced = spaces(text)
    if text != before:
        return spaced, True
    return spaced, spaced != text and _may_hold_mojibake(spaced)


def repair_text(text: str) -> str:
    """Return ``text`` repaired; clean text comes out unchanged.

    The fixes are applied again while they change the text: removing a control
    character or a zero-width space can join two halves of a mojibake sequence,
    which the next pass decodes. Clean text takes one pass; repaired text one
    more, to confirm (none when only spaces changed, see :func:`_repair_once`).
    This makes ``repair_text`` idempotent.

    >>> repair_text("Caf\\u00c3\\u00a9 \\u00a0 ng&agrave;y  \\r\\n  x")
    'Café ngày\\nx'
    """
    for _ in range(_MAX_PASSES):  # a bound, in case two fixes ever undo each other
        text, again = _repair_once(text)
        if not again:
            break
    return text

"""Recognise a date line and read it as an ISO date."""

from __future__ import annotations

import re

_DMY = re.compile(r"^\D{0,40}?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b[^\n]{0,40}$")


def parse_date(text: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) when ``text`` is a date line, else ``None``."""
    match = _DMY.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"

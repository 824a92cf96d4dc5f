"""Give each line a role (first version, replaced by the full one)."""

from __future__ import annotations

from normalize.dates import parse_date
from normalize.document import Document, Role
from normalize.settings import Settings


def assign_roles(doc: Document, settings: Settings) -> None:
    """Set every line's role; set ``doc.title`` and ``doc.date``."""
    for index, line in enumerate(doc.lines):
        if index == 0:
            line.set_role(Role.TITLE, "first-line")
            doc.title = line.text
        elif doc.date is None and (iso := parse_date(line.text)):
            line.set_role(Role.DATE, "date")
            doc.date = iso

"""Imported once by the batch's fork server, before it forks any worker.

The workers are forked from that server, so each starts with the pipeline
imported and langdetect's profiles loaded (about half a second per worker
with ``spawn``), shared copy-on-write.
"""

from __future__ import annotations

from normalize import pipeline  # noqa: F401  (imported for its side effect: every module of the pipeline)
from normalize._langdetect import profile_table
from normalize.batch import watch_parent

profile_table()
watch_parent()  # the server ends with the command, even after kill -9

"""normalize: clean scraped multilingual articles into documents and parallel text.

>>> from normalize import normalize
>>> doc = normalize("Title\\n\\nBody paragraph.", id="x")
>>> doc.title
'Title'
"""

from normalize.document import Document, Line, Pair, Role
from normalize.pipeline import normalize
from normalize.settings import Settings

__all__ = ["Document", "Line", "Pair", "Role", "Settings", "normalize"]
__version__ = "0.1.0"

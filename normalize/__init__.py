"""normalize: clean scraped multilingual articles into documents and parallel text.

>>> from normalize import normalize
>>> doc = normalize("Title\\n\\nBody paragraph.", id="x")
>>> doc.title
'Title'
"""

from normalize.batch import normalize_files
from normalize.document import Document, Line, Pair, Role
from normalize.pipeline import normalize, normalize_html
from normalize.settings import Settings

__all__ = ["Document", "Line", "Pair", "Role", "Settings", "normalize", "normalize_files", "normalize_html"]
__version__ = "0.1.0"

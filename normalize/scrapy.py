"""A Scrapy item pipeline that adds the normalised document to each item.

Enable it in a Scrapy project's ``settings.py``::

    ITEM_PIPELINES = {"normalize.scrapy.NormalizePipeline": 300}

It reads an item's text field (plain text) or, when that is missing, its HTML
field, normalises it and stores ``Document.to_dict()`` in the output field. The
settings (``NORMALIZE_*``) are described in ``docs/scrapy.md``. Every item
passes on: an item with nothing to normalise is returned unchanged with a
warning, and a document that fails is stored with its ``error``.

Only this module imports Scrapy; it needs ``pip install "normalize-articles[scrapy]"``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

try:
    from itemadapter import ItemAdapter
    from scrapy.crawler import Crawler
    from scrapy.spiders import Spider
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        'normalize.scrapy needs Scrapy, which is not installed: pip install "normalize-articles[scrapy]"'
    ) from exc

from normalize.document import Document
from normalize.encoding import decode_bytes
from normalize.pipeline import normalize, normalize_html
from normalize.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

__all__ = ["NormalizePipeline", "PipelineConfig"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineConfig:
    """The pipeline's settings, read once from the crawler's settings.

    ``id_field`` names the field holding the document id; when the item has
    none, the source (``source_field``) is the id.
    """

    text_field: str = "text"
    html_field: str = "html"
    id_field: str = "id"
    source_field: str = "url"
    output_field: str = "normalized"
    explain: bool = False
    settings: Settings = DEFAULT_SETTINGS

    @classmethod
    def from_settings(cls, values: BaseSettings) -> PipelineConfig:
        """Read ``NORMALIZE_*`` settings; a bad value raises ``ValueError`` naming it."""
        names = {
            "text_field": "NORMALIZE_TEXT_FIELD",
            "html_field": "NORMALIZE_HTML_FIELD",
            "id_field": "NORMALIZE_ID_FIELD",
            "source_field": "NORMALIZE_SOURCE_FIELD",
            "output_field": "NORMALIZE_OUTPUT_FIELD",
        }
        fields: dict[str, str] = {}
        for attr, name in names.items():
            value = values.get(name, getattr(cls, attr))
            if not isinstance(value, str) or not value:
                raise ValueError(f"{name} must be a field name (a non-empty string), not {value!r}")
            fields[attr] = value
        try:
            mapping = values.getdict("NORMALIZE_SETTINGS")
            settings = Settings.from_mapping(mapping)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"NORMALIZE_SETTINGS: {exc}") from exc
        explain = values.getbool("NORMALIZE_EXPLAIN") or settings.explain
        return cls(**fields, explain=explain, settings=settings)


class NormalizePipeline:
    """Adds the normalised document (a dict) to each item.

    Works with every item type ``itemadapter`` knows: dicts, ``scrapy.Item``,
    dataclass and attrs items. An item class with declared fields must declare
    the output field (``normalized = scrapy.Field()`` by default).
    """

    def __init__(self, config: PipelineConfig | None = None, crawler: Crawler | None = None) -> None:
        self.config = config if config is not None else PipelineConfig()
        self._crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        return cls(PipelineConfig.from_settings(crawler.settings), crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        """Normalise ``item``'s text or HTML into its output field; return the item.

        ``spider`` is optional: Scrapy 2.13+ no longer passes it, older
        versions do; it only chooses the logger.
        """
        config = self.config
        logger = self._logger(spider)
        adapter = ItemAdapter(item)
        declared = ItemAdapter.get_field_names_from_class(type(item))
        if declared is not None and config.output_field not in declared:
            raise KeyError(
                f"{type(item).__name__} has no field {config.output_field!r} for the normalised "
                f"document: declare it ({config.output_field} = scrapy.Field(), or a dataclass/attrs "
                "field) or set NORMALIZE_OUTPUT_FIELD to a declared field"
            )
        source = _as_str(adapter.get(config.source_field))
        ident = _as_str(adapter.get(config.id_field)) or source or ""
        text = adapter.get(config.text_field)
        html = adapter.get(config.html_field)
        if text is None and html is None:
            logger.warning(
                "normalize: item %s has neither %r nor %r; left unchanged",
                ident or type(item).__name__, config.text_field, config.html_field,
            )
            return item
        doc = self._document(text, html, ident, source)
        if doc.error is not None:
            logger.error("normalize: item %s: %s", ident or type(item).__name__, doc.error)
        adapter[config.output_field] = doc.to_dict(explain=config.explain)
        return item

    def _document(self, text: Any, html: Any, ident: str, source: str | None) -> Document:
        """The document of one item's text (preferred) or HTML; never raises."""
        config = self.config
        try:
            if text is not None:
                return _from_text(text, config.text_field, ident, source, config.settings)
            if isinstance(html, (str, bytes)):
                return normalize_html(html, id=ident, source=source, settings=config.settings)
            error = f"field {config.html_field!r} must be str or bytes, not {type(html).__name__}"
        except Exception as exc:  # one bad document must not stop the crawl
            error = f"{type(exc).__name__}: {exc}"
        return Document(id=ident, source=source, error=error)

    def _logger(self, spider: Spider | None) -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
        if spider is None and self._crawler is not None:
            spider = self._crawler.spider
        return spider.logger if spider is not None else _log


def _from_text(text: Any, field: str, ident: str, source: str | None, settings: Settings) -> Document:
    if isinstance(text, str):
        return normalize(text, id=ident, source=source, settings=settings)
    if isinstance(text, bytes):
        decoded, encoding = decode_bytes(text)
        doc = normalize(decoded, id=ident, source=source, settings=settings)
        doc.encoding = encoding
        return doc
    return Document(
        id=ident, source=source, error=f"field {field!r} must be str or bytes, not {type(text).__name__}"
    )


def _as_str(value: Any) -> str | None:
    """A field value as text: ``None`` and ``""`` stay missing, others are ``str()``-ed."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)

"""The Scrapy item pipeline: unit tests of process_item, and a real crawl.

The crawl runs ``scrapy runspider`` in a subprocess (Twisted's reactor cannot
restart inside pytest) against pages served from ``fixtures/scrapy/site`` by a
local HTTP server on 127.0.0.1 that the test starts and stops.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import scrapy
from scrapy.spiders import Spider
from scrapy.utils.test import get_crawler

from normalize.pipeline import normalize, normalize_html
from normalize.repair import repair_text
from normalize.scrapy import NormalizePipeline
from normalize.settings import Settings
from tests.conftest import FIXTURES, check_accounting

REPO = Path(__file__).resolve().parent.parent
SITE = FIXTURES / "scrapy" / "site"
SPIDER = FIXTURES / "scrapy" / "spider.py"

TEXT = (
    "Delta farmers bring in an early rice harvest\n\n"
    "02/02/2024\n\n"
    "Combine harvesters have been working through the night in Soc Trang province, where farmers "
    "planted the crop two weeks early to stay ahead of saltwater creeping up the rivers.\n\n"
    "Agricultural officials estimate yields of close to seven tonnes per hectare this season, and "
    "exporters are already buying fragrant rice at higher prices than last year."
)
HTML = (
    "<html><body><h1>Hoi An lantern makers train new artisans</h1>"
    "<p>In a narrow shophouse on the old street, a family that has made silk lanterns for four "
    "generations is teaching the craft to a group of students during their summer holidays.</p>"
    "<p>Each lantern starts as a frame of split bamboo, bent and tied by hand, before the silk is "
    "glued on panel by panel and the edges are trimmed with a sharp blade.</p></body></html>"
)


def make_pipeline(**settings: Any) -> NormalizePipeline:
    return NormalizePipeline.from_crawler(get_crawler(settings_dict=settings))


@pytest.fixture
def spider() -> Spider:
    return Spider(name="unit")


# -- process_item on dict items ---------------------------------------------------------------


def test_dict_text_item_gets_the_document(spider: Spider) -> None:
    item = {"id": "a1", "url": "http://example.test/a1", "text": TEXT}
    out = make_pipeline().process_item(item, spider)
    assert out is item
    record = item["normalized"]
    assert record["id"] == "a1"
    assert record["source"] == "http://example.test/a1"
    assert record["title"] == "Delta farmers bring in an early rice harvest"
    assert record["date"] == "2024-02-02"
    assert "Combine harvesters have been working" in record["text"]
    assert "exporters are already buying fragrant rice" in record["text"]
    assert "error" not in record
    assert item["text"] == TEXT  # the input field is kept


def test_dict_output_matches_the_library_with_the_given_settings(spider: Spider) -> None:
    pipeline = make_pipeline(NORMALIZE_SETTINGS={"min_pair_score": 0.9, "seed": 3})
    item = pipeline.process_item({"url": "u", "text": TEXT}, spider)
    expected = normalize(TEXT, id="u", source="u", settings=Settings(min_pair_score=0.9, seed=3))
    assert item["normalized"] == expected.to_dict()


@pytest.mark.parametrize("html", [HTML, HTML.encode("utf-8")], ids=["str", "bytes"])
def test_html_field_is_used_when_there_is_no_text(spider: Spider, html: str | bytes) -> None:
    item = make_pipeline().process_item({"url": "http://example.test/lanterns", "html": html}, spider)
    record = item["normalized"]
    assert record == normalize_html(html, id="http://example.test/lanterns",
                                    source="http://example.test/lanterns").to_dict()
    assert "family that has made silk lanterns" in record["text"]
    assert "edges are trimmed with a sharp blade" in record["text"]


def test_text_field_wins_over_html(spider: Spider) -> None:
    item = make_pipeline().process_item({"url": "u", "text": TEXT, "html": HTML}, spider)
    assert "Combine harvesters" in item["normalized"]["text"]
    assert "silk lanterns" not in item["normalized"]["text"]


def test_id_falls_back_to_the_url(spider: Spider) -> None:
    item = make_pipeline().process_item({"url": "http://example.test/x", "text": TEXT}, spider)
    assert item["normalized"]["id"] == "http://example.test/x"
    assert item["normalized"]["source"] == "http://example.test/x"


def test_field_names_and_explain_come_from_settings(spider: Spider) -> None:
    pipeline = make_pipeline(
        NORMALIZE_TEXT_FIELD="body", NORMALIZE_ID_FIELD="guid", NORMALIZE_SOURCE_FIELD="link",
        NORMALIZE_OUTPUT_FIELD="doc", NORMALIZE_EXPLAIN=True,
    )
    item = pipeline.process_item({"guid": 7, "link": "http://example.test/7", "body": TEXT}, spider)
    assert "normalized" not in item
    record = item["doc"]
    assert (record["id"], record["source"]) == ("7", "http://example.test/7")
    check_accounting(record, repair_text(TEXT))


def test_item_without_input_is_passed_on_with_a_warning(
    spider: Spider, caplog: pytest.LogCaptureFixture
) -> None:
    item = {"url": "http://example.test/empty", "title": "no body"}
    with caplog.at_level(logging.WARNING):
        out = make_pipeline().process_item(item, spider)
    assert out is item
    assert item == {"url": "http://example.test/empty", "title": "no body"}
    assert "http://example.test/empty" in caplog.text
    assert "'text'" in caplog.text and "'html'" in caplog.text


def test_bad_field_type_is_stored_as_an_error(spider: Spider, caplog: pytest.LogCaptureFixture) -> None:
    item: dict[str, Any] = {"url": "u", "text": ["a list", "from getall()"]}
    with caplog.at_level(logging.ERROR):
        make_pipeline().process_item(item, spider)
    assert item["normalized"]["error"] == "field 'text' must be str or bytes, not list"
    assert item["normalized"]["text"] == ""
    assert "must be str or bytes" in caplog.text


def test_document_failure_is_logged_and_stored(
    spider: Spider, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("langid model missing")

    monkeypatch.setattr("normalize.scrapy.normalize_html", broken)
    item = {"id": "b", "url": "u", "html": HTML}
    with caplog.at_level(logging.ERROR):
        out = make_pipeline().process_item(item, spider)
    assert out is item
    assert item["normalized"]["error"] == "RuntimeError: langid model missing"
    assert item["normalized"]["id"] == "b"
    assert "item b: RuntimeError: langid model missing" in caplog.text


def test_pipelines_share_no_state(spider: Spider) -> None:
    first = make_pipeline(NORMALIZE_OUTPUT_FIELD="one", NORMALIZE_EXPLAIN=True)
    second = make_pipeline(NORMALIZE_OUTPUT_FIELD="two")
    a = first.process_item({"url": "a", "text": TEXT}, spider)
    b = second.process_item({"url": "b", "text": TEXT}, spider)
    assert set(a) == {"url", "text", "one"} and set(b) == {"url", "text", "two"}
    assert "lines" in a["one"] and "lines" not in b["two"]


def test_spider_argument_is_optional() -> None:
    item = make_pipeline().process_item({"url": "u", "text": TEXT})
    assert item["normalized"]["title"] == "Delta farmers bring in an early rice harvest"


# -- scrapy.Item and dataclass items ------------------------------------------------------------


class Article(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    normalized = scrapy.Field()


class UndeclaredArticle(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()


@dataclasses.dataclass
class ArticleRecord:
    url: str
    text: str | None = None
    normalized: dict[str, Any] | None = None


def test_scrapy_item(spider: Spider) -> None:
    item = Article(url="http://example.test/lanterns", html=HTML)
    out = make_pipeline().process_item(item, spider)
    assert out is item
    assert item["normalized"]["source"] == "http://example.test/lanterns"
    assert "family that has made silk lanterns" in item["normalized"]["text"]


def test_scrapy_item_without_input_is_passed_on(spider: Spider) -> None:
    item = Article(url="http://example.test/empty")
    assert make_pipeline().process_item(item, spider) is item
    assert "normalized" not in item


def test_scrapy_item_must_declare_the_output_field(spider: Spider) -> None:
    with pytest.raises(KeyError, match=r"UndeclaredArticle has no field 'normalized'.*scrapy\.Field\(\)"):
        make_pipeline().process_item(UndeclaredArticle(url="u", html=HTML), spider)


def test_dataclass_item(spider: Spider) -> None:
    item = ArticleRecord(url="http://example.test/a", text=TEXT)
    make_pipeline().process_item(item, spider)
    assert item.normalized is not None
    assert item.normalized["date"] == "2024-02-02"


# -- settings checked at startup --------------------------------------------------------------


def test_unknown_normalize_setting_raises_at_startup() -> None:
    message = r"NORMALIZE_SETTINGS: unknown setting 'min_pair_scor'; did you mean 'min_pair_score'"
    with pytest.raises(ValueError, match=message):
        make_pipeline(NORMALIZE_SETTINGS={"min_pair_scor": 0.5})


def test_invalid_normalize_setting_value_raises_at_startup() -> None:
    with pytest.raises(ValueError, match=r"NORMALIZE_SETTINGS: min_pair_score must be between 0 and 1"):
        make_pipeline(NORMALIZE_SETTINGS={"min_pair_score": 2})


def test_normalize_settings_from_the_command_line_json() -> None:
    pipeline = make_pipeline(NORMALIZE_SETTINGS='{"main_lang": "en", "repeat_min": 3}')
    assert pipeline.config.settings == Settings(main_lang="en", repeat_min=3)


def test_empty_field_name_is_rejected() -> None:
    with pytest.raises(ValueError, match="NORMALIZE_OUTPUT_FIELD must be a field name"):
        make_pipeline(NORMALIZE_OUTPUT_FIELD="")


# -- imports ----------------------------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_import_without_scrapy_names_the_extra() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('scrapy', 'itemadapter'):\n"
        "            raise ImportError('No module named ' + repr(name))\n"
        "sys.meta_path.insert(0, Block())\n"
        "try:\n"
        "    import normalize.scrapy\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert 'pip install "normalize-articles[scrapy]"' in result.stdout


def test_rest_of_library_never_imports_scrapy() -> None:
    code = (
        "import importlib, pkgutil, sys, normalize\n"
        "for m in pkgutil.iter_modules(normalize.__path__):\n"
        "    if m.name not in ('scrapy', '__main__'):\n"
        "        importlib.import_module('normalize.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('scrapy', 'itemadapter')))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- a real crawl -----------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def crawl(base: str, out: Path, *settings: str) -> subprocess.CompletedProcess[str]:
    options = {
        "ITEM_PIPELINES": json.dumps({"normalize.scrapy.NormalizePipeline": 300}),
        "ROBOTSTXT_OBEY": "False",
        "TELNETCONSOLE_ENABLED": "False",
        "HTTPPROXY_ENABLED": "False",
        "LOG_LEVEL": "WARNING",
        "DOWNLOAD_TIMEOUT": "5",
        "RETRY_ENABLED": "False",
        "CLOSESPIDER_TIMEOUT": "30",
        "FEED_EXPORT_ENCODING": "utf-8",
    }
    command = [sys.executable, "-m", "scrapy", "runspider", str(SPIDER), "-a", f"start_url={base}index.html",
               "-o", str(out)]
    for name, value in options.items():
        command += ["-s", f"{name}={value}"]
    for setting in settings:
        command += ["-s", setting]
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)


@dataclasses.dataclass(frozen=True)
class Page:
    url: str
    title: str
    paragraphs: list[str]
    caption_en: str


#: The English half of each page's bilingual <figcaption> (the Vietnamese half comes first).
CAPTIONS_EN = {
    "news/floating-market.html": "Boats loaded with fruit at the Cai Rang floating market at dawn.",
    "news/rice-harvest.html": "Farmers harvest the winter-spring rice crop early in Soc Trang province.",
    "news/lantern-workshop.html": "An artisan shows students how to glue silk onto a bamboo lantern frame.",
}


def article_pages(base: str) -> dict[str, Page]:
    """What each article page holds, read from the fixture HTML itself."""
    index = lxml.html.parse(str(SITE / "index.html")).getroot()
    links = [str(href) for href in index.xpath("//a[@class='story-link']/@href")]
    assert sorted(links) == sorted(CAPTIONS_EN)
    pages = {}
    for link in links:
        root = lxml.html.parse(str(SITE / link)).getroot()
        (h1,) = root.xpath("//h1")
        paragraphs = [p.text_content().strip() for p in root.xpath("//h1/following-sibling::p[not(@class)]")]
        (caption,) = root.xpath("//figcaption")
        assert CAPTIONS_EN[link] in caption.text_content()
        assert len(paragraphs) == 4
        pages[base + link] = Page(base + link, h1.text_content().strip(), paragraphs, CAPTIONS_EN[link])
    return pages


@dataclasses.dataclass(frozen=True)
class Crawl:
    result: subprocess.CompletedProcess[str]
    items: list[dict[str, Any]]
    pages: dict[str, Page]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    """One crawl of the local site, shared by the crawl tests (it takes a few seconds)."""
    out = tmp_path_factory.mktemp("crawl") / "items.jsonl"
    with serve(SITE) as base:
        result = crawl(base, out, "NORMALIZE_EXPLAIN=True", 'NORMALIZE_SETTINGS={"seed": 0}')
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return Crawl(result, items, article_pages(base))


def test_crawl_adds_a_document_to_every_article(crawled: Crawl) -> None:
    stderr = crawled.result.stderr
    assert "Traceback" not in stderr and "ERROR" not in stderr, stderr
    assert "NormalizePipeline" not in stderr, stderr  # no warning about the pipeline
    # one item per article page, none for the index page
    assert sorted(item["url"] for item in crawled.items) == sorted(crawled.pages)
    for item in crawled.items:
        page = crawled.pages[item["url"]]
        record = item["normalized"]
        assert "error" not in record, record
        assert record["id"] == page.url and record["source"] == page.url
        assert record["lang"] == "en"
        assert "lines" in record  # NORMALIZE_EXPLAIN given with -s reached the pipeline
        for paragraph in page.paragraphs:
            assert paragraph in record["text"], (page.url, paragraph)
        assert "<p>" not in record["text"] and "dataLayer" not in record["text"]


def test_crawl_keeps_the_captions_english_translation(crawled: Crawl) -> None:
    for item in crawled.items:
        page = crawled.pages[item["url"]]
        assert page.caption_en in item["normalized"]["text"], page.url


def test_crawl_extracts_the_article_from_the_page(crawled: Crawl) -> None:
    """What a working HTML extractor gives: the <h1> as title, no site navigation or footer."""
    for item in crawled.items:
        page = crawled.pages[item["url"]]
        record = item["normalized"]
        assert record["title"] == page.title
        for boilerplate in ("All rights reserved", "About us", "Economy"):
            assert boilerplate not in record["text"], (page.url, boilerplate)


def test_crawl_with_a_misspelt_setting_stops_at_startup(tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    with serve(SITE) as base:
        result = crawl(base, out, 'NORMALIZE_SETTINGS={"min_pair_scor": 0.5}')
    assert result.returncode != 0
    assert "ValueError: NORMALIZE_SETTINGS: unknown setting 'min_pair_scor'" in result.stderr
    assert not out.exists() or out.read_text(encoding="utf-8") == ""

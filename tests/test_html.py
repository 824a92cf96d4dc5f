"""Finding the article in web pages: real-looking pages as fixtures, must / must-not contain."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from normalize.html import Page, extract_html
from normalize.pipeline import normalize_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def read(name: str) -> bytes:
    data = (FIXTURES / name).read_bytes()
    return gzip.decompress(data) if name.endswith(".gz") else data


def paragraphs(page: Page) -> list[str]:
    return page.text.split("\n\n")


def position(paras: list[str], text: str) -> int:
    return next(i for i, para in enumerate(paras) if text in para)


def test_news_page_keeps_article_drops_boilerplate() -> None:
    page = extract_html(read("news-figcaption-vi-en.html"))
    must = [
        "Heavy rain has flooded thousands of homes across central Vietnam",
        "Villages cut off by the water",
        "Rescue teams worked through the night",
        "More rain forecast",
        "Schools in three provinces will stay closed",
    ]
    must_not = ["We use cookies", "Accept all cookies", "Most read", "Ten street foods",
                "All rights reserved", "Privacy policy", "dataLayer", "cookie-banner", "Subscribe today",
                "Typhoon season"]
    for text in must:
        assert text in page.text, text
    for text in must_not:
        assert text not in page.text, text
    assert page.encoding == "utf-8"


def test_news_page_title_date_and_captions_in_order() -> None:
    page = extract_html(read("news-figcaption-vi-en.html").decode("utf-8"))
    assert page.title == "Floods sweep central Vietnam as rescuers race to reach villages"
    assert page.date == "2021-10-19"
    assert page.encoding is None
    paras = paragraphs(page)
    assert paras[0] == page.title
    assert paras.count(page.title) == 1
    # Two-language captions give one paragraph per language, where they stand in the page.
    order = [
        "Người dân đi thuyền trên một con phố ngập nước ở thành phố Huế.",
        "Residents travel by boat along a flooded street in Hue city.",
        "Heavy rain has flooded",
        "Rescue teams worked",
        "Một ngôi nhà bị ngập sâu ở huyện Phong Điền.",
        "A house deep under water in Phong Dien district.",
        "Farmers said the water",
    ]
    places = [position(paras, text) for text in order]
    assert places == sorted(places)
    assert "Một ngôi nhà bị ngập sâu ở huyện Phong Điền." in paras
    assert "A house deep under water in Phong Dien district." in paras
    # A figure with a figcaption does not also give its alt text.
    assert "A boat on a flooded street" not in page.text


def test_alt_text_when_it_is_the_only_caption() -> None:
    page = extract_html(read("alt-only-caption.html"))
    paras = paragraphs(page)
    assert page.title == "New bridge opens over the Red River"
    assert page.date == "2022-03-05"
    caption = position(paras, "Cars cross the new bridge over the Red River on its first morning")
    assert position(paras, "A new six-lane bridge") < caption < position(paras, "City officials said")
    assert "Advertise with us" not in page.text


def test_fragment() -> None:
    page = extract_html(read("fragment.html"))
    assert paragraphs(page) == [
        "Market reopens after renovation",
        "The old covered market in the city centre reopened on Monday after two years of renovation work.",
        "Stallholders said they were glad to be back, although rents have gone up.",
        "Chợ sau khi được cải tạo.",
        "The market after its renovation.",
        "The city plans to hold a food festival in the market next month.",
    ]
    assert page.title == "Market reopens after renovation"
    assert page.date is None


def test_tiny_fragment_without_title() -> None:
    page = extract_html("<p>Just one <b>short</b> paragraph.</p>")
    assert page == Page("Just one short paragraph.", None, None, None)


@pytest.mark.parametrize(
    ("name", "encoding", "title", "sentence"),
    [
        ("vietnamese-windows-1258-undeclared.html", "cp1258", "Hội An đón khách du lịch trở lại",
         "Chính quyền thành phố cho biết sẽ tổ chức lễ hội đèn lồng vào cuối tháng này"),
        ("french-latin-1-undeclared.html", "cp1252", "Un café à Paris",
         "Le propriétaire a déclaré que les prix resteraient les mêmes"),
    ],
)
def test_undeclared_legacy_encodings(name: str, encoding: str, title: str, sentence: str) -> None:
    page = extract_html(read(name))
    assert page.encoding == encoding
    assert page.title == title
    assert sentence in page.text
    assert "Trang chủ" not in page.text


def test_meta_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир! Это тест.</p></body></html>'
    page = extract_html(html.encode("cp1251"))
    assert page.encoding == "cp1251"
    assert "Привет, мир! Это тест." in page.text


def test_title_without_site_name() -> None:
    html = ("<html><head><title>Rice prices rise again - Saigon Times</title>"
            '<meta property="og:site_name" content="Saigon Times"></head>'
            "<body><p>Rice prices rose for the third month in a row, traders in the delta said.</p>"
            "</body></html>")
    page = extract_html(html)
    assert page.title == "Rice prices rise again"
    assert paragraphs(page)[0] == "Rice prices rise again"


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))


@pytest.mark.parametrize("name", ["bench-85439e26.html.gz", "bench-ba07d1e6.html.gz"])
def test_real_benchmark_pages(name: str) -> None:
    truth = json.loads((FIXTURES / "bench-ground-truth.json").read_text(encoding="utf-8"))
    body = truth[name.split("-")[1].split(".")[0]]["articleBody"]
    page = extract_html(read(name))
    true, pred = shingles(body), shingles(page.text)
    overlap = sum((true & pred).values())
    assert overlap / sum(true.values()) > 0.95  # recall
    assert overlap / sum(pred.values()) > 0.85  # precision (title and captions are extra)
    assert page.title
    assert page.title in page.text.split("\n\n")[0]


def test_binary_bytes_are_a_clear_error() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
    with pytest.raises(ValueError, match="binary"):
        extract_html(png)
    with pytest.raises(ValueError, match="binary"):
        normalize_html(png, id="img")


@pytest.mark.parametrize("html", ["", "   \n ", b"", "<!-- nothing -->", "<html><body></body></html>"])
def test_empty_page_gives_empty_text(html: str | bytes) -> None:
    assert extract_html(html).text == ""


@pytest.mark.parametrize("fragment", [True, False])
def test_deep_nesting_degrades_without_crashing(fragment: bool) -> None:
    depth = 200_000
    inner = "<div>" * depth + "<p>deep text</p>" + "</div>" * depth
    html = inner if fragment else f"<html><head><title>Deep</title></head><body>{inner}</body></html>"
    start = time.perf_counter()
    try:
        page = extract_html(html)
    except ValueError as error:  # allowed: a clear error instead
        assert "nest" in str(error)
    else:
        assert "deep text" in page.text
    assert time.perf_counter() - start < 60  # safety net only; speed lives in benchmarks/


def test_normalize_html_uses_page_metadata() -> None:
    doc = normalize_html(read("news-figcaption-vi-en.html"), id="news")
    assert doc.title == "Floods sweep central Vietnam as rescuers race to reach villages"
    assert doc.date == "2021-10-19"
    assert doc.encoding == "utf-8"
    assert "Rescue teams worked through the night" in doc.text
    assert "Most read" not in doc.text


def test_article_captions_quotes_and_repeated_paragraphs() -> None:
    page = extract_html(read("split-body-gallery.html"))
    paras = paragraphs(page)
    assert page.title == "Night markets return to the old quarter"
    assert page.date == "2023-06-14"
    assert paras[0] == page.title
    # A two-language caption gives one line per language, without its credit.
    assert "Khách tham quan chợ đêm phố cổ." in paras
    assert "Visitors at the old quarter night market." in paras
    assert "Minh Anh" not in page.text
    # The caption beside an image is used, not its alt text as well.
    assert "Boats moored along the river near the market at dusk." in paras
    assert [p for p in paras if p.startswith("Boats moored")] == [
        "Boats moored along the river near the market at dusk."
    ]
    # A card shown on hover over a name is not text of the article.
    assert "some welcomed the visitors and the business they bring" in page.text
    assert "Tourism chief resigns" not in page.text
    # A caption shortened with an ellipsis is left out when its full form is there.
    full = "A lantern maker glues silk onto a bamboo frame in her shop on the main street of the quarter."
    assert full in paras
    assert "in her shop on ... more" not in page.text
    # A quote inside the article is kept; a gallery's captions, the ad and the related box are not.
    assert "We waited three years for this night, and it was worth every minute of the wait." in paras
    for text in ("Gallery photo one", "Gallery photo two", "Advertisement", "Most read",
                 "All rights reserved"):
        assert text not in page.text, text
    # Posts in <article>s within the article are related posts, not its text.
    for text in ("Lantern festival draws record crowds", "hotels of the quarter were full",
                 "Cafes along the river"):
        assert text not in page.text, text
    # A paragraph that stands twice in the article stays where each stands.
    city = position(paras, "The city says the markets will open")
    assert paras[city - 1] == "Prep list" and paras[city + 1] == "Prep list"
    order = ["The night markets", "Khách tham quan", "Visitors at the old", "The city says",
             "Residents of the", "We waited three", "Traffic police", "Boats moored", "A lantern maker",
             "The organisers hope"]
    places = [position(paras, text) for text in order]
    assert places == sorted(places)


def test_body_split_into_like_containers_is_joined() -> None:
    from lxml import html as lxml_html

    from normalize._htmlblocks import find_continuations

    prose = "This sentence is one of the many that make up a paragraph of the article's body text. " * 3
    page = lxml_html.document_fromstring(
        "<html><body><article><div class='chunks'>"
        f"<div class='grid'><div class='body'><p>First part. {prose}</p></div></div>"
        "<div class='ad'>Advertisement</div>"
        f"<div class='grid'><div class='body'><p>Second part. {prose}</p>"
        f"<p>Third part. {prose}</p></div></div>"
        "<div class='grid'><div class='body'><ul><li><a href='/x'>A related story</a></li></ul></div></div>"
        "</div></article><div class='body'><p>Far away. " + prose + "</p></div></body></html>"
    )
    numbers = {el: n for n, el in enumerate(page.iter())}
    first = next(el for el in page.iter("div") if el.get("class") == "body")
    texts = [text for _, text in find_continuations(page, first, numbers)]
    assert [text.split(".")[0] for text in texts] == ["Second part", "Third part"]


def test_a_page_with_mojibake_and_a_bom_in_its_heading() -> None:
    garbled = "Увидимся позже, милый.".encode().decode("sloppy-windows-1252")
    page = (
        "<html><head><title>\ufeffA river town | Daily</title></head><body><article>"
        "<h1>\ufeffA river town</h1><p>The town rebuilt its market after the flood of last year.</p>"
        f"<p>{garbled}</p><p>The mayor said the work would end before the rains came back.</p>"
        "</article></body></html>"
    )
    doc = normalize_html(page.encode("utf-8"), id="p")
    assert doc.title == "A river town"
    assert "A river town" not in doc.text  # the heading is the title, not a paragraph too
    assert "Увидимся позже, милый." in [line.text for line in doc.lines]


def test_a_garbled_paragraph_beside_clean_vietnamese_on_one_line_of_the_page_is_fixed() -> None:
    caption = "Chuẩn bị sẵn hỗn hợp gồm bột nếp, nước nóng và chút muối."
    garbled = caption.encode().decode("sloppy-windows-1252")
    clean = "Tên Titanokorys có nghĩa là chiếc mũ khổng lồ, và vì lý do chính đáng."
    page = (  # minified: every paragraph on one line, as many sites serve it
        "<html><head><title>A recipe</title></head><body><article><h1>A recipe</h1>"
        "<p>The shrimps are soaked in rice wine before they are dipped in the batter.</p>"
        f"<p>{clean}</p><p>{garbled}</p>"
        "<p>They are fried until golden and served with herbs and a dipping sauce.</p>"
        "</article></body></html>"
    )
    lines = [line.text for line in normalize_html(page, id="p").lines]
    assert caption in lines and clean in lines

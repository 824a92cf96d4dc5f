"""Whole pages whose article used to be lost or mangled: table layouts, bylines, huge tags, long titles."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from normalize.document import Role
from normalize.html import extract_html
from normalize.pipeline import normalize_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_a_table_layout_page_gives_its_article_as_paragraphs_not_one_row() -> None:
    page = extract_html(read("table-layout.html"))
    paras = page.text.split("\n\n")
    assert page.title == "Lighthouse keeper retires after forty years"
    assert paras[0] == page.title
    assert not any(para.startswith("| ") or para.endswith(" |") for para in paras)
    assert paras[1].startswith("Edwin Marsh climbed the one hundred and twelve steps")
    assert paras[1].endswith("will run the tower from now on.")
    assert paras[2].startswith("He first came to the headland")
    assert any(para.startswith("Neighbours gathered on the green") for para in paras)
    assert "Home" not in page.text  # the menu column, all links


def test_a_table_layout_page_keeps_its_title_and_its_body_apart() -> None:
    doc = normalize_html(read("table-layout.html"), id="table")
    assert doc.title == "Lighthouse keeper retires after forty years"
    assert "Edwin Marsh climbed" in doc.text
    assert "the village band played" in doc.text


def test_a_table_of_data_keeps_its_rows() -> None:
    rows = "".join(f"<tr><td>Harbour {n}</td><td>{n * 3} berths</td></tr>" for n in range(1, 6))
    html = (
        "<html><head><title>Harbours of the coast</title></head><body><article><h1>Harbours of the coast</h1>"
        "<p>The coast has five harbours, listed here with the number of berths each can offer to "
        "visiting boats during the summer season, when the moorings fill up early in the day.</p>"
        f"<table>{rows}</table></article></body></html>"
    )
    page = extract_html(html)
    assert "| Harbour 2 | 6 berths |" in page.text.split("\n\n")


def test_a_byline_under_the_h1_is_kept_and_becomes_a_credit() -> None:
    page = extract_html(read("byline-under-h1.html"))
    paras = page.text.split("\n\n")
    assert paras[:2] == ["Orchard growers count the cost of a late frost", "By Marta Ilsley"]
    assert paras[2].startswith("Apple and pear growers along the river valley")
    doc = normalize_html(read("byline-under-h1.html"), id="byline")
    credit = next(line for line in doc.lines if line.text == "By Marta Ilsley")
    assert credit.role is Role.CREDIT


def test_a_page_title_is_never_a_paragraph_of_the_body() -> None:
    body = (
        "This paragraph was put in the title element of the page by a careless template, and it "
        "runs on for well over forty words, telling of the harvest, the weather, the markets and "
        "the roads, as any paragraph of an article would, which no headline ever does."
    )
    html = f"<html><head><title>{body}</title></head><body><div><p>{body}</p></div></body></html>"
    page = extract_html(html)
    assert page.title is None
    assert body in page.text.split("\n\n")


def test_an_element_with_50000_attributes_is_read_and_never_parsed_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attributes = " ".join(f'data-k{i}="v{i}"' for i in range(50_000))
    html = (
        "<html><head><title>Many attributes</title></head><body>"
        f"<div {attributes}><p>The paragraph inside the crowded element is still the article's text.</p>"
        "</div>"
        "</body></html>"
    )
    seen: list[int] = []
    parse = lxml.html.document_fromstring

    def counting(text: str | bytes, *args: object, **kwargs: object) -> lxml.html.HtmlElement:
        as_text = text if isinstance(text, str) else text.decode("utf-8", "replace")
        seen.append(len(re.findall(r"data-k\d+=", as_text)))
        return parse(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lxml.html, "document_fromstring", counting)
    page = extract_html(html)
    assert "The paragraph inside the crowded element is still the article's text." in page.text
    assert seen  # the page was parsed through the patched function
    assert max(seen) <= 256


def test_a_whole_page_is_parsed_once_and_read_by_trafilatura_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    parses: list[int] = []
    extracts: list[object] = []
    parse, extract = lxml.html.document_fromstring, trafilatura.extract

    def counting_parse(text: str | bytes, *args: object, **kwargs: object) -> lxml.html.HtmlElement:
        parses.append(len(text))
        return parse(text, *args, **kwargs)  # type: ignore[arg-type]

    def counting_extract(page: object, *args: object, **kwargs: object) -> str | None:
        extracts.append(page)
        return extract(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lxml.html, "document_fromstring", counting_parse)
    monkeypatch.setattr(trafilatura, "extract", counting_extract)
    page = extract_html(read("byline-under-h1.html"))
    assert "Temperatures on the lower slopes fell" in page.text
    assert len(parses) == 1
    assert len(extracts) == 1
    assert isinstance(extracts[0], lxml.html.HtmlElement)  # our tree, not the text again


def test_a_numbered_seo_alt_text_is_no_caption_but_a_real_one_is() -> None:
    from normalize.html import extract_html

    body = "The old market hall reopened on Saturday after two years of repairs to its iron roof."
    fragment = (
        f"<div><p>{body}</p>"
        '<div><img src="a.jpg" alt="Market hall reopens after repairs - Photo 1."></div>'
        '<div><img src="b.jpg" alt="Stallholders unpack crates of apples at dawn"></div></div>'
    )
    text = extract_html(fragment).text
    assert "Photo 1" not in text
    assert "Stallholders unpack crates of apples at dawn" in text


def _sidebar_page() -> str:
    """A news page whose story stands beside a longer-looking column of boxes, and not in an element
    named as an article: trafilatura's precise reading keeps the boxes and loses the story."""
    boxes = "".join(
        f'<div class="box"><h3><a href="/walks/{n}">Walk number {n} along the canal</a></h3>'
        f"<p>Walkers who follow the towpath past the old locks this autumn will find the hedges cut "
        f"back, new benches at the bends and a map at each bridge, the trust says in its letter {n}.</p>"
        "</div>"
        for n in range(1, 5)
    )
    story = "".join(
        f"<p>Part {n}: the bakery on the square kept its ovens lit all through the power cut, running "
        f"them on bottled gas, and handed out bread to anyone who came to the back door, while the "
        f"engineers worked by lamplight on the cable under the bridge and the school stayed shut.</p>"
        for n in range(1, 8)
    )
    return (
        "<html><head><title>Bakery keeps the village fed through the power cut</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f'<div class="wrap"><div class="col-a"><h2>Walks</h2>{boxes}</div>'
        '<div class="col-b" style="border-left: 1px solid #ccc">'
        f"<h1>Bakery keeps the village fed through the power cut</h1>{story}</div></div>"
        "<footer><p>Printed by the parish.</p></footer></body></html>"
    )


def test_a_story_beside_a_column_of_boxes_falls_back_to_a_fuller_reading() -> None:
    import trafilatura

    html = _sidebar_page()
    precise = trafilatura.extract(html, favor_precision=True, fast=True) or ""
    assert "bakery on the square" not in precise  # the page still shows the case it stands for
    text = extract_html(html).text
    for n in range(1, 8):
        assert f"Part {n}: the bakery on the square kept its ovens lit" in text


def _counting_extracts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    import trafilatura

    calls: list[dict[str, object]] = []
    extract = trafilatura.extract

    def counting(page: object, *args: object, **kwargs: object) -> str | None:
        calls.append(kwargs)
        return extract(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "extract", counting)
    return calls


def test_a_short_article_is_read_by_trafilatura_once(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (
        "<html><head><title>Library opens on Sundays</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Library opens on Sundays</h1>"
        "<p>From next month the town library will open on Sunday afternoons, from one until five, "
        "the council said on Monday.</p><p>Volunteers will staff the front desk.</p></article>"
        "</body></html>"
    )
    calls = _counting_extracts(monkeypatch)
    page = extract_html(html)
    assert "open on Sunday afternoons" in page.text
    assert len(calls) == 1


def test_the_fuller_reading_is_asked_for_only_when_the_first_keeps_far_less(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting_extracts(monkeypatch)
    extract_html(_sidebar_page())
    assert len(calls) >= 2
    assert calls[0].get("fast") is True and calls[0].get("favor_precision") is True


def test_a_table_layout_page_without_a_title_never_makes_its_article_row_the_title() -> None:
    article = (
        "The ferry timetable changes on the first of May, when the summer boats start, and the "
        "early crossing moves to half past six so that the market traders can reach the island "
        "before the stalls open, the harbour master said."
    )
    html = (
        "<html><body><table><tr>"
        '<td><a href="/">Home</a><br><a href="/boats">Boats</a><br><a href="/fares">Fares</a></td>'
        f"<td><p>{article}</p><p>Winter fares stay as they are until the autumn, and season tickets "
        "bought before the change can still be used on every boat.</p></td>"
        "</tr></table></body></html>"
    )
    page = extract_html(html)
    assert not any(para.startswith("| ") for para in page.text.split("\n\n"))
    doc = normalize_html(html, id="ferry")
    assert doc.title is None or article not in doc.title
    assert article in doc.text.split("\n\n")


def test_a_byline_the_page_marks_is_a_credit_even_without_by() -> None:
    html = read("byline-under-h1.html").replace(
        '<p class="byline">By Marta Ilsley</p>', '<p class="byline">Marta Ilsley, farming correspondent</p>'
    )
    page = extract_html(html)
    assert page.credits == ("Marta Ilsley, farming correspondent",)
    doc = normalize_html(html, id="byline")
    assert doc.credits == ["Marta Ilsley, farming correspondent"]
    assert "Marta Ilsley" not in doc.text
    assert doc.text.startswith("Apple and pear growers along the river valley")


def test_a_related_story_linked_inside_an_article_fragment_is_boilerplate_not_text() -> None:
    """A block that is all one link (an ``<a>``, or any tag a scraper left the ``href`` on)."""
    first = "The ferry to the island will run twice a day from June, the harbour office said on Monday."
    second = "Tickets can be bought at the pier, and children under six travel free with an adult."
    fragment = (
        f"<div><p>{first}</p>"
        '<div type="RelatedNewsBox"><ul><li><i href="https://example.org/story-1">'
        "<i><svg><path/></svg></i>Harbour office opens a new waiting room for passengers</i></li></ul></div>"
        f'<p>{second} Read <a href="https://example.org/prices">the price list</a> before you go.</p>'
        '<div class="footer-link"><a href="https://example.org/story-2">'
        "<span>Island school gets a second bus for the winter term</span></a></div></div>"
    )
    doc = normalize_html(fragment, id="fragment")
    assert doc.text.split("\n\n") == [first, f"{second} Read the price list before you go."]
    links = ["Harbour office opens a new waiting room for passengers",
             "Island school gets a second bus for the winter term"]
    assert [(r["text"], r["reason"]) for r in doc.removed] == [(link, "boilerplate") for link in links]
    assert [line.rule for line in doc.lines if line.text in links] == ["page-link", "page-link"]

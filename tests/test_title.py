"""The title is never invented: a paragraph, a breadcrumb, a scraper's label or a byline is never
the title, and an article that starts with a paragraph has none."""

from __future__ import annotations

import pytest

from normalize import Role, normalize, normalize_html

PARAGRAPH = (
    "The harbour authority said on Monday that the new ferry terminal would open in the spring, "
    "two years later than planned, after a long dispute with the builders over the cost of the "
    "floating pier and the waiting hall."
)
SECOND = (
    "Passengers have waited in tents on the quay since the old hall was pulled down, and the "
    "authority has promised free coffee to everyone who travels before the opening day."
)


def test_a_short_first_line_is_the_title() -> None:
    doc = normalize(f"Ferry terminal to open in spring\n\n{PARAGRAPH}\n\n{SECOND}")
    assert doc.title == "Ferry terminal to open in spring"
    assert doc.text == f"{PARAGRAPH}\n\n{SECOND}"


def test_an_article_that_starts_with_a_paragraph_has_no_title() -> None:
    doc = normalize(f"{PARAGRAPH}\n\n{SECOND}")
    assert doc.title is None
    assert doc.text.startswith(PARAGRAPH)
    assert not list(doc.with_role(Role.TITLE))


def test_a_string_of_clauses_is_no_title() -> None:
    first = "The ferry, which will run every hour from the new terminal, starts in May, the authority said."
    doc = normalize(f"{first}\n\n{PARAGRAPH}")
    assert doc.title is None
    assert first in doc.text


def test_a_long_headline_before_long_paragraphs_is_the_title() -> None:
    headline = (
        "Harbour authority delays the opening of the new ferry terminal by two years after dispute over costs"
    )
    doc = normalize(f"{headline}\n\n{PARAGRAPH}\n\n{SECOND}")
    assert doc.title == headline


@pytest.mark.parametrize(
    "first",
    ["Home > News > Harbour", "News / Local / Harbour / Ferries", "URL: https://example.com/ferry", "Title:"],
)
def test_breadcrumbs_and_scraper_labels_are_never_the_title(first: str) -> None:
    doc = normalize(f"{first}\n\n{PARAGRAPH}")
    assert doc.title != first
    assert doc.title is None


def test_a_byline_is_a_credit_and_never_the_title() -> None:
    doc = normalize(f"Ferry terminal to open in spring\n\nBy Jane Doe\n\n{PARAGRAPH}")
    assert doc.title == "Ferry terminal to open in spring"
    assert doc.credits == ["By Jane Doe"]


def test_a_markdown_heading_is_the_title_without_its_mark() -> None:
    doc = normalize(f"# Ferry notes\n\n{PARAGRAPH}")
    assert doc.title == "Ferry notes"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Ferry terminal to open in spring | Harbour Daily", "Ferry terminal to open in spring"),
        ("Ferry terminal to open in spring - harbourdaily.com", "Ferry terminal to open in spring"),
        ("The terminal opens — and the queues begin", "The terminal opens — and the queues begin"),
    ],
)
def test_a_site_name_after_the_title_goes(line: str, title: str) -> None:
    assert normalize(f"{line}\n\n{PARAGRAPH}").title == title


def test_a_title_repeated_further_on_is_still_the_title() -> None:
    title = "Ferry terminal to open in spring"
    doc = normalize(f"{title}\n\n{PARAGRAPH}\n\n{SECOND}\n\n{title}")
    assert doc.title == title
    assert [line.role for line in doc.lines if line.text == title] == [Role.TITLE, Role.BOILERPLATE]


def test_a_page_fragment_with_no_heading_has_no_title() -> None:
    doc = normalize_html(f"<div><p>{PARAGRAPH}</p><p>{SECOND}</p></div>")
    assert doc.title is None
    assert doc.text == f"{PARAGRAPH}\n\n{SECOND}"


def test_a_page_title_is_the_title() -> None:
    head = "<head><title>Ferry news</title></head>"
    page = f"<html>{head}<body><h1>Ferry news</h1><p>{PARAGRAPH}</p></body></html>"
    doc = normalize_html(page)
    assert doc.title == "Ferry news"
    assert doc.text == PARAGRAPH

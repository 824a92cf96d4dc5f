"""Roles decided from context: link lists, taglines against headings, repeats, trailing names."""

from __future__ import annotations

from normalize import normalize

PARAGRAPH = "The council approved the new budget on Monday after a long debate about schools and roads."
OTHER = "Officials said the money would be spent over three years, starting with repairs to bridges."


def _roles(text: str) -> list[tuple[str, str, str | None]]:
    return [(line.text, line.role.value, line.rule) for line in normalize(text).lines]


def test_headlines_under_related_articles_are_links() -> None:
    links = "Related articles\n\nCity opens a new bridge\n\nSchools get new roofs\n"
    roles = _roles(f"A title\n\n{PARAGRAPH}\n\n{links}")
    assert roles[-3:] == [
        ("Related articles", "boilerplate", "related"),
        ("City opens a new bridge", "boilerplate", "link-list"),
        ("Schools get new roofs", "boilerplate", "link-list"),
    ]


def test_a_heading_after_read_more_stays_when_a_paragraph_follows() -> None:
    roles = _roles(f"A title\n\n{PARAGRAPH}\n\nRead more\n\nWhat the budget pays for\n\n{OTHER}\n")
    assert ("What the budget pays for", "heading", "short-line") in roles


def test_site_name_and_slogan_is_a_tagline_but_a_heading_stays() -> None:
    tagline = "Harbor Lens - news for curious travellers"
    text = f"A title\n\n{PARAGRAPH}\n\n{tagline}\n\nWhere the money goes\n\n{OTHER}\n"
    roles = _roles(text)
    assert ("Harbor Lens - news for curious travellers", "boilerplate", "tagline") in roles
    assert ("Where the money goes", "heading", "short-line") in roles


def test_a_line_met_twice_is_boilerplate_both_times() -> None:
    tagline = "Stories from the river towns"
    text = f"A title\n\n{tagline}\n\n{PARAGRAPH}\n\n{OTHER}\n\n{tagline}\n"
    doc = normalize(text)
    assert [r["text"] for r in doc.removed] == ["Stories from the river towns"] * 2
    assert {r["reason"] for r in doc.removed} == {"boilerplate"}
    assert doc.text == f"{PARAGRAPH}\n\n{OTHER}"


def test_a_story_listed_twice_in_a_digest_stays_text_both_times() -> None:
    # a long sentence: a digest's item, not a menu or a prompt
    story = "* Rescue teams worked through the night to reach villages cut off by the floods in the north."
    doc = normalize(f"A title\n\n## World\n\n{story}\n\n{OTHER}\n\n## Business\n\n{story}\n")
    assert doc.text.split("\n\n") == ["## World", story, OTHER, "## Business", story]
    assert doc.removed == []


def test_a_name_after_the_last_paragraph_is_a_credit() -> None:
    doc = normalize(f"A title\n\n{PARAGRAPH}\n\n{OTHER}\n\nMinh Anh\n")
    assert doc.credits == ["Minh Anh"] and doc.text == f"{PARAGRAPH}\n\n{OTHER}"


def test_a_headline_with_one_generic_word_is_the_title_not_a_tagline() -> None:
    headlines = ("Last summer, 9,300 students attended online classes", "No information on the raid")
    for title in headlines:
        doc = normalize(f"{title}\n\n{PARAGRAPH}\n\n{OTHER}\n")
        assert doc.title == title and not doc.removed
    slogan = "Harbor Lens: your daily news online"  # a name, a separator and generic words: a tagline
    doc = normalize(f"{slogan}\n\nA title\n\n{PARAGRAPH}\n")
    assert doc.title == "A title" and [r["reason"] for r in doc.removed] == ["boilerplate"]

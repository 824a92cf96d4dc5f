"""Page-text dumps: chrome, comment threads, front matter, stray HTML, hard-wrapped paragraphs.

Each layout is a small fixture in ``fixtures/chrome/`` (our own words); as trafilatura's tests
do, each test says what the text must contain, what it must not, and why a line left.
"""

from __future__ import annotations

from normalize import normalize
from normalize.chrome import LineClass, is_comments_header, line_class, link_density
from normalize.document import Document, Line
from normalize.lines import join_wrapped
from normalize.markup import clean_inline_markup, is_markup_only
from normalize.patterns import boilerplate_rule
from normalize.repair import repair_text
from tests.conftest import FIXTURES, check_accounting

CHROME = FIXTURES / "chrome"


def _normalize(name: str) -> Document:
    raw = (CHROME / name).read_text(encoding="utf-8")
    doc = normalize(raw, id=name)
    check_accounting(doc.to_dict(explain=True), repair_text(raw))
    return doc


def _reasons(doc: Document) -> dict[str, str | None]:
    return {line.text: line.rule for line in doc.lines if line.removed}


def test_a_page_dump_loses_its_menu_tags_and_footer() -> None:
    doc = _normalize("page_dump.txt")
    assert doc.title == "Ferry Service Returns to the Northern Islands"
    assert doc.text.startswith("The regional ferry company restarted its daily crossing")
    assert "timetable would stay the same" in doc.text
    for chrome in ("Skip to main content", "World", "Business", "Culture", "Harbour Life", "Island Travel",
                   "Return to top"):
        assert chrome not in doc.text.split("\n\n")
    reasons = _reasons(doc)
    assert reasons["Skip to main content"] == "navigation"
    assert reasons["Return to top"] == "navigation"
    assert reasons["World"] == reasons["Harbour Life"] == "chrome"


def test_headlines_with_no_header_under_the_article_are_related_links() -> None:
    doc = _normalize("related_headlines.txt")
    assert "reading garden" in doc.text and "fallen barn" in doc.text
    reasons = _reasons(doc)
    for headline in ("Local choir wins first prize at the regional festival in the capital",
                     "Town council approves money for a second bus line to the hospital"):
        assert reasons[headline] == "related-headlines"
    assert reasons["About us"] == reasons["Privacy"] == "navigation"
    assert len(doc.text.split("\n\n")) == 2


def test_a_comment_thread_goes_from_its_header_on() -> None:
    doc = _normalize("comment_thread.txt")
    assert doc.text.endswith("keep using the river during the works.")
    assert "dog" not in doc.text and "Maria Lind" not in doc.text and "Reply" not in doc.text
    reasons = _reasons(doc)
    assert reasons["2 Comments"] == "comments"
    assert reasons["Good news, but the lights on the bridge should stay on later in the evening."] == (
        "comments"
    )
    assert doc.date is None  # the commenters' dates are not the article's


def test_front_matter_gives_title_date_and_author() -> None:
    doc = _normalize("front_matter.txt")
    assert doc.title == "Bees & Flowers: A Garden on the Roof"
    assert doc.date == "2021-05-14"
    assert doc.credits == ['author: "Lena Vogt"']
    assert doc.text.startswith("The roof of the old post office")
    reasons = _reasons(doc)
    assert reasons["---"] == "front-matter"
    assert reasons['categories: ["city", "nature"]'] == "front-matter"
    rules = {line.text: (line.role.value, line.rule) for line in doc.lines}
    assert rules['title: "Bees & Flowers: A Garden on the Roof"'] == ("title", "front-matter")
    assert rules['date: "2021-05-14 08:30:00"'] == ("date", "front-matter")


def test_three_dashes_later_in_a_text_are_no_front_matter() -> None:
    text = "A title\n\n---\ntitle: not this\n---\n\nThe text of the article goes on here for a while."
    doc = normalize(text)
    assert doc.title == "A title"


def test_stray_html_lines_go_and_inline_tags_leave_their_words() -> None:
    doc = _normalize("stray_tags.txt")
    reasons = _reasons(doc)
    for markup in ("<figure>", "</figure>", "<!--more-->", '<ul class="gallery-list">'):
        assert reasons[markup] == "markup"
    assert "<" not in doc.text.replace("a < b > c", "")
    assert "more than two hundred old radios, from wooden cabinets of the 1930s" in doc.text
    assert "a part of the visit that children like best" in doc.text
    assert "the rule a < b > c on the wall" in doc.text  # not a tag: left alone


def test_inline_markup_is_cleaned_only_for_real_elements() -> None:
    assert clean_inline_markup('<p><span class="zh">你好。</span><span class="en">Hello.</span></p>') == (
        "你好。 Hello."
    )
    assert clean_inline_markup("Salt &amp; pepper<br>") == "Salt & pepper"
    assert clean_inline_markup("x <y> z and <tag> stay") == "x <y> z and <tag> stay"
    assert is_markup_only('<img src="a.jpg" alt="a">') and is_markup_only('<h5 class="comments-h">')
    assert not is_markup_only("<b>Bold</b> words") and not is_markup_only("a < b > c")


def test_a_hard_wrapped_paragraph_and_quote_are_joined_back() -> None:
    doc = _normalize("hard_wrapped.txt")
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The keeper of the lighthouse wrote to his sister")
    assert "twenty years, and his letters describe" in paragraphs[0]
    assert paragraphs[0].endswith("took the dunes away a little more each winter.")
    assert paragraphs[1].startswith(">> We do not own the sea")
    assert paragraphs[1].count(">>") == 1
    assert [line.number for line in doc.lines if line.role.value == "body"] == [3, 8]


def test_wrapping_is_not_read_into_lists_sentences_or_other_scripts() -> None:
    def joined(*texts: str) -> list[str]:
        return [line.text for line in join_wrapped([Line(n, t) for n, t in enumerate(texts, start=1)])]

    wide = "x" * 70
    listed = [f"- item {n} of the shopping list for the week, written out in full words" for n in range(3)]
    assert joined(*listed) == listed
    sentences = [f"This line is a sentence of its own and it ends where it should end {n}." for n in range(3)]
    assert joined(*sentences) == sentences
    mixed = [
        "the first line of an English paragraph that goes on and on and on until",
        "это вторая строка на другом языке и в другом письме, которая идёт дальше",
        "the third line that comes back to the first language and goes on to end",
    ]
    assert joined(*mixed) == mixed
    assert joined(wide) == [wide]


def test_lesson_of_short_lines_is_left_whole() -> None:
    doc = _normalize("short_lines_lesson.txt")
    assert not any(line.rule in {"chrome", "related-headlines", "comments"} for line in doc.lines)
    assert "Where is the station?" in doc.text or any("station" in pair.tgt for pair in doc.pairs)


def test_one_huge_line_article_is_left_whole() -> None:
    doc = _normalize("one_huge_line.txt")
    assert doc.title == "Người dân dọn bãi biển sau bão"
    assert doc.text.startswith("Trong buổi sáng hôm nay") and len(doc.text) > 1000
    assert not _reasons(doc)


def test_a_short_heading_between_paragraphs_and_the_headline_stay() -> None:
    doc = _normalize("heading_before_paragraph.txt")
    assert doc.title == "Spring Fair"
    assert doc.text.split("\n\n")[1] == "Weather"
    assert not _reasons(doc)


def test_a_menu_above_a_short_headline_goes_and_the_headline_stays() -> None:
    paragraph = "The spring fair on the hill drew more visitors than ever, with stalls of honey and wool."
    other = paragraph.replace("honey", "cheese")
    doc = normalize(f"Home\nEvents\nGardens\nSpring Fair\n\n{paragraph}\n\n{other}")
    assert doc.title == "Spring Fair"
    assert _reasons(doc) == {"Home": "navigation", "Events": "chrome", "Gardens": "chrome"}


def test_line_classes_alone() -> None:
    paragraph = "The museum opened on Monday and the people of the town came to see what was inside."
    assert line_class(paragraph, "en") is LineClass.PARAGRAPH
    assert line_class("World News", "en") is LineClass.CHROME
    assert line_class("[Edit this page](https://example.org/edit/page)", "en") is LineClass.LINK
    assert line_class("It was late.", "en") is LineClass.SHORT
    assert link_density("see [the map](https://example.org/map) here") > 0.5
    assert is_comments_header("3 Kommentare") and is_comments_header("12 bình luận")
    assert not is_comments_header("3 Kilometer")


def test_an_app_prompt_is_boilerplate_but_a_sentence_about_downloads_is_not() -> None:
    assert boilerplate_rule("Download the Harbour Times app for the latest news") == "app-prompt"
    assert boilerplate_rule("Tải ứng dụng Báo Làng để đọc tin nhanh hơn") == "app-prompt"
    assert boilerplate_rule("Download the report from the city website.") is None
    assert boilerplate_rule("Try the apple pie at the corner shop") is None


def test_unpunctuated_lines_each_beside_a_translation_are_no_related_headlines() -> None:
    """A page lists related headlines in its own language: lines translated below the last
    sentence are the article's (as in a bilingual lesson ending in phrases)."""
    doc = _normalize("translated_phrases_last.txt")
    texts = doc.text.split("\n\n")
    phrases = (
        "The harbour master's warning came `late in the morning` and was read out `twice on the radio`",
        "Fishing boats were told to `stay in port until Thursday` at the earliest",
        "Schools in the low streets `closed at noon` for the rest of the week",
    )
    for phrase in phrases:
        assert phrase in texts
    assert "related-headlines" not in _reasons(doc).values()
    assert len(doc.pairs) == 5


def test_a_comment_button_above_the_article_removes_no_article() -> None:
    doc = _normalize("share_bar_comments.txt")
    assert doc.title == "Winter Timetable for the Valley Trains"
    assert doc.text.startswith("More trains in the morning")  # the standfirst, then the article
    assert "The rail company published its winter timetable on Monday" in doc.text
    assert doc.text.endswith("no longer stops at their station.")
    reasons = _reasons(doc)
    # the button and an empty count go alone
    assert reasons["Comments"] == reasons["0 Comments"] == "comments"


def test_a_thread_longer_than_its_article_goes_when_its_comments_have_reply_buttons() -> None:
    doc = _normalize("long_comment_thread.txt")
    assert doc.text == (
        "From next month the town library will open on Sunday afternoons, the council said, after a trial "
        "in the spring brought in more visitors than any weekday."
    )
    reasons = _reasons(doc)
    assert reasons["4 Comments"] == reasons["Omar Haddad"] == reasons["Reply"] == "comments"


def test_related_stories_end_the_page_only_where_the_article_does_not_go_on() -> None:
    doc = _normalize("page_end.txt")
    for kept in ("hill villages for three generations", "wood oven", "until the bread runs out",
                 "a week in advance by telephone"):
        assert kept in doc.text
    for gone in ("cycle path", "autumn fair", "science rooms", "newsletter", "About us"):
        assert gone not in doc.text
    reasons = _reasons(doc)
    assert reasons["More stories"] == "related"
    assert reasons["Schools in the north get new science rooms"] == "page-end"


def test_a_menu_between_paragraphs_goes_and_a_short_list_in_the_article_stays() -> None:
    doc = _normalize("mega_menu.txt")
    paragraphs = doc.text.split("\n\n")
    for item in ("Local News", "Weather", "Sports", "Business", "Health", "Opinion"):
        assert item not in paragraphs
        assert _reasons(doc)[item] == "menu"
    closing = "Tickets can be bought on board or at the harbour office."
    for item in ("North Island", "Seal Rock", "Long Beach", closing):
        assert item in paragraphs  # above a closing sentence: the article's own list


def test_a_table_between_paragraphs_is_no_menu() -> None:
    doc = _normalize("table_between_paragraphs.txt")
    for row in ("| Town | Rain (mm) | Days |", "| Riverside | 212 | 19 |", "| Northgate | 205 | 18 |"):
        assert row in doc.text.split("\n\n")


def test_what_stands_between_the_page_title_and_the_headline_is_the_page_header() -> None:
    doc = _normalize("title_repeated.txt")
    assert doc.title == "Council Votes to Keep the Old Market Hall"
    assert doc.text.startswith("The town council voted on Tuesday evening")
    assert doc.text.endswith("when the vote was taken.")
    reasons = _reasons(doc)
    assert reasons["Weather"] == reasons["Sport"] == "above-headline"
    breaking = "Breaking: road closed near the bridge after a lorry lost its load this morning, police said."
    assert reasons[breaking] == "above-headline"
    assert reasons["Council Votes to Keep the Old Market Hall"] == "title-repeat"  # already the title

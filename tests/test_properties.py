"""Properties over any input: no exception, and every line accounted for."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize import normalize
from normalize.repair import repair_text
from tests.conftest import FIXTURES, check_accounting

_SEED_LINES = [
    line.strip()
    for path in sorted((FIXTURES / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
    if line.strip()
]

# Articles made of real lines (English, Vietnamese, ids, dates, credits, taglines)
# mixed with arbitrary text, joined by single or double line breaks.
_article_lines = st.lists(
    st.one_of(st.sampled_from(_SEED_LINES), st.text(min_size=0, max_size=80)), min_size=0, max_size=25
)
_articles = st.builds(
    lambda lines, seps: "".join(line + sep for line, sep in zip(lines, seps, strict=False)),
    _article_lines,
    st.lists(st.sampled_from(["\n", "\n\n", "\r\n", " "]), min_size=25, max_size=25),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), _articles))
def test_any_text_gives_a_document_with_every_line_accounted_for(text: str) -> None:
    doc = normalize(text, id="x")
    record = doc.to_dict(explain=True)
    check_accounting(record, repair_text(text))
    assert all(0.0 <= pair["score"] <= 1.0 for pair in record["pairs"])
    assert record["date"] is None or len(record["date"]) == 10

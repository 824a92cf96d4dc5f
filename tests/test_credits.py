"""Credit lines in the forms real articles print them, and the sentences that only look alike."""

from __future__ import annotations

import pytest

from normalize import normalize
from normalize.patterns import credit_rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("By Maria Lopez and Tom Brandt", "byline"),
        ("Theo Tuổi Trẻ", "source"),
        ("Theo Sức khỏe & Đời sống", "source"),  # a publication whose name has lower-case words
        ("Hoài An Theo Dân trí", "source"),  # the author, then the source, on one line
        ("Thanh Mai (theo AFP)", "source"),
        ("Quang Huy tổng hợp", "source"),
        ("Bảo Ngọc (tổng hợp)", "source"),
        ("Ảnh: Instagram nhân vật, Internet", "photo"),
        ("Sponsored by Northwind Traders", "sponsor"),
        ("Paid content from Contoso Bank", "sponsor"),
        ("Elena Marsh reported from Lisbon; Paul Okafor from Lagos.", "reporter"),
        ("Dana Whitfield contributed reporting.", "reporter"),
    ],
)
def test_credit_lines(line: str, rule: str) -> None:
    assert credit_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Theo các nhà khoa học, mực nước biển sẽ còn dâng.",  # "according to the scientists, ..."
        "Theo ông Bình, giá điện sẽ tăng",
        "Theo Bộ Công Thương, sản lượng điện đã tăng mạnh trong quý này",
        "Police reported from the scene that two people were hurt.",
        "Ảnh: Một người đàn ông đang đi bộ trên phố cổ vào buổi sáng sớm mùa đông.",
        "Sponsored by the city, the festival drew thousands of visitors to the old harbour.",
    ],
)
def test_sentences_that_only_look_like_credits(line: str) -> None:
    assert credit_rule(line) is None


def test_a_closing_credit_line_leaves_the_text() -> None:
    body = "Mực nước sông Hồng đã lên cao sau ba ngày mưa lớn liên tiếp ở các tỉnh miền núi phía Bắc."
    doc = normalize(f"Nước sông lên cao\n\n{body}\n\nQuang Huy tổng hợp")
    assert doc.credits == ["Quang Huy tổng hợp"]
    assert doc.text == body

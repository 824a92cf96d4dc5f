
"""Building blocks for the synthetic corpus (see ``make_corpus.py``).

Everything here is vocabulary invented for the benchmark (fake sites, people,
taglines) or a pure function of a :class:`random.Random`, so a seed fixes the
whole corpus. Nothing here knows about the library under test.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
import uuid

import ftfy  # noqa: F401  (registers the 'sloppy-windows-1252' codec)

CAPTION_LANGS = ("vi", "zh", "ru", "fr", "es", "de")

SITES = (
    "Lotus Lane", "Mekong Pulse", "Harbor Lens", "Saigon Weekend", "Red River Review",
    "Highland Notes", "Coastline Daily", "Bamboo Wire", "Jade Journal", "Lantern Post",
    "Orbit Traveller", "Tidewater Times",
)
PEOPLE = (
    "Minh Anh", "Tran Hoang Nam", "Le Thu Trang", "Pham Quoc Bao", "Nguyễn Lan Chi", "Hoàng Gia Huy",
    "Sarah Whitfield", "Daniel Okoro", "Mei Lin", "Carlos Ortega", "Anna Petrova", "Lukas Brandt",
    "Claire Dubois", "Đỗ Minh Quân", "Vũ Thảo", "Bui Khanh Linh", "Tom Hargreave", "Ines Moreau",
)
AGENCIES = ("Reuters", "AFP", "AP", "Getty Images", "EPA")
TAG_WORDS = {
    "en": ("travel", "food", "culture", "science", "space", "health", "Vietnam", "cinema", "lifestyle"),
    "vi": ("du lịch", "ẩm thực", "văn hóa", "khoa học", "sức khỏe", "điện ảnh", "đời sống"),
}

TAGLINES: dict[str, tuple[str, ...]] = {
    "en": (
        "{site} - travel, food and culture every day",
        "{site}: stories from the road",
        "Your daily guide to places and flavours | {site}",
        "{site} — news for curious travellers",
    ),
    "vi": (
        "Trang thông tin ẩm thực và văn hóa {site}",
        "{site} - chuyên trang du lịch và đời sống",
        "Tạp chí điện tử {site}",
        "{site}: tin tức, khám phá, trải nghiệm",
    ),
    "zh": ("{site} — 旅行与美食资讯",),
    "ru": ("{site} — новости о путешествиях и культуре",),
    "fr": ("{site} — l’actualité du voyage et de la culture",),
    "es": ("{site}: noticias de viajes y cultura",),
    "de": ("{site} – Reisen, Kultur und Genuss",),
}

BOILERPLATE: dict[str, dict[str, tuple[str, ...]]] = {
    "related": {
        "en": (
            "Related Articules", "Related articles", "Related posts", "RELATED STORIES", "You may also like",
        ),
        "vi": ("Bài viết liên quan", "Tin liên quan", "Related Articules"),
    },
    "readmore": {
        "en": ("Read more: {t}", "READ MORE: {t}", "See also: {t}"),
        "vi": ("Xem thêm: {t}", "Xem thêm", "Đọc thêm: {t}"),
    },
    "share": {
        "en": ("Share this article", "Share: Facebook | Twitter | Email", "Follow {site} on Facebook"),
        "vi": ("Chia sẻ bài viết", "Theo dõi {site} trên Facebook", "Chia sẻ: Facebook | Zalo"),
    },
    "ad": {"en": ("Advertisement", "ADVERTISEMENT", "Sponsored"), "vi": ("Quảng cáo", "Advertisement")},
    "copyright": {
        "en": ("© {year} {site}. All rights reserved.", "Copyright © {site} {year}"),
        "vi": ("Bản quyền thuộc về {site}", "© {year} {site}. Ghi rõ nguồn khi phát hành lại."),
    },
    "tags": {"en": ("Tags: {tags}", "TAGS: {tags}"), "vi": ("Từ khóa: {tags}", "Tags: {tags}")},
}

CREDITS_TOP: dict[str, tuple[str, ...]] = {
    "en": ("By {n}", "Reporter: {n}", "Written by {n}", "Story: {n}"),
    "vi": ("Phóng viên: {n}", "Bài: {n}", "Theo VnExpress"),
}
CREDITS_BOTTOM: dict[str, tuple[str, ...]] = {
    "en": (
        "Text/Reporter {n} Coordinator/{m}",
        "{n} - Source: Compilation (Image: Internet)",
        "Photo: {a}",
        "Photo: {n}",
        "Photos: {n}/{a}",
        "Reporting by {n}; Editing by {m}",
        "Ảnh: {n}",
    ),
    "vi": (
        "Theo {site}", "Ảnh: {n}", "Bài: {n} - Ảnh: {m}", "{n} (tổng hợp)", "Nguồn: {a}", "Theo VnExpress",
    ),
}

VI_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

#: Date line templates; fields: d, m (numbers), dd, mm (zero padded), y, wd/vwd (weekday), mon (month
#: name), mo3 (short month name), hh, mi (time).
DATE_FORMATS: dict[str, tuple[str, ...]] = {
    "en": (
        "{dd}/{mm}/{y}",
        "{dd}.{mm}.{y}",
        "{wd}, {mon} {d}, {y} | {h12}:{mi} {ampm} GMT+7",
        "Published: {y}-{mm}-{dd}",
        "{d} {mon} {y}",
        "{mon} {d}, {y}",
        "Updated: {dd}/{mm}/{y} {hh}:{mi}",
        "{mo3} {d}, {y}, {hh}:{mi}",
        "{y}-{mm}-{dd}",
    ),
    "vi": (
        "{dd}/{mm}/{y}",
        "{vwd}, {dd}/{mm}/{y}, {hh}:{mi} (GMT+7)",
        "ngày {d} tháng {m} năm {y}",
        "Cập nhật: {hh}:{mi} {dd}/{mm}/{y}",
        "{dd}-{mm}-{y}",
        "{dd}.{mm}.{y}",
    ),
}


def clean(text: str) -> str:
    """The clean form of a line: NFC, NBSP as a space, no ZWSP/soft hyphen/BOM,
    runs of spaces and tabs as one space, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return options[rng.randrange(len(options))]


def fill(template: str, rng: random.Random, site: str, lang: str) -> str:
    names = rng.sample(PEOPLE, 2)
    words = TAG_WORDS["vi" if lang == "vi" else "en"]
    return template.format(
        n=names[0], m=names[1], a=pick(rng, AGENCIES), site=site, year=rng.choice((2020, 2021, 2022)),
        tags=", ".join(rng.sample(words, 3)), t="{t}",
    )


def random_date(rng: random.Random) -> dt.datetime:
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
    return dt.datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))


def date_line(when: dt.datetime, template: str) -> str:
    h12 = when.hour % 12 or 12
    return template.format(
        d=when.day, m=when.month, dd=f"{when.day:02d}", mm=f"{when.month:02d}", y=when.year,
        wd=EN_WEEKDAYS[when.weekday()], vwd=VI_WEEKDAYS[when.weekday()], mon=EN_MONTHS[when.month - 1],
        mo3=EN_MONTHS[when.month - 1][:3], hh=f"{when.hour:02d}", mi=f"{when.minute:02d}",
        h12=h12, ampm="am" if when.hour < 12 else "pm",
    )


def image_id(rng: random.Random, kind: int) -> str:
    """One image id line; ``kind`` picks the style (0..5)."""
    hexd = "0123456789abcdef"
    uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    kind %= 6
    if kind == 0:
        return "".join(rng.choice(hexd) for _ in range(24))
    if kind == 1:
        return uid
    if kind == 2:
        return f"1200x675_cmsv2_{uid}-{rng.randrange(10**6, 10**7)}"
    if kind == 3:
        when = random_date(rng)
        return f"IMG_{when:%Y%m%d}_{when:%H%M}{rng.randrange(60):02d}.jpg"
    if kind == 4:
        return f"DSC_{rng.randrange(10000):04d}.JPG"
    return "".join(rng.choice(hexd) for _ in range(40))


# --- garbling: each takes the rendered text (LF line ends) and returns the garbled text ---------------

GARBLES = ("mojibake", "line-mojibake", "entities", "zwsp", "nbsp", "nfd", "crlf", "bom", "soft-hyphen")


def _edit_lines(text: str, rng: random.Random, share: float, edit: re.Pattern[str], repl: str) -> str:
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if edit.search(line.strip())]
    if not candidates:
        return text
    for i in rng.sample(candidates, max(1, int(len(candidates) * share))):
        head = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        body = lines[i][len(head):]
        spots = [m.end() for m in edit.finditer(body)]
        keep = rng.sample(spots, max(1, len(spots) // 3))
        for pos in sorted(keep, reverse=True):
            body = body[:pos] + repl + body[pos:]
        lines[i] = head + body
    return "\n".join(lines)


def garble(text: str, kind: str, rng: random.Random) -> str:
    """Damage ``text`` the way scraped text gets damaged; ``clean`` of every line must undo it
    except for the mojibake and entities (which a normaliser has to repair)."""
    if kind == "mojibake":
        return text.encode("utf-8").decode("sloppy-windows-1252")
    if kind == "line-mojibake":
        lines = text.split("\n")
        foreign = [i for i, line in enumerate(lines) if any(ord(c) > 127 for c in line)]
        if foreign:
            i = rng.choice(foreign)
            lines[i] = lines[i].encode("utf-8").decode("sloppy-windows-1252")
        return "\n".join(lines)
    if kind == "entities":
        return text.replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#39;")
    if kind == "zwsp":
        return _edit_lines(text, rng, 0.3, re.compile(r"\w(?= )"), "\u200b")
    if kind == "nbsp":
        lines = text.split("\n")
        for i in range(len(lines)):
            if rng.random() < 0.4:
                words = lines[i].split(" ")
                lines[i] = "".join(w + ("\u00a0" if rng.random() < 0.3 and w else " ") for w in words[:-1])
                lines[i] += words[-1]
        return "\n".join(lines)
    if kind == "nfd":
        return unicodedata.normalize("NFD", text)
    if kind == "crlf":
        return text.replace("\n", "\r\n")
    if kind == "bom":
        return "\ufeff" + text
    if kind == "soft-hyphen":
        return _edit_lines(text, rng, 0.3, re.compile(r"(?<=[a-z]{4})(?=[a-z]{4})"), "\u00ad")
    raise ValueError(f"unknown garbling {kind!r}")

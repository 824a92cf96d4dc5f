"""Recognise a date line and read it as an ISO date.

A *date line* is a line that is nothing but a dateline or timestamp: one date,
optionally with a weekday, a label ("Published:", "Cập nhật:", "发布时间："),
a time, a timezone and separators. A sentence that merely contains a date is
body text.

The method: find one date in the (casefolded) line with a small set of
precompiled patterns, then delete the date and every allowed kind of noise
(labels, weekdays, times, timezones); the line is a date line only when nothing
made of letters or digits is left. Lines longer than :data:`MAX_LEN` are never
date lines, so the cost per line is bounded whatever its length.
"""

from __future__ import annotations

import datetime as _dt
import re

from normalize._cache import per_line_cache

#: Longer lines are not date lines.
MAX_LEN = 80

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        # en, fr, es, de, ru (nominative, genitive, short), abbreviations
        "january jan janvier janv enero ene januar jänner jän январь января янв",
        "february feb février fevrier févr fevr febrero februar feber февраль февраля фев февр",
        "march mar mars marzo märz maerz mär март марта мар",
        "april apr avril avr abril апрель апреля апр",
        "may mai mayo май мая",
        "june jun juin junio juni июнь июня июн",
        "july jul juillet juil julio juli июль июля июл",
        "august aug août aout agosto ago август августа авг",
        "september sep sept septembre septiembre setiembre set сентябрь сентября сен сент",
        "october oct octobre octubre oktober okt октябрь октября окт",
        "november nov novembre noviembre ноябрь ноября ноя нояб",
        "december dec décembre decembre déc diciembre dic dezember dez декабрь декабря дек",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")(?!\w)\.?"
_DAY = r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(\d{4})(?!\d)"

# Each pattern yields (year, month, day) in the order given by its tag; a line
# without the text a pattern always holds (its second item) is not searched.
_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("ymd", "年", re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    (
        "ymd",
        "",
        re.compile(
            r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
            r"(?:t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
        ),
    ),
    ("dmy?", "", re.compile(r"(?<![\d.])(\d{1,2})[/.-](\d{1,2})[/.-]" + _YEAR)),
    (
        "dmy",
        "tháng",
        re.compile(r"(?:ngày\s+)?" + _DAY + r"\s+tháng\s+(\d{1,2})(?:\s*[,/]\s*|\s+năm\s+)" + _YEAR),
    ),
    (
        "dMy",
        "",
        re.compile(
            r"(?<!\w)" + _DAY + r"\.?\s+(?:de\s+)?(?<!\w)" + _MONTH + r"\s*,?\s+(?:de\s+|del\s+)?" + _YEAR
            + r"(?:\s*(?:г\.|г(?!\w)|года(?!\w)))?"
        ),
    ),
    ("Mdy", "", re.compile(r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r"\s*,?\s+" + _YEAR)),
)

_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so "
    "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье "
    "пн вт ср чт пт сб вс "
    "thứ hai thứ ba thứ tư thứ năm thứ sáu thứ bảy thứ bẩy chủ nhật thứ cn"
)
_LABELS = (
    "published publish posted updated update last updated first published date created modified "
    "on at by time dated "
    "cập nhật ngày đăng đăng ngày đăng lúc ngày lúc giờ năm sáng chiều tối trưa đêm "
    "publié le mis à jour modifié de publication "
    "publicado el actualizado a las fecha "
    "veröffentlicht am aktualisiert zuletzt erstellt stand um uhr "
    "опубликовано обновлено дата публикации в г года "
    "am pm h"
)


def _alternation(words: str) -> str:
    return "|".join(sorted({re.escape(word) for word in words.split()}, key=len, reverse=True))


_MULTI_LABELS = (
    "last updated|first published|ngày đăng|đăng ngày|đăng lúc|cập nhật|publié le|mis à jour le|mis à jour"
    "|modifié le|date de publication|publicado el|actualizado el|a las|veröffentlicht am|aktualisiert am"
    "|erstellt am|дата публикации|thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|thứ bẩy|chủ nhật"
    r"|a\.m\.|p\.m\."
)
_NOISE = re.compile(
    # times: 10:35, 10:35:00, 10h35, 10.35 uhr, 10 giờ 35
    r"(?<!\d)\d{1,2}(?:[:h]\d{2}(?::\d{2})?|\s*giờ\s*\d{0,2}|\.\d{2}(?=\s*uhr))(?!\d)"
    r"|(?<!\d)\d{1,2}\s*(?:时|點|点)\s*(?:\d{1,2}\s*分)?"
    # timezones
    r"|(?<!\w)(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|(?<![\w:])[+-]\d{2}:?\d{2}(?!\d)"
    r"|(?<!\w)(?:ict|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|msk|bst|jst|kst|hkt|sgt|aest|wib|z)(?!\w)"
    # vietnamese numbered weekdays (t2, thứ 2)
    r"|(?<!\w)(?:thứ\s*[2-7]|t[2-7])(?!\w)"
    # chinese labels and weekdays
    r"|发布时间|更新时间|发布日期|发表时间|时间|日期|星期[一二三四五六日天]|周[一二三四五六日]|上午|下午|晚上"
    r"|(?<!\w)(?:" + _MULTI_LABELS + "|" + _alternation(_WEEKDAYS + " " + _LABELS) + r")(?!\w)"
)
_LEFTOVER = re.compile(r"[^\W_]")
_YEAR_DIGITS = re.compile(r"\d{4}")


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _read(tag: str, groups: tuple[str, ...]) -> str | None:
    if tag == "ymd":
        return _valid(int(groups[0]), int(groups[1]), int(groups[2]))
    if tag == "dMy":
        return _valid(int(groups[2]), _MONTHS[groups[1]], int(groups[0]))
    if tag == "Mdy":
        return _valid(int(groups[2]), _MONTHS[groups[0]], int(groups[1]))
    first, second, year = int(groups[0]), int(groups[1]), int(groups[2])
    if tag == "dmy?" and second > 12 >= first:
        first, second = second, first  # month-first: 10/19/2021
    return _valid(year, second, first)


@per_line_cache
def parse_date(text: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) when ``text`` is a date line, else ``None``.

    >>> parse_date("Thứ Ba, 19/10/2021, 10:35 (GMT+7)")
    '2021-10-19'
    >>> parse_date("On the morning of October 17th, 2021, the crew returned.") is None
    True
    """
    if len(text) > MAX_LEN or len(text) < 6 or _YEAR_DIGITS.search(text) is None:
        return None  # every pattern holds a four-digit year
    folded = text.casefold()
    for tag, needs, pattern in _PATTERNS:
        if needs not in folded:
            continue
        match = pattern.search(folded)
        if match is None:
            continue
        iso = _read(tag, match.groups())
        if iso is None:
            return None
        rest = folded[: match.start()] + " " + folded[match.end() :]
        if _LEFTOVER.search(_NOISE.sub(" ", rest)):
            return None
        return iso
    return None

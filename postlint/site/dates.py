"""Front-matter dates as the generators read them, and the site's time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DATE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"[ \t]*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2})?\s*$"
)


def parse_date(text: str) -> datetime | date | None:
    """A date (no time), a naive date-time, or an aware one; None when not a date."""
    found = _DATE.match(text)
    if found is None:
        return None
    year, month, day, hour, minute, second, zone = found.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        offset = _offset(zone) if zone else None
    except ValueError:
        return None
    return moment.replace(tzinfo=offset) if offset is not None else moment


def _offset(zone: str) -> tzinfo | None:
    if zone in ("Z", "z"):
        return UTC
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError("offset out of range")
    sign = -1 if zone[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def site_zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None

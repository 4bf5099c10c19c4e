"""How current the rules are: a dataset is stale when its last review is more
than twelve months before today. The window shows a banner and the printed
summary a line; both ask this module."""

from __future__ import annotations

import datetime as dt

from .models import Dataset

STALE_AFTER_MONTHS = 12


def review_due(last_reviewed: dt.date) -> dt.date:
    """The last day on which a review of ``last_reviewed`` is still current:
    the same calendar day twelve months later (28 February for a 29 February review)."""
    year = last_reviewed.year + STALE_AFTER_MONTHS // 12
    try:
        return last_reviewed.replace(year=year)
    except ValueError:  # 29 February -> a year without one
        return dt.date(year, 2, 28)


def is_stale(dataset: Dataset, today: dt.date | None = None) -> bool:
    """True when ``dataset.last_reviewed`` is more than twelve months before ``today``."""
    return (today or dt.date.today()) > review_due(dataset.last_reviewed)

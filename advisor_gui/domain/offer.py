"""What each jurisdiction offers, as one category the map, table and legend share."""

from __future__ import annotations

from .models import Jurisdiction

# Ordered as the legend lists them.
CATEGORIES = ("cor_secor", "cor_small_cor", "all_sizes", "cor_only", "not_participating")


def offer_category(j: Jurisdiction) -> str:
    if not j.participates:
        return "not_participating"
    if j.small_program is None:
        return "cor_only"
    if j.small_max_workers is None:
        return "all_sizes"
    return "cor_small_cor" if j.small_program == "SMALL_COR" else "cor_secor"


"""How a citation reads: the one place that formats a source document and a
pointer into it, for the JSON contract's ``source`` strings, the card's
tooltips, the summary's source list, the command line and the Learn pages.

Sources are bibliographic records (publisher, title, address): they read the
same in every language, so a ``source`` value never depends on the language.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Cite, Dataset, Source, derived_value


def describe_source(source: Source) -> str:
    """Publisher, \u201ctitle\u201d, address."""
    text = f"{source.publisher}, \u201c{source.title}\u201d"
    return f"{text}, {source.url}" if source.url else text


def format_cites(dataset: Dataset, cites: Iterable[Cite]) -> str:
    """One readable string for ``cites``: each source with the section cited
    (kept with the dataset: every evaluation formats the same few dozen)."""
    cites = tuple(cites)
    return derived_value(dataset, ("format_cites", cites), lambda: _format_cites(dataset, cites))


def _format_cites(dataset: Dataset, cites: tuple[Cite, ...]) -> str:
    parts = []
    for cite in cites:
        src = dataset.source(cite.source)
        text = f"{src.publisher}, \u201c{src.title}\u201d"
        if cite.at:
            text += f", {cite.at}"
        if src.url:
            text += f" <{src.url}>"
        parts.append(text)
    return "; ".join(parts)


def short_cites(dataset: Dataset, cites: Iterable[Cite]) -> str:
    """Each source's address (its publisher when it has none), for inline mentions."""
    return "; ".join(dataset.source(c.source).url or dataset.source(c.source).publisher for c in cites)

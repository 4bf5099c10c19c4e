"""Help ▸ About: version, dataset version, sources, and the map's attribution."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME, __version__
from ..domain.models import Dataset


def about_html(parent: QWidget, ds: Dataset) -> str:
    tr = parent.tr
    article = ds.sources[0]
    return "".join([
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>",
        "<p>" + escape(tr("Which workplace-safety certification fits a Canadian operation: COR or the "
                          "small-employer program, province by province, with sources.")) + "</p>",
        "<p>" + escape(tr("Rules dataset {0}, effective {1}, last reviewed {2}; {3} sources, led by "
                          "{4}, \u201c{5}\u201d.").format(ds.version, ds.effective, ds.last_reviewed,
                                                          len(ds.sources), article.publisher, article.title))
        + "</p>",
        "<p>" + escape(tr("Certifying partners and prime contractors have the final word on what they accept."))
        + "</p>",
        "<p><small>" + escape(tr("Map of Canada adapted from \u201cMap of Canada\u201d by MapSVG (mapsvg.com), "
                                 "licensed CC BY 4.0; reprojected to Lambert conformal conic.")) +
        ' <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></small></p>',
    ])


def show_about(parent: QWidget, ds: Dataset) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("About {0}").format(APP_NAME))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_html(parent, ds))
    box.exec()

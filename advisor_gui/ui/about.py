"""Help ▸ About: version, dataset version, sources, and the map's attribution."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME, __version__
from ..domain.models import Dataset
from .i18n import long_date


def about_html(parent: QWidget, ds: Dataset) -> str:
    translate = QCoreApplication.translate
    article = ds.sources[0]
    what = translate("About", "Which workplace-safety certification fits a Canadian operation: COR or the "
                              "small-employer program, province by province, with sources.")
    rules = translate("About", "Rules dataset {0}, effective {1}, last reviewed {2}; {3} sources, led by "
                               "{4}, \u201c{5}\u201d.").format(
        ds.version, long_date(ds.effective), long_date(ds.last_reviewed), len(ds.sources), article.publisher,
        article.title)
    final = translate("About", "Certifying partners and prime contractors have the final word on what they accept.")
    credit = translate("About", "Map of Canada adapted from \u201cMap of Canada\u201d by MapSVG (mapsvg.com), "
                                "licensed CC BY 4.0; reprojected to Lambert conformal conic.")
    return "".join([
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>",
        f"<p>{escape(what)}</p>",
        f"<p>{escape(rules)}</p>",
        f"<p>{escape(final)}</p>",
        f"<p><small>{escape(credit)}"
        ' <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></small></p>',
    ])


def show_about(parent: QWidget, ds: Dataset) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About {0}").format(APP_NAME))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_html(parent, ds))
    box.exec()

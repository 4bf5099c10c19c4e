"""Help ▸ User Guide and Help ▸ Keyboard Shortcuts: in-app pages, no network.

The user guide is a page per language in ``resources/help/`` (``user-guide.en.html``,
``user-guide.fr.html``), shown in a :class:`QTextBrowser` that follows only the
page's own ``#anchors`` (its table of contents) and opens nothing else. A
``{key:actionName}`` in the page is replaced by that action's shortcut as the
menus have it, so the guide never disagrees with them. The shortcut list is
generated from the menu declaration (``MainWindow.shortcut_table``).
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..paths import resource

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

_KEY = re.compile(r"\{key:(\w+)\}")


def guide_html(lang: str, keys: dict[str, str]) -> str:
    """The user guide in ``lang`` (English when there is no page in it), shortcuts filled in."""
    path = resource(f"help/user-guide.{lang}.html")
    if not path.is_file():
        path = resource("help/user-guide.en.html")
    text = path.read_text(encoding="utf-8")
    return _KEY.sub(lambda m: f"<b>{escape(keys.get(m.group(1)) or '')}</b>", text)


class _HelpWindow(QDialog):
    """A help window: one view filling it, and Close."""

    def __init__(self, name: str, title: str, size: tuple[int, int], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(*size)

    def _lay_out(self, view: QWidget) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        view.setFocus()


class UserGuideDialog(_HelpWindow):
    """Help ▸ User Guide: how to use the window, in the window's language."""

    def __init__(self, lang: str, keys: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__("userGuide", self.tr("User Guide"), (760, 620), parent)
        self.view = QTextBrowser()
        self.view.setObjectName("userGuideText")
        self.view.setAccessibleName(self.tr("User guide"))
        self.view.setOpenLinks(False)  # the page's own anchors only (below); nothing is ever opened
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(self._follow)
        self.view.setHtml(guide_html(lang, keys))
        self._lay_out(self.view)

    def _follow(self, url: QUrl) -> None:
        if not url.scheme() and not url.path() and url.fragment():
            self.view.scrollToAnchor(url.fragment())


class ShortcutsDialog(_HelpWindow):
    """Help ▸ Keyboard Shortcuts: every menu action that has a shortcut, by menu."""

    def __init__(self, groups: list[tuple[str, list[tuple[str, list[QKeySequence]]]]],
                 parent: QWidget | None = None) -> None:
        super().__init__("keyboardShortcuts", self.tr("Keyboard Shortcuts"), (620, 580), parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setAlternatingRowColors(True)
        native = QKeySequence.SequenceFormat.NativeText
        separator = self.tr("{0} or {1}")
        for menu, rows in groups:
            top = QTreeWidgetItem([menu])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for text, keys in rows:
                shown = keys[0].toString(native)
                for key in keys[1:]:
                    shown = separator.format(shown, key.toString(native))
                top.addChild(QTreeWidgetItem([text, shown]))
            top.setExpanded(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._lay_out(self.tree)

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, shortcut) as shown."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                row = top.child(j)
                assert row is not None
                found.append((top.text(0), row.text(0), row.text(1)))
        return found

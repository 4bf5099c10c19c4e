"""Keeping the rules current: File ▸ Import Rules…, File ▸ Revert to Bundled
Rules…, Help ▸ About the Rules… and the banner shown when the rules in use were
last reviewed more than a year ago.

MainWindow declares the actions and places the banner; :class:`RulesUpdates`
holds what they do. Checks, installing and choosing live in :mod:`advisor_gui.domain.dataset_store`; the dialogs in
:mod:`.rules_dialogs`, imported when first needed.

After an import or a revert the window switches to the new rules live: the
controller's ``set_dataset`` re-evaluates the answers and every pane built from
dataset facts rebuilds itself on ``datasetChanged``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from .. import settings as opt
from ..domain.freshness import is_stale
from ..domain.models import Dataset
from .i18n import Retranslates, long_date

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

    from ..domain.dataset_store import Candidate, DatasetStore, ImportRefused
    from ..settings import Settings
    from .controller import AdvisorController

BANNER_STYLE = """
QFrame#staleBanner { background: #FFF6D6; border: 1px solid #E6CF7A; border-radius: 3px; }
QFrame#staleBanner QLabel { color: #4D3B00; background: transparent; border: none; }
QPushButton#staleBannerLink { color: #0B4F8A; background: transparent; border: none; text-decoration: underline;
                              padding: 0 2px; }
QPushButton#staleBannerLink:focus { outline: 1px dotted #0B4F8A; }
"""


class StaleBanner(Retranslates, QFrame):
    """A slim, calm note above the panes: the rules may be out of date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staleBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel()
        self.text.setObjectName("staleBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.link = QPushButton()
        self.link.setObjectName("staleBannerLink")
        self.link.setCursor(Qt.CursorShape.PointingHandCursor)
        self._shown: tuple[Dataset, dt.date] | None = None
        self.retranslate()
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.setSpacing(10)
        row.addWidget(self.text, 1)
        row.addWidget(self.link, 0, Qt.AlignmentFlag.AlignVCenter)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Rules review notice"))
        self.link.setText(self.tr("About the rules…"))
        self.link.setAccessibleName(self.tr("About the rules"))
        if self._shown is not None:
            self.show_for(*self._shown)

    def show_for(self, dataset: Dataset, on: dt.date) -> None:
        self._shown = (dataset, on)
        stale = is_stale(dataset, on)
        if stale:
            self.text.setText(self.tr(
                "These rules were last reviewed on {0}, more than a year ago. Programs, thresholds and "
                "certifying partners may have changed since; ask for an updated rules file before relying "
                "on the advice.").format(long_date(dataset.last_reviewed)))
            self.setAccessibleDescription(self.text.text())
        self.setVisible(stale)


class _ImportSignals(QObject):
    """How a worker thread's check reports back to the window (queued)."""

    checked = Signal(object, object)  # (these signals, a Candidate)
    refused = Signal(object, object)  # (these signals, an ImportRefused)


class _ImportCheck(QRunnable):
    """Reads and checks one rules file off the GUI thread: the shared reader
    never blocks on a FIFO or a device and caps the size, and here even a slow
    disk or a large valid file cannot freeze the window."""

    def __init__(self, store: DatasetStore, path: Path, current: Dataset, signals: _ImportSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.store, self.path, self.current, self.signals = store, path, current, signals

    def run(self) -> None:
        from ..domain.dataset_store import ImportRefused
        from ..util.reading import one_line

        try:
            result: object = self.store.prepare_import(self.path, self.current)
            signal = self.signals.checked
        except ImportRefused as exc:
            result, signal = exc, self.signals.refused
        except Exception as exc:  # never lost in a worker thread: the user is told
            result = ImportRefused("unreadable", one_line(f"{self.path}: {type(exc).__name__}: {exc}"))
            signal = self.signals.refused
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            signal.emit(self.signals, result)


class RulesUpdates(QObject):
    """The handlers behind File ▸ Import Rules…, File ▸ Revert to Bundled
    Rules… and Help ▸ About the Rules… (MainWindow declares those actions), the
    stale banner (MainWindow places it) and the dialogs' flow for one window.
    ``today`` gives the date the banner judges staleness by."""

    # An import's check ended: review dialog open, refusal shown, or cancelled.
    importFinished = Signal()

    def __init__(self, window: QMainWindow, controller: AdvisorController, settings: Settings,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.setObjectName("rulesUpdates")
        self.window = window
        self.controller = controller
        self.settings = settings
        self.today = today
        self._store: DatasetStore | None = None
        self.dialog: QDialog | None = None  # the review or About dialog last opened
        self.message: QMessageBox | None = None  # the last refusal or error shown
        self.progress: QProgressDialog | None = None  # while an import is being checked
        self._job: _ImportSignals | None = None  # the import being checked, if any

        self.banner = StaleBanner()
        self.banner.link.clicked.connect(self.show_about_rules)
        self.banner.show_for(self.controller.dataset, today())
        self.controller.datasetChanged.connect(self._dataset_changed)

    @property
    def store(self) -> DatasetStore:
        if self._store is None:
            from ..paths import dataset_store

            self._store = dataset_store()
        return self._store

    def can_revert(self) -> bool:
        """Whether an installed update exists to revert from (looked up when the File menu opens)."""
        return bool(self.store.installed())

    def _dataset_changed(self, dataset: Dataset) -> None:
        self.banner.show_for(dataset, self.today())

    # --- import -------------------------------------------------------------------------
    def import_rules(self, path: Path | None = None) -> None:
        """Ask for a file (unless ``path``), check it, and show what it changes;
        the rules are installed only when the user confirms. The check runs in
        a worker thread; :attr:`importFinished` says when it is over."""
        if path is None:
            settings = self.settings
            start = settings.get(opt.RULES_LAST_DIR) or str(Path.home())
            from PySide6.QtWidgets import QFileDialog

            name, _filter = QFileDialog.getOpenFileName(
                self.window, self.tr("Import Rules"), start,
                self.tr("Rules files (*.yaml *.yml);;All files (*)"))
            if not name:
                return
            path = Path(name)
            settings.set(opt.RULES_LAST_DIR, str(path.parent))
        self._check_in_background(path)

    def _check_in_background(self, path: Path) -> None:
        """Read and check ``path`` in a worker thread behind a progress dialog
        with Cancel; the review (or the refusal) follows on the GUI thread."""
        self._cancel_job()
        store = self.store  # built here, on the GUI thread
        job = _ImportSignals()
        # Bound methods of this QObject: queued to the GUI thread, dropped if the window goes.
        job.checked.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        job.refused.connect(self._check_refused, Qt.ConnectionType.QueuedConnection)
        self._job = job
        from PySide6.QtWidgets import QProgressDialog

        progress = QProgressDialog(self.tr("Checking the rules file…"), self.tr("Cancel"), 0, 0, self.window)
        progress.setObjectName("importProgress")
        progress.setWindowTitle(self.tr("Import Rules"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._cancelled)
        self.progress = progress
        progress.show()
        QThreadPool.globalInstance().start(_ImportCheck(store, path, self.controller.dataset, job))

    def _finish_job(self, job: _ImportSignals) -> bool:
        """Close the progress dialog; False when ``job`` is no longer wanted."""
        if job is not self._job:
            return False
        self._job = None
        self._close_progress()
        return True

    def _close_progress(self) -> None:
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.canceled.disconnect(self._cancelled)
            progress.close()
            progress.deleteLater()

    def _cancel_job(self) -> None:
        self._job = None  # its result, when it comes, is dropped
        self._close_progress()

    def _cancelled(self) -> None:
        self._cancel_job()
        self.window.statusBar().showMessage(
            self.tr("Import cancelled; the rules in use ({0}) are unchanged.").format(self.controller.dataset.version),
            10000)
        self.importFinished.emit()

    def _check_refused(self, job: _ImportSignals, exc: ImportRefused) -> None:
        if self._finish_job(job):
            self._refuse(exc)
            self.importFinished.emit()

    def _checked(self, job: _ImportSignals, candidate: Candidate) -> None:
        if not self._finish_job(job):
            return
        from .rules_dialogs import RulesReviewDialog

        dialog = RulesReviewDialog(self.controller.dataset, candidate.dataset, candidate.changes,
                                   mode="import", source=candidate.source, parent=self.window)
        dialog.accepted.connect(lambda: self._install(candidate))
        self._open(dialog)
        self.importFinished.emit()

    def _install(self, candidate: Candidate) -> None:
        try:
            self.store.install(candidate)
        except OSError as exc:
            self._tell("Critical", self.tr("The rules could not be installed."),
                       self.tr("{0}\n\nThe rules in use ({1}) are unchanged.").format(
                           exc.strerror or str(exc), self.controller.dataset.version))
            return
        self.controller.set_dataset(candidate.dataset)
        self.window.statusBar().showMessage(
            self.tr("Rules {0} installed and now in use.").format(candidate.dataset.version), 10000)

    def _refuse(self, exc: ImportRefused) -> None:
        headline = {
            "unreadable": self.tr("The rules file could not be read, so nothing was imported."),
            "unsealed": self.tr("The rules file is not sealed, so the advisor cannot tell whether it is complete "
                                "and unchanged. It was not imported."),
            "damaged": self.tr("The rules file is damaged or was changed after it was sealed, so it was not "
                               "imported."),
            "invalid": self.tr("The file is not a valid rules dataset, so it was not imported."),
            "version": self.tr("The rules file has no version number the advisor can compare, so it was not "
                               "imported."),
            "older": self.tr("The rules file is older than the rules in use, so it was not imported."),
            "same": self.tr("These rules are already in use, so there is nothing to import."),
        }[exc.kind]
        self._tell("Warning", headline, self.tr("{0}\n\nThe rules in use ({1}) are unchanged.").format(
            exc.detail, self.controller.dataset.version))

    # --- revert ---------------------------------------------------------------------------
    def revert_to_bundled(self) -> None:
        """Show what going back to the bundled rules changes; on confirmation
        remove the installed updates and switch."""
        from ..domain.dataset_diff import diff
        from ..domain.loader import DatasetError

        if not self.store.installed():
            self._tell("Information", self.tr("The bundled rules are already in use."),
                       self.tr("No rules update is installed."))
            return
        try:
            bundled = self.store.load_bundled()
        except DatasetError as exc:
            self._tell("Critical", self.tr("The bundled rules cannot be used, so the installed "
                                                          "update stays in use."), str(exc))
            return
        from .rules_dialogs import RulesReviewDialog

        dialog = RulesReviewDialog(self.controller.dataset, bundled, tuple(diff(self.controller.dataset, bundled)),
                                   mode="revert", source=None, parent=self.window)
        dialog.accepted.connect(lambda: self._revert(bundled))
        self._open(dialog)

    def _revert(self, bundled: Dataset) -> None:
        try:
            self.store.remove_installed()
        except OSError as exc:
            self._tell("Critical", self.tr("An installed rules update could not be removed."),
                       exc.strerror or str(exc))
        from ..domain.loader import DatasetError

        try:
            selection = self.store.select()  # what is left on disk decides
        except DatasetError:
            selection = None
        self.controller.set_dataset(selection.dataset if selection else bundled)
        self.window.statusBar().showMessage(
            self.tr("Rules {0} now in use.").format(self.controller.dataset.version), 10000)

    # --- about ----------------------------------------------------------------------------
    def origin(self, dataset: Dataset) -> Path | None:
        """The installed file ``dataset`` came from, or None for the bundled rules."""
        from ..domain.dataset_store import INSTALLED_PREFIX, INSTALLED_SUFFIX, version_key

        key = version_key(dataset.version)
        if key is None or key <= self.store.bundled_version():
            return None
        path = self.store.root / f"{INSTALLED_PREFIX}{dataset.version}{INSTALLED_SUFFIX}"
        return path if path.is_file() else None

    def show_about_rules(self) -> None:
        from ..domain.dataset_diff import diff
        from ..domain.loader import DatasetError
        from ..paths import data_file
        from .rules_dialogs import AboutRulesDialog

        dataset = self.controller.dataset
        installed = self.origin(dataset)
        changes = None
        if installed is not None:
            try:
                changes = tuple(diff(self.store.load_bundled(), dataset))
            except DatasetError:
                changes = None
        changelog = ""
        lang = self.controller.language  # the consultants' changelog in the window's language, else English
        for name in dict.fromkeys((f"CHANGELOG.{lang}.md" if lang != "en" else "CHANGELOG.md", "CHANGELOG.md")):
            try:
                changelog = data_file(name).read_text(encoding="utf-8")
                break
            except OSError:
                continue
        self._open(AboutRulesDialog(dataset, changelog, self.today(), installed=installed,
                                    changes_from_bundled=changes, parent=self.window, lang=self.controller.language))

    # --- helpers ----------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _tell(self, icon: Literal["Critical", "Warning", "Information"], text: str, informative: str) -> None:
        from .messages import Icon, message_box  # the dialogs load when one is shown

        box = message_box(self.window, getattr(Icon, icon), text, informative, name="rulesMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()


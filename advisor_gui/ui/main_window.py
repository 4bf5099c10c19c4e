"""The main window: guided panel (interview + recommendation card) beside the
province map/table and the comparison pane, in remembered splitters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from .. import settings as opt
from ..paths import resource
from ..settings import Settings
from .card import RecommendationCard
from .client_field import ClientNameField
from .comparison import ComparisonPane
from .controller import AdvisorController
from .interview import InterviewPanel
from .notes import ClientNotesPanel
from .province_view import ProvinceView
from .rules_updates import install_rules_actions
from .style import pane_title, quiet_note

if TYPE_CHECKING:
    from .document import DocumentController


class _FirstPaintHook(QObject):
    """Runs the window's deferred start-up work once its first frame is painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._frame_done)  # the next turn: the frame is finished
        return False

    def _frame_done(self) -> None:
        self._window.firstPainted.emit()
        QTimer.singleShot(0, self._window.finish_startup)  # one more turn: it is on screen first


class MainWindow(QMainWindow):
    firstPainted = Signal()  # once, when the first frame has been drawn

    def __init__(self, controller: AdvisorController, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.controller = controller
        self.settings = settings
        # The client-file machinery (File ▸ New, Open…, Save…) is built after the first paint:
        # what is unsaved is judged against the state the window started with.
        self._document: DocumentController | None = None
        self._clean_at_start = controller.state()
        self._after_startup: list[Callable[[], object]] = []
        self._started = False
        self.setWindowTitle(APP_NAME)
        icon = resource("icons/advisor.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))

        self.interview = InterviewPanel(controller)
        self.notes = ClientNotesPanel(controller, settings)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.interview, 1)
        left_layout.addWidget(self.notes)
        self.card = RecommendationCard(controller)
        card_box = QWidget()
        card_box.setObjectName("cardBox")
        card_layout = QVBoxLayout(card_box)
        card_layout.setContentsMargins(6, 8, 6, 8)
        card_layout.setSpacing(4)
        card_title = pane_title(self.tr("Recommendation"))
        card_layout.addWidget(card_title)
        self.client_field = ClientNameField(controller)
        card_layout.addWidget(self.client_field)
        card_layout.addWidget(self.card, 1)

        self.guided = QSplitter(Qt.Orientation.Horizontal)
        self.guided.setObjectName("guidedSplitter")
        self.guided.addWidget(left)
        self.guided.addWidget(card_box)
        self.guided.setChildrenCollapsible(False)
        self.guided.setStretchFactor(0, 0)
        self.guided.setStretchFactor(1, 1)

        self.provinces = ProvinceView(controller)
        self.comparison = ComparisonPane(controller)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self.provinces)
        self.right.addWidget(self.comparison)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)

        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.setObjectName("outerSplitter")
        self.outer.addWidget(self.guided)
        self.outer.addWidget(self.right)
        self.outer.setStretchFactor(0, 5)
        self.outer.setStretchFactor(1, 4)
        central = QWidget()
        central.setObjectName("centralWithBanner")
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # Banners (stale rules) go here, above the panes.
        self.banner_row = QHBoxLayout()
        self.banner_row.setContentsMargins(8, 0, 8, 0)
        central_layout.addLayout(self.banner_row)
        central_layout.addWidget(self.outer, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._status = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # the rules file's version
        self._status.setObjectName("datasetStatus")
        quiet_note(self._status, italic=False)
        self.statusBar().addPermanentWidget(self._status)
        self._show_dataset_status()
        self._restore()
        _FirstPaintHook(self)

    # --- start-up ------------------------------------------------------------------
    @property
    def document(self) -> DocumentController:
        """The open client file (built on first use, or just after the first paint)."""
        if self._document is None:
            from .document import DocumentController

            self._document = DocumentController(self, self.controller, self.settings, clean=self._clean_at_start)
            self._document.populate(self.file_menu)
        return self._document

    @property
    def started(self) -> bool:
        """Whether the deferred start-up work has been done."""
        return self._started

    def after_startup(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the window is painted and its deferred parts are built
        (at once if that has happened)."""
        if self._started:
            work()
        else:
            self._after_startup.append(work)

    def finish_startup(self) -> None:
        """Build what the first frame does not show, then run the queued work."""
        if self._started:
            return
        self._started = True
        self.document  # noqa: B018  (builds it)
        while self._after_startup:
            self._after_startup.pop(0)()

    # --- menus -------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[..., object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                *, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))  # the client-file actions join it later
        self.file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        view = bar.addMenu(self.tr("&View"))
        self.act_map = self._action(self.tr("Province &Map"), lambda: self._show_province_tab(0), "Ctrl+1")
        self.act_table = self._action(self.tr("Province &Table"), lambda: self._show_province_tab(1), "Ctrl+2")
        self.act_comparison = self._action(self.tr("&Comparison Pane"), self._toggle_comparison, "Ctrl+3",
                                           checkable=True)
        self.act_interview = self._action(self.tr("Go to &Interview"), self.interview.focus_first, "Ctrl+I")
        view.addActions([self.act_map, self.act_table, self.act_comparison])
        view.addSeparator()
        view.addAction(self.act_interview)

        self.help_menu = help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("COR and SECOR &Explained"), self._show_learn,
                                         QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self._action(self.tr("&About COR/SECOR Advisor"), self._show_about))
        from .printing import install_print_actions  # light: print support loads when an action fires
        install_print_actions(self)
        self.rules_updates = install_rules_actions(self)

    def _show_province_tab(self, index: int) -> None:
        self.provinces.tabs.setCurrentIndex(index)
        (self.provinces.map if index == 0 else self.provinces.table).setFocus()

    def _toggle_comparison(self, checked: bool) -> None:
        self.comparison.setVisible(checked)

    def _show_learn(self) -> None:
        from .learn import LearnDialog

        LearnDialog(self.controller.dataset, self).exec()

    def _show_about(self) -> None:
        from .about import show_about

        show_about(self, self.controller.dataset)

    def _show_dataset_status(self) -> None:
        ds = self.controller.dataset
        self._status.setText(
            self.tr("Rules {0} · effective {1} · reviewed {2} · app {3}").format(
                ds.version, ds.effective.isoformat(), ds.last_reviewed.isoformat(), __version__
            )
        )

    # --- window state ---------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        geometry: QByteArray = s.get(opt.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1366, 768)
        state: QByteArray = s.get(opt.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        restored = [
            splitter.restoreState(s.get(option))
            for splitter, option in ((self.outer, opt.OUTER_SPLITTER), (self.guided, opt.GUIDED_SPLITTER),
                                     (self.right, opt.RIGHT_SPLITTER))
            if not s.get(option).isEmpty()
        ]
        if not restored:
            QTimer.singleShot(0, self._default_sizes)
        self.provinces.tabs.setCurrentIndex(s.get(opt.PROVINCE_TAB))
        show = bool(s.get(opt.SHOW_COMPARISON))
        self.act_comparison.setChecked(show)
        self.comparison.setVisible(show)

    def _default_sizes(self) -> None:
        width = self.outer.width()
        left = int(width * 0.58)
        self.outer.setSizes([left, width - left])
        interview = max(300, min(380, int(left * 0.42)))
        self.guided.setSizes([interview, left - interview])
        height = self.right.height()
        self.right.setSizes([int(height * 0.56), height - int(height * 0.56)])

    def save_state(self) -> None:
        s = self.settings
        s.set(opt.GEOMETRY, self.saveGeometry())
        s.set(opt.WINDOW_STATE, self.saveState())
        s.set(opt.OUTER_SPLITTER, self.outer.saveState())
        s.set(opt.GUIDED_SPLITTER, self.guided.saveState())
        s.set(opt.RIGHT_SPLITTER, self.right.saveState())
        s.set(opt.PROVINCE_TAB, self.provinces.tabs.currentIndex())
        s.set(opt.SHOW_COMPARISON, self.act_comparison.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.document.close_requested():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)

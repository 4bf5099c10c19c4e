"""The main window: guided panel (interview + recommendation card) beside the
province map/table and the comparison pane, in remembered splitters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

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
from .rules_updates import RulesUpdates
from .style import pane_title, quiet_note

if TYPE_CHECKING:
    from .document import DocumentController
    from .printing import SummaryPrinting


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

    def __init__(self, controller: AdvisorController, settings: Settings, parent: QWidget | None = None,
                 *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.controller = controller
        self.settings = settings
        # The client-file machinery (File ▸ New, Open…, Save…) is built after the first paint:
        # what is unsaved is judged against the state the window started with.
        self._document: DocumentController | None = None
        self._printing: SummaryPrinting | None = None
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

        # Built after the panes, so the banner's link comes last in the tab order.
        self.rules_updates = RulesUpdates(self, controller, settings, today)
        self.banner_row.addWidget(self.rules_updates.banner)
        self._build_menus()
        self._status = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # the rules file's version
        self._status.setObjectName("datasetStatus")
        quiet_note(self._status, italic=False)
        self.statusBar().addPermanentWidget(self._status)
        self._show_dataset_status()
        controller.datasetChanged.connect(self._show_dataset_status)
        self._restore()
        _FirstPaintHook(self)

    # --- start-up ------------------------------------------------------------------
    @property
    def document(self) -> DocumentController:
        """The open client file (built on first use, or just after the first paint)."""
        if self._document is None:
            from .document import DocumentController

            self._document = DocumentController(self, self.controller, self.settings, clean=self._clean_at_start)
        return self._document

    @property
    def printing(self) -> SummaryPrinting:
        """Print Preview, Print, Export PDF and Preferences (built on first use)."""
        if self._printing is None:
            from .printing import SummaryPrinting

            self._printing = SummaryPrinting(self, self.controller, self.settings)
        return self._printing

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
    def _action(self, name: str, text: str, slot: Callable[..., object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, tip: str = "",
                *, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.triggered.connect(slot)  # with the new checked state
        else:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def _menu(self, title: str, name: str, entries: list[QAction | QMenu | None]) -> QMenu:
        """A menu bar menu of ``entries`` in order (None is a separator)."""
        menu = self.menuBar().addMenu(title)
        menu.setObjectName(name)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)
        return menu

    def _build_menus(self) -> None:
        """Every menu and action, in menu order. The features behind them
        (client files, printing, rules updates) load when first used."""
        key = QKeySequence.StandardKey
        tr = self.tr
        a = self._action
        self.act_new = a("actionNew", tr("&New"), lambda: self.document.new_document(), key.New,
                         tr("Start a new client file"))
        self.act_open = a("actionOpen", tr("&Open…"), lambda: self.document.open_document(), key.Open,
                          tr("Open a client file"))
        self.recent_menu = QMenu(tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(lambda: self.document.fill_recent(self.recent_menu))
        self.act_save = a("actionSave", tr("&Save"), lambda: self.document.save(), key.Save,
                          tr("Save the client file"))
        self.act_save_as = a("actionSaveAs", tr("Save &As…"), lambda: self.document.save_as(), key.SaveAs,
                             tr("Save the client file under a new name"))
        self.act_preview = a("actionPrintPreview", tr("Print Pre&view…"), lambda: self.printing.show_preview(),
                             "Ctrl+Shift+P", tr("See the client summary page by page before printing"))
        self.act_print = a("actionPrint", tr("&Print…"), lambda: self.printing.print_report(), key.Print,
                           tr("Print the client summary"))
        self.act_export_pdf = a("actionExportPdf", tr("&Export PDF…"), lambda: self.printing.export_pdf(),
                                "Ctrl+E", tr("Save the client summary as a PDF file"))
        self.act_import_rules = a("actionImportRules", tr("&Import Rules…"),
                                  lambda: self.rules_updates.import_rules(), None,
                                  tr("Check a rules file from your office, see what it changes, install it"))
        self.act_revert_rules = a("actionRevertRules", tr("Revert to &Bundled Rules…"),
                                  lambda: self.rules_updates.revert_to_bundled(), None,
                                  tr("Remove installed rules updates and use the rules the app shipped with"))
        self.act_quit = a("actionQuit", tr("&Quit"), self.close, key.Quit)
        self.file_menu = self._menu(tr("&File"), "fileMenu", [
            self.act_new, self.act_open, self.recent_menu, None,
            self.act_save, self.act_save_as, None,
            self.act_preview, self.act_print, self.act_export_pdf, None,
            self.act_import_rules, self.act_revert_rules, None,
            self.act_quit,
        ])
        self.file_menu.aboutToShow.connect(self._file_menu_opening)

        prefs_key = QKeySequence(key.Preferences)
        self.act_preferences = a("actionPreferences", tr("Pre&ferences…"), lambda: self.printing.show_preferences(),
                                 prefs_key if not prefs_key.isEmpty() else "Ctrl+,",
                                 tr("Consultant name, firm, logo and page size for the summary"))
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.edit_menu = self._menu(tr("&Edit"), "editMenu", [self.act_preferences])

        self.act_map = a("actionProvinceMap", tr("Province &Map"), lambda: self._show_province_tab(0), "Ctrl+1")
        self.act_table = a("actionProvinceTable", tr("Province &Table"), lambda: self._show_province_tab(1),
                           "Ctrl+2")
        self.act_comparison = a("actionComparison", tr("&Comparison Pane"), self._toggle_comparison, "Ctrl+3",
                                checkable=True)
        self.act_interview = a("actionInterview", tr("Go to &Interview"), self.interview.focus_first, "Ctrl+I")
        self.view_menu = self._menu(tr("&View"), "viewMenu", [
            self.act_map, self.act_table, self.act_comparison, None, self.act_interview,
        ])

        self.act_learn = a("actionLearn", tr("COR and SECOR &Explained"), self._show_learn, key.HelpContents)
        self.act_about_rules = a("actionAboutRules", tr("About the &Rules…"),
                                 lambda: self.rules_updates.show_about_rules(), None,
                                 tr("Version, dates, sources and changelog of the rules in use"))
        self.act_about = a("actionAbout", tr("&About COR/SECOR Advisor"), self._show_about)
        self.help_menu = self._menu(tr("&Help"), "helpMenu", [self.act_learn, self.act_about_rules, self.act_about])

    def _file_menu_opening(self) -> None:
        """What can only be known when the menu opens: is there a printer, an update to revert?"""
        from .printing import update_print_action

        update_print_action(self.act_print)
        self.act_revert_rules.setEnabled(self.rules_updates.can_revert())

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

    def _show_dataset_status(self, *_: object) -> None:
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
            QTimer.singleShot(0, self.apply_default_sizes)
        self.provinces.tabs.setCurrentIndex(s.get(opt.PROVINCE_TAB))
        show = bool(s.get(opt.SHOW_COMPARISON))
        self.act_comparison.setChecked(show)
        self.comparison.setVisible(show)

    def apply_default_sizes(self) -> None:
        """Split the panes as on a first start (no remembered splitters)."""
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

"""The main window: guided panel (interview + recommendation card) beside the
province map/table and the comparison pane, in remembered splitters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QLocale, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from .. import settings as opt
from ..paths import resource
from ..settings import Settings
from ..util.records import record
from . import i18n, text_size
from .card import RecommendationCard
from .client_field import ClientNameField
from .comparison import ComparisonPane
from .controller import AdvisorController
from .history import AnswerHistory
from .i18n import Retranslates, long_date
from .interview import InterviewPanel
from .notes import ClientNotesPanel
from .plaintext import without_mnemonic
from .province_view import ProvinceView
from .rules_updates import RulesUpdates
from .style import pane_title, quiet_note, readable_palette

if TYPE_CHECKING:
    from .client_plan import ClientPlanPanel
    from .document import DocumentController
    from .printing import SummaryPrinting
    from .register_table import RegisterPanel
    from .scenario_view import ScenarioPanel


Shortcut = QKeySequence | QKeySequence.StandardKey | str


@record
class _Item:
    """A menu action: object name, texts, what it does, its shortcut (or
    shortcuts, the first one shown in the menu)."""

    name: str
    text: str
    tip: str
    slot: Callable[..., object]
    shortcut: Shortcut | tuple[Shortcut, ...] | None = None
    checkable: bool = False


@record
class _Sub:
    """A submenu: declared entries, or none (filled when it opens)."""

    name: str
    title: str
    entries: tuple[_Item | None, ...] = ()


@record
class _Menu:
    """One menu of the menu bar as declared: its attribute, title and entries."""

    name: str
    title: str
    entries: list[_Item | _Sub | None]


# The window's attribute for each menu and action (tests and features reach them by these).
_MENU_ATTRS = {"fileMenu": "file_menu", "editMenu": "edit_menu", "viewMenu": "view_menu", "helpMenu": "help_menu",
               "recentMenu": "recent_menu", "summaryLanguageMenu": "summary_language_menu",
               "textSizeMenu": "text_size_menu"}
_ACTION_ATTRS = {
    "actionNew": "act_new", "actionOpen": "act_open", "actionSave": "act_save", "actionSaveAs": "act_save_as",
    "actionPrintPreview": "act_preview", "actionPrint": "act_print", "actionExportPdf": "act_export_pdf",
    "actionImportRules": "act_import_rules", "actionRevertRules": "act_revert_rules", "actionClose": "act_close",
    "actionQuit": "act_quit", "actionUndo": "act_undo", "actionRedo": "act_redo",
    "actionCopyRecommendation": "act_copy_recommendation", "actionPreferences": "act_preferences",
    "actionProvinceMap": "act_map", "actionProvinceTable": "act_table", "actionComparison": "act_comparison",
    "actionClientPlan": "act_client_plan", "actionScenarios": "act_scenarios", "actionPrimes": "act_primes",
    "actionExportCalendar": "act_export_calendar",
    "actionInterview": "act_interview", "actionTextLarger": "act_text_larger", "actionTextSmaller": "act_text_smaller",
    "actionTextReset": "act_text_reset", "actionUserGuide": "act_user_guide", "actionShortcuts": "act_shortcuts",
    "actionLearn": "act_learn", "actionAboutRules": "act_about_rules", "actionAbout": "act_about",
}


def _redo_keys() -> tuple[QKeySequence, ...]:
    """Redo as the platform has it first, then the other common one: both
    Ctrl+Shift+Z and Ctrl+Y work everywhere."""
    first = QKeySequence(QKeySequence.StandardKey.Redo)
    others = [QKeySequence(k) for k in ("Ctrl+Shift+Z", "Ctrl+Y") if QKeySequence(k) != first]
    return (first, *others)


def _available_areas(primary: QScreen) -> list[QRect]:
    """Every screen's available area, the primary's first."""
    others = [s.availableGeometry() for s in QGuiApplication.screens() if s is not primary]
    return [primary.availableGeometry(), *others]


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


def _plan_tab_text() -> str:
    return QCoreApplication.translate("ClientPlanPanel", "Plan")  # no Alt letter: Ctrl+4 reaches it


def _plan_pane_title() -> str:
    return QCoreApplication.translate("ClientPlanPanel", "Client plan")


def _register_pane_title() -> str:
    return QCoreApplication.translate("RegisterPanel", "Prime contractors and project owners")


def _register_tab_text() -> str:
    return QCoreApplication.translate("RegisterPanel", "Primes")


def _scenarios_tab_text() -> str:
    return QCoreApplication.translate("ScenarioPanel", "Scenarios")  # no Alt letter: Ctrl+5 reaches it


def _scenarios_pane_title() -> str:
    return QCoreApplication.translate("ScenarioPanel", "Scenarios side by side")


class _LazyPage(QWidget):
    """A tab page whose content is built the first time it is needed. ``title``,
    when given, is the pane heading while the page shows (ProvinceView asks
    the current page for ``pane_title()``)."""

    def __init__(self, name: str, title: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        if title is not None:
            self.pane_title = title
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._content: QWidget | None = None

    def content(self, build: Callable[[], QWidget], after: QWidget) -> QWidget:
        """The page's content: built by ``build`` and held (see :meth:`hold`) the first time."""
        if self._content is None:
            self._content = build()
            self.hold(self._content, after)
        return self._content

    def hold(self, content: QWidget, after: QWidget) -> None:
        """Show ``content`` (built late) and put its controls right after ``after``
        (the tab bar) in the window's Tab order: left alone they would come last,
        after every other pane. ``content.tab_chain()``, when it has one, gives the
        order; else the order its controls were made in."""
        self._layout.addWidget(content)
        content.show()  # now, not on the layout's next turn: the page may be showing
        chain = content.tab_chain() if hasattr(content, "tab_chain") else _focus_chain(content)
        previous = after
        for widget in chain:
            QWidget.setTabOrder(previous, widget)
            previous = widget


def _focus_chain(content: QWidget) -> list[QWidget]:
    """``content``'s controls that Tab reaches, in their focus-chain order: a
    widget tree added at once keeps its own order, as one run after ``content``."""
    found: list[QWidget] = []
    widget = content.nextInFocusChain()
    while widget is not None and content.isAncestorOf(widget):
        if _tab_stop(widget) and not _inside_control(widget, content):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def _tab_stop(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _inside_control(widget: QWidget, content: QWidget) -> bool:
    """Part of a control that Tab stops at itself (a date edit's line edit)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not content:
        if _tab_stop(parent):
            return True
        parent = parent.parentWidget()
    return False


class MainWindow(Retranslates, QMainWindow):
    firstPainted = Signal()  # once, when the first frame has been drawn

    # Built from the menu declaration (_declare_menus).
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    recent_menu: QMenu
    summary_language_menu: QMenu
    text_size_menu: QMenu
    act_new: QAction
    act_open: QAction
    act_save: QAction
    act_save_as: QAction
    act_preview: QAction
    act_print: QAction
    act_export_pdf: QAction
    act_import_rules: QAction
    act_revert_rules: QAction
    act_close: QAction
    act_quit: QAction
    act_undo: QAction
    act_redo: QAction
    act_copy_recommendation: QAction
    act_preferences: QAction
    act_map: QAction
    act_table: QAction
    act_comparison: QAction
    act_client_plan: QAction
    act_scenarios: QAction
    act_primes: QAction
    act_export_calendar: QAction
    act_interview: QAction
    act_text_larger: QAction
    act_text_smaller: QAction
    act_text_reset: QAction
    act_user_guide: QAction
    act_shortcuts: QAction
    act_learn: QAction
    act_about_rules: QAction
    act_about: QAction

    def __init__(self, controller: AdvisorController, settings: Settings, parent: QWidget | None = None,
                 *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.controller = controller
        self.settings = settings
        text_size.apply(settings.get(opt.TEXT_SIZE))  # before any widget is built: laid out once
        self.history = AnswerHistory(controller, self)
        self._help_dialogs: dict[str, QDialog] = {}
        # The client-file machinery (File ▸ New, Open…, Save…) is built after the first paint:
        # what is unsaved is judged against the state the window started with.
        self._document: DocumentController | None = None
        self._printing: SummaryPrinting | None = None
        self._clean_at_start = controller.state()
        self._after_startup: list[Callable[[], object]] = []
        self._started = False
        self._geometry_restored = False
        self._keep_on_screen = False  # place_on_screen() asks for a check once the frame is known
        self.setWindowTitle(APP_NAME)
        self.setPalette(readable_palette(self.palette()))
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
        self.card_box = card_box = QWidget()
        card_box.setObjectName("cardBox")
        card_layout = QVBoxLayout(card_box)
        card_layout.setContentsMargins(6, 8, 6, 8)
        card_layout.setSpacing(4)
        self.card_title = pane_title(self.tr("Recommendation"))
        card_layout.addWidget(self.card_title)
        self.client_field = ClientNameField(controller)
        card_layout.addWidget(self.client_field)
        card_layout.addWidget(self.card, 1)

        # The card never narrower than a readable measure (about 45 characters):
        # when the window narrows, the map and comparison give way first.
        card_box.setMinimumWidth(self.card.fontMetrics().averageCharWidth() * 45
                                 + self.card.verticalScrollBar().sizeHint().width() + 2 * self.card.frameWidth()
                                 + int(2 * self.card.document().documentMargin()) + 12)

        self.guided = QSplitter(Qt.Orientation.Horizontal)
        self.guided.setObjectName("guidedSplitter")
        self.guided.addWidget(left)
        self.guided.addWidget(card_box)
        self.guided.setChildrenCollapsible(False)
        self.guided.setStretchFactor(0, 0)
        self.guided.setStretchFactor(1, 1)

        self.provinces = ProvinceView(controller)
        # The client's dated plan and its prime contractors: pages beside the map and the
        # table (the card keeps its room), each built when first shown or used.
        self._today = today
        self.plan_page = _LazyPage("clientPlanPage", _plan_pane_title)
        self.register_page = _LazyPage("registerPage", _register_pane_title)
        self.scenarios_page = _LazyPage("scenariosPage", _scenarios_pane_title)
        self.provinces.tabs.addTab(self.plan_page, _plan_tab_text())
        self.provinces.tabs.addTab(self.register_page, _register_tab_text())
        self.provinces.tabs.addTab(self.scenarios_page, _scenarios_tab_text())
        self.provinces.tabs.currentChanged.connect(self._page_shown)
        controller.registerChanged.connect(self._show_derived_answers)
        controller.languageChanged.connect(self._show_derived_answers)
        self.comparison = ComparisonPane(controller)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self.provinces)
        self.right.addWidget(self.comparison)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 1)
        # The map can be dragged shut, giving the comparison the whole column.
        self.right.setCollapsible(0, True)
        self.right.setCollapsible(1, False)

        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.setObjectName("outerSplitter")
        self.outer.addWidget(self.guided)
        self.outer.addWidget(self.right)
        self.outer.setStretchFactor(0, 1)
        self.outer.setStretchFactor(1, 1)
        self.outer.setCollapsible(0, False)
        self.outer.setCollapsible(1, True)
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
        self._setup_keyboard()
        _FirstPaintHook(self)

    # --- keyboard ------------------------------------------------------------------
    def _setup_keyboard(self) -> None:
        """F6 / Shift+F6 move between the panes, Ctrl+F to the table's filter; one
        clear focus ring; the interview's questions get Alt+letter mnemonics that no
        other part of the window uses."""
        from .focus_ring import FocusRing
        from .mnemonics import taken_mnemonics

        self.focus_ring = FocusRing(self)
        for keys, slot in ((QKeySequence(Qt.Key.Key_F6), lambda: self.cycle_panes(1)),
                           (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6), lambda: self.cycle_panes(-1)),
                           (QKeySequence(QKeySequence.StandardKey.Find), self.focus_table_filter)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)
        self.comparison.expandRequested.connect(self._show_all_comparison_rows)
        self.interview.reserved_mnemonics = lambda: taken_mnemonics(self, skip=self.interview)
        self.interview.assign_mnemonics()

    def panes(self) -> list[QWidget]:
        """The panes F6 visits, in order: the interview, the card, the map or table, the comparison."""
        provinces = self.provinces.tabs.currentWidget()
        panes: list[QWidget] = [self.interview, self.card_box, provinces, self.comparison]
        return [pane for pane in panes if pane.isVisible()]

    def pane_of(self, widget: QWidget | None) -> QWidget | None:
        for pane in (self.interview, self.notes, self.card_box, self.provinces, self.comparison):
            if widget is not None and (pane is widget or pane.isAncestorOf(widget)):
                return {self.notes: self.interview, self.provinces: self.provinces.tabs.currentWidget()}.get(
                    pane, pane)
        return None

    def cycle_panes(self, step: int) -> None:
        """F6 (``step`` 1) or Shift+F6 (-1): the focus to the next or previous pane."""
        panes = self.panes()
        if not panes:
            return
        here = self.pane_of(QApplication.focusWidget())
        i = panes.index(here) if here in panes else (-1 if step > 0 else 0)
        self._focus_pane(panes[(i + step) % len(panes)])

    def _focus_pane(self, pane: QWidget) -> None:
        reason = Qt.FocusReason.ShortcutFocusReason
        if pane is self.interview:
            self.interview.focus_first()
        elif pane is self.card_box:
            self.card.setFocus(reason)
        elif pane is self.comparison:
            self.comparison.table.setFocus(reason)
        elif pane is self.plan_page:
            self.client_plan.table.setFocus(reason)
        elif pane is self.register_page:
            self.register.table.setFocus(reason)
        elif pane is self.scenarios_page:
            self.scenarios.table.setFocus(reason)
        else:
            (self.provinces.map if self.provinces.tabs.currentIndex() == 0 else self.provinces.table).setFocus(reason)

    def focus_table_filter(self) -> None:
        """Ctrl+F: the province table, its filter focused and selected for typing."""
        self.provinces.tabs.setCurrentIndex(1)
        self.provinces.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.provinces.filter.selectAll()

    def _show_all_comparison_rows(self, show_all: bool) -> None:
        """The comparison's "Show all rows": the map pane shut, or given its room back."""
        total = sum(self.right.sizes())
        if show_all:
            self._map_height = self.right.sizes()[0]
            self.right.setSizes([0, total])
        else:
            map_height = getattr(self, "_map_height", 0) or total // 2
            self.right.setSizes([map_height, total - map_height])

    # --- start-up ------------------------------------------------------------------
    @property
    def document(self) -> DocumentController:
        """The open client file (built on first use, or just after the first paint)."""
        if self._document is None:
            from .document import DocumentController

            self._document = DocumentController(self, self.controller, self.settings, clean=self._clean_at_start)
            self._document.replaced.connect(self.history.reset)
            self._document.saved.connect(self.history.mark_saved)
        return self._document

    @property
    def printing(self) -> SummaryPrinting:
        """Print Preview, Print, Export PDF and Preferences (built on first use)."""
        if self._printing is None:
            from .printing import SummaryPrinting

            self._printing = SummaryPrinting(self, self.controller, self.settings, self.summary_language)
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
    def _declare_menus(self) -> list[_Menu]:
        """Every menu and action, in menu order, with its texts in the current
        language. Builds the menus once; on a language change only the texts
        are applied again (:meth:`_retranslate_menus`): actions, shortcuts and
        connections stay. The features behind them (client files, printing,
        rules updates) load when first used."""
        key = QKeySequence.StandardKey
        prefs_key = QKeySequence(key.Preferences)
        undo_text, redo_text = self.history.plain_texts()
        return [
            _Menu("fileMenu", self.tr("&File"), [
                _Item("actionNew", self.tr("&New"), self.tr("Start a new client file"),
                      lambda: self.document.new_document(), key.New),
                _Item("actionOpen", self.tr("&Open…"), self.tr("Open a client file"),
                      lambda: self.document.open_document(), key.Open),
                _Sub("recentMenu", self.tr("Open &Recent")),
                None,
                _Item("actionSave", self.tr("&Save"), self.tr("Save the client file"),
                      lambda: self.document.save(), key.Save),
                _Item("actionSaveAs", self.tr("Save &As…"), self.tr("Save the client file under a new name"),
                      lambda: self.document.save_as(), key.SaveAs),
                None,
                _Item("actionPrintPreview", self.tr("Print Pre&view…"),
                      self.tr("See the client summary page by page before printing"),
                      lambda: self.printing.show_preview(), "Ctrl+Shift+P"),
                _Item("actionPrint", self.tr("&Print…"), self.tr("Print the client summary"),
                      lambda: self.printing.print_report(), key.Print),
                _Item("actionExportPdf", self.tr("&Export PDF…"), self.tr("Save the client summary as a PDF file"),
                      lambda: self.printing.export_pdf(), "Ctrl+E"),
                _Item("actionExportCalendar", self.tr("Export Au&dit Calendar…"),
                      self.tr("Save the client plan's dated audits and deadlines as a calendar file (.ics)"),
                      lambda: self.client_plan.export_calendar()),
                _Sub("summaryLanguageMenu", self.tr("Summary &Language")),
                None,
                _Item("actionImportRules", self.tr("&Import Rules…"),
                      self.tr("Check a rules file from your office, see what it changes, install it"),
                      lambda: self.rules_updates.import_rules()),
                _Item("actionRevertRules", self.tr("Revert to &Bundled Rules…"),
                      self.tr("Remove installed rules updates and use the rules the app shipped with"),
                      lambda: self.rules_updates.revert_to_bundled()),
                None,
                _Item("actionClose", self.tr("&Close"), self.tr("Close the client file and leave the window empty"),
                      lambda: self.document.close_document(), "Ctrl+W"),
                _Item("actionQuit", self.tr("&Quit"), "", self.close, key.Quit),
            ]),
            _Menu("editMenu", self.tr("&Edit"), [
                _Item("actionUndo", undo_text,
                      self.tr("Undo the last change to the answers, scenarios or prime contractors"),
                      self.history.undo, key.Undo),
                _Item("actionRedo", redo_text, self.tr("Redo the last change that was undone"),
                      self.history.redo, _redo_keys()),
                None,
                _Item("actionCopyRecommendation", self.tr("&Copy Recommendation"),
                      self.tr("Copy the recommendation, with its sources, to paste into an email or a document"),
                      self.copy_recommendation, "Ctrl+Shift+C"),
                None,
                _Item("actionPreferences", self.tr("Pre&ferences…"),
                      self.tr("Language, and the consultant name, firm, logo and page size for the summary"),
                      lambda: self.show_preferences(), prefs_key if not prefs_key.isEmpty() else "Ctrl+,"),
            ]),
            _Menu("viewMenu", self.tr("&View"), [
                _Item("actionProvinceMap", self.tr("Province &Map"), "", lambda: self._show_province_tab(0),
                      "Ctrl+1"),
                _Item("actionProvinceTable", self.tr("Province &Table"), "", lambda: self._show_province_tab(1),
                      "Ctrl+2"),
                _Item("actionComparison", self.tr("&Comparison Pane"), "", self._toggle_comparison, "Ctrl+3",
                      checkable=True),
                _Item("actionClientPlan", self.tr("Client &Plan"), "", self.show_client_plan, "Ctrl+4"),
                _Item("actionScenarios", self.tr("Sce&narios"),
                      self.tr("Today's answers and the client's what-if scenarios side by side"),
                      self.show_scenarios, "Ctrl+5"),
                _Item("actionPrimes", self.tr("P&rime Contractors"),
                      self.tr("The client's prime contractors and owners, and what each accepts"),
                      self.show_register, "Ctrl+6"),
                None,
                _Item("actionInterview", self.tr("Go to &Interview"), "", self.interview.focus_first, "Ctrl+I"),
                None,
                _Sub("textSizeMenu", self.tr("Text &Size"), (
                    _Item("actionTextLarger", self.tr("&Larger"), self.tr("Make the text of the window larger"),
                          lambda: self.set_text_size(text_size.larger(text_size.current())), ("Ctrl+=", "Ctrl++")),
                    _Item("actionTextSmaller", self.tr("&Smaller"), self.tr("Make the text of the window smaller"),
                          lambda: self.set_text_size(text_size.smaller(text_size.current())), "Ctrl+-"),
                    None,
                    _Item("actionTextReset", self.tr("&Reset"), self.tr("Show the text at the system's size"),
                          lambda: self.set_text_size(text_size.DEFAULT), "Ctrl+0"),
                )),
            ]),
            _Menu("helpMenu", self.tr("&Help"), [
                _Item("actionUserGuide", self.tr("&User Guide"),
                      self.tr("How to use the advisor: the window, the interview, client files, printing, rules"),
                      self.show_user_guide, "F1"),
                _Item("actionShortcuts", self.tr("&Keyboard Shortcuts"),
                      self.tr("Every keyboard shortcut of the menus"), self.show_shortcuts),
                None,
                _Item("actionLearn", self.tr("COR and SECOR &Explained"),
                      self.tr("The two programs, province by province, and questions consultants hear"),
                      self._show_learn, "Shift+F1"),
                _Item("actionAboutRules", self.tr("About the &Rules…"),
                      self.tr("Version, dates, sources and changelog of the rules in use"),
                      lambda: self.rules_updates.show_about_rules()),
                _Item("actionAbout", self.tr("&About COR/SECOR Advisor"), "", self._show_about),
            ]),
        ]

    def _summary_language_texts(self) -> dict[str, str]:
        """The choices of File ▸ Summary Language (language names in their own language)."""
        return {"": self.tr("Same as the &Window"), "en": "&English", "fr": "&Français"}

    def _build_menus(self) -> None:
        for declared in self._declare_menus():
            menu = self.menuBar().addMenu(declared.title)
            menu.setObjectName(declared.name)
            setattr(self, _MENU_ATTRS[declared.name], menu)
            for entry in declared.entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, _Sub):
                    sub = QMenu(entry.title, self)
                    sub.setObjectName(entry.name)
                    setattr(self, _MENU_ATTRS[entry.name], sub)
                    menu.addMenu(sub)
                    for item in entry.entries:
                        if item is None:
                            sub.addSeparator()
                        else:
                            sub.addAction(self._add_action(item))
                else:
                    menu.addAction(self._add_action(entry))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(lambda: self.document.fill_recent(self.recent_menu))
        self.file_menu.aboutToShow.connect(self._file_menu_opening)
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        group = QActionGroup(self)
        self.summary_language_actions: dict[str, QAction] = {}
        for lang, text in self._summary_language_texts().items():
            action = QAction(text, group)
            action.setObjectName(f"actionSummaryLanguage_{lang or 'window'}")
            action.setCheckable(True)
            action.setChecked(lang == "")
            action.setData(lang)
            self.summary_language_menu.addAction(action)
            self.summary_language_actions[lang] = action
        self.history.changed.connect(self._update_undo_actions)
        self._update_undo_actions()
        self._update_text_size_actions()

    def _add_action(self, item: _Item) -> QAction:
        action = self._action(item)
        setattr(self, _ACTION_ATTRS[item.name], action)
        return action

    def _action(self, item: _Item) -> QAction:
        action = QAction(item.text, self)
        action.setObjectName(item.name)
        if isinstance(item.shortcut, tuple):
            action.setShortcuts([QKeySequence(k) for k in item.shortcut])
        elif item.shortcut is not None:
            action.setShortcut(QKeySequence(item.shortcut))
        self._tip(action, item.tip)
        action.setCheckable(item.checkable)
        slot = item.slot
        if item.checkable:
            action.triggered.connect(slot)  # with the new checked state
        else:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    @staticmethod
    def _tip(action: QAction, tip: str) -> None:
        action.setStatusTip(tip)
        action.setToolTip(tip or without_mnemonic(action.text()))

    def _retranslate_menus(self) -> None:
        for declared in self._declare_menus():
            getattr(self, _MENU_ATTRS[declared.name]).setTitle(declared.title)
            for entry in declared.entries:
                if isinstance(entry, _Sub):
                    getattr(self, _MENU_ATTRS[entry.name]).setTitle(entry.title)
                items = entry.entries if isinstance(entry, _Sub) else (entry,)
                for item in items:
                    if item is not None:
                        action = getattr(self, _ACTION_ATTRS[item.name])
                        action.setText(item.text)
                        self._tip(action, item.tip)
        for lang, text in self._summary_language_texts().items():
            self.summary_language_actions[lang].setText(text)
        self._update_undo_actions()
        if self._printing is not None:  # Print…: as the File menu last said (no printer?)
            self._file_menu_opening()

    def summary_language(self) -> str:
        """The language File ▸ Summary Language chose for printing and PDFs (the window's by default)."""
        for lang, action in self.summary_language_actions.items():
            if action.isChecked() and lang:
                return lang
        return self.controller.language

    def _file_menu_opening(self) -> None:
        """What can only be known when the menu opens: is there a printer, an update to revert?"""
        from .printing import update_print_action

        update_print_action(self.act_print)
        self.act_revert_rules.setEnabled(self.rules_updates.can_revert())

    def _update_undo_actions(self) -> None:
        """Edit ▸ Undo / Redo name the question they change back, or are greyed out."""
        undo, redo = self.history.action_texts()
        for action, text, able in ((self.act_undo, undo, self.history.undo_key() is not None),
                                   (self.act_redo, redo, self.history.redo_key() is not None)):
            if action.text() != text:
                action.setText(text)
            action.setEnabled(able)

    # --- Edit and View -----------------------------------------------------------------
    def copy_recommendation(self) -> None:
        """Edit ▸ Copy Recommendation: the recommendation with its numbered sources,
        as plain text and as HTML, in the window's language."""
        from PySide6.QtCore import QMimeData

        from ..domain.presentation import render_html, render_text

        view = self.controller.presentation
        data = QMimeData()
        data.setText(render_text(view, rule_ids=False))
        data.setHtml(render_html(view))
        QApplication.clipboard().setMimeData(data)
        self.statusBar().showMessage(self.tr("Recommendation copied, with its sources"), 5000)

    def set_text_size(self, percent: int) -> None:
        """View ▸ Text Size: every pane's text at ``percent`` of the system's size, remembered."""
        used = text_size.apply(percent)
        self.settings.set(opt.TEXT_SIZE, used)
        self._update_text_size_actions()
        self.statusBar().showMessage(self.tr("Text size: {0}%").format(used), 3000)

    def _update_text_size_actions(self) -> None:
        now = text_size.current()
        self.act_text_larger.setEnabled(now < text_size.STEPS[-1])
        self.act_text_smaller.setEnabled(now > text_size.STEPS[0])
        self.act_text_reset.setEnabled(now != text_size.DEFAULT)

    # --- Help ----------------------------------------------------------------------------
    def shortcut_table(self) -> list[tuple[str, list[tuple[str, list[QKeySequence]]]]]:
        """Every declared action that has a shortcut, by menu, in menu order, with
        its texts in the current language (Help ▸ Keyboard Shortcuts shows this)."""

        groups: list[tuple[str, list[tuple[str, list[QKeySequence]]]]] = []
        for declared in self._declare_menus():
            rows: list[tuple[str, list[QKeySequence]]] = []
            for entry in declared.entries:
                if isinstance(entry, _Sub):
                    rows += [(f"{without_mnemonic(entry.title)} \u25b8 {without_mnemonic(item.text)}", keys)
                             for item in entry.entries if item is not None
                             for keys in [getattr(self, _ACTION_ATTRS[item.name]).shortcuts()] if keys]
                elif entry is not None:
                    keys = getattr(self, _ACTION_ATTRS[entry.name]).shortcuts()
                    if keys:
                        rows.append((without_mnemonic(entry.text), keys))
            if rows:
                groups.append((without_mnemonic(declared.title), rows))
        return groups

    def _help_dialog(self, kind: str, build: Callable[[], QDialog]) -> QDialog:
        """The help window ``kind``, built on first use and again after a language change."""
        dialog = self._help_dialogs.get(kind)
        if dialog is not None and dialog.property("lang") != self.controller.language:
            dialog.close()
            dialog.deleteLater()
            dialog = None
        if dialog is None:
            dialog = build()
            dialog.setProperty("lang", self.controller.language)
            self._help_dialogs[kind] = dialog
        if dialog.isVisible() and QApplication.platformName() != "offscreen":  # (rendering has no stacking)
            dialog.raise_()
        dialog.show()
        dialog.activateWindow()
        return dialog

    def show_user_guide(self) -> QDialog:
        """Help ▸ User Guide (F1)."""
        from .help_pages import UserGuideDialog

        keys = {name: self._keys_text(getattr(self, attr)) for name, attr in _ACTION_ATTRS.items()}
        return self._help_dialog("guide", lambda: UserGuideDialog(self.controller.language, keys, self))

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard Shortcuts: generated from the declared actions."""
        from .help_pages import ShortcutsDialog

        return self._help_dialog("shortcuts", lambda: ShortcutsDialog(self.shortcut_table(), self))

    @staticmethod
    def _keys_text(action: QAction) -> str:
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _show_province_tab(self, index: int) -> None:
        self.provinces.tabs.setCurrentIndex(index)
        (self.provinces.map if index == 0 else self.provinces.table).setFocus()

    def _show_derived_answers(self, *_: object) -> None:
        """The interview's prime-contractor question, as the register derives it (or as answered)."""
        d = self.controller.derived
        if d is None:
            self.interview.show_derived("prime_contractor", None, "")
        else:
            from .register_table import derived_note  # the register's code loads when it has entries

            self.interview.show_derived("prime_contractor", d.prime_contractor,
                                        derived_note(d, self.controller.language))

    @property
    def client_plan(self) -> ClientPlanPanel:
        """The Plan page's panel (built on first use)."""
        from .client_plan import ClientPlanPanel  # the plan and calendar code load with the page

        return cast(ClientPlanPanel, self.plan_page.content(lambda: ClientPlanPanel(self.controller, self._today),
                                                            self.provinces.tabs.tabBar()))

    @property
    def register(self) -> RegisterPanel:
        """The Primes page's panel (built on first use)."""
        from .register_table import RegisterPanel

        return cast(RegisterPanel, self.register_page.content(lambda: RegisterPanel(self.controller),
                                                              self.provinces.tabs.tabBar()))

    @property
    def scenarios(self) -> ScenarioPanel:
        """The Scenarios page's panel (built on first use)."""
        from .scenario_view import ScenarioPanel

        return cast(ScenarioPanel, self.scenarios_page.content(lambda: ScenarioPanel(self.controller),
                                                               self.provinces.tabs.tabBar()))

    def _page_shown(self, index: int) -> None:
        page = self.provinces.tabs.widget(index)
        if page is self.plan_page:
            self.client_plan  # noqa: B018  (builds it)
        elif page is self.register_page:
            self.register  # noqa: B018
        elif page is self.scenarios_page:
            self.scenarios  # noqa: B018

    def show_scenarios(self) -> None:
        """View ▸ Scenarios: the side-by-side page, given most of the column, its table focused."""
        self._show_page(self.scenarios_page, lambda: self.scenarios.table, 3, 4)

    def show_register(self) -> None:
        """View ▸ Prime Contractors: the Primes page, its table focused."""
        self._show_page(self.register_page, lambda: self.register.table, 3, 5)

    def _show_page(self, page: QWidget, table: Callable[[], QWidget], part: int, whole: int) -> None:
        """A page beside the map shown with at least ``part``/``whole`` of the right
        column, its ``table`` (built with the page) focused."""
        self.provinces.tabs.setCurrentWidget(page)
        sizes = self.right.sizes()
        if self.comparison.isVisible() and sizes[0] < sum(sizes) * part // whole:
            self.right.setSizes([sum(sizes) * part // whole, sum(sizes) - sum(sizes) * part // whole])
        table().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_client_plan(self) -> None:
        """View ▸ Client Plan: the plan page, its steps focused."""
        self._show_page(self.plan_page, lambda: self.client_plan.table, 3, 5)  # the steps get most of the column

    def _toggle_comparison(self, checked: bool) -> None:
        self.comparison.setVisible(checked)

    def _show_learn(self) -> None:
        from .learn import LearnDialog

        LearnDialog(self.controller.dataset, self, self.controller.language).exec()

    def _show_about(self) -> None:
        from .about import show_about

        show_about(self, self.controller.dataset)

    def _show_dataset_status(self, *_: object) -> None:
        ds = self.controller.dataset
        self._status.setText(
            self.tr("Rules {0} · effective {1} · reviewed {2} · app {3}").format(
                ds.version, long_date(ds.effective), long_date(ds.last_reviewed), __version__
            )
        )

    # --- language -------------------------------------------------------------------
    def show_preferences(self) -> None:
        """Edit ▸ Preferences…; a new language applies at once."""
        self.printing.show_preferences()
        self.apply_language()

    def apply_language(self) -> None:
        """Show the whole window in the language the settings ask for, now:
        Qt's translators are swapped (every widget re-texts itself on the
        LanguageChange that follows) and the recommendation is re-made in it."""
        lang = i18n.resolve(str(self.settings.get(opt.LANGUAGE)))
        if lang != i18n.current():
            i18n.apply(lang)
            self.setLocale(QLocale())  # numbers and dates in every widget that follows the window's locale
        self.controller.set_language(lang)

    def retranslate(self) -> None:
        """The window's own texts in the current language (the panes re-text themselves)."""
        self.card_title.setText(self.tr("Recommendation"))
        for page, text in ((self.plan_page, _plan_tab_text()), (self.register_page, _register_tab_text()),
                           (self.scenarios_page, _scenarios_tab_text())):
            self.provinces.tabs.setTabText(self.provinces.tabs.indexOf(page), text)
        self._retranslate_menus()
        self._show_dataset_status()
        if self._document is not None:
            self._document.retranslate()
        # Once every widget has its new words (menus, tabs): the interview's letters again.
        QTimer.singleShot(0, self, self.interview.assign_mnemonics)

    # --- window state ---------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        geometry: QByteArray = s.get(opt.GEOMETRY)
        self._geometry_restored = not geometry.isEmpty() and self.restoreGeometry(geometry)
        if not self._geometry_restored:
            self.resize(1366, 768)  # until place_on_screen() fits it to the screen
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

    def place_on_screen(self) -> None:
        """Before the window first shows: the remembered geometry, kept on a screen
        that still exists; on a first start, fitted to the screen (see
        :mod:`.placement`). Corrected once shown, with the real frame."""
        from .placement import clamp_to_screens, first_placement

        primary = QGuiApplication.primaryScreen()
        if primary is None:
            return
        if self._geometry_restored:
            if not self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
                self.setGeometry(clamp_to_screens(self.geometry(), _available_areas(primary)))
        else:
            placement = first_placement(primary.availableGeometry())
            self.setGeometry(placement.rect)
            if placement.maximised:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self._keep_on_screen = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._keep_on_screen:
            QTimer.singleShot(0, self._frame_on_screen)

    def _frame_on_screen(self) -> None:
        """Once the window manager has framed the window: the frame too lies on the screen."""
        from .placement import clamp_to_screens

        self._keep_on_screen = False
        handle = self.windowHandle()
        primary = QGuiApplication.primaryScreen()
        if handle is None or primary is None or self.windowState() != Qt.WindowState.WindowNoState:
            return
        fitted = clamp_to_screens(self.geometry(), _available_areas(primary), handle.frameMargins())
        if fitted != self.geometry():
            self.setGeometry(fitted)

    def apply_default_sizes(self) -> None:
        """Split the panes as on a first start (no remembered splitters): the
        interview as wide as its form; the card half the rest, between a readable
        measure (its minimum) and about 90 characters; the map and comparison the
        rest, the comparison as tall as its seven rows need when the map keeps
        its minimum."""
        width = self.outer.width()
        interview = max(self.interview.minimumWidth(), min(380, int(width * 0.24)))
        widest = self.card_box.minimumWidth() + self.card.fontMetrics().averageCharWidth() * 45
        card = min(widest, max(self.card_box.minimumWidth(), int((width - interview) * 0.46)))
        left = interview + card + self.guided.handleWidth()
        self.outer.setSizes([left, max(0, width - left)])
        self.guided.setSizes([interview, card])
        height = self.right.height() - self.right.handleWidth()
        if self.comparison.isVisible():
            self.comparison.fit_now()  # its rows at the width it now has
            map_least = self.provinces.minimumSizeHint().height()
            comparison = min(self.comparison.full_height(), max(height - map_least, height // 2))
            comparison = max(comparison, min(height // 2, self.comparison.full_height()))
            self.right.setSizes([height - comparison, comparison])

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

"""The guided interview: one editor per dataset question, each with its prompt
and help. Questions that cannot change the answer right now are de-emphasised;
questions that do not apply (pre-qualification outside construction) are hidden.

A question the user has not answered yet shows no value that could pass for an
answer ("— Choose —", an empty count, a half-ticked box, no box ticked) and a
"Not answered yet" mark; the controller says which are answered. The workers
question has its province's help and a "Count workers…" helper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.models import JURISDICTION_CODES, MAX_WORKERS, Answers, Question
from ..domain.province import workers_help
from .controller import AdvisorController
from .i18n import Retranslates
from .mnemonics import with_mnemonic
from .plaintext import make_plain, no_mnemonic, tooltip
from .scroll_bars import cache_scroll_bars
from .style import help_box, pane_title, prompt_emphasis, unanswered_mark


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    return combo


class _Field:
    """One question's widgets and how to read and write its value: ``read``
    gives None while the editor shows "not answered yet" (``clear`` puts it so)."""

    def __init__(self, question: Question, box: QWidget, prompt: QLabel, editor: QWidget,
                 read: Callable[[], Any], write: Callable[[Any], None], clear: Callable[[], None],
                 mark: QLabel) -> None:
        self.question, self.box, self.prompt, self.editor = question, box, prompt, editor
        self.read, self.write, self.clear, self.mark = read, write, clear, mark


class InterviewPanel(Retranslates, QWidget):
    """Driven by ``dataset.questions``; writes through the controller."""

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interview")
        self._c = controller
        self._lang = controller.language
        self._fields: dict[str, _Field] = {}
        self._updating = False
        self._derived: dict[str, Any] = {}  # answers shown as derived elsewhere (show_derived)
        self._shown_province = ""
        self._shown_sector = ""
        self._help_question = ""
        self._count_button: QPushButton | None = None
        # The mnemonic letters the rest of the window uses (the main window says, see assign_mnemonics).
        self.reserved_mnemonics: Callable[[], set[str]] = set

        self._title = title = pane_title(self.tr("Interview"))
        body = QWidget()
        form = QVBoxLayout(body)
        form.setContentsMargins(3, 3, 6, 3)  # room for the focus ring around the editors
        form.setSpacing(10)
        form.addStretch(1)
        self._form = form
        self._add_fields()

        self._body = body
        scroll = QScrollArea()
        cache_scroll_bars(scroll)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Interview questions"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the questions, which scroll into view
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self._help = QLabel()
        self._help.setObjectName("helpBox")
        help_box(self._help)
        self._help.setWordWrap(True)
        self._help.setTextFormat(Qt.TextFormat.PlainText)
        self._help.setAccessibleName(self.tr("Help for the current question"))
        self._help.setMinimumHeight(self._help.fontMetrics().lineSpacing() * 3 + 14)
        self._help.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(7, 8, 4, 8)
        layout.setSpacing(6)
        title.setIndent(3)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        help_row = QHBoxLayout()
        help_row.setContentsMargins(3, 0, 0, 0)  # aligned with the questions
        help_row.addWidget(self._help)
        layout.addLayout(help_row)

        # Never narrower than the form itself: the splitter cannot clip it.
        bar = scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(body.minimumSizeHint().width() + bar + 16)
        self._show_help(controller.dataset.questions[0])
        controller.answersChanged.connect(self._load)
        controller.answeredChanged.connect(lambda _keys: self._load(controller.answers))
        controller.viewsDue.connect(lambda _rec: self._refresh_emphasis())
        controller.datasetChanged.connect(self._rebuild)
        controller.languageChanged.connect(self._language_changed)
        self._load(controller.answers)
        self._refresh_emphasis()

    def retranslate(self) -> None:
        """The panel's own words in the current language (the dataset's follow the controller)."""
        self._title.setText(self.tr("Interview"))
        self._help.setAccessibleName(self.tr("Help for the current question"))
        for field in self._fields.values():
            editor = field.editor
            if isinstance(editor, QCheckBox):
                editor.setText(self.tr("Yes"))
            elif isinstance(editor, QSpinBox):
                self._show_suffix(editor)  # its digits follow the window's locale
                editor.setSpecialValueText(self.tr("— Not answered —"))
            elif isinstance(editor, QComboBox):
                editor.setPlaceholderText(self.tr("— Choose —"))
            for none in field.box.findChildren(QCheckBox, "noneOfThese"):
                none.setText(self.tr("None of these"))
            field.mark.setText(self.tr("Not answered yet"))
            field.prompt.setProperty("moot", None)  # re-say why a question is quiet
        if self._count_button is not None:
            self._count_button.setText(self.tr("Count workers…"))
            self._count_button.setAccessibleName(self.tr("Count workers by the province's rule"))
        self._refresh_emphasis()

    def _show_suffix(self, spin: QSpinBox) -> None:
        suffix = self.tr(" worker(s)", "after the number in the workers box", spin.value())
        if spin.suffix() != suffix:  # only between 1 and 2: typing is not disturbed
            spin.setSuffix(suffix)

    # --- building --------------------------------------------------------------
    def _add_fields(self) -> None:
        for question in self._c.dataset.questions:
            field = self._make_field(question)
            self._fields[question.id] = field
            self._form.insertWidget(self._form.count() - 1, field.box)

    def _rebuild(self, _dataset: object) -> None:
        """Other rules: new questions, prompts and choices; the answers stay."""
        focused = QApplication.focusWidget()
        focus_id = focused.property("questionId") if focused is not None and self.isAncestorOf(focused) else None
        for field in self._fields.values():
            field.box.hide()
            self._form.removeWidget(field.box)
            field.box.deleteLater()
        self._fields.clear()
        self._add_fields()
        self._show_help(self._c.dataset.questions[0])
        self._load(self._c.answers)
        self._refresh_emphasis()
        self.assign_mnemonics()
        if focus_id in self._fields:
            self._fields[focus_id].editor.setFocus()

    def _language_changed(self, lang: str) -> None:
        """Prompts, help and choices from the rules file, in ``lang``."""
        if lang != self._lang:
            self._lang = lang
            self._rebuild(self._c.dataset)

    def assign_mnemonics(self) -> None:
        """Alt+letter for every question (its prompt is its editor's buddy): a
        letter of the prompt, unique in the window, in whatever language the
        prompts are; hidden questions keep theirs, so letters do not shift."""
        taken = set(self.reserved_mnemonics())
        for field in self._fields.values():
            field.prompt.setText(with_mnemonic(field.question.prompt.get(self._lang), taken))

    def _make_field(self, q: Question) -> _Field:
        box = QWidget()
        box.setObjectName(f"question_{q.id}")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        # Plain text, and "&" shown rather than taken as the buddy's shortcut: the rules file wrote it.
        prompt = make_plain(QLabel(no_mnemonic(q.prompt.get(self._lang))))
        prompt.setObjectName("prompt")
        prompt_emphasis(prompt, True)
        prompt.setWordWrap(True)
        mark = QLabel(self.tr("Not answered yet"))
        mark.setObjectName("notAnswered")
        unanswered_mark(mark)
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(prompt, 1)
        head.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        editor, read, write, clear = self._make_editor(q)
        editor.setAccessibleName(q.prompt.get(self._lang))
        editor.setAccessibleDescription(q.help.get(self._lang))
        editor.setToolTip(tooltip(q.help.get(self._lang)))
        prompt.setBuddy(editor if not isinstance(editor, QFrame) else editor.focusProxy() or editor)
        if q.id == "workers":
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(editor, 1)
            self._count_button = QPushButton(self.tr("Count workers…"))
            self._count_button.setObjectName("countWorkers")
            self._count_button.setAccessibleName(self.tr("Count workers by the province's rule"))
            self._count_button.setProperty("questionId", q.id)
            self._count_button.clicked.connect(self.count_workers)
            row.addWidget(self._count_button)
            lay.addLayout(row)
        else:
            lay.addWidget(editor)
        field = _Field(q, box, prompt, editor, read, write, clear, mark)
        for w in [editor, *editor.findChildren(QWidget)]:
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus:
                w.setProperty("questionId", q.id)  # the help follows the focus (see _focus_changed)
        return field

    def _make_editor(self, q: Question) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None], Callable[[], None]]:
        ds = self._c.dataset
        commit = lambda *_: self._commit(q.id)  # noqa: E731
        if q.kind in ("province", "choice"):
            combo = _combo()
            combo.setPlaceholderText(self.tr("— Choose —"))  # shown while nothing is chosen
            if q.kind == "province":
                for j in ds.jurisdictions:
                    combo.addItem(f"{j.name.get(self._lang)} ({j.code})", j.code)
            else:
                for choice in q.choices:
                    combo.addItem(choice.label.get(self._lang), choice.value)
            combo.currentIndexChanged.connect(commit)
            return (combo, lambda: combo.currentData(), lambda v: combo.setCurrentIndex(combo.findData(v)),
                    lambda: combo.setCurrentIndex(-1))
        if q.kind == "count":
            spin = QSpinBox()
            spin.setRange(0, MAX_WORKERS)  # 0: not answered yet, shown as the special text
            spin.setSpecialValueText(self.tr("— Not answered —"))
            spin.setAccelerated(True)
            spin.setGroupSeparatorShown(True)
            self._show_suffix(spin)
            spin.valueChanged.connect(lambda _value: self._show_suffix(spin))
            # Once a count is given, "not answered" (0) is no longer a value to step down to.
            spin.valueChanged.connect(lambda value: spin.setMinimum(1) if value > 0 else None)
            spin.valueChanged.connect(commit)

            def write_count(value: int) -> None:
                spin.setMinimum(1)
                spin.setValue(value)

            def clear_count() -> None:
                spin.setMinimum(0)
                spin.setValue(0)

            return spin, lambda: spin.value() or None, write_count, clear_count
        if q.kind == "yes_no":
            check = QCheckBox(self.tr("Yes"))
            # Once ticked or unticked, never back to half-ticked ("not answered") by clicking.
            check.checkStateChanged.connect(
                lambda state: check.setTristate(False) if state != Qt.CheckState.PartiallyChecked else None)
            check.checkStateChanged.connect(commit)

            def read_check() -> bool | None:
                return None if check.checkState() == Qt.CheckState.PartiallyChecked else check.isChecked()

            def write_check(value: bool) -> None:
                check.setTristate(False)
                check.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)

            def clear_check() -> None:
                check.setTristate(True)  # half-ticked: neither yes nor no yet
                check.setCheckState(Qt.CheckState.PartiallyChecked)

            return check, read_check, write_check, clear_check
        if q.kind == "multi_choice":
            values = [(c.value, c.label.get(self._lang)) for c in q.choices]
        else:  # provinces
            values = [(code, code) for code in JURISDICTION_CODES]
        return self._checkbox_grid(q, values, commit)

    def _checkbox_grid(self, q: Question, values: list[tuple[str, str]], commit: Callable[..., None]
                       ) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None], Callable[[], None]]:
        frame = QFrame()
        frame.setObjectName("choiceGrid")
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        columns = 2 if q.kind == "multi_choice" else 4
        boxes: list[tuple[str, QCheckBox]] = []
        # "None of these" answers the question with no box ticked (nothing ticked: not answered yet).
        none = QCheckBox(self.tr("None of these"))
        none.setObjectName("noneOfThese")

        def picked(box: QCheckBox) -> None:
            if self._updating:
                return
            self._updating = True
            try:
                if box is none and none.isChecked():
                    for _v, b in boxes:
                        b.setChecked(False)
                elif box is not none and box.isChecked():
                    none.setChecked(False)
            finally:
                self._updating = False
            commit()

        for i, (value, label) in enumerate(values):
            box = QCheckBox(no_mnemonic(label))
            if q.kind == "provinces":
                name = self._c.dataset.jurisdiction(value).name.get(self._lang)
                box.setToolTip(tooltip(name))
                box.setAccessibleName(f"{label} \u2014 {name}")  # the visible code first (label in name)
            box.toggled.connect(lambda _on, b=box: picked(b))
            grid.addWidget(box, i // columns, i % columns)
            boxes.append((value, box))
        none.toggled.connect(lambda _on: picked(none))
        grid.addWidget(none, len(values) // columns, len(values) % columns)
        frame.setFocusProxy(boxes[0][1])
        # Read with their question (the group is named by it too, in _make_field).
        prompt = q.prompt.get(self._lang)
        for box in (*(b for _v, b in boxes), none):
            box.setAccessibleDescription(prompt)

        def read() -> tuple[str, ...] | None:
            chosen = tuple(v for v, b in boxes if b.isChecked() and b.isEnabled())
            if chosen or none.isChecked():
                return chosen
            return None

        def write(selected: tuple[str, ...]) -> None:
            for v, b in boxes:
                b.setChecked(v in selected)
                if q.kind == "provinces":
                    b.setEnabled(v != self._c.answers.province)
            none.setChecked(not any(v in selected for v, b in boxes if b.isEnabled()))

        def clear() -> None:
            for v, b in boxes:
                b.setChecked(False)
                if q.kind == "provinces":
                    b.setEnabled(v != self._c.answers.province)
            none.setChecked(False)

        return frame, read, write, clear

    # --- syncing ---------------------------------------------------------------
    def _commit(self, key: str) -> None:
        if self._updating:
            return
        value = self._fields[key].read()
        if value is not None:  # None: the editor still says "not answered yet"
            self._c.set_answer(key, value)

    def _load(self, answers: Answers) -> None:
        self._updating = True
        try:
            province_moved = answers.province != self._shown_province
            context_moved = province_moved or answers.sector != self._shown_sector
            self._shown_province, self._shown_sector = answers.province, answers.sector
            for key, field in self._fields.items():
                value = self._derived.get(key, answers.get(key))
                answered = key in self._derived or self._c.is_answered(key)
                current = field.read()
                # Rewrite only what changed (18 check boxes are not free); the other-provinces
                # grid also follows the home province, whose box it disables.
                if not answered:
                    if current is not None or (province_moved and field.question.kind == "provinces"):
                        field.clear()
                elif current != value or (province_moved and field.question.kind == "provinces"):
                    field.write(value)
                if field.mark.isHidden() != answered:
                    field.mark.setVisible(not answered)
            if context_moved:
                self._workers_help_changed()
        finally:
            self._updating = False

    # --- the workers question: the province's help and the helper -------------------
    def workers_help(self) -> str:
        """The workers question's help where the operation is (its counting rule's)."""
        c = self._c
        fact = workers_help(c.dataset, c.answers.province, c.answers.sector, self._lang)
        if fact is None:
            question = self._fields["workers"].question if "workers" in self._fields else None
            return question.help.get(self._lang) if question is not None else ""
        return fact.text

    def _workers_help_changed(self) -> None:
        if "workers" not in self._fields:
            return
        c = self._c
        fact = workers_help(c.dataset, c.answers.province, c.answers.sector, self._lang)
        text = self.workers_help()
        editor = self._fields["workers"].editor
        editor.setAccessibleDescription(text)
        source = self.tr("Source: {0}")
        tip = text if fact is None else f"{text}\n\n{source.format(fact.source)}"
        editor.setToolTip(tooltip(tip))
        if self._count_button is not None:
            self._count_button.setEnabled(fact is not None)
        if self._help_question == "workers":
            self._help.setText(text)

    def count_workers(self) -> None:
        """Open the worker-count helper; its count becomes the workers answer."""
        from .worker_count import WorkerCountDialog  # built on first use

        dialog = WorkerCountDialog(self._c, self.window())
        self.dialog_opened(dialog)
        if dialog.exec() == WorkerCountDialog.DialogCode.Accepted:
            workers = dialog.counted()
            if workers is not None:
                self._c.set_worker_count(dialog.details(), workers)
        dialog.deleteLater()

    def dialog_opened(self, dialog: QWidget) -> None:
        """A hook for tests: the helper dialog just built, before it runs."""

    def _refresh_emphasis(self) -> None:
        for field in self._fields.values():
            q = field.question
            field.box.setVisible(self._c.question_visible(q))
            matters = self._c.question_matters(q)
            if field.prompt.property("moot") != (not matters):
                field.prompt.setProperty("moot", not matters)
                prompt_emphasis(field.prompt, matters)
                tip = "" if matters else self.tr("This answer does not change the recommendation right now.")
                field.prompt.setToolTip(tip)

    def _show_help(self, q: Question) -> None:
        self._help_question = q.id
        self._help.setText(self.workers_help() if q.id == "workers" else q.help.get(self._lang))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The help box shows the focused question's help. One application-wide
        signal, not an event filter on every control: a filter is called for
        each of their events, paints included, and made every repaint slower."""
        qid = new.property("questionId") if new is not None and self.isAncestorOf(new) else None
        if qid in self._fields:
            self._show_help(self._fields[qid].question)

    def focus_first(self) -> None:
        """The first question, focused as by a shortcut: its focus shows at once."""
        self._fields["province"].editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def question_ids(self) -> list[str]:
        """The questions shown (or shown when they apply), in order."""
        return list(self._fields)

    def editor(self, key: str) -> QWidget:
        """The control that holds the answer to question ``key``."""
        return self._fields[key].editor

    def question_box(self, key: str) -> QWidget:
        """The whole of question ``key``: prompt and control (hidden when it does not apply)."""
        return self._fields[key].box

    def prompt(self, key: str) -> QLabel:
        return self._fields[key].prompt

    # --- answers derived elsewhere (issue 16: the prime-contractor register) ------------
    def show_derived(self, key: str, value: Any, note: str) -> None:
        """Show ``value`` for question ``key``, read-only, with ``note`` under it
        saying where it comes from; an empty ``note`` hands the question back."""
        field = self._fields.get(key)
        if field is None:
            return
        label = field.box.findChild(QLabel, "derivedNote")
        if label is None:
            label = make_plain(QLabel())
            label.setObjectName("derivedNote")
            label.setWordWrap(True)
            layout = field.box.layout()
            if layout is not None:
                layout.addWidget(label)
        if note:
            self._derived[key] = value
        else:
            self._derived.pop(key, None)
        label.setText(note)
        label.setVisible(bool(note))
        field.editor.setEnabled(not note)
        self._updating = True
        try:
            field.write(self._derived.get(key, self._c.answers.get(key)))
        finally:
            self._updating = False

"""The guided interview: one editor per dataset question, each with its prompt
and help. Questions that cannot change the answer right now are de-emphasised;
questions that do not apply (pre-qualification outside construction) are hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.models import JURISDICTION_CODES, MAX_WORKERS, Answers, Question
from .controller import AdvisorController
from .i18n import Retranslates
from .mnemonics import with_mnemonic
from .plaintext import make_plain, no_mnemonic, tooltip
from .style import help_box, pane_title, prompt_emphasis


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    return combo


class _Field:
    """One question's widgets and how to read and write its value."""

    def __init__(self, question: Question, box: QWidget, prompt: QLabel, editor: QWidget,
                 read: Callable[[], Any], write: Callable[[Any], None]) -> None:
        self.question, self.box, self.prompt, self.editor = question, box, prompt, editor
        self.read, self.write = read, write


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
            field.prompt.setProperty("moot", None)  # re-say why a question is quiet
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
        lay.addWidget(prompt)
        editor, read, write = self._make_editor(q)
        editor.setAccessibleName(q.prompt.get(self._lang))
        editor.setAccessibleDescription(q.help.get(self._lang))
        editor.setToolTip(tooltip(q.help.get(self._lang)))
        prompt.setBuddy(editor if not isinstance(editor, QFrame) else editor.focusProxy() or editor)
        lay.addWidget(editor)
        field = _Field(q, box, prompt, editor, read, write)
        for w in [editor, *editor.findChildren(QWidget)]:
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus:
                w.installEventFilter(self)
                w.setProperty("questionId", q.id)
        return field

    def _make_editor(self, q: Question) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None]]:
        ds = self._c.dataset
        commit = lambda *_: self._commit(q.id)  # noqa: E731
        if q.kind == "province":
            combo = _combo()
            for j in ds.jurisdictions:
                combo.addItem(f"{j.name.get(self._lang)} ({j.code})", j.code)
            combo.currentIndexChanged.connect(commit)
            return combo, lambda: combo.currentData(), lambda v: combo.setCurrentIndex(combo.findData(v))
        if q.kind == "count":
            spin = QSpinBox()
            spin.setRange(1, MAX_WORKERS)
            spin.setAccelerated(True)
            spin.setGroupSeparatorShown(True)
            self._show_suffix(spin)
            spin.valueChanged.connect(lambda _value: self._show_suffix(spin))
            spin.valueChanged.connect(commit)
            return spin, spin.value, spin.setValue
        if q.kind == "choice":
            combo = _combo()
            for choice in q.choices:
                combo.addItem(choice.label.get(self._lang), choice.value)
            combo.currentIndexChanged.connect(commit)
            return combo, lambda: combo.currentData(), lambda v: combo.setCurrentIndex(combo.findData(v))
        if q.kind == "yes_no":
            check = QCheckBox(self.tr("Yes"))
            check.toggled.connect(commit)
            return check, check.isChecked, check.setChecked
        if q.kind == "multi_choice":
            values = [(c.value, c.label.get(self._lang)) for c in q.choices]
        else:  # provinces
            values = [(code, code) for code in JURISDICTION_CODES]
        return self._checkbox_grid(q, values, commit)

    def _checkbox_grid(self, q: Question, values: list[tuple[str, str]], commit: Callable[..., None]
                       ) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None]]:
        frame = QFrame()
        frame.setObjectName("choiceGrid")
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        columns = 2 if q.kind == "multi_choice" else 4
        boxes: list[tuple[str, QCheckBox]] = []
        for i, (value, label) in enumerate(values):
            box = QCheckBox(no_mnemonic(label))
            if q.kind == "provinces":
                name = self._c.dataset.jurisdiction(value).name.get(self._lang)
                box.setToolTip(tooltip(name))
                box.setAccessibleName(f"{label} \u2014 {name}")  # the visible code first (label in name)
            box.toggled.connect(commit)
            grid.addWidget(box, i // columns, i % columns)
            boxes.append((value, box))
        frame.setFocusProxy(boxes[0][1])
        # Read with their question (the group is named by it too, in _make_field).
        prompt = q.prompt.get(self._lang)
        for _value, box in boxes:
            box.setAccessibleDescription(prompt)

        def read() -> tuple[str, ...]:
            return tuple(v for v, b in boxes if b.isChecked() and b.isEnabled())

        def write(selected: tuple[str, ...]) -> None:
            for v, b in boxes:
                b.setChecked(v in selected)
                if q.kind == "provinces":
                    b.setEnabled(v != self._c.answers.province)

        return frame, read, write

    # --- syncing ---------------------------------------------------------------
    def _commit(self, key: str) -> None:
        if self._updating:
            return
        self._c.set_answer(key, self._fields[key].read())

    def _load(self, answers: Answers) -> None:
        self._updating = True
        try:
            province_moved = answers.province != self._shown_province
            self._shown_province = answers.province
            for key, field in self._fields.items():
                value = self._derived.get(key, answers.get(key))
                # Rewrite only what changed (18 check boxes are not free); the other-provinces
                # grid also follows the home province, whose box it disables.
                if field.read() != value or (province_moved and field.question.kind == "provinces"):
                    field.write(value)
        finally:
            self._updating = False

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
        self._help.setText(q.help.get(self._lang))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            qid = watched.property("questionId")
            if qid in self._fields:
                self._show_help(self._fields[qid].question)
        return super().eventFilter(watched, event)

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

"""Edit ▸ Undo and Redo of answer changes, with a :class:`QUndoStack`.

Every change of the answers (the interview, the map, the table) reaches the
controller, which says so with ``answersChanged``; this records each one as a
command holding the answers before and after. A burst of changes to the same
question (a spin box held down, digits typed, boxes ticked one after another)
merges into one command; a change that ends where it started is dropped.
Undoing or redoing hands the whole answers back to the controller
(``set_answers``), and every view follows as it does for any change.

The client's scenarios (named what-if answers, issue 16) are recorded the same
way: each change (added, renamed, answers edited, deleted) is one command
holding the scenarios before and after, named for what it did ("Undo Rename
Scenario"). So is the client's prime-contractor register: an entry added,
edited or removed ("Undo Add Prime Contractor"); naming the entry just added
(the Add button opens its name for typing) belongs to the same step.

What a client file reads into the window (New, Open, Close, recovered work) and
a switch of rules start a new history; a save marks the stack clean, so the
next change starts a command of its own and undoing comes back exactly to the
saved answers (which the document then shows as unmodified).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.models import Answers
from ..domain.register import RegisterEntry, Scenario
from .controller import AdvisorController
from .plaintext import no_mnemonic


class _Change(QUndoCommand):
    """One recorded change, ``before`` -> ``after``, pushed after the controller
    already made it (its first redo does nothing); undo and redo hand the state
    back through :meth:`_restore`."""

    def __init__(self, history: AnswerHistory, text: str, before: Any, after: Any) -> None:
        super().__init__(text)
        self._history = history
        self.before = before
        self.after = after
        self._done = True

    def _restore(self, state: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._restore(self.after)

    def undo(self) -> None:
        self._restore(self.before)


class AnswerChange(_Change):
    """Answers ``before`` -> ``after``; ``key`` is the one question changed ("" for several)."""

    def __init__(self, history: AnswerHistory, key: str, before: Answers, after: Answers) -> None:
        super().__init__(history, key or "answers", before, after)
        self.key = key

    def id(self) -> int:
        return self._history.merge_id(self.key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AnswerChange) or other.key != self.key or not self.key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # back where it started: nothing to undo
        return True

    def _restore(self, state: Answers) -> None:
        self._history.restore(state)


# What a change of the scenarios did (ScenarioChange.kind).
SCENARIO_KINDS = ("add", "rename", "edit", "delete")


class ScenarioChange(_Change):
    """Scenarios ``before`` -> ``after``; ``kind`` is one of :data:`SCENARIO_KINDS`."""

    def __init__(self, history: AnswerHistory, kind: str, before: tuple[Scenario, ...],
                 after: tuple[Scenario, ...]) -> None:
        super().__init__(history, f"scenario {kind}", before, after)
        self.kind = kind

    def _restore(self, state: tuple[Scenario, ...]) -> None:
        self._history.restore_scenarios(state)


def scenario_change_kind(before: tuple[Scenario, ...], after: tuple[Scenario, ...]) -> str:
    """What happened between two lists of scenarios."""
    if len(after) > len(before):
        return "add"
    if len(after) < len(before):
        return "delete"
    if [s.name for s in before] != [s.name for s in after]:
        return "rename"
    return "edit"


# What a change of the prime-contractor register did (RegisterChange.kind).
REGISTER_KINDS = ("add", "edit", "remove")


class RegisterChange(_Change):
    """Register ``before`` -> ``after``; ``kind`` is one of :data:`REGISTER_KINDS`."""

    def __init__(self, history: AnswerHistory, kind: str, before: tuple[RegisterEntry, ...],
                 after: tuple[RegisterEntry, ...]) -> None:
        super().__init__(history, f"register {kind}", before, after)
        self.kind = kind

    def id(self) -> int:
        return REGISTER_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """An entry just added takes the name typed next into the same step
        (Add opens the new entry's name for typing); nothing else merges."""
        if not (isinstance(other, RegisterChange) and self.kind == "add" and other.kind == "edit"
                and self.after == other.before and len(self.after) > len(self.before)):
            return False
        added = len(self.after) - 1
        changed = [i for i, (a, b) in enumerate(zip(other.before, other.after, strict=True)) if a != b]
        if changed != [added] or dataclasses.replace(other.after[added], name=self.after[added].name) != \
                self.after[added]:
            return False
        self.after = other.after
        return True

    def _restore(self, state: tuple[RegisterEntry, ...]) -> None:
        self._history.restore_register(state)


REGISTER_MERGE_ID = 10_000  # above any question's merge id


def register_change_kind(before: tuple[RegisterEntry, ...], after: tuple[RegisterEntry, ...]) -> str:
    """What happened between two registers."""
    if len(after) > len(before):
        return "add"
    if len(after) < len(before):
        return "remove"
    return "edit"


# A question's short name for Undo and Redo (Edit ▸ Undo Change Workers).
QUESTION_NAMES = {
    "": QT_TRANSLATE_NOOP("AnswerHistory", "Answers"),
    "province": QT_TRANSLATE_NOOP("AnswerHistory", "Province"),
    "workers": QT_TRANSLATE_NOOP("AnswerHistory", "Workers"),
    "sector": QT_TRANSLATE_NOOP("AnswerHistory", "Industry"),
    "public_sector_bids": QT_TRANSLATE_NOOP("AnswerHistory", "Public-Sector Bids"),
    "prime_contractor": QT_TRANSLATE_NOOP("AnswerHistory", "Prime Contractor"),
    "prequal_platforms": QT_TRANSLATE_NOOP("AnswerHistory", "Prequalification Platforms"),
    "multi_site": QT_TRANSLATE_NOOP("AnswerHistory", "Multiple Sites"),
    "other_provinces": QT_TRANSLATE_NOOP("AnswerHistory", "Other Provinces"),
    "current_certification": QT_TRANSLATE_NOOP("AnswerHistory", "Current Certification"),
    "hires_subtrades_into_cor_sites": QT_TRANSLATE_NOOP("AnswerHistory", "Sub-Trades"),
}


class AnswerHistory(QObject):
    """The window's undo history of answers (Edit ▸ Undo / Redo call :meth:`undo` / :meth:`redo`)."""

    changed = Signal()  # what Undo and Redo would do, or whether they can, changed

    def __init__(self, controller: AdvisorController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._c = controller
        self.stack = QUndoStack(self)
        self._restoring = False
        self._last: Answers
        self._last_scenarios: tuple[Scenario, ...]
        self._last_register: tuple[RegisterEntry, ...]
        self._note_state()
        controller.answersChanged.connect(self._record)
        controller.scenariosChanged.connect(self._record_scenarios)
        controller.registerChanged.connect(self._record_register)
        controller.datasetChanged.connect(self.reset)
        # Signal to signal: nothing of Python's runs once the window is gone.
        self.stack.indexChanged.connect(self.changed)
        self.stack.cleanChanged.connect(self.changed)

    # --- recording -----------------------------------------------------------------
    def _record(self, answers: Answers) -> None:
        before, self._last = self._last, answers
        if self._restoring or before == answers:
            return
        keys = [q.id for q in self._c.dataset.questions if before.get(q.id) != answers.get(q.id)]
        self.stack.push(AnswerChange(self, keys[0] if len(keys) == 1 else "", before, answers))

    def _record_scenarios(self, scenarios: tuple[Scenario, ...]) -> None:
        before, self._last_scenarios = self._last_scenarios, scenarios
        if self._restoring or before == scenarios:
            return
        self.stack.push(ScenarioChange(self, scenario_change_kind(before, scenarios), before, scenarios))

    def _record_register(self, entries: tuple[RegisterEntry, ...]) -> None:
        before, self._last_register = self._last_register, entries
        if self._restoring or before == entries:
            return
        self.stack.push(RegisterChange(self, register_change_kind(before, entries), before, entries))

    def merge_id(self, key: str) -> int:
        """One id per question (commands with the same id merge); -1: never merges."""
        ids = [q.id for q in self._c.dataset.questions]
        return ids.index(key) + 1 if key in ids else -1

    def restore(self, answers: Answers) -> None:
        self._restore(lambda: self._c.set_answers(answers, self._c.answered))  # undoing answers nothing new

    def restore_scenarios(self, scenarios: tuple[Scenario, ...]) -> None:
        self._restore(lambda: self._c.set_scenarios(scenarios))

    def restore_register(self, entries: tuple[RegisterEntry, ...]) -> None:
        self._restore(lambda: self._c.set_register(entries))

    def _restore(self, apply: Callable[[], None]) -> None:
        """Hand a state back to the controller without recording it as a change."""
        self._restoring = True
        try:
            apply()
        finally:
            self._restoring = False
            self._note_state()

    def _note_state(self) -> None:
        """What the next recorded change starts from: the controller's state now."""
        self._last = self._c.answers
        self._last_scenarios = self._c.scenarios
        self._last_register = self._c.register

    # --- the window's side ---------------------------------------------------------
    def reset(self, *_: object) -> None:
        """A new history from the answers shown now (a file read into the window, other rules)."""
        self.stack.clear()
        self._note_state()
        self.changed.emit()

    def mark_saved(self) -> None:
        self.stack.setClean()

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def undo_key(self) -> str | None:
        """The question the next Undo changes back ("" for several), or None when there is nothing to undo."""
        return self._key(self.stack.index() - 1)

    def redo_key(self) -> str | None:
        return self._key(self.stack.index())

    def _key(self, index: int) -> str | None:
        if not 0 <= index < self.stack.count():
            return None
        command = self.stack.command(index)
        if isinstance(command, ScenarioChange):
            return f"scenario.{command.kind}"
        if isinstance(command, RegisterChange):
            return f"register.{command.kind}"
        return command.key if isinstance(command, AnswerChange) else ""

    # --- names -----------------------------------------------------------------------
    def plain_texts(self) -> tuple[str, str]:
        """Edit ▸ Undo and Redo with nothing to name (the menu's declaration, the shortcut list)."""
        return self.tr("&Undo"), self.tr("&Redo")

    def action_texts(self) -> tuple[str, str]:
        """Edit ▸ Undo and Redo as they read now, in the current language."""
        plain_undo, plain_redo = self.plain_texts()
        named = self.scenario_names() | self.register_names()

        def text(key: str | None, plain: str, done: str, change: str) -> str:
            if key is None:
                return plain
            return done.format(named[key]) if key in named else change.format(self.name(key))

        return (text(self.undo_key(), plain_undo, self.tr("&Undo {0}"), self.tr("&Undo Change {0}")),
                text(self.redo_key(), plain_redo, self.tr("&Redo {0}"), self.tr("&Redo Change {0}")))

    def scenario_names(self) -> dict[str, str]:
        """What a change of the scenarios did, as Undo and Redo name it."""
        return {
            "scenario.add": self.tr("Add Scenario"),
            "scenario.rename": self.tr("Rename Scenario"),
            "scenario.edit": self.tr("Edit Scenario Answers"),
            "scenario.delete": self.tr("Delete Scenario"),
        }

    def register_names(self) -> dict[str, str]:
        """What a change of the prime-contractor register did, as Undo and Redo name it."""
        return {
            "register.add": self.tr("Add Prime Contractor"),
            "register.edit": self.tr("Edit Prime Contractor"),
            "register.remove": self.tr("Remove Prime Contractor"),
        }

    def name(self, key: str) -> str:
        """A question's short name for the Undo and Redo entries, in the current language."""
        if key in QUESTION_NAMES:  # one translation, not all eleven (on every answer)
            return self.tr(str(QUESTION_NAMES[key]))
        for q in self._c.dataset.questions:  # a question the rules file adds: its prompt, quoted
            if q.id == key:
                prompt = no_mnemonic(q.prompt.get(self._c.language))
                return self.tr("\u201c{0}\u201d").format(prompt if len(prompt) <= 48 else prompt[:47] + "\u2026")
        return self.tr(str(QUESTION_NAMES[""]))

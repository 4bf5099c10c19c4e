"""Issue 14, the window's half: unanswered questions are visible, the
worker-count helper applies the province's rule, the province table's details
area shows every fact, and the card's source notes open in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QSpinBox

from advisor_gui.domain import clientfile
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers, WorkerCount
from advisor_gui.domain.province import all_facts
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.worker_count import WorkerCountDialog


def test_a_new_window_shows_no_answer_it_was_not_given(window: MainWindow, dataset) -> None:
    c, interview = window.controller, window.interview
    assert c.answered == frozenset()
    for q in dataset.questions:
        editor = interview.editor(q.id)
        assert interview.question_box(q.id).findChild(type(interview.prompt(q.id)), "notAnswered").isVisible() \
            or not interview.question_box(q.id).isVisible()
        if isinstance(editor, QComboBox):
            assert editor.currentIndex() == -1 and editor.placeholderText() == "— Choose —"
        elif isinstance(editor, QSpinBox):
            assert editor.value() == 0 and editor.text() == "— Not answered —"
        elif isinstance(editor, QCheckBox):
            assert editor.checkState() == Qt.CheckState.PartiallyChecked
    c.flush()
    text = window.card.toPlainText().strip()
    assert text.startswith("Provisional recommendation for Alberta")
    assert "Provisional: answer these to confirm it:" in text


def test_answering_clears_the_mark_and_keeps_the_contract_defaults(window: MainWindow, qtbot, dataset) -> None:
    c, interview = window.controller, window.interview
    prime = interview.editor("prime_contractor")
    assert isinstance(prime, QComboBox)
    prime.setCurrentIndex(prime.findData("none"))  # the default value, now actually given
    assert c.is_answered("prime_contractor") and c.answers.prime_contractor == "none"
    mark = interview.question_box("prime_contractor").findChild(type(interview.prompt("province")), "notAnswered")
    assert mark.isHidden()
    bids = interview.editor("public_sector_bids")
    assert isinstance(bids, QCheckBox)
    bids.click()  # half-ticked -> yes
    assert c.answers.public_sector_bids is True and not bids.isTristate()
    bids.click()  # yes -> no, never back to "not answered"
    assert c.answers.public_sector_bids is False and bids.checkState() == Qt.CheckState.Unchecked
    others = interview.editor("other_provinces")
    none = others.findChild(QCheckBox, "noneOfThese")
    none.setChecked(True)
    assert c.is_answered("other_provinces") and c.answers.other_provinces == ()
    workers = interview.editor("workers")
    assert isinstance(workers, QSpinBox)
    workers.setValue(12)
    assert c.answers.workers == 12 and workers.minimum() == 1
    # A client file saved now writes every answer, as before.
    doc = clientfile.to_dict(clientfile.new_client_file(c.answers, c.recommendation, client="", notes="",
                                                        consultant=clientfile.Consultant(name="", firm="")))
    assert doc["answers"]["prime_contractor"] == "none" and doc["answers"]["workers"] == 12
    # File > New starts unanswered again; an opened file counts as answered.
    c.set_answers(AdvisorController.DEFAULT_ANSWERS, ())
    assert c.answered == frozenset() and prime.currentIndex() == -1 and workers.value() == 0
    c.set_answers(Answers(province="SK", workers=4))
    assert c.answered == frozenset(q.id for q in dataset.questions)
    assert prime.currentData() == "none" and workers.value() == 4
    c.flush()
    assert window.card.toPlainText().strip().startswith("Recommendation for Saskatchewan")


def test_the_workers_help_is_the_province_rule(window: MainWindow) -> None:
    c, interview = window.controller, window.interview
    c.set_province("BC")
    assert "2,080" in interview.workers_help()
    assert "2,080" in interview.editor("workers").accessibleDescription()
    c.set_province("AB")
    assert "12 months" in interview.workers_help()


@pytest.mark.parametrize(("answers", "entries", "workers", "program", "says", "warns"), [
    (Answers(province="AB", workers=9), {"peak_12_months": 14}, 14, "COR", "Alberta's SECOR rule", False),
    (Answers(province="SK", workers=8), {"peak_12_months": 8, "subcontractors": 3}, 11, "COR", "SCSA", True),
    (Answers(province="YT", workers=7), {"peak_12_months": 12}, 12, "COR", "Yukon", False),
    (Answers(province="BC", workers=15), {"payroll_hours": 41600}, 20, "COR", "2,080", True),
    (Answers(province="AB", workers=3), {"peak_12_months": 9}, 9, "SECOR", "Alberta's SECOR rule", True),
])
def test_the_worker_count_helper_applies_the_province_rule(qtbot, dataset, answers, entries, workers, program,
                                                          says, warns) -> None:
    c = AdvisorController(dataset, answers)
    dialog = WorkerCountDialog(c)
    qtbot.addWidget(dialog)
    rule = c.recommendation.counting
    assert rule is not None and dialog.rule_text.text() == rule.text and rule.source in dialog.source.text()
    j = dataset.jurisdiction(answers.province)
    wanted = {"payroll_hours"} if rule.basis == "fte" else set(j.counting[0].counts)
    assert set(dialog.fields) == wanted  # only what the rule needs
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    for key, value in entries.items():
        dialog.fields[key].setValue(value)
    assert ok.isEnabled() and dialog.counted() == workers and says in dialog.result_text.text()
    assert dialog.warning.isVisibleTo(dialog) == warns
    dialog.seasonal.setChecked(True)
    assert "Seasonal" in dialog.warning.text()
    c.set_worker_count(dialog.details(), dialog.counted())
    assert c.answers.workers == workers and c.is_answered("workers")
    assert c.recommendation.program == program and c.recommendation.counting.applied
    # The saved file and `recommend` give the same.
    again = evaluate(dataset, c.answers)
    assert (again.program, again.counting.workers) == (program, workers)
    doc = clientfile.to_dict(clientfile.new_client_file(c.answers, c.recommendation, client="", notes="",
                                                        consultant=clientfile.Consultant(name="", firm="")))
    assert doc["answers"]["workers"] == workers and doc["answers"]["worker_count"]


def test_count_workers_button_fills_the_answer(window: MainWindow, monkeypatch) -> None:
    def run(dialog: WorkerCountDialog) -> int:
        dialog.fields["peak_12_months"].setValue(14)
        return WorkerCountDialog.DialogCode.Accepted

    monkeypatch.setattr(WorkerCountDialog, "exec", run)
    window.interview.count_workers()
    c = window.controller
    assert c.answers.workers == 14 and c.answers.worker_count == WorkerCount(peak_12_months=14,
                                                                            owners_family_volunteers=0)
    assert window.interview.editor("workers").value() == 14
    window.interview.editor("workers").setValue(9)  # typed over: the details go
    assert c.answers.worker_count is None and c.answers.workers == 9


def test_the_table_details_show_every_fact_of_the_selected_province(window: MainWindow, dataset) -> None:
    view = window.provinces
    view.tabs.setCurrentIndex(1)
    details = view._parts().details
    assert not details.openLinks() and not details.openExternalLinks()
    window.controller.set_province("NL")
    for fact in all_facts(dataset, "NL"):
        assert " ".join(fact.text.split()) in " ".join(details.toPlainText().split())
    window.controller.set_language("fr")
    assert all_facts(dataset, "NL", "fr")[0].text.split()[0] in details.toPlainText()


def test_source_notes_open_in_place(window: MainWindow) -> None:
    c = window.controller
    c.set_answers(Answers(province="BC", workers=12))
    c.flush()
    view = c.presentation
    assert view.disputes
    note = view.disputes[0]
    card = window.card
    assert note.topic in card.toPlainText() and note.other.text not in card.toPlainText()
    card.toggle_note(note.rule)
    assert note.other.text.split(":")[0] in card.toPlainText()
    card.toggle_note(note.rule)
    assert note.other.text not in card.toPlainText()

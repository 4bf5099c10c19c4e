"""Adding a yes/no question is the YAML, a scenario and the changelog: a fixture
dataset (the bundled text plus one question and one COR rule naming it) works
end to end with no code edit — answers documents, client files, conditions,
what-ifs, the printed summary and the window's interview."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox

from advisor_gui import cli
from advisor_gui.domain import clientfile
from advisor_gui.domain.answers import AnswersError, parse_answers
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.loader import DatasetError, load_dataset
from advisor_gui.domain.models import Answers
from advisor_gui.domain.report import build_report
from advisor_gui.ui.controller import AdvisorController

from .conftest import shown_window
from .dataset_variants import variant

KEY = "works_at_heights"
PROMPT = "Does the crew work at heights above three metres?"
QUESTION = f"""\
  - id: {KEY}
    kind: yes_no
    prompt: {{en: "{PROMPT}", fr: "L'équipe travaille-t-elle à plus de trois mètres de hauteur?"}}
    help:
      en: "Work at heights is what prime contractors audit first."
      fr: "Le travail en hauteur est ce que les maîtres d'œuvre vérifient d'abord."
    cite: [{{source: article, at: "5. Who needs COR"}}]
    what_if:
      - value: true
        text:
          en: "If the crew worked at heights, the recommendation would become {{program}}."
          fr: "Si l'équipe travaillait en hauteur, la recommandation deviendrait {{program}}."
"""
RULE = f"""\
  - id: cor.{KEY}
    effect: cor
    when: {{fact: {KEY}, op: eq, value: true}}
    text:
      en: "Crews working at heights need the full COR audit here."
      fr: "Les équipes qui travaillent en hauteur ont besoin de l'audit COR complet."
    cite: [{{source: article, at: "5. Who needs COR"}}]
"""
PROBE_TEXT = "        text:\n          en: \"If the crew"
FIRST_RULE = "  - id: cor.prime_requires_cor\n"
ADD = [("\nrules:\n", "\n" + QUESTION + "\nrules:\n"), (FIRST_RULE, RULE + FIRST_RULE)]


@pytest.fixture(scope="module")
def added_path(rules_text: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return variant(rules_text, tmp_path_factory.mktemp("added") / "rules.yaml", ADD)


@pytest.fixture(scope="module")
def added(added_path: Path):
    return load_dataset(added_path, require_seal=True)


def recommend(capsys: pytest.CaptureFixture[str], dataset_path: Path, path: Path) -> tuple[int, str, str]:
    code = cli.main(["--dataset", str(dataset_path), "recommend", "--answers", str(path), "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


def write(tmp_path: Path, doc: object, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_yes_no_question_added_in_the_yaml_works_end_to_end(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, added_path: Path, dataset) -> None:
    base = {"province": "AB", "workers": 6, "prime_contractor": "accepts_secor"}
    code, out, err = recommend(capsys, added_path, write(tmp_path, {**base, KEY: True}))
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["program"] == "COR" and [r["rule"] for r in doc["reasons"]] == [f"cor.{KEY}"]

    code, out, _err = recommend(capsys, added_path, write(tmp_path, {**base, KEY: False}))
    expected = evaluate(dataset, Answers(province="AB", workers=6, prime_contractor="accepts_secor"))
    assert code == 0 and json.loads(out)["program"] == expected.program == "SECOR"
    assert "If the crew worked at heights, the recommendation would become COR." in json.loads(out)["what_would_change"]


@pytest.mark.parametrize(("doc", "field"), [
    ({"province": "AB", "workers": 6, "works_at_height": True}, "works_at_height"),  # misspelt
    ({"province": "AB", "workers": 6, KEY: "yes"}, KEY),
    ({"province": "AB", "workers": 6, "added": [[KEY, True]]}, "added"),  # the storage is no key
])
def test_bad_added_answers_are_refused_on_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   added_path: Path, doc: dict[str, object], field: str) -> None:
    code, out, err = recommend(capsys, added_path, write(tmp_path, doc))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and field in err


def test_the_key_is_unknown_to_rules_that_do_not_ask_it(dataset) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answers({"province": "AB", "workers": 6, KEY: True}, dataset)
    assert (caught.value.field, caught.value.problem) == (KEY, "unknown answer key")


def test_a_client_file_with_the_key_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                added_path: Path, added) -> None:
    answers = parse_answers({"province": "SK", "workers": 4, KEY: True}, added)
    assert answers.get(KEY) is True
    cf = clientfile.new_client_file(answers, evaluate(added, answers), client="High Crew Ltd.")
    text = clientfile.dumps(cf)
    assert json.loads(text)["answers"][KEY] is True
    assert clientfile.loads(text, added) == cf
    path = tmp_path / "crew.coradvice"
    path.write_text(text, encoding="utf-8")
    code, out, _err = recommend(capsys, added_path, path)
    assert code == 0 and json.loads(out)["reasons"][0]["rule"] == f"cor.{KEY}"
    unanswered = parse_answers({"province": "SK", "workers": 4}, added)
    assert json.loads(clientfile.dumps(clientfile.new_client_file(unanswered, evaluate(added, unanswered))))[
        "answers"][KEY] is False, "every key is written out"


def test_the_printed_summary_lists_the_answer(added) -> None:
    answers = parse_answers({"province": "AB", "workers": 6, KEY: True}, added)
    report = build_report(added, answers, evaluate(added, answers), today=dt.date(2026, 11, 27))
    assert {a.question: a.answer for a in report.view.answers}[PROMPT] == "Yes"


def test_the_window_asks_the_question(qtbot, tmp_path: Path, added) -> None:
    window = shown_window(qtbot, tmp_path, added, Answers(province="AB", workers=6, prime_contractor="accepts_secor"))
    controller = window.controller
    box = window.interview.editor(KEY)
    assert isinstance(box, QCheckBox) and box.isVisible() and not box.isChecked()
    assert box.accessibleName() == PROMPT
    assert controller.recommendation.program == "SECOR" and KEY in controller.recommendation.influential
    box.click()
    assert controller.answers.get(KEY) is True and controller.recommendation.program == "COR"


@pytest.mark.parametrize(("edit", "problem"), [
    (("kind: yes_no\n    prompt: {en: \"Does the crew", "kind: choice\n    prompt: {en: \"Does the crew"),
     "a dataset can only add yes_no questions"),
    ((f"id: {KEY}\n", "id: small_eligible\n"), "that no other fact has"),
    (("  - id: multi_site\n    kind: yes_no\n", "  - id: multi_site\n    kind: count\n"),
     "a count question cannot ask for multi_site, which is bool"),
    ((f"      - value: true\n{PROBE_TEXT}", f"      - value: \"yes\"\n{PROBE_TEXT}"),
     "value 'yes' is not an answer to this question"),
])
def test_the_loader_checks_what_a_question_adds(rules_text: str, tmp_path: Path,
                                                edit: tuple[str, str], problem: str) -> None:
    path = variant(rules_text, tmp_path / "rules.yaml", [ADD[0], edit])
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert problem in str(caught.value)


def test_switching_rules_adds_and_drops_the_answer(qtbot, dataset, added) -> None:
    controller = AdvisorController(dataset, Answers(province="AB", workers=6))
    controller.set_dataset(added)
    assert controller.answers.added == ((KEY, False),)
    controller.set_answer(KEY, True)
    assert controller.answers.get(KEY) is True
    controller.set_dataset(dataset)
    assert controller.answers.added == () and controller.recommendation.program == "SECOR"
    with pytest.raises(KeyError):
        controller.answers.get(KEY)

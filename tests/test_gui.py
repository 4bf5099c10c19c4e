"""The window with pytest-qt (offscreen; Qt warnings fail the test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox

from advisor_gui import settings as opt
from advisor_gui.domain.models import Answers
from advisor_gui.settings import Settings
from advisor_gui.ui.comparison import COL_COR, COL_SMALL
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.province_model import COL_CODE, CodeRole, ProvinceTableModel

pytestmark = pytest.mark.gui


def card_text(win: MainWindow) -> str:
    win.controller.flush()  # views refresh once per event-loop turn; bring them up to date
    return "\n".join(line for line in win.card.toPlainText().splitlines() if line.strip())


def test_starts_with_a_recommendation(window: MainWindow) -> None:
    assert "SECOR" in card_text(window)
    assert "Rules " in window.statusBar().findChild(QLabel, "datasetStatus").text()


def test_changing_each_answer_updates_the_card(window: MainWindow, qtbot) -> None:
    iv = window.interview
    workers = iv.editor("workers")
    assert isinstance(workers, QSpinBox)
    workers.setValue(25)
    assert card_text(window).splitlines()[1] == "COR"
    workers.setValue(4)
    assert "SECOR" in card_text(window).splitlines()[1]

    prime = iv.editor("prime_contractor")
    assert isinstance(prime, QComboBox)
    prime.setCurrentIndex(prime.findData("requires_cor"))
    assert "prime contractor or project owner requires COR" in card_text(window)
    prime.setCurrentIndex(prime.findData("accepts_secor"))
    assert window.controller.recommendation.program == "SECOR"

    for key, needle in (("public_sector_bids", "public-sector"), ("multi_site", "several sites"),
                        ("hires_subtrades_into_cor_sites", "sub-trades")):
        box = iv.editor(key)
        assert isinstance(box, QCheckBox)
        box.setChecked(True)
        assert window.controller.recommendation.program == "COR", key
        assert needle in card_text(window)
        box.setChecked(False)
        assert window.controller.recommendation.program == "SECOR"

    sector = iv.editor("sector")
    assert isinstance(sector, QComboBox)
    sector.setCurrentIndex(sector.findData("oil_and_gas"))
    assert "Energy Safety Canada" in card_text(window)
    sector.setCurrentIndex(sector.findData("construction"))
    platforms = iv.editor("prequal_platforms")
    window.controller.flush()
    assert platforms.isVisible()
    platforms.findChildren(QCheckBox)[0].setChecked(True)
    assert "ISN" in card_text(window) and window.controller.recommendation.program == "COR"
    platforms.findChildren(QCheckBox)[0].setChecked(False)

    others = next(b for b in iv.editor("other_provinces").findChildren(QCheckBox) if b.text() == "SK")
    others.setChecked(True)
    assert "Saskatchewan" in card_text(window)
    others.setChecked(False)

    cert = iv.editor("current_certification")
    assert isinstance(cert, QComboBox)
    workers.setValue(14)
    cert.setCurrentIndex(cert.findData("secor"))
    assert "initial" in card_text(window)

    province = iv.editor("province")
    assert isinstance(province, QComboBox)
    province.setCurrentIndex(province.findData("QC"))
    assert "No COR program" in card_text(window)


def test_prequalification_only_asked_for_construction(window: MainWindow) -> None:
    platforms = window.interview.question_box("prequal_platforms")
    assert not platforms.isVisible()
    window.controller.set_answer("sector", "construction")
    window.controller.flush()
    assert platforms.isVisible()


def test_questions_that_cannot_change_the_answer_are_de_emphasised(window: MainWindow) -> None:
    prompt = window.interview.prompt("public_sector_bids")
    assert prompt.property("moot") is False
    window.controller.set_answer("workers", 40)  # COR by size: bidding cannot change it
    window.controller.flush()
    assert prompt.property("moot") is True
    assert prompt.toolTip()


def test_map_click_selects_the_province(window: MainWindow, qtbot) -> None:
    window.provinces.tabs.setCurrentIndex(0)
    m = window.provinces.map
    for code in ("SK", "PE", "QC"):
        point = m.label_point(code).toPoint()
        qtbot.mouseClick(m, Qt.MouseButton.LeftButton, pos=point)
        assert window.controller.answers.province == code
        assert window.interview.editor("province").currentData() == code
        assert m.selected() == code
        current = window.provinces.table.currentIndex()
        assert current.data(CodeRole) == code


def test_table_selection_and_interview_stay_in_step(window: MainWindow, qtbot) -> None:
    window.provinces.tabs.setCurrentIndex(1)
    table = window.provinces.table
    proxy = window.provinces.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, COL_CODE).data() == "MB")
    table.setFocus()
    table.selectRow(row)
    assert window.controller.answers.province == "MB"
    assert window.provinces.map.selected() == "MB"
    window.interview.editor("province").setCurrentIndex(0)  # Alberta
    assert table.currentIndex().data(CodeRole) == "AB"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.controller.answers.province == "BC"


def test_table_filter_and_sort(window: MainWindow) -> None:
    window.provinces.filter.setText("small cor")
    assert window.provinces.proxy.rowCount() >= 1
    codes = {window.provinces.proxy.index(r, COL_CODE).data() for r in range(window.provinces.proxy.rowCount())}
    assert "BC" in codes and "ON" not in codes
    window.provinces.filter.clear()
    assert window.provinces.proxy.rowCount() == 13


def test_province_table_model_matches_dataset(dataset) -> None:
    model = ProvinceTableModel(dataset)
    assert model.rowCount() == 13 and model.columnCount() == 7
    for row, j in enumerate(dataset.jurisdictions):
        assert model.index(row, COL_CODE).data() == j.code
        assert model.index(row, 1).data() == j.name.en
        assert model.index(row, 5).data() == (", ".join(p.acronym for p in j.partners) or "\u2014")
    bc = model.row_of("BC")
    assert model.index(bc, 3).data() == "Small COR" and model.index(bc, 4).data() == "Up to 19"
    assert model.index(model.row_of("QC"), 2).data() == "Not offered"
    assert model.index(model.row_of("MB"), 4).data() == "All sizes"


def test_comparison_highlights_the_recommendation(window: MainWindow) -> None:
    model = window.comparison.model
    assert model.recommended_column() == COL_SMALL
    assert "recommended" in model.headerData(COL_SMALL, Qt.Orientation.Horizontal)
    window.controller.set_answer("workers", 30)
    window.controller.flush()
    assert model.recommended_column() == COL_COR
    assert "not eligible" in model.headerData(COL_SMALL, Qt.Orientation.Horizontal)
    window.controller.set_province("ON")
    window.controller.flush()
    # A COR-only province: the short explanation instead of generic rows (issue 14).
    assert "Ontario" in window.comparison.note.text()
    assert model.rowCount() == 0 and window.comparison.table.isHidden()
    window.controller.set_province("BC")
    window.controller.flush()
    assert model.rowCount() == 7 and not window.comparison.table.isHidden()
    assert "Small COR" in model.headerData(COL_SMALL, Qt.Orientation.Horizontal)


@pytest.mark.parametrize("answers", [Answers(province="AB", workers=6), Answers(province="BC", workers=12,
                         prime_contractor="unknown"), Answers(province="QC", workers=12)])
def test_small_window_stays_usable(qtbot, dataset, tmp_path: Path, answers: Answers) -> None:
    win = MainWindow(AdvisorController(dataset, answers), Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(win)
    win.resize(1024, 640)
    win.show()
    qtbot.waitExposed(win)
    win.apply_default_sizes()
    for pane in (win.interview, win.card, win.provinces, win.comparison):
        assert pane.width() >= 180 and pane.height() >= 120, pane.objectName()
    assert win.card.horizontalScrollBar().maximum() == 0, "card text wraps instead of being clipped"
    assert win.card.document().size().width() <= win.card.viewport().width() + 1


def test_window_state_is_remembered(qtbot, dataset, tmp_path: Path) -> None:
    ini = str(tmp_path / "settings.ini")
    first = MainWindow(AdvisorController(dataset), Settings(ini))
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.show()
    qtbot.waitExposed(first)
    first.outer.setSizes([500, 700])
    first.provinces.tabs.setCurrentIndex(1)
    first.act_comparison.trigger()
    saved_outer = first.outer.saveState()
    first.close()
    second = MainWindow(AdvisorController(dataset), Settings(ini))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    # (the offscreen screen is small, so restoreGeometry may clamp the size: check what was stored)
    assert not Settings(ini).get(opt.GEOMETRY).isEmpty()
    assert Settings(ini).get(opt.OUTER_SPLITTER) == saved_outer
    assert second.provinces.tabs.currentIndex() == 1
    assert not second.comparison.isVisible()


def test_card_citation_markers_resolve_to_sources(window: MainWindow) -> None:
    assert window.card.source_for("#cite1").startswith("On-Track")


def test_the_card_keeps_its_lines_shaped_and_looks_the_same(window: MainWindow, qtbot) -> None:
    # Each block keeps its shaped lines after layout, so a repaint does not shape them
    # again; the picture is the one Qt draws when it shapes every line on each paint.
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.controller.set_answer("province", "AB")
    window.controller.set_answer("workers", 14)
    qtbot.waitUntil(lambda: "Alberta" in card_text(window))
    doc = window.card.document()

    def blocks() -> list:
        block, out = doc.begin(), []
        while block.isValid():
            out.append(block)
            block = block.next()
        return out

    assert all(b.layout().cacheEnabled() for b in blocks() if b.text())
    kept = window.card.viewport().grab().toImage()
    for b in blocks():
        b.layout().setCacheEnabled(False)
    doc.markContentsDirty(0, doc.characterCount())
    assert window.card.viewport().grab().toImage() == kept


def test_learn_dialog_searches(qtbot, dataset, window: MainWindow) -> None:
    from advisor_gui.ui.learn import LearnDialog

    dlg = LearnDialog(dataset, window)
    qtbot.addWidget(dlg)
    total = len(dlg.visible_titles())
    assert total == len(dataset.guidance) + len(dataset.faq)
    dlg.search.setText("renewal")
    hits = dlg.visible_titles()
    assert 0 < len(hits) < total
    assert "renewal" in dlg.view.toPlainText().lower()


def test_about_mentions_map_licence(window: MainWindow, dataset) -> None:
    from advisor_gui.ui.about import about_html

    html = about_html(window, dataset)
    assert "CC BY 4.0" in html and "MapSVG" in html and dataset.version in html


def test_keyboard_moves_the_map_selection(window: MainWindow, qtbot) -> None:
    m = window.provinces.map
    window.controller.set_province("AB")  # answered: the map shows it (a new window shows none)
    m.setFocus()
    assert window.controller.answers.province == "AB"
    qtbot.keyClick(m, Qt.Key.Key_Right)  # west to east (test_province_map.py has the whole order)
    assert window.controller.answers.province == "SK"


def test_every_interview_control_has_an_accessible_name(window: MainWindow) -> None:
    for key in window.interview.question_ids():
        assert window.interview.editor(key).accessibleName(), key
    assert window.provinces.map.accessibleName() and window.card.accessibleName()


def test_map_shapes_are_read_ring_by_ring(qapp) -> None:
    from advisor_gui.ui.province_map import shape_paths

    paths = shape_paths({"AA": {"rings": [[0, 0, 10, 0, 10, 5], [20, 20, 30, 20, 30, 40, 20, 40]]},
                          "BB": {"rings": [[1.5, 2.25, 3, 4, 5, 6.5]]}})
    assert set(paths) == {"AA", "BB"}
    points = [(paths["AA"].elementAt(i).x, paths["AA"].elementAt(i).y) for i in range(paths["AA"].elementCount())]
    # each ring closed back to its first vertex
    assert points == [(0, 0), (10, 0), (10, 5), (0, 0), (20, 20), (30, 20), (30, 40), (20, 40), (20, 20)]
    bb = paths["BB"]
    assert [(bb.elementAt(i).x, bb.elementAt(i).y) for i in range(bb.elementCount())] == [
        (1.5, 2.25), (3, 4), (5, 6.5), (1.5, 2.25)]


def test_map_hit_testing_outside_canada_is_empty(window: MainWindow) -> None:
    assert window.provinces.map.code_at(QPoint(2, 2).toPointF()) == ""


def test_home_province_cannot_also_be_an_other_province(window: MainWindow) -> None:
    boxes = {b.text(): b for b in window.interview.editor("other_provinces").findChildren(QCheckBox)}
    assert not boxes["AB"].isEnabled() and boxes["SK"].isEnabled()
    window.controller.set_province("SK")
    assert boxes["AB"].isEnabled() and not boxes["SK"].isEnabled()


def test_the_workers_box_takes_every_count_a_file_may_hold(window: MainWindow) -> None:
    """A client file may say up to MAX_WORKERS workers: the box never clamps it."""
    from advisor_gui.domain.models import MAX_WORKERS

    window.controller.set_answer("workers", MAX_WORKERS)
    window.controller.flush()
    assert window.interview.editor("workers").value() == MAX_WORKERS
    assert window.controller.answers.workers == MAX_WORKERS

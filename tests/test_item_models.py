"""The item models on their own: no view, no window. Qt's model tester checks
each against the QAbstractItemModel contract while the tests drive it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QSignalSpy

from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.presentation import present
from advisor_gui.ui.comparison import COL_COR, COL_DIMENSION, COL_SMALL, ComparisonModel
from advisor_gui.ui.province_model import (
    COL_CODE,
    COL_LIMIT,
    CodeRole,
    ProvinceFilterProxy,
    ProvinceTableModel,
)
from advisor_gui.ui.province_model import (
    COL_COR as TABLE_COL_COR,
)

pytestmark = pytest.mark.gui

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


def comparison_of(dataset, **answers):
    a = Answers(**answers)
    return present(dataset, a, evaluate(dataset, a)).comparison


def comparison_for(dataset, **answers) -> ComparisonModel:
    return ComparisonModel(comparison_of(dataset, **answers))


def header(model: ComparisonModel, col: int) -> str:
    return model.headerData(col, Qt.Orientation.Horizontal)


def test_comparison_model_rows_are_the_province_values(qapp, dataset) -> None:
    """The dataset's dimensions with the province's own values; the article's
    general guidance, where the province has none, marked with a dagger."""
    from advisor_gui.domain.province import comparison_for as province_comparison

    model = comparison_for(dataset, province="AB", workers=5)
    QAbstractItemModelTester(model, FAIL)
    assert model.rowCount() == len(dataset.comparison) and model.columnCount() == 3
    own = province_comparison(dataset, "AB")
    for row, (dim, cell) in enumerate(zip(dataset.comparison, own.rows, strict=True)):
        assert model.index(row, COL_DIMENSION).data() == dim.label.en
        assert model.index(row, COL_COR).data() == cell.cor + (" \u2020" if cell.cor_general else "")
        assert model.index(row, COL_SMALL).data() == cell.small + (" \u2020" if cell.small_general else "")
    assert "10 or fewer" in model.index(0, COL_SMALL).data()
    assert "19" in comparison_for(dataset, province="BC", workers=5).index(0, COL_SMALL).data()


@pytest.mark.parametrize(("answers", "recommended", "cor_status", "small_status", "small_label"), [
    ({"province": "AB", "workers": 5}, COL_SMALL, "eligible", "recommended", "SECOR"),
    ({"province": "AB", "workers": 12}, COL_COR, "recommended", "not eligible: over 10 workers", "SECOR"),
    ({"province": "BC", "workers": 12}, COL_SMALL, "eligible", "recommended", "Small COR"),
    ({"province": "ON", "workers": 5}, COL_COR, "recommended", "not offered here", "SECOR"),
    ({"province": "QC", "workers": 5}, -1, "not offered here", "not offered here", "SECOR"),
])
def test_comparison_model_marks_each_column(qapp, dataset, answers, recommended, cor_status, small_status,
                                            small_label) -> None:
    model = comparison_for(dataset, **answers)
    assert model.recommended_column() == recommended
    assert header(model, COL_COR).endswith("\n" + cor_status)
    assert header(model, COL_SMALL) == ("\u2605 " if recommended == COL_SMALL else "") + small_label + "\n" + \
        small_status
    assert header(model, COL_COR).startswith("\u2605 ") == (recommended == COL_COR)
    bold = model.headerData(recommended, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
    assert recommended == -1 or bold.bold()
    if model.rowCount() == 0:  # no small-employer program: an explanation instead of rows
        return
    highlighted = [col for col in (COL_COR, COL_SMALL)
                   if model.index(0, col).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert highlighted == ([recommended] if recommended != -1 else [])


def test_comparison_model_announces_a_new_recommendation(qapp, dataset) -> None:
    model = comparison_for(dataset, province="AB", workers=5)
    QAbstractItemModelTester(model, FAIL)
    headers, cells = QSignalSpy(model.headerDataChanged), QSignalSpy(model.dataChanged)
    assert model.set_comparison(comparison_of(dataset, province="AB", workers=30)) == ()  # no row text changed
    assert headers.count() == 2 and cells.count() == 2  # both columns changed status, once each
    assert model.recommended_column() == COL_COR
    greyed = model.index(0, COL_SMALL).data(Qt.ItemDataRole.ForegroundRole)
    assert greyed is not None and model.index(0, COL_COR).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_comparison(comparison_of(dataset, province="AB", workers=31))  # same statuses: nothing to repaint
    assert headers.count() == 2 and cells.count() == 2


def test_province_model_passes_the_model_tester_through_a_reset(qapp, dataset) -> None:
    model = ProvinceTableModel(dataset)
    QAbstractItemModelTester(model, FAIL)
    resets = QSignalSpy(model.modelReset)
    model.set_dataset(dataset)
    assert resets.count() == 1 and model.rowCount() == len(dataset.jurisdictions)
    assert [model.index(r, 0).data(CodeRole) for r in range(model.rowCount())] == \
        [j.code for j in dataset.jurisdictions]
    assert model.row_of("XX") == -1


def test_province_proxy_sorts_by_number_not_text(qapp, dataset) -> None:
    proxy = ProvinceFilterProxy()
    proxy.setSourceModel(ProvinceTableModel(dataset))
    QAbstractItemModelTester(proxy, FAIL)
    proxy.sort(COL_LIMIT, Qt.SortOrder.AscendingOrder)
    limits = [proxy.index(r, COL_CODE).data() for r in range(proxy.rowCount())]
    # No program first, then SK 9 before AB 10 before BC 19 (as numbers: "Up to 9" > "Up to 19" as text).
    assert limits.index("SK") < limits.index("AB") < limits.index("BC") < limits.index("MB")
    proxy.sort(TABLE_COL_COR, Qt.SortOrder.AscendingOrder)
    cor = [proxy.index(r, COL_CODE).data() for r in range(proxy.rowCount())]
    assert cor[-1] == "QC"  # does not take part: sorts last
    proxy.setFilterFixedString("cnesst")
    assert proxy.rowCount() >= 1
    assert {proxy.index(r, COL_CODE).data() for r in range(proxy.rowCount())} == {"QC"}

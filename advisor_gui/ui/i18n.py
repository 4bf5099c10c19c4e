"""The window's language: English or Canadian French, through Qt's own translators.

The app's texts are translated by ``resources/translations/advisor_<lang>.qm``
(compiled from the ``.ts`` sources by ``scripts/setup.sh`` and the release
build); Qt's standard buttons and file dialogs by Qt's own ``qtbase_<lang>.qm``.
English needs a file too, for its plural forms only (``%n page(s)``).

:func:`apply` swaps the translators and the default locale; Qt then sends
every widget a ``LanguageChange`` event and each re-texts itself in
``changeEvent`` (no restart). Loading a ``.qm`` takes about a millisecond.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLibraryInfo, QLocale, QTranslator

from ..paths import resource

LANGUAGES = ("en", "fr")  # the setting's values; "" follows the system
_QT_LANGUAGE = {"en": QLocale.Language.English, "fr": QLocale.Language.French}

_installed: list[QTranslator] = []
_current = ""


def resolve(setting: str) -> str:
    """``en`` or ``fr`` for a language setting ("" follows the system: fr* is French)."""
    if setting in LANGUAGES:
        return setting
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def locale_for(lang: str) -> QLocale:
    """The system's locale when it speaks ``lang`` (its own formats), else Canada's."""
    system = QLocale.system()
    if system.language() == _QT_LANGUAGE[lang]:
        return system
    return QLocale(_QT_LANGUAGE[lang], QLocale.Country.Canada)


def translations_dir() -> Path:
    return resource("translations")


def qt_translations_dir() -> Path:
    """Where Qt's own translations are (the wheel's folder when Qt does not say)."""
    found = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (found / "qtbase_fr.qm").is_file():
        return found
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "translations"


def current() -> str:
    """The language installed by the last :func:`apply` ("" before any)."""
    return _current


def apply(lang: str) -> str:
    """Install the translators and the default locale for ``lang`` (``en`` or
    ``fr``), replacing those installed before; returns ``lang``. A missing
    ``.qm`` leaves those texts in English (never an error)."""
    global _current
    app = QCoreApplication.instance()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    QLocale.setDefault(locale_for(lang))
    if app is not None:
        while _installed:
            app.removeTranslator(_installed.pop())
        files = [(f"advisor_{lang}", translations_dir())]
        if lang != "en":
            files.append((f"qtbase_{lang}", qt_translations_dir()))
        for name, folder in files:
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                _installed.append(translator)
    _current = lang
    return lang


def long_date(date: dt.date) -> str:
    """A date in words, in the current language: "November 30, 2026", "30 novembre 2026"."""
    fmt = QCoreApplication.translate("Dates", "MMMM d, yyyy", "QDate format of a date written in words")
    return QLocale().toString(QDate(date.year, date.month, date.day), fmt)


class Retranslates:
    """Mixin for a widget (listed before the Qt class) that re-texts itself:
    :meth:`retranslate` runs on every ``LanguageChange`` Qt sends it."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

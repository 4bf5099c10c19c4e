"""Settings, declared once: key, type and default. Stored in an INI file in the
user's config folder (see :mod:`advisor_gui.paths`); only values that differ
from their default are written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from .paths import user_dirs
from .util.records import record

SETTINGS_VERSION = 1


@record
class Option:
    """One setting: its key, its type and its default."""

    key: str
    type: type
    default: Any


GEOMETRY = Option("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Option("window/state", QByteArray, QByteArray())
OUTER_SPLITTER = Option("window/outer_splitter", QByteArray, QByteArray())
GUIDED_SPLITTER = Option("window/guided_splitter", QByteArray, QByteArray())
RIGHT_SPLITTER = Option("window/right_splitter", QByteArray, QByteArray())
PROVINCE_TAB = Option("window/province_tab", int, 0)
SHOW_COMPARISON = Option("view/show_comparison", bool, True)
SHOW_NOTES = Option("view/show_notes", bool, False)
TEXT_SIZE = Option("view/text_size", int, 100)  # per cent of the system's font size (View ▸ Text Size)
LANGUAGE = Option("general/language", str, "")  # "" = follow the system
CONSULTANT = Option("report/consultant", str, "")
FIRM = Option("report/firm", str, "")
PHONE = Option("report/phone", str, "")  # the consultant's, printed under "Prepared by"
EMAIL = Option("report/email", str, "")
FIRM_LOGO = Option("report/firm_logo", str, "")
PAGE_SIZE = Option("report/page_size", str, "letter")
RECENT_FILES = Option("files/recent", list, [])
LAST_DIR = Option("files/last_dir", str, "")
RULES_LAST_DIR = Option("rules/last_dir", str, "")  # where File ▸ Import Rules… last looked


class Settings:
    """Typed access to the INI file; ``path`` overrides the location (tests)."""

    def __init__(self, path: str | None = None) -> None:
        file = path or str(user_dirs().settings_file)
        self._qs = QSettings(file, QSettings.Format.IniFormat)
        if self._qs.value("settings_version") is None:
            self._qs.setValue("settings_version", SETTINGS_VERSION)

    def get(self, option: Option) -> Any:
        value = self._qs.value(option.key)
        if value is None:
            return option.default
        if option.type is bool:
            return value in (True, "true", "1", 1)
        if option.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return option.default
        if option.type is list:
            if isinstance(value, str):
                return [value]
            return list(value) if isinstance(value, list | tuple) else option.default
        if option.type is QByteArray:
            return value if isinstance(value, QByteArray) else option.default
        return str(value)

    def set(self, option: Option, value: Any) -> None:
        if value == option.default:
            self._qs.remove(option.key)
        else:
            self._qs.setValue(option.key, value)

    def sync(self) -> None:
        self._qs.sync()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

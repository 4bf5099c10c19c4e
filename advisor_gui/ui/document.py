"""The open client file: its path, whether it has unsaved changes, autosave,
crash recovery, recent files and the File menu's actions.

What is saved is the controller's answers, client name, notes, prime-contractor
register and scenarios (see
:mod:`advisor_gui.domain.clientfile` for the format). Nothing the user typed
is ever dropped without asking: New, Open and closing the window ask to save
unsaved changes; a failed save or open leaves the work in the window and the
file on disk as they were; unsaved work is autosaved and offered back after a
crash.

Opening never happens behind the user's back: unsaved changes are asked
about before the file is read for the window (it is read once before that
only to refuse a bad file without asking), and opening the file that is
already open with unsaved changes asks "Revert to the saved file?". A save
first compares the file on disk with what was loaded or last saved (see
:func:`advisor_gui.storage.file_stamp`) and asks when another window or
program changed it. Recovered work stays in the window, modified and titled
with its file; an autosave older than its file's last save is offered with
that said, and one that is already saved is removed without asking.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from .. import APP_NAME
from .. import settings as opt
from ..domain import clientfile
from ..domain.clientfile import ClientFile, ClientFileError, Consultant
from ..paths import user_dirs
from ..settings import Settings
from ..storage import (
    AutosaveManager,
    FileStamp,
    Recoverable,
    SaveError,
    file_stamp,
    find_recoverable,
    save_text,
)
from .controller import AdvisorController
from .messages import message_box, tell
from .plaintext import no_mnemonic, tooltip

MAX_RECENT = 10
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')

# Why unsaved changes are being asked about (each its own sentence to translate).
CLOSING, CLOSING_FILE, NEW, OPENING = "closing", "closing_file", "new", "opening"
# How an autosave relates to its file on disk.
CURRENT, OLDER, SAVED = "current", "older", "saved"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a == b or a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


class DocumentController(QObject):
    """Owns the current client file for ``window`` (a QMainWindow whose title
    and status bar it uses). The window's File menu actions call its public
    methods; the window calls :meth:`close_requested` from ``closeEvent``. ``clean`` is the
    controller's state that counts as unmodified (default: its state now); a
    window that builds this after its first paint passes its state at start."""

    replaced = Signal()  # another client file (or none) is now in the window: New, Open, Close, recovery
    saved = Signal()  # what the window shows is now what is on disk

    def __init__(self, window: QMainWindow, controller: AdvisorController, settings: Settings,
                 autosave_dir: Path | None = None, clean: tuple[Any, ...] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.settings = settings
        self.path: Path | None = None
        self._base: ClientFile | None = None  # as last opened or saved: keeps created and consultant
        self._disk: FileStamp | None = None  # the file on disk when it was opened or last saved here
        self._clean: tuple[Any, ...] | None = clean or self._state()  # None: modified whatever the state
        self._loading = False
        self.autosave = AutosaveManager(self._autosave_snapshot, autosave_dir or user_dirs().autosave, self)
        self.autosave.failed.connect(self._autosave_failed)
        self.autosave.recovered.connect(self._autosave_recovered)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.autosave.close)
        for signal in (controller.answersChanged, controller.clientChanged, controller.notesChanged,
                       controller.registerChanged, controller.scenariosChanged):
            signal.connect(self._changed)
        self._update_title()
        if self.modified:  # changed before this was built: autosave as if it had been
            self.autosave.schedule()

    # --- state ---------------------------------------------------------------------
    def _state(self) -> tuple[Any, ...]:
        return self.controller.state()

    @property
    def modified(self) -> bool:
        return self._clean is None or self._state() != self._clean

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        if self.modified:
            self.autosave.schedule()
        else:  # back to what is on disk
            self.autosave.discard()
        self._update_title()

    def retranslate(self) -> None:
        """The window title in the current language ("Untitled")."""
        self._update_title()

    def _update_title(self) -> None:
        """Only what changed: this runs on every answer change."""
        name = self.path.name if self.path else self.tr("Untitled")
        title = self.tr("{0}[*] — {1}").format(name.replace("[*]", "[*][*]"), APP_NAME)
        if self.window.windowTitle() != title:
            self.window.setWindowTitle(title)
        modified = self.modified
        if self.window.isWindowModified() != modified:
            self.window.setWindowModified(modified)

    def build_file(self) -> ClientFile:
        """The client file for what the window shows now."""
        c = self.controller
        return clientfile.new_client_file(
            c.answers, c.recommendation, client=c.client_name, notes=c.notes, consultant=self._consultant(),
            created=self._base.created if self._base else None,
            register=c.register,
            scenarios=c.scenarios,
        )

    def _consultant(self) -> Consultant:
        name, firm = self.settings.get(opt.CONSULTANT), self.settings.get(opt.FIRM)
        if name or firm:
            return Consultant(name=name, firm=firm)
        return self._base.consultant if self._base else Consultant(name="", firm="")

    def _autosave_snapshot(self) -> dict[str, Any]:
        return {"path": str(self.path) if self.path else None,
                "base": self._disk.to_json() if self._disk else None,
                "document": clientfile.to_dict(self.build_file())}

    def _apply(self, path: Path | None, cf: ClientFile | None, *, disk: FileStamp | None = None,
               recovered: Recoverable | None = None) -> None:
        """Show ``cf`` (or a new, empty client) in the window; ``disk`` is the
        file as it was read. ``recovered``: the autosave ``cf`` comes from
        (shown as modified, and taken over by this session's autosave)."""
        c = self.controller
        self._loading = True
        try:
            # A file's answers count as answered; a new client's defaults do not.
            c.set_answers(cf.answers if cf else AdvisorController.DEFAULT_ANSWERS, None if cf else ())
            c.set_client_name(cf.client.name if cf else "")
            c.set_notes(cf.notes if cf else "")
            c.set_register(cf.register if cf else ())
            c.set_scenarios(cf.scenarios if cf else ())
        finally:
            self._loading = False
        self.path, self._base, self._disk = path, cf, disk
        self._clean = None if recovered else self._state()
        if recovered:
            self.autosave.take_over(recovered)  # this session's autosave first, then the old one goes
        else:
            self.autosave.discard()
            self.autosave.new_work()
        self._update_title()
        self.replaced.emit()

    # --- File menu handlers (MainWindow declares the actions) --------------------------
    def new_document(self) -> bool:
        if not self._confirm(NEW):
            return False
        self._apply(None, None)
        self._status(self.tr("New client file"))
        return True

    def close_document(self) -> bool:
        """File ▸ Close: the client file goes (unsaved changes asked about as for
        New) and the window is left empty, ready for the next client."""
        if not self._confirm(CLOSING_FILE):
            return False
        name = self.path.name if self.path else ""
        self._apply(None, None)
        self._status(self.tr("Closed {0}").format(name) if name else self.tr("Client file closed"))
        return True

    def open_document(self) -> bool:
        path = self.ask_open_path()
        return self.open_path(path) if path is not None else False

    def open_path(self, path: str | Path) -> bool:
        """Open a client file. On any problem: one message, nothing changes.

        A bad file is refused before anything is asked. Then unsaved changes
        are asked about (for the file already open: "Revert to the saved
        file?"), and only after the answer is the file read for the window."""
        target = Path(path).absolute()
        if self._read(target) is None:
            return False
        if self.path is not None and _same_file(target, self.path):
            if self.modified and not self._confirm_revert():
                return False
        elif not self._confirm(OPENING):
            return False
        return self._load(target)

    def _read(self, target: Path) -> tuple[ClientFile, FileStamp | None] | None:
        """The file and its stamp (taken first: a change while reading shows as a change later)."""
        disk = file_stamp(target)
        try:
            cf = clientfile.read(target, self.controller.dataset)
        except ClientFileError as exc:
            problem = f"{exc.field}: {exc.problem}" if exc.field else exc.problem[:1].upper() + exc.problem[1:]
            self._message(QMessageBox.Icon.Warning, self.tr("“{0}” could not be opened.").format(target.name),
                          self.tr("{0}\n\nThe file was not changed, and your current work is still open.")
                          .format(problem))
            return None
        return cf, disk

    def _load(self, target: Path) -> bool:
        """Read ``target`` now and show it (the questions have been answered)."""
        read = self._read(target)
        if read is None:
            return False
        cf, disk = read
        self._apply(target, cf, disk=disk)
        self._remember(target)
        self._status(self.tr("Opened {0}").format(target.name))
        self._report_drift(cf)
        return True

    def _confirm_revert(self) -> bool:
        """The file already open, with unsaved changes, is being opened again."""
        name = self.path.name if self.path else ""
        box = message_box(self.window, QMessageBox.Icon.Warning, self.tr("Revert to the saved file?"),
                          self.tr("“{0}” is already open, with changes that are not saved. Revert throws "
                                  "those changes away and shows the file as it is on disk; Cancel keeps "
                                  "them.").format(name),
                          QMessageBox.StandardButton.Cancel, name="revertBox")
        revert = box.addButton(self.tr("&Revert"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() == revert

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self._write(path) if path is not None else False

    def _changed_on_disk(self, path: Path) -> bool:
        """Whether ``path`` (the open file) is no longer what was opened or last
        saved here; a file that is gone has nothing to lose."""
        now = file_stamp(path)
        if now is None:
            return False
        return not now.same_content(self._disk)

    def _ask_changed_on_disk(self, path: Path) -> str:
        """"overwrite", "save_as", "reload" or "cancel"."""
        box = message_box(
            self.window, QMessageBox.Icon.Warning,
            self.tr("“{0}” has changed on disk since it was opened or last saved here.").format(path.name),
            self.tr("Another window or program may have saved it. Overwrite replaces that version with your "
                    "work; Save As keeps both; Reload throws your changes away and shows the file on disk."),
            QMessageBox.StandardButton.Cancel, name="changedOnDiskBox")
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        reload = box.addButton(self.tr("Re&load"), QMessageBox.ButtonRole.ResetRole)
        box.setDefaultButton(save_as)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        for button, choice in ((overwrite, "overwrite"), (save_as, "save_as"), (reload, "reload")):
            if clicked == button:
                return choice
        return "cancel"

    def _write(self, path: Path) -> bool:
        if self.path is not None and _same_file(path, self.path) and self._changed_on_disk(path):
            choice = self._ask_changed_on_disk(path)
            if choice == "save_as":
                return self.save_as()
            if choice == "reload":
                self._load(path)
                return False
            if choice != "overwrite":
                return False
        self.autosave.flush()  # the autosave is now what is saved: a kill before it goes loses nothing
        cf = self.build_file()
        text = clientfile.dumps(cf)
        if len(text.encode("utf-8")) > clientfile.MAX_BYTES:  # it could never be opened again
            self._message(QMessageBox.Icon.Warning, self.tr("“{0}” was not saved.").format(path.name),
                          self.tr("The client file would be larger than {0} KiB, the most a client file can be, "
                                  "so it could not be opened again. Shorten the consultant's notes, then save. "
                                  "Your work is still open and autosaved.").format(clientfile.MAX_BYTES // 1024))
            return False
        try:
            save_text(path, text)
        except SaveError as exc:
            self._message(QMessageBox.Icon.Critical, self.tr("“{0}” could not be saved.").format(path.name),
                          self.tr("{0}\n\nNothing on disk was changed and your work is still open. "
                                  "Use Save As to save it somewhere else.").format(exc))
            return False
        self.path, self._base, self._disk = path, cf, file_stamp(path, text.encode("utf-8"))
        self._clean = self._state()
        self.autosave.discard()
        self._remember(path)
        self._update_title()
        self.saved.emit()
        self._status(self.tr("Saved {0}").format(path.name))
        return True

    # --- asking ----------------------------------------------------------------------
    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Client File"), self._start_dir(),
                                              self._filters())
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        dialog = QFileDialog(self.window, self.tr("Save Client File"), self._start_dir(), self._filters())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(clientfile.SUFFIX.lstrip("."))
        dialog.selectFile(self._suggested_name())
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def _filters(self) -> str:
        return self.tr("Client files (*.coradvice);;All files (*)")

    def _start_dir(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        last = self.settings.get(opt.LAST_DIR)
        return last if last and Path(last).is_dir() else str(Path.home())

    def _suggested_name(self) -> str:
        if self.path is not None:
            return self.path.name
        stem = _UNSAFE_NAME.sub(" ", self.controller.client_name).strip(" .")[:80].strip()
        return (stem or self.tr("Untitled client")) + clientfile.SUFFIX

    def _confirm(self, why: str) -> bool:
        """Unsaved changes: Save (and go on if it worked), Discard, or Cancel."""
        if not self.modified:
            return True
        name = self.path.name if self.path else self.tr("Untitled")
        text = {
            CLOSING: self.tr("Save the changes to “{0}” before closing?"),
            CLOSING_FILE: self.tr("Save the changes to “{0}” before closing the client file?"),
            NEW: self.tr("Save the changes to “{0}” before starting a new client file?"),
            OPENING: self.tr("Save the changes to “{0}” before opening another file?"),
        }[why].format(name)
        box = message_box(self.window, QMessageBox.Icon.Warning, text,
                          self.tr("If you don't save, your changes will be lost."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, name="unsavedChangesBox")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.standardButton(box.clickedButton()) if box.clickedButton() else None
        if clicked == QMessageBox.StandardButton.Save:
            return self.save()
        return clicked == QMessageBox.StandardButton.Discard

    def _message(self, icon: QMessageBox.Icon, text: str, detail: str) -> None:
        tell(self.window, icon, text, detail, name="documentMessage")

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    def _autosave_failed(self, reason: str) -> None:
        """Shown until an autosave works again; the work itself stays in the window."""
        self.window.statusBar().showMessage(
            self.tr("Autosave failed: {0}. Your work is still open; save it (or Save As somewhere else) "
                    "to keep it.").format(reason.rstrip(".")))

    def _autosave_recovered(self) -> None:
        self.window.statusBar().showMessage(self.tr("Autosave works again"), 5000)

    def _report_drift(self, cf: ClientFile) -> None:
        change = clientfile.drift(cf, self.controller.recommendation)
        if change is None:
            return
        ds = self.controller.dataset

        def label(code: str) -> str:
            return ds.program(code).short.get()

        detail = self.tr("Recommended {0} under rules {1}; {2} now (rules {3}) because:").format(
            label(change.then_program), change.then_version, label(change.now_program), change.now_version)
        detail += "".join(f"\n• {reason}" for reason in change.reasons)
        self._message(QMessageBox.Icon.Information,
                      self.tr("The recommendation has changed since this file was saved."), detail)

    # --- recent files ------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return [str(p) for p in self.settings.get(opt.RECENT_FILES) if p][:MAX_RECENT]

    def _set_recent(self, files: list[str]) -> None:
        self.settings.set(opt.RECENT_FILES, files[:MAX_RECENT])
        self.settings.sync()

    def _remember(self, path: Path) -> None:
        entry = str(path)
        self._set_recent([entry, *(p for p in self.recent_files() if p != entry)])
        self.settings.set(opt.LAST_DIR, str(path.parent))

    def fill_recent(self, menu: QMenu) -> None:
        """Fill File ▸ Open Recent (called as it is about to show)."""
        menu.clear()
        files = self.recent_files()
        home = str(Path.home())
        for i, entry in enumerate(files, start=1):
            path = Path(entry)
            folder = str(path.parent)
            if folder.startswith(home):
                folder = "~" + folder[len(home):]
            name = no_mnemonic(path.name)
            text = f"&{i}  {name}" if i < 10 else f"1&0  {name}"
            action = menu.addAction(self.tr("{0}   ({1})").format(text, no_mnemonic(folder)))
            action.setStatusTip(entry)
            action.setToolTip(tooltip(entry))  # a path is text, never markup
            action.triggered.connect(lambda _checked=False, p=entry: self.open_recent(p))
        if not files:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear List"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear_recent)
        menu.setToolTipsVisible(True)

    def open_recent(self, entry: str) -> bool:
        if not Path(entry).is_file():
            self._set_recent([p for p in self.recent_files() if p != entry])
            self._message(QMessageBox.Icon.Information,
                          self.tr("“{0}” is no longer there.").format(Path(entry).name),
                          self.tr("It may have been moved, renamed or deleted, so it was removed from "
                                  "Open Recent.\n\n{0}").format(entry))
            return False
        return self.open_path(entry)

    def clear_recent(self) -> None:
        self._set_recent([])

    # --- closing and recovery ----------------------------------------------------------
    def discard_changes(self) -> None:
        """Treat what the window shows as throwaway (the self-test, headless
        renderings): no prompt on close, no autosave left behind."""
        self._clean = self._state()
        self.autosave.discard()
        self._update_title()

    def close_requested(self) -> bool:
        """From ``closeEvent``: False when the user cancels."""
        self.autosave.flush()  # safe even if something goes wrong while asking
        if not self._confirm(CLOSING):
            return False
        self._clean = self._state()  # saved or knowingly discarded: closing again does not ask
        self.autosave.discard()
        self.autosave.close()
        return True

    def start(self, open_file: str | Path | None = None) -> None:
        """At start: offer back unsaved work, then open ``open_file`` (the
        command line, a double-click) unless its recovered work is now in the
        window; opening another file asks about the recovered work first."""
        target = Path(open_file).absolute() if open_file else None
        self.offer_recovery(prefer=target)
        if target is not None and not (self.path is not None and _same_file(target, self.path)):
            self.open_path(target)

    def offer_recovery(self, prefer: Path | None = None) -> None:
        """Offer back unsaved work from sessions that ended without closing
        the window (a crash, a kill, a power cut); autosaves for ``prefer``
        first. Work that is already saved goes without asking."""
        found = find_recoverable(self.autosave.directory, self.autosave.session)
        if prefer is not None:
            found.sort(key=lambda item: not (item.path and _same_file(Path(item.path), prefer)))
        while found:
            item = found.pop(0)
            try:
                cf = clientfile.parse(item.document, self.controller.dataset) if not item.problem else None
            except ClientFileError as exc:
                item.problem = str(exc)
                cf = None
            if cf is None:
                kept = item.set_aside()
                self._message(QMessageBox.Icon.Warning, self.tr("Autosaved work could not be read."),
                              self.tr("{0}\n\nThe autosave was kept as {1}.").format(item.problem, kept))
                continue
            relation, base = self._relation(item, cf)
            if relation == SAVED:  # a kill between a save and the removal of its autosave
                item.remove()
                continue
            choice = self._ask_recover(item, cf, older=relation == OLDER)
            if choice == "recover" and self._confirm(OPENING):
                self._apply(Path(item.path) if item.path else None, cf, disk=base, recovered=item)
                self._status(self.tr("Recovered unsaved work"))
                break
            if choice == "discard":
                item.remove()
                continue
            item.release()
            break
        for item in found:
            item.release()

    def _relation(self, item: Recoverable, cf: ClientFile) -> tuple[str, FileStamp | None]:
        """How the autosave relates to its file now (CURRENT, OLDER or SAVED),
        and the stamp its work is based on (what a save compares the file with)."""
        if not item.path:
            return CURRENT, None
        path = Path(item.path)
        now = file_stamp(path)
        if now is None:  # gone (or unreadable): the autosave is all there is
            return CURRENT, item.base
        try:
            on_disk = clientfile.read(path, self.controller.dataset)
        except ClientFileError:
            on_disk = None
        if on_disk is not None and (on_disk.answers, on_disk.client, on_disk.notes, on_disk.register,
                                    on_disk.scenarios) == (cf.answers, cf.client, cf.notes, cf.register,
                                                           cf.scenarios):
            return SAVED, now
        if item.base is not None:
            return (CURRENT if now.same_content(item.base) else OLDER), item.base
        # A version 1 autosave: no base recorded; the times are all there is.
        return (CURRENT, now) if item.autosaved_after(now) else (OLDER, None)

    def _ask_recover(self, item: Recoverable, cf: ClientFile, *, older: bool = False) -> str:
        when = QDateTime.fromString(item.saved, Qt.DateFormat.ISODate)
        shown = QLocale().toString(when.toLocalTime(), QLocale.FormatType.ShortFormat) if when.isValid() else "?"
        lines = []
        if cf.client.name:
            lines.append(self.tr("Client: {0}").format(cf.client.name))
        lines.append(self.tr("File: {0}").format(Path(item.path).name if item.path else self.tr("Untitled")))
        lines.append(self.tr("Autosaved: {0}").format(shown))
        if older:
            lines.append(self.tr("\nOlder than the saved file: “{0}” was saved after this work was autosaved. "
                                 "If you recover it, saving asks before replacing the newer file.")
                         .format(Path(item.path).name if item.path else ""))
        box = message_box(
            self.window, QMessageBox.Icon.Question,
            self.tr("Recover unsaved work older than the saved file?") if older else self.tr("Recover unsaved work?"),
            self.tr("COR/SECOR Advisor did not close normally last time, and some work had not been saved.\n\n"
                    "{0}\n\nRecover opens it now. Discard deletes it. Decide Later keeps it and asks again "
                    "next time.").format("\n".join(lines)),
            QMessageBox.StandardButton.NoButton, name="recoveryBox")
        recover = box.addButton(self.tr("&Recover"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(self.tr("Decide &Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        if clicked == recover:
            return "recover"
        if clicked == discard:
            return "discard"
        return "later"

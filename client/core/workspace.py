"""Where the desktop client keeps its files: settings, one draft per year and form, form status.

Qt-free, so the rules (where a draft lives, how an unreadable one is set aside,
how explanations follow records that move) are tested without a window, and the
command line could share them. Every write is atomic; an unreadable file is
renamed aside, never overwritten, so nothing a user typed is ever destroyed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from client.core.errors import UserError
from client.core.fileio import atomic_write_bytes
from client.core.i18n import LANGUAGES
from client.core.identity import is_valid_orgnr

if TYPE_CHECKING:
    # Drafts and records are imported where used: the window's first paint needs
    # only settings and status, and must start fast.
    from client.core.atrest import DraftKeys
    from client.core.datadir import DataFolder, PolicyReader
    from client.core.documents import FormDocument
    from client.core.forms.model import FormDefinition

APP_NAME = "KOSTRA-klienten"
ENV_DATA_DIR = "KOSTRA_DATA_DIR"
ENV_CONFIG_DIR = "KOSTRA_CONFIG_DIR"
SETTINGS_FORMAT = "kostra-klienten/settings"
STATUS_FILE = "status.json"
OSLO = "0301"  # the kommune with bydeler

State = Literal["not_started", "draft", "errors", "unexplained", "ready", "signed"]

_SET_ASIDE = {
    "nb": "{what} {path} kunne ikke leses og er lagt til side som {aside}. "
    "Innholdet er urørt; du kan sende filen til brukerstøtte.",
    "nn": "{what} {path} kunne ikkje lesast og er lagd til side som {aside}. "
    "Innhaldet er urørt; du kan sende fila til brukarstøtte.",
    "en": "{what} {path} could not be read and has been set aside as {aside}. "
    "Its content is untouched; you can send the file to support.",
}
_WHAT = {
    "draft": {"nb": "Utkastet", "nn": "Utkastet", "en": "The draft"},
    "settings": {"nb": "Innstillingsfilen", "nn": "Innstillingsfila", "en": "The settings file"},
}


DELETE_SIGNED_OFFER = {
    "nb": "Disse skjemaene ble signert for mer enn {days} dager siden: {forms}. Innsendingsfilen "
    "og kvitteringen er det som skal arkiveres; utkastene inneholder bare personopplysninger "
    "som ikke lenger trengs. Vil du slette utkastene nå?",
    "nn": "Desse skjemaa vart signerte for meir enn {days} dagar sidan: {forms}. Innsendingsfila "
    "og kvitteringa er det som skal arkiverast; utkasta inneheld berre personopplysningar "
    "som ikkje lenger trengst. Vil du slette utkasta no?",
    "en": "These forms were signed more than {days} days ago: {forms}. The submission file and "
    "the receipt are what is archived; the drafts only hold personal data no longer needed. "
    "Delete the drafts now?",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- the reporting unit and settings -------------------------------------------------

_KOMMUNENUMMER = re.compile(r"[0-9]{4}")
_BYDEL = re.compile(r"[0-9]{2}")


@dataclass(frozen=True)
class ReportingUnit:
    """Who reports: a municipality (and a district where the municipality has them)."""

    kommunenummer: str
    name: str
    orgnr: str
    bydel: str = "00"

    @property
    def region(self) -> str:
        """As SSB's control program takes it: kommunenummer + bydel."""
        return self.kommunenummer + self.bydel

    @property
    def is_oslo(self) -> bool:
        """Oslo, whose bydeler each report and are checked together (client.gui.bydeler)."""
        return self.kommunenummer == OSLO

    def problems(self) -> list[str]:
        """Which fields are wrong ("kommunenummer", "name", "bydel", "orgnr")."""
        found = []
        if not _KOMMUNENUMMER.fullmatch(self.kommunenummer):
            found.append("kommunenummer")
        if not self.name.strip():
            found.append("name")
        if not _BYDEL.fullmatch(self.bydel):
            found.append("bydel")
        if not is_valid_orgnr(self.orgnr):
            found.append("orgnr")
        return found


@dataclass
class Settings:
    unit: ReportingUnit | None = None
    language: str = "nb"
    year: int | None = None  # the year last worked on, when the user switched away from the current
    open_form: str | None = None  # the form open when the client last stopped, reopened at start
    submit_dir: str | None = None  # the folder the last submission was written to
    # Offer to delete a form's draft (personal data) this many days after it was signed;
    # None: never ask.
    delete_signed_after_days: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys a newer client wrote: kept

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        out.update(
            format=SETTINGS_FORMAT,
            language=self.language,
            year=self.year,
            openForm=self.open_form,
            submitDir=self.submit_dir,
            deleteSignedDraftsAfterDays=self.delete_signed_after_days,
        )
        out["unit"] = None if self.unit is None else {
            "kommunenummer": self.unit.kommunenummer,
            "name": self.unit.name,
            "orgnr": self.unit.orgnr,
            "bydel": self.unit.bydel,
        }
        return out

    @classmethod
    def from_json(cls, data: Any) -> Settings:
        if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
            raise ValueError("not a settings file")
        unit = data.get("unit")
        parsed = None
        if unit is not None:
            parsed = ReportingUnit(
                kommunenummer=str(unit["kommunenummer"]),
                name=str(unit["name"]),
                orgnr=str(unit["orgnr"]),
                bydel=str(unit.get("bydel", "00")),
            )
        language = data.get("language", "nb")
        year = data.get("year")
        open_form = data.get("openForm")
        submit_dir = data.get("submitDir")
        days = data.get("deleteSignedDraftsAfterDays")
        known = {"format", "language", "year", "unit", "openForm", "submitDir",
                 "deleteSignedDraftsAfterDays"}
        return cls(
            unit=parsed,
            language=language if language in LANGUAGES else "nb",
            year=year if isinstance(year, int) else None,
            open_form=open_form if isinstance(open_form, str) else None,
            submit_dir=submit_dir if isinstance(submit_dir, str) else None,
            delete_signed_after_days=(
                days if isinstance(days, int) and not isinstance(days, bool) and days >= 0
                else None
            ),
            extra={k: v for k, v in data.items() if k not in known},
        )


# --- what the overview shows per form -------------------------------------------------


@dataclass(frozen=True)
class FormStatus:
    state: State
    counts: Mapping[str, int] = field(default_factory=dict)  # findings per severity
    records: int | None = None
    signed_at: dt.datetime | None = None  # when state is "signed"
    nothing_to_report: bool = False  # signed as SSB's nil delivery

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "state": self.state, "counts": dict(self.counts), "records": self.records
        }
        if self.signed_at is not None:
            out["signedAt"] = self.signed_at.isoformat(timespec="seconds")
        if self.nothing_to_report:
            out["nothingToReport"] = True
        return out

    @classmethod
    def from_json(cls, data: Any) -> FormStatus | None:
        states = ("not_started", "draft", "errors", "unexplained", "ready", "signed")
        if not isinstance(data, dict) or data.get("state") not in states:
            return None
        counts = data.get("counts") or {}
        if not isinstance(counts, dict):
            counts = {}
        records = data.get("records")
        signed_at = None
        if isinstance(data.get("signedAt"), str):
            try:
                signed_at = dt.datetime.fromisoformat(data["signedAt"])
            except ValueError:
                signed_at = None
        return cls(
            data["state"],
            {str(k): int(v) for k, v in counts.items() if isinstance(v, int)},
            records if isinstance(records, int) else None,
            signed_at,
            nothing_to_report=data.get("nothingToReport") is True and data["state"] == "signed",
        )


@dataclass(frozen=True)
class OpenedDraft:
    """The result of opening a form's draft: the document (None when there was no
    draft or it could not be used) and what to tell the user, if anything."""

    document: FormDocument | None
    notice: UserError | None = None
    set_aside: Path | None = None
    blocked: bool = False  # the draft exists but must not be replaced (a newer client's)


class Workspace:
    """The user's folders: drafts and status in the data folder, settings in the config folder."""

    def __init__(
        self, data_dir: Path, config_dir: Path, clock: Callable[[], dt.datetime] = _now
    ) -> None:
        self.data_dir = Path(data_dir)
        self.config_dir = Path(config_dir)
        self.clock = clock
        # The reporting unit's region (kommunenummer + bydel): drafts and status are kept
        # per unit, so another unit's draft never opens under this one.
        self.unit: str | None = None
        # The drafts' key (client.core.atrest): with it drafts are encrypted at rest.
        self.draft_keys: DraftKeys | None = None
        self.data_origin: DataFolder | None = None  # what chose data_dir, when known

    @classmethod
    def from_environment(
        cls,
        environ: Mapping[str, str] | None = None,
        policy: PolicyReader | None = None,
    ) -> Workspace:
        """The data folder chosen by KOSTRA_DATA_DIR, IT's policy or the platform (in that
        order; client.core.datadir), settings in KOSTRA_CONFIG_DIR or beside the data
        when either of the first two chose it. `policy` reads IT's setting (default: the
        Windows registry). Raises DataFolderPolicyError for a policy that cannot be used."""
        from client.core.datadir import resolve_data_dir

        environ = os.environ if environ is None else environ
        folder = resolve_data_dir(environ, policy)
        config = environ.get(ENV_CONFIG_DIR)
        if not config:
            if folder.source == "default":
                import platformdirs

                config = platformdirs.user_config_dir(APP_NAME, appauthor=False)
            else:
                config = os.path.join(folder.path, "config")  # one folder holds everything
        workspace = cls(folder.path, Path(config))
        workspace.data_origin = folder
        return workspace

    # --- settings ---------------------------------------------------------------------

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    def load_settings(self) -> tuple[Settings, UserError | None]:
        """The settings, or defaults and a notice when the file could not be read
        (it is then set aside, never overwritten)."""
        path = self.settings_path
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
            return Settings.from_json(data), None
        except FileNotFoundError:
            return Settings(), None
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
            aside = self.set_aside(path)
            return Settings(), UserError(
                _SET_ASIDE, what=_WHAT["settings"], path=str(path), aside=str(aside)
            )

    def save_settings(self, settings: Settings) -> None:
        self.config_dir.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings.to_json(), ensure_ascii=False, indent=1) + "\n"
        atomic_write_bytes(self.settings_path, text.encode())

    # --- drafts -----------------------------------------------------------------------

    def year_dir(self, year: int) -> Path:
        """drafts/<year>/<region>/ for the unit; drafts/<year>/ when no unit is chosen
        (and where drafts were kept before they were kept per unit)."""
        base = self.data_dir / "drafts" / str(year)
        return base / self.unit if self.unit else base

    def _legacy_draft(self, form: FormDefinition) -> Path | None:
        """A draft from before drafts were kept per unit, when it is this unit's: it is
        moved into the unit's folder. Another unit's stays where it is, untouched."""
        if not self.unit:
            return None
        legacy = self.data_dir / "drafts" / str(form.year) / f"{form.form_id}.json"
        if not legacy.is_file():
            return None
        try:
            with legacy.open("rb") as handle:
                head = handle.read(4096).decode("utf-8", "replace")
        except OSError:
            return None
        match = re.search(r'"region":\s*"([0-9]{6})"', head)
        if match is None or match.group(1) != self.unit:
            return None
        target = self.draft_path(form.form_id, form.year)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(legacy, target)
        except OSError:
            return None
        return target

    def draft_path(self, form_id: str, year: int) -> Path:
        return self.year_dir(year) / f"{form_id}.json"

    def has_draft(self, form_id: str, year: int) -> bool:
        return self.draft_path(form_id, year).is_file()

    def open_draft(self, form: FormDefinition) -> OpenedDraft:
        from client.core.atrest import DraftKeyError
        from client.core.drafts import DraftError, load_draft

        path = self.draft_path(form.form_id, form.year)
        if not path.is_file() and self._legacy_draft(form) is None:
            return OpenedDraft(None)
        try:
            return OpenedDraft(load_draft(path, form, self.draft_keys))
        except DraftKeyError as error:
            # No key, or not this one: the draft is whole and must stay as it is.
            return OpenedDraft(None, error, blocked=True)
        except DraftError as error:
            if error.reason == "newer":
                return OpenedDraft(None, error, blocked=True)
            # Corrupt, or another form's draft in this form's place: keep it whole
            # under another name so the form can be worked on again.
            aside = self.set_aside(path)
            return OpenedDraft(
                None,
                UserError(_SET_ASIDE, what=_WHAT["draft"], path=str(path), aside=str(aside)),
                set_aside=aside,
            )

    def save_draft(self, document: FormDocument) -> Path:
        from client.core.drafts import save_draft

        path = self.draft_path(document.form.form_id, document.form.year)
        path.parent.mkdir(parents=True, exist_ok=True)
        save_draft(path, document, self.draft_keys)
        return path

    def set_aside(self, path: Path) -> Path:
        """Rename `path` to <name>.unreadable-<timestamp>.json; never replaces a file."""
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        for n in range(1000):
            suffix = "" if n == 0 else f"-{n}"
            target = path.with_name(f"{stem}.unreadable-{stamp}{suffix}.json")
            try:
                # os.link fails when the target exists, so an older set-aside copy is
                # never replaced (os.rename would silently replace it on POSIX).
                os.link(path, target)
            except FileExistsError:
                continue
            except OSError:
                if target.exists():
                    continue
                os.rename(path, target)  # file systems without hard links
                return target
            os.unlink(path)
            return target
        raise UserError(_SET_ASIDE, what=_WHAT["draft"], path=str(path), aside="?")

    # --- housekeeping at start ---------------------------------------------------------

    def remove_stale_temp_files(
        self, older_than: dt.timedelta = dt.timedelta(minutes=1)
    ) -> list[Path]:
        """Temporary files an interrupted atomic write left behind (".<name>.<random>.tmp",
        which may hold a draft's personal data) are removed. Ones younger than
        `older_than` may belong to a write under way in another window, and stay."""
        removed = []
        limit = (self.clock() - older_than).timestamp()
        for folder in (self.data_dir, self.config_dir):
            if not folder.is_dir():
                continue
            for path in folder.rglob(".*.tmp"):
                try:
                    if path.is_file() and path.stat().st_mtime < limit:
                        path.unlink()
                        removed.append(path)
                except OSError:
                    continue  # in use (Windows) or gone: tried again next start
        return removed

    def signed_drafts_due(self, days: int) -> list[tuple[int, str, Path]]:
        """(year, form, draft) of this unit's forms signed at least `days` days ago whose
        draft is still on disk: offered for deletion."""
        due: list[tuple[int, str, Path]] = []
        drafts = self.data_dir / "drafts"
        if not drafts.is_dir():
            return due
        now = self.clock()
        for year_dir in sorted(p for p in drafts.iterdir() if p.name.isdigit()):
            year = int(year_dir.name)
            for form_id, status in sorted(self.read_status(year).items()):
                if status.state != "signed" or status.signed_at is None:
                    continue
                if now - status.signed_at < dt.timedelta(days=days):
                    continue
                path = self.draft_path(form_id, year)
                if path.is_file():
                    due.append((year, form_id, path))
        return due

    def delete_draft(self, form_id: str, year: int) -> None:
        """Remove a signed form's draft; its status stays "signed"."""
        self.draft_path(form_id, year).unlink(missing_ok=True)

    # --- status per form --------------------------------------------------------------

    def read_status(self, year: int) -> dict[str, FormStatus]:
        """What the overview shows, as last recorded; forms with a draft but no record
        show as "draft"."""
        path = self.year_dir(year) / STATUS_FILE
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            data = {}
        out: dict[str, FormStatus] = {}
        if isinstance(data, dict):
            for form_id, item in data.items():
                status = FormStatus.from_json(item)
                if status is not None:
                    out[form_id] = status
        return out

    def write_status(self, year: int, form_id: str, status: FormStatus) -> None:
        current = {k: v.to_json() for k, v in self.read_status(year).items()}
        current[form_id] = status.to_json()
        directory = self.year_dir(year)
        directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        atomic_write_bytes(directory / STATUS_FILE, text.encode())

    def status_of(self, form_id: str, year: int) -> FormStatus:
        recorded = self.read_status(year).get(form_id)
        if not self.has_draft(form_id, year):
            if recorded is not None and recorded.state == "signed":
                return recorded
            return FormStatus("not_started")
        return recorded or FormStatus("draft")


# --- explanations follow their records -------------------------------------------------


def remap_explanations(
    explanations: Mapping[str, str], first_line: int, delta: int
) -> dict[str, str]:
    """Explanations after records were inserted or deleted.

    A ref is "control:line:field" (Finding.ref). `delta` > 0: that many records were
    inserted so that the first new one is line `first_line`; lines from there on move
    down. `delta` < 0: -delta records starting at line `first_line` were deleted;
    their explanations go, and the lines after them move up.
    """
    out: dict[str, str] = {}
    for ref, text in explanations.items():
        parts = ref.split(":")
        if len(parts) < 3 or not parts[-2].isdigit():
            out[ref] = text  # questionnaire refs ("-") and anything unexpected stay
            continue
        control, line, name = ":".join(parts[:-2]), int(parts[-2]), parts[-1]
        if line >= first_line:
            if delta < 0 and line < first_line - delta:
                continue
            line += delta
        out[f"{control}:{line}:{name}"] = text
    return out


def explanations_for_lines(
    explanations: Mapping[str, str], first_line: int, count: int
) -> dict[str, str]:
    """The explanations of lines first_line .. first_line + count - 1 (to undo a delete)."""
    out = {}
    for ref, text in explanations.items():
        parts = ref.split(":")
        if len(parts) >= 3 and parts[-2].isdigit():
            line = int(parts[-2])
            if first_line <= line < first_line + count:
                out[ref] = text
    return out


# --- saving drafts off the caller's thread ---------------------------------------------


def snapshot(document: FormDocument) -> FormDocument:
    """A copy that later edits do not change, cheap enough to take on every keystroke
    (the record lines are immutable strings; only the list is copied)."""
    from client.core.documents import FormDocument
    from client.core.records.recordset import RecordSet

    records = None
    if document.records is not None:
        records = RecordSet(document.form, list(document.records.lines), document.records.source)
    answers = None if document.answers is None else json.loads(json.dumps(document.answers))
    return FormDocument(
        document.form,
        records=records,
        answers=answers,
        explanations=dict(document.explanations),
        unconfirmed=dict(document.unconfirmed),
        region=document.region,
    )


class DraftWriter:
    """Writes drafts on a background thread, coalescing: while one write runs, newer
    snapshots replace each other, and only the newest is written next. `flush` waits
    until the newest snapshot is on disk, so closing never loses the last change."""

    def __init__(
        self,
        workspace: Workspace,
        on_saved: Callable[[FormDocument], None] | None = None,
        on_error: Callable[[UserError], None] | None = None,
    ) -> None:
        self.workspace = workspace
        self.on_saved = on_saved
        self.on_error = on_error
        self._lock = threading.Condition()
        self._pending: FormDocument | None = None
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="draft-writer", daemon=True)
        self._thread.start()

    def submit(self, document: FormDocument) -> None:
        """Queue a snapshot (see `snapshot`) for writing."""
        with self._lock:
            if self._closed:
                raise RuntimeError("DraftWriter is closed")
            self._pending = document
            self._lock.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything submitted is written; False on timeout."""
        with self._lock:
            return self._lock.wait_for(
                lambda: self._pending is None and not self._busy, timeout=timeout
            )

    def close(self) -> None:
        self.flush()
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
                document, self._pending, self._busy = self._pending, None, True
            try:
                self.workspace.save_draft(document)
                if self.on_saved is not None:
                    self.on_saved(document)
            except UserError as error:
                if self.on_error is not None:
                    self.on_error(error)
            except Exception as error:  # a writer thread must not die silently
                if self.on_error is not None:
                    self.on_error(UserError({"nb": "{e}"}, e=type(error).__name__))
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

"""Where submissions go, and the archive of every submission.

By default the container and its receipt are written to "Innsendinger" in the user's own
data folder: Documents may be closed to unsigned programs (Windows' Controlled Folder
Access), the data folder never is. The user can still choose another folder; a copy of
every submission is then kept in the archive as well. The archive is how a new
submission finds the one it replaces, and how the window finds last year's.

File names are `<region>_<form>_<year>_<UTC time>.asice` (client.core.submission.submit;
an Oslo file of several bydeler has `0301-flere-bydeler` for its region), so the newest of
a form is the last in order of time.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

ARCHIVE_FOLDER = "Innsendinger"


@dataclass(frozen=True)
class Archived:
    path: Path
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name


def archive_dir(data_dir: Path) -> Path:
    """The default folder for submissions, which is also the archive."""
    return Path(data_dir) / ARCHIVE_FOLDER


def ensure_archive(data_dir: Path) -> Path:
    folder = archive_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def latest(folder: Path, region: str, form_id: str, year: int) -> Archived | None:
    """The newest submission of `form_id` for `year` and `region` in `folder`."""
    folder = Path(folder)
    if not folder.is_dir():
        return None
    found = list(folder.glob(f"{region}_{form_id}_{year}_*.asice"))
    if region.endswith("00"):  # the whole kommune: a file of several bydeler is its too
        found += folder.glob(f"{region[:4]}-flere-bydeler_{form_id}_{year}_*.asice")
    if not found:
        return None
    path = max(found, key=lambda p: p.name.rsplit("_", 1)[-1])  # by the UTC time
    return Archived(path, hashlib.sha256(path.read_bytes()).hexdigest())


def last_year(data_dir: Path, region: str, form_id: str, year: int) -> Archived | None:
    """Last year's signed submission of the form in the archive, if any."""
    return latest(archive_dir(data_dir), region, form_id, year - 1)


def earlier(out_dir: Path, data_dir: Path | None, region: str, form_id: str,
            year: int) -> Archived | None:
    """The submission a new one of the form replaces: the newest in the folder it is
    written to, else the newest in the archive."""
    found = latest(out_dir, region, form_id, year)
    if found is None and data_dir is not None:
        found = latest(archive_dir(data_dir), region, form_id, year)
    return found


def keep_copy(data_dir: Path, *paths: Path) -> None:
    """Copy a submission written elsewhere into the archive (nothing when it is there)."""
    folder = ensure_archive(data_dir)
    for path in paths:
        target = folder / Path(path).name
        if Path(path).resolve().parent != folder.resolve() and not target.exists():
            # Through a temporary name: a copy cut short must not look like a submission.
            partial = target.with_name(target.name + ".part")
            try:
                shutil.copy2(path, partial)
                partial.replace(target)
            except OSError:
                partial.unlink(missing_ok=True)
                raise

r"""Which folder holds the user's data (drafts, settings, the signing key, form packs).

In order, the first that is set wins:

1. `--data-dir` on the desktop window's command line (one run; support and tests);
2. the environment variable KOSTRA_DATA_DIR (a script, a session, a portable install);
3. IT's policy: the value `DataDir` under HKLM\Software\Policies\KOSTRA-klienten
   (machine-wide), then the same under HKCU (a user policy), on Windows;
4. the platform's per-user data folder (%LOCALAPPDATA%\KOSTRA-klienten on Windows).

The policy is for desktops whose %LOCALAPPDATA% does not survive logoff (VDI without
profile containers): IT points the data folder at a home drive or a share, e.g.
`H:\KOSTRA-klienten` or `\\fil01\hjem$\%USERNAME%\KOSTRA-klienten`. `%NAME%` is
replaced from the environment, so one machine-wide value gives each user a folder of
their own. A value that cannot be used (a variable that is not set, a relative path)
is an error that names the setting, never a silent fall-back to a local folder whose
contents would be lost at logoff.

The policy is read through a `PolicyReader`, so the order is tested on any platform.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from client.core.errors import UserError

APP_NAME = "KOSTRA-klienten"
ENV_DATA_DIR = "KOSTRA_DATA_DIR"
POLICY_KEY = r"Software\Policies\KOSTRA-klienten"
POLICY_VALUE = "DataDir"

Source = Literal["command line", "environment", "policy", "default"]


@dataclass(frozen=True)
class PolicySetting:
    """A data-folder value found in IT's policy, and where it was found (for messages)."""

    value: str
    where: str  # e.g. HKLM\Software\Policies\KOSTRA-klienten\DataDir


PolicyReader = Callable[[], PolicySetting | None]


@dataclass(frozen=True)
class DataFolder:
    path: Path
    source: Source
    where: str  # what set it: "--data-dir", "KOSTRA_DATA_DIR", the registry value, or ""


class DataFolderPolicyError(UserError):
    """IT's data-folder setting is there but cannot be used."""


def read_registry_policy() -> PolicySetting | None:
    """`DataDir` under Software\\Policies\\KOSTRA-klienten, machine-wide (HKLM) before the
    user's (HKCU); None outside Windows or when neither is set."""
    if sys.platform != "win32":
        return None
    import winreg

    for hive, name in ((winreg.HKEY_LOCAL_MACHINE, "HKLM"), (winreg.HKEY_CURRENT_USER, "HKCU")):
        try:
            with winreg.OpenKey(hive, POLICY_KEY) as key:
                value, kind = winreg.QueryValueEx(key, POLICY_VALUE)
        except OSError:  # no such key or value
            continue
        where = f"{name}\\{POLICY_KEY}\\{POLICY_VALUE}"
        if kind not in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) or not isinstance(value, str):
            raise DataFolderPolicyError(_TEXT["not_text"], where=where)
        if value.strip():
            return PolicySetting(value.strip(), where)
    return None


_VARIABLE = re.compile(r"%([^%]+)%")


def expand_variables(value: str, environ: Mapping[str, str]) -> tuple[str, list[str]]:
    """`value` with each %NAME% replaced from `environ` (names compared without case, as
    Windows does), and the names that were not set."""
    by_name = {k.upper(): v for k, v in environ.items()}
    missing: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        found = by_name.get(match.group(1).upper())
        if found is None:
            missing.append(match.group(1))
            return match.group(0)
        return found

    return _VARIABLE.sub(substitute, value), missing


def resolve_data_dir(
    environ: Mapping[str, str] | None = None,
    policy: PolicyReader | None = None,
    command_line: Path | None = None,
) -> DataFolder:
    """The data folder and what chose it (see the module's docstring for the order).
    Raises DataFolderPolicyError when the policy is set but cannot be used."""
    if command_line is not None:
        return _usable(DataFolder(Path(command_line), "command line", "--data-dir"))
    environ = os.environ if environ is None else environ
    if environ.get(ENV_DATA_DIR):
        return _usable(DataFolder(Path(environ[ENV_DATA_DIR]), "environment", ENV_DATA_DIR))
    setting = (read_registry_policy if policy is None else policy)()
    if setting is not None:
        expanded, missing = expand_variables(setting.value, environ)
        if missing:
            raise DataFolderPolicyError(_TEXT["missing"], where=setting.where,
                                        value=setting.value, names=", ".join(missing))
        path = Path(expanded)
        if not path.is_absolute():
            raise DataFolderPolicyError(_TEXT["relative"], where=setting.where,
                                        value=setting.value)
        return _usable(DataFolder(path, "policy", setting.where))
    import platformdirs

    return _usable(DataFolder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                              "default", ""))


def _blocking_file(path: Path) -> Path | None:
    """The file that stands where the folder or one of its parents should be, if any."""
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return None if candidate.is_dir() else candidate
    return None


def _usable(folder: DataFolder) -> DataFolder:
    """`folder`, unless a file stands where it (or a parent) must be: then nothing could
    ever be saved there, and the user is told which setting to correct."""
    blocking = _blocking_file(folder.path)
    if blocking is not None:
        raise DataFolderPolicyError(_TEXT["is_file"], path=str(folder.path), file=str(blocking),
                                    where=folder.where or str(folder.path))
    return folder


def write_problem(path: Path) -> str | None:
    """Why nothing can be saved in the data folder `path` (or, while it does not exist,
    in the nearest folder above it, where it would be made), or None when a file can be
    written and removed there. Used by the self-test; writes nothing that stays."""
    import tempfile

    target = path
    while not target.exists() and target.parent != target:
        target = target.parent
    if not target.is_dir():
        return f"{target} er ikke en mappe"
    try:
        with tempfile.TemporaryFile(dir=target, prefix=".kostra-selftest-"):
            pass
    except OSError as exc:
        return f"{target}: {exc.strerror or type(exc).__name__}"
    return None


_TEXT = {
    "missing": {
        "nb": "IT-innstillingen for datamappen ({where} = «{value}») kan ikke brukes: "
        "miljøvariabelen {names} er ikke satt. KOSTRA-klienten lagrer ingenting før den "
        "er rettet; kontakt IT-avdelingen.",
        "nn": "IT-innstillinga for datamappa ({where} = «{value}») kan ikkje brukast: "
        "miljøvariabelen {names} er ikkje sett. KOSTRA-klienten lagrar ingenting før ho "
        "er retta; kontakt IT-avdelinga.",
        "en": "IT's setting for the data folder ({where} = \"{value}\") cannot be used: "
        "the environment variable {names} is not set. KOSTRA-klienten saves nothing until "
        "it is corrected; contact your IT department.",
    },
    "relative": {
        "nb": "IT-innstillingen for datamappen ({where} = «{value}») kan ikke brukes: den "
        "må være en full sti, som H:\\KOSTRA-klienten eller \\\\server\\del\\%USERNAME%. "
        "Kontakt IT-avdelingen.",
        "nn": "IT-innstillinga for datamappa ({where} = «{value}») kan ikkje brukast: ho "
        "må vere ein full sti, som H:\\KOSTRA-klienten eller \\\\server\\del\\%USERNAME%. "
        "Kontakt IT-avdelinga.",
        "en": "IT's setting for the data folder ({where} = \"{value}\") cannot be used: it "
        "must be a full path, such as H:\\KOSTRA-klienten or \\\\server\\share\\%USERNAME%. "
        "Contact your IT department.",
    },
    "is_file": {
        "nb": "Datamappen {path} kan ikke brukes: {file} er en fil, ikke en mappe. KOSTRA-klienten "
        "lagrer ingenting der; rett {where} slik at den peker på en mappe (eller kontakt "
        "IT-avdelingen).",
        "nn": "Datamappa {path} kan ikkje brukast: {file} er ei fil, ikkje ei mappe. "
        "KOSTRA-klienten lagrar ingenting der; rett {where} slik at han peikar på ei mappe "
        "(eller kontakt IT-avdelinga).",
        "en": "The data folder {path} cannot be used: {file} is a file, not a folder. "
        "KOSTRA-klienten saves nothing there; correct {where} so that it points to a folder "
        "(or contact your IT department).",
    },
    "not_text": {
        "nb": "IT-innstillingen for datamappen ({where}) er ikke en tekstverdi (REG_SZ eller "
        "REG_EXPAND_SZ). Kontakt IT-avdelingen.",
        "nn": "IT-innstillinga for datamappa ({where}) er ikkje ein tekstverdi (REG_SZ eller "
        "REG_EXPAND_SZ). Kontakt IT-avdelinga.",
        "en": "IT's setting for the data folder ({where}) is not a text value (REG_SZ or "
        "REG_EXPAND_SZ). Contact your IT department.",
    },
}


def key_directory(data_dir: Path) -> Path:
    """Where the signing key and the drafts' key live inside a data folder. Here, not
    beside the key store, so that reading a draft does not load the X.509 machinery."""
    return Path(data_dir) / "keys"

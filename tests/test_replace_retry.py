"""Replacing a file that another program holds open (Windows: a virus scanner, the search
indexer, OneDrive): the atomic write and the form-pack folder swap retry briefly, and when
the hold outlasts the retries, fail with a message and leave the old file or folder whole.

The hold is simulated by a replace function that fails as os.replace does on Windows
(PermissionError, a sharing violation) until the holder lets go; on Windows a real open
handle is used as well."""

from __future__ import annotations

import errno
import functools
import itertools
import os
import threading
import time
from pathlib import Path

import pytest

from client.core import fileio, formpacks
from client.core.errors import UserError
from client.core.fileio import RETRY_DELAYS, atomic_write_bytes, replace_with_retry
from client.core.forms.catalog import FormCatalog


class HeldFile:
    """os.replace onto a file that another program has open: fails with a sharing
    violation for the first `times` calls, then does the real rename."""

    def __init__(self, times: int) -> None:
        self.times = times
        self.calls: list[tuple[str, str]] = []

    def __call__(self, source, target) -> None:
        self.calls.append((str(source), str(target)))
        if len(self.calls) <= self.times:
            raise PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process", str(target))
        os.replace(source, target)


@pytest.fixture
def fast_retries(monkeypatch):
    """The real schedule's length, with pauses a hundred times shorter."""
    monkeypatch.setattr(fileio, "RETRY_DELAYS", tuple(d / 100 for d in RETRY_DELAYS))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_retry_backs_off_and_gives_up_within_two_seconds():
    slept: list[float] = []
    held = HeldFile(times=100)
    with pytest.raises(PermissionError):
        replace_with_retry("a", "b", replace=held, sleep=slept.append)
    assert len(held.calls) == len(RETRY_DELAYS) + 1
    assert slept == list(RETRY_DELAYS)
    assert all(later > earlier for earlier, later in itertools.pairwise(slept))
    assert 0.5 < sum(slept) < 2.0


def test_a_write_succeeds_once_the_holder_lets_go(tmp_path, fast_retries):
    target = tmp_path / "11F.json"
    target.write_bytes(b"old")
    held = HeldFile(times=3)
    atomic_write_bytes(target, b"new", replace=held)
    assert target.read_bytes() == b"new"
    assert len(held.calls) == 4 and {t for _, t in held.calls} == {str(target)}
    assert leftovers(tmp_path) == []


def test_a_hold_longer_than_the_retries_fails_with_a_message_and_keeps_the_old_file(
        tmp_path, fast_retries):
    target = tmp_path / "11F.json"
    target.write_bytes(b"old")
    held = HeldFile(times=1000)
    with pytest.raises(UserError) as failed:
        atomic_write_bytes(target, b"new", replace=held)
    assert len(held.calls) == len(RETRY_DELAYS) + 1
    assert "Kunne ikke skrive" in failed.value.message("nb")
    assert "Ingenting er endret" in failed.value.message("nb")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []  # the temporary file is gone too


def test_other_errors_are_not_retried(tmp_path):
    calls = []

    def disk_full(source, target):
        calls.append(target)
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "status.json"
    target.write_bytes(b"old")
    with pytest.raises(UserError):
        atomic_write_bytes(target, b"new", replace=disk_full)
    assert len(calls) == 1 and target.read_bytes() == b"old"


def _year(folder: Path, content: str) -> Path:
    (folder / "11F").mkdir(parents=True)
    (folder / "11F" / "form.json").write_text(content)
    return folder


def test_the_form_pack_swap_retries_a_held_year_folder(tmp_path, fast_retries):
    target = _year(tmp_path / "forms" / "2027", "old")
    staging = tmp_path / "forms" / ".staging"
    new = _year(staging / "2027", "new")
    held = HeldFile(times=2)  # moving the old year aside is held twice
    formpacks.swap_into_place(new, target, staging, replace=held)
    assert (target / "11F" / "form.json").read_text() == "new"
    assert (staging / "old" / "11F" / "form.json").read_text() == "old"  # removed by the caller
    assert len(held.calls) == 4


def test_a_swap_that_cannot_move_the_old_year_aside_changes_nothing(tmp_path, fast_retries):
    target = _year(tmp_path / "forms" / "2027", "old")
    staging = tmp_path / "forms" / ".staging"
    new = _year(staging / "2027", "new")
    with pytest.raises(PermissionError):
        formpacks.swap_into_place(new, target, staging, replace=HeldFile(times=1000))
    assert (target / "11F" / "form.json").read_text() == "old"
    assert not (staging / "old").exists()


def test_a_swap_that_cannot_move_the_new_year_in_puts_the_old_one_back(tmp_path, fast_retries):
    target = _year(tmp_path / "forms" / "2027", "old")
    staging = tmp_path / "forms" / ".staging"
    new = _year(staging / "2027", "new")
    calls = []

    def new_year_held(source, dest):
        calls.append(Path(source).name)
        if Path(source) == new:
            raise PermissionError(errno.EACCES, "held", str(dest))
        os.replace(source, dest)

    with pytest.raises(PermissionError):
        formpacks.swap_into_place(new, target, staging, replace=new_year_held)
    assert (target / "11F" / "form.json").read_text() == "old"
    # aside once, the new year tried on the full schedule, then the old one moved back
    assert calls == ["2027", *["2027"] * (len(RETRY_DELAYS) + 1), "old"]


def test_installing_a_pack_over_a_held_year_fails_with_a_message_and_changes_nothing(
        tmp_path, monkeypatch, fast_retries):
    from test_formpacks import (
        BUNDLED,
        V1,
        V2,
        forms_for,
        install,
        make_certificate,
        snapshot,
        write_pack,
    )

    publisher = make_certificate("Testutgiver")
    root = tmp_path / "data" / "forms"
    install(write_pack(tmp_path, forms_for(tmp_path, 2027, V1), publisher), root, publisher)
    before = snapshot(root)
    monkeypatch.setattr(formpacks, "swap_into_place",
                        functools.partial(formpacks.swap_into_place, replace=HeldFile(1000)))
    with pytest.raises(formpacks.FormPackError) as refused:
        install(write_pack(tmp_path, forms_for(tmp_path, 2027, V2), publisher), root, publisher)
    assert refused.value.reason == "write_failed"
    message = refused.value.message("nb")
    assert "Kunne ikke installere skjemapakken" in message and "Ingenting er endret" in message
    assert snapshot(root) == before  # the installed year is whole and nothing is left over
    assert FormCatalog([BUNDLED, root]).load("11F", 2027).version == "2027.1.0"


@pytest.mark.skipif(os.name != "nt", reason="only Windows refuses to replace an open file")
def test_a_real_open_handle_on_windows_is_waited_for(tmp_path):
    target = tmp_path / "11F.json"
    target.write_bytes(b"old")
    handle = target.open("rb")  # Python opens without FILE_SHARE_DELETE: replace is refused
    threading.Timer(0.15, handle.close).start()
    started = time.perf_counter()
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and time.perf_counter() - started >= 0.1

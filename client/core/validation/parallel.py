"""The record controls of a large file, run on several processor cores at once.

Every record is checked on its own, so a file of 130 000 records splits into parts that
separate processes check side by side; this process checks one part itself. The findings
come back as the same (control, line, detail) triples a single run gives, in the same
order, so what is reported (and signed) does not depend on how many cores did the work.

Used by the command line (`kostra validate`, `kostra kkp`, `kostra submit`), which runs
one thread. The desktop window does not use it: a process forked beside Qt's threads is
not safe.

Anything that stops the helpers (no processes allowed, a helper killed, a form that no
longer loads) falls back to checking everything here: slower, never a different verdict.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from client.core.validation.engine import FormValidator, ValidationContext

Raw = list[tuple[int, int, Any]]

# Below these many lines a helper costs more than it saves: a forked helper starts in
# about 10 ms, a spawned one (Windows, macOS) imports the client and loads the form first.
MIN_LINES_FORK = 10_000
MIN_LINES_SPAWN = 60_000
MAX_HELPERS = 3
# How many helper processes at most (0: none); IT can set it for shared terminal servers.
ENV_HELPERS = "KOSTRA_HELPERS"

# The helper process's validator, set once by its initializer.
_in_helper: dict[str, FormValidator] = {}


def _start_method() -> str:
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _helpers_allowed() -> int:
    cores = os.cpu_count() or 1
    wanted = min(MAX_HELPERS, cores - 1)
    configured = os.environ.get(ENV_HELPERS, "").strip()
    if configured:
        # Whoever set it meant to limit the helpers: a value that is not a whole number
        # ("off", "-1", "²") means none rather than every core. The findings are the same.
        number = int(configured) if configured.isascii() and configured.isdigit() else 0
        wanted = min(wanted, number)
    return max(0, wanted)


def _init_worker(directory: str, inherited: FormValidator | None) -> None:
    # Ctrl+C reaches the helpers too: the program itself stops and says so; a helper
    # simply ends (an idle one would otherwise print a KeyboardInterrupt traceback).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _end_with(os.getppid())
    if inherited is not None:  # forked: the parent's compiled controls came along
        _in_helper["validator"] = inherited
        return
    from client.core.forms.loader import load_form
    from client.core.validation.engine import FormValidator

    _in_helper["validator"] = FormValidator(load_form(Path(directory)))


def _end_with(parent: int) -> None:
    """End this helper when the program that started it is gone (killed, or its terminal
    closed): a forked helper holds both ends of its work queue, so it would otherwise
    wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kostra-parent-watch", daemon=True).start()


def _run_part(lines: list[str], base: int, args: tuple[Any, ...]) -> Raw:
    return _in_helper["validator"].run_serial(lines, base, args)


class RecordWorkers:
    """Helper processes for one form's record controls; a context manager."""

    def __init__(self, validator: FormValidator, helpers: int | None = None,
                 min_lines: int | None = None, start_method: str | None = None) -> None:
        self.validator = validator
        self.helpers = _helpers_allowed() if helpers is None else helpers
        method = start_method or _start_method()
        self.min_lines = min_lines if min_lines is not None else (
            MIN_LINES_FORK if method == "fork" else MIN_LINES_SPAWN)
        self._method = method
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def __enter__(self) -> RecordWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def fell_back(self) -> bool:
        """True once a helper failed and the work was done here instead."""
        return self._broken

    def wanted(self, count: int) -> bool:
        return self.helpers > 0 and not self._broken and count >= self.min_lines

    def run(self, lines: list[str], base: int, context: ValidationContext) -> Raw:
        """What `validator.run_serial` gives for `lines`, computed in parts."""
        args = context.args()
        if not self.wanted(len(lines)):
            return self._here(lines, base, args)
        parts = self.helpers + 1
        size = -(-len(lines) // parts)
        bounds = [(start, min(start + size, len(lines))) for start in range(0, len(lines), size)]
        try:
            pool = self._ensure_pool()
            futures = [pool.submit(_run_part, lines[a:b], base + a, args) for a, b in bounds[1:]]
        except (OSError, RuntimeError, BrokenProcessPool):
            return self._fall_back(lines, base, args)
        a, b = bounds[0]
        out = self._here(lines[a:b], base + a, args)
        try:
            for future in futures:
                out += future.result()
        except (OSError, RuntimeError, BrokenProcessPool, EOFError):
            return self._fall_back(lines, base, args)
        return out

    def _here(self, lines: list[str], base: int, args: tuple[Any, ...]) -> Raw:
        return self.validator.run_serial(lines, base, args)

    def _fall_back(self, lines: list[str], base: int, args: tuple[Any, ...]) -> Raw:
        self._broken = True
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        return self._here(lines, base, args)

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context(self._method)
            inherited = self.validator if self._method == "fork" else None
            self._pool = ProcessPoolExecutor(
                max_workers=self.helpers,
                mp_context=context,
                initializer=_init_worker,
                initargs=(str(self.validator.form.directory), inherited),
            )
        return self._pool

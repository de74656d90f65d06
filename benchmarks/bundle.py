"""The packaged client's size on disk and its start-to-window time against running from source.

Needs the bundle: tools/build_bundle.sh (or pyinstaller build.spec) first. Measures

  (a) the size of dist/kostra-klient/ on disk (every file once; symbolic links not
      followed), the largest parts, and the number of files; target <= 150 MB
  (b) start to window: from spawning the program until the main window has been shown
      and the event loop has run once (`kostra-klient --exit-when-ready` prints "ready"),
      frozen and from source (`python -m client.gui`), alternating, median of --repeat
      runs after one warm-up of each; target: frozen <= 1.5 x from source
  (c) `kostra --version` frozen and from source, the command line's start

The window uses the X display when DISPLAY is set (run under xvfb-run for a real X
server) and Qt's offscreen platform otherwise.

    .venv/bin/python benchmarks/bundle.py [--repeat 7] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "kostra-klient"
SIZE_TARGET_MB = 150
START_TARGET_RATIO = 1.5


def bundle_size(folder: Path) -> dict:
    total, files, parts = 0, 0, {}
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.lstat().st_size
        total += size
        files += 1
        relative = path.relative_to(folder).parts
        part = "/".join(relative[:2]) if relative[0] == "_internal" and len(relative) > 1 \
            else relative[0]
        parts[part] = parts.get(part, 0) + size
    largest = sorted(parts.items(), key=lambda item: -item[1])[:8]
    return {
        "mb": round(total / 1e6, 1),
        "mib": round(total / 2**20, 1),
        "files": files,
        "largest_mb": {name: round(size / 1e6, 1) for name, size in largest},
    }


def time_until(command: list[str], marker: str | None, env: dict[str, str]) -> float:
    """Seconds from spawning `command` until it prints `marker` (or exits, when None)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, cwd=tempfile.gettempdir())
    assert process.stdout is not None
    if marker is None:
        process.communicate(timeout=60)
        elapsed = time.perf_counter() - started
    else:
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.communicate(timeout=60)
        if marker not in line:
            raise RuntimeError(f"{command[0]} printed {line!r}, not {marker!r}")
    if process.returncode != 0:
        raise RuntimeError(f"{command} exited with {process.returncode}")
    return elapsed


def compare(frozen: list[str], source: list[str], marker: str | None, repeat: int,
            env: dict[str, str]) -> dict:
    time_until(frozen, marker, env)  # warm the file cache for both, then alternate
    time_until(source, marker, env)
    times: dict[str, list[float]] = {"frozen": [], "source": []}
    for _ in range(repeat):
        times["frozen"].append(time_until(frozen, marker, env))
        times["source"].append(time_until(source, marker, env))
    frozen_s = statistics.median(times["frozen"])
    source_s = statistics.median(times["source"])
    return {
        "frozen_s": round(frozen_s, 3),
        "source_s": round(source_s, 3),
        "ratio": round(frozen_s / source_s, 2),
        "runs": {k: [round(t, 3) for t in v] for k, v in times.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures here as well")
    args = parser.parse_args()
    gui, cli = args.bundle / "kostra-klient", args.bundle / "kostra"
    if not gui.exists():
        sys.exit(f"{gui} is missing: run tools/build_bundle.sh first")

    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("PYTHONPATH", "KOSTRA_FORMS_DIR", "KOSTRA_RESOURCES_DIR"):
        env.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="kostra-bench-") as data:
        env["KOSTRA_DATA_DIR"] = data
        source_env = dict(env, PYTHONPATH=str(ROOT))
        results = {
            "size": bundle_size(args.bundle),
            "platform": env.get("QT_QPA_PLATFORM") or "xcb",
            "window": compare([str(gui), "--exit-when-ready"],
                              [sys.executable, "-m", "client.gui", "--exit-when-ready"],
                              "ready", args.repeat, source_env),
            "cli_version": compare([str(cli), "--version"],
                                   [sys.executable, "-m", "client", "--version"],
                                   None, args.repeat, source_env),
        }
    size, window, cli_start = results["size"], results["window"], results["cli_version"]
    print(f"bundle size:     {size['mb']} MB ({size['mib']} MiB, {size['files']} files); "
          f"target <= {SIZE_TARGET_MB} MB: {'ok' if size['mb'] <= SIZE_TARGET_MB else 'OVER'}")
    for name, mb in size["largest_mb"].items():
        print(f"    {mb:7.1f} MB  {name}")
    print(f"start to window ({results['platform']}): frozen {window['frozen_s']:.2f} s, "
          f"from source {window['source_s']:.2f} s, ratio {window['ratio']:.2f}; target <= "
          f"{START_TARGET_RATIO}: {'ok' if window['ratio'] <= START_TARGET_RATIO else 'OVER'}")
    print(f"kostra --version: frozen {cli_start['frozen_s']:.2f} s, "
          f"from source {cli_start['source_s']:.2f} s, ratio {cli_start['ratio']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    ok = size["mb"] <= SIZE_TARGET_MB and window["ratio"] <= START_TARGET_RATIO
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

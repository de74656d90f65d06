#!/bin/sh
# Build the one-folder bundle dist/kostra-klient/ with PyInstaller and run its self-test.
#
#     tools/build_bundle.sh            (from anywhere; uses or creates .venv at the repo root)
#
# Installs the client with the `build` extra (PyInstaller) into .venv, builds from
# build.spec, then runs the frozen programs' self-tests: `kostra selftest` (no window)
# and `kostra-klient --selftest` (forms, examples, signing, receipt and the main window
# offscreen). Exits non-zero if the build or a self-test fails. On Windows run the same
# steps by hand (README, "Bygge pakken") and then installer/kostra-klient.iss.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install --quiet -e '.[build]'
started=$(date +%s)
.venv/bin/pyinstaller build.spec --noconfirm --clean --log-level WARN
built=$(date +%s)
echo "build: $((built - started)) s, $(du -sm dist/kostra-klient | cut -f1) MB in dist/kostra-klient/"
# A clean environment: the frozen programs must not lean on the source tree or the venv.
env -u PYTHONPATH -u KOSTRA_FORMS_DIR -u KOSTRA_RESOURCES_DIR -u VIRTUAL_ENV \
    KOSTRA_DATA_DIR="$(mktemp -d)" sh -c 'cd / &&
    "$0/kostra" selftest && "$0/kostra-klient" --selftest' "$PWD/dist/kostra-klient"

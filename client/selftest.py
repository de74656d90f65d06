r"""`kostra-klient --selftest` and `kostra selftest`: does this installation work, end to end?

Says which data folder the client uses and what chose it (IT's policy among others),
loads every installed form, validates the bundled synthetic examples and compares the
findings with those known, makes a throwaway certificate in a temporary folder,
submits the clean example (signed and encrypted container, PDF receipt), verifies the
container, loads the Norwegian time zone, stores a throwaway secret in the OS
credential store, reads it back and deletes it, and (for `kostra-klient --selftest`)
opens the main window on the real display and closes it: the windows platform and
style on Windows, offscreen only when asked (`--offscreen`) or when there is no display.
One line per check; exit code 0 when all passed, 1 otherwise. Nothing outside the
temporary folder is written but the throwaway secret, which is removed again (and for
the windowed program on Windows, which has no console, its lines: they go to
%TEMP%\kostra-klient-selftest.txt). Run frozen, it proves the bundle holds everything
the client needs; Qt is imported only by the window check.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from client import __version__
from client.core.errors import UserError
from client.core.i18n import DEFAULT_LANGUAGE, Text, tr

REGION = "460100"  # Bergen, the region of the bundled examples
# Each bundled example, its form and year, and the findings it must give:
# (control, severity) -> count. The 11F and 11CF files have errors planted on purpose
# (tools/make_examples.py); the answers of skjema 7, 7B and 12 are clean.
EXPECTED: dict[str, tuple[str, int, dict[tuple[str, str], int]]] = {
    "11F_2026_460100.txt": ("11F", 2026, {
        ("002", "ERROR"): 1, ("05", "ERROR"): 1, ("05A", "ERROR"): 6, ("05B", "ERROR"): 2,
        ("08", "ERROR"): 1, ("K-DATO", "WARNING"): 3,
    }),
    "11CF_2026_460100.txt": ("11CF", 2026, {("05A", "ERROR"): 4, ("K-DATO", "WARNING"): 2}),
    "12_2026_460100.json": ("12", 2026, {}),
    "7_2026_460100.json": ("7", 2026, {}),
    "7B_2026_460100.json": ("7B", 2026, {}),
}
CLEAN_EXAMPLE = "12_2026_460100.json"
LOG_NAME = "kostra-klient-selftest.txt"  # in %TEMP%, when there is no console to print to
# Where a working credential store is part of the platform: its absence is a fault there.
# Elsewhere (a Linux desktop without Secret Service) the client asks for the passphrase.
STORE_REQUIRED = sys.platform in ("win32", "darwin")
# The styles Qt's Windows style plugin gives; without the plugin Qt falls back to fusion.
WINDOWS_STYLES = ("windows11", "windowsvista")
TEST_ORGNR = "974760673"  # a valid organisasjonsnummer for the throwaway certificate


class CheckFailed(Exception):
    """A check did not hold; the message says what was found."""


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class _State:
    """What one check hands the next: the temporary folder, the signer, the container."""

    lang: str
    tmp: Path
    values: dict[str, Any] = field(default_factory=dict)

    def need(self, key: str) -> Any:
        if key not in self.values:
            raise CheckFailed(tr(_TEXT["skipped"], self.lang).format(what=key))
        return self.values[key]


# --- the checks -----------------------------------------------------------------------


def check_data_folder(state: _State) -> str:
    from client.core.workspace import Workspace

    folder = Workspace.from_environment().data_origin  # raises for a policy it cannot use
    assert folder is not None
    source = tr(_TEXT["source:" + folder.source], state.lang).format(where=folder.where)
    from client.core.datadir import write_problem

    problem = write_problem(folder.path)
    if problem is not None:
        raise CheckFailed(tr(_TEXT["data_folder_unwritable"], state.lang).format(
            path=folder.path, source=source, problem=problem))
    state_text = "exists" if folder.path.is_dir() else "new"
    return tr(_TEXT["data_folder"], state.lang).format(
        path=folder.path, source=source, state=tr(_TEXT["folder:" + state_text], state.lang)
    )


def check_forms(state: _State) -> str:
    from client.core.forms.catalog import FormCatalog

    catalog = FormCatalog()
    installed = catalog.installed()
    if not installed:
        raise CheckFailed(tr(_TEXT["no_forms"], state.lang).format(roots=catalog.roots))
    for item in installed:
        catalog.load(item.form_id, item.year)  # raises FormDefinitionError naming the file
    state.values["catalog"] = catalog
    years = catalog.years()
    return tr(_TEXT["forms"], state.lang).format(
        count=len(installed), first=years[0], last=years[-1],
        forms=", ".join(sorted({i.form_id for i in installed})),
    )


def check_examples(state: _State) -> str:
    from client.core.documents import load_document
    from client.core.resources import resources_dir
    from client.core.validation.engine import FormValidator, ValidationContext

    catalog = state.need("catalog")
    folder = resources_dir() / "examples"
    found, wrong = [], []
    for name, (form_id, year, expected) in EXPECTED.items():
        form = catalog.load(form_id, year)
        document = load_document(folder / name, form)
        findings = FormValidator(form).validate(
            document.data, ValidationContext.from_region(REGION, year)
        )
        got = dict(Counter((f.control, f.severity) for f in findings))
        if got != expected:
            wrong.append(f"{name}: {_counts(got)} ≠ {_counts(expected)}")
        found.append(f"{name} ({len(findings)})")
        if name == CLEAN_EXAMPLE and got == expected:
            state.values["document"] = document
    if wrong:
        raise CheckFailed("; ".join(wrong))
    return tr(_TEXT["examples"], state.lang).format(files=", ".join(found))


def check_cores(state: _State) -> str:
    """A large file is checked by helper processes (client.core.validation.parallel): on
    Windows and macOS those are this program started again, which only a complete
    bundle can do. A record example is checked with a helper and alone; both must agree."""
    from client.core.documents import load_document
    from client.core.resources import resources_dir
    from client.core.validation.engine import FormValidator, ValidationContext
    from client.core.validation.parallel import RecordWorkers

    name, (form_id, year, _) = next(
        (name, spec) for name, spec in EXPECTED.items() if name.endswith(".txt"))
    form = state.need("catalog").load(form_id, year)
    records = load_document(resources_dir() / "examples" / name, form).records
    validator = FormValidator(form)
    lines = list(records.lines) * 2  # two parts: one here, one in the helper
    context = ValidationContext.from_region(REGION, year)
    alone = validator.run_serial(lines, 0, context.args())
    with RecordWorkers(validator, helpers=1, min_lines=1) as workers:
        shared = workers.run(lines, 0, context)
        if workers.fell_back:
            raise CheckFailed(tr(_TEXT["cores_fell_back"], state.lang))
    if shared != alone:
        raise CheckFailed(tr(_TEXT["cores_differ"], state.lang))
    return tr(_TEXT["cores"], state.lang).format(cores=os.cpu_count() or 1)


def check_publisher(state: _State) -> str:
    from client.core.formpacks import publisher_certificates

    now = dt.datetime.now(dt.UTC)
    certificates = publisher_certificates()
    valid = [c for c in certificates if c.not_valid_before_utc <= now <= c.not_valid_after_utc]
    if not valid:
        raise CheckFailed(tr(_TEXT["publisher_expired"], state.lang))
    newest = max(valid, key=lambda c: c.not_valid_after_utc)
    return tr(_TEXT["publisher"], state.lang).format(
        subject=newest.subject.rfc4514_string(),
        until=newest.not_valid_after_utc.strftime("%d.%m.%Y"),
    )


def check_certificate(state: _State) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from client.core.submission.keys import Signer, make_self_signed, utc_now

    # Written to and read back from the temporary folder, as a key on disk would be.
    certificate, key = make_self_signed(TEST_ORGNR, "Selvtest kommune", utc_now())
    key_file, cert_file = state.tmp / "selftest-key.pem", state.tmp / "selftest-cert.pem"
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"selvtest"),
    ))
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    loaded_key = serialization.load_pem_private_key(key_file.read_bytes(), b"selvtest")
    loaded = x509.load_pem_x509_certificate(cert_file.read_bytes())
    signer = Signer(loaded, loaded_key)  # type: ignore[arg-type]
    signer.check(utc_now())
    recipient, _ = make_self_signed(TEST_ORGNR, "Selvtest mottaker", utc_now())
    state.values["signer"] = signer
    state.values["recipient"] = recipient
    return tr(_TEXT["certificate"], state.lang).format(subject=signer.name)


def check_submit(state: _State) -> str:
    from client.core.validation.engine import ValidationContext

    try:
        from client.core.submission.submit import submit
    except ImportError:  # a client without the submission module: sign the bytes alone
        return _sign_only(state)
    document = state.need("document")
    signer = state.need("signer")
    out = state.tmp / "out"
    out.mkdir()
    result = submit(document, ValidationContext.from_region(REGION, document.form.year), signer,
                    out, recipient=state.need("recipient"), lang=state.lang)
    state.values["submission"] = result
    return tr(_TEXT["submit"], state.lang).format(
        name=result.container.name, size=result.container.stat().st_size
    )


def _sign_only(state: _State) -> str:
    from client.core.submission.cms import verify_detached

    signer = state.need("signer")
    content = b"KOSTRA-klienten selvtest"
    info = verify_detached(signer.sign(content, dt.datetime.now(dt.UTC)), content)
    return tr(_TEXT["signed"], state.lang).format(subject=info.certificate.subject.rfc4514_string())


def check_receipt(state: _State) -> str:
    result = state.need("submission")
    data = result.receipt.read_bytes()
    if not (data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]):
        raise CheckFailed(tr(_TEXT["not_pdf"], state.lang).format(name=result.receipt.name))
    return tr(_TEXT["receipt"], state.lang).format(name=result.receipt.name, size=len(data))


def check_verify(state: _State) -> str:
    from client.core.submission.keys import certificate_name
    from client.core.submission.verify import verify_file

    result = state.need("submission")
    verdict = verify_file(result.container)
    if not verdict.valid:
        raise CheckFailed("; ".join(p.message(state.lang) for p in verdict.problems))
    if verdict.encryption is None:
        raise CheckFailed(tr(_TEXT["not_encrypted"], state.lang))
    return tr(_TEXT["verified"], state.lang).format(
        name=result.container.name, signer=certificate_name(verdict.certificate),
        files=len(verdict.files),
    )


def check_window(state: _State) -> str:
    chosen: WindowPlatform = state.values.get("platform") or choose_platform(False, os.environ)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = chosen.requested
        app = QApplication(["kostra-klient", "--selftest"])
    used = QApplication.platformName()  # type: ignore[call-arg]
    style = app.style().name()  # type: ignore[attr-defined]
    if used != chosen.expected:
        raise CheckFailed(tr(_TEXT["wrong_platform"], state.lang).format(
            expected=chosen.expected, used=used))
    if used == "windows" and style.lower() not in WINDOWS_STYLES:
        raise CheckFailed(tr(_TEXT["wrong_style"], state.lang).format(style=style))

    from client.gui.app import create_context, create_window

    ctx = create_context(state.tmp / "data", state.lang)
    window: Any = create_window(ctx)
    window.show()
    app.processEvents()
    title = window.windowTitle()
    visible = window.isVisible()
    window.close()
    app.processEvents()
    if not visible:
        raise CheckFailed(tr(_TEXT["no_window"], state.lang))
    how = used
    if chosen.reason == "no_display":
        how = f"{used}: {tr(_TEXT['no_display'], state.lang)}"
    return tr(_TEXT["window"], state.lang).format(title=title, platform=f"{how}, {style}")


def check_timezone(state: _State) -> str:
    from client.core.submission.receipt import oslo_time

    # Mid-winter and mid-summer: standard time and daylight saving time must both be known.
    winter, ok = oslo_time(dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC))
    summer, _ = oslo_time(dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC))
    if not ok:
        raise CheckFailed(tr(_TEXT["no_timezone"], state.lang))
    offsets = (winter.utcoffset(), summer.utcoffset())
    if offsets != (dt.timedelta(hours=1), dt.timedelta(hours=2)):
        raise CheckFailed(tr(_TEXT["wrong_timezone"], state.lang).format(
            winter=winter.strftime("%z"), summer=summer.strftime("%z")))
    return tr(_TEXT["timezone"], state.lang)


def check_credentials(state: _State) -> str:
    import secrets

    from client.core.submission.secrets import KeyringSecretStore, SecretStoreUnavailable

    store = KeyringSecretStore()
    if not store.available:
        if STORE_REQUIRED:
            raise CheckFailed(tr(_TEXT["no_store"], state.lang).format(backend=store.backend_name))
        return tr(_TEXT["no_store_here"], state.lang).format(backend=store.backend_name)
    name = f"selftest-{secrets.token_hex(8)}"  # never the name of a real key's passphrase
    value = secrets.token_urlsafe(24)
    try:
        store.set(name, value)  # reads it back and compares (SecretStoreUnavailable if not)
        kept = store.get(name)
        if kept != value:
            raise CheckFailed(tr(_TEXT["store_wrong"], state.lang).format(
                backend=store.backend_name))
    except SecretStoreUnavailable as exc:
        raise CheckFailed(tr(_TEXT["store_failed"], state.lang).format(problem=exc)) from None
    finally:
        store.delete(name)
    try:
        left = store.get(name)
    except SecretStoreUnavailable:
        left = None
    if left is not None:
        raise CheckFailed(tr(_TEXT["store_kept"], state.lang).format(name=name))
    return tr(_TEXT["store"], state.lang).format(backend=store.backend_name)


@dataclass(frozen=True)
class WindowPlatform:
    """The Qt platform the window check asks for and the one it must get."""

    expected: str  # "windows", "xcb", "cocoa", "offscreen"
    reason: str  # "native", "asked", "environment", "no_display"

    @property
    def requested(self) -> str:
        # Qt tries the platforms in order: when the native plugin cannot load, the check
        # gets offscreen and reports the failure, instead of Qt aborting the process.
        return self.expected if self.expected == "offscreen" else f"{self.expected};offscreen"


def choose_platform(
    offscreen: bool, environ: Mapping[str, str], platform: str = sys.platform
) -> WindowPlatform:
    """The real display unless offscreen is asked for (or QT_QPA_PLATFORM names another),
    or there is no display to open a window on (a Linux server, a build machine)."""
    if offscreen:
        return WindowPlatform("offscreen", "asked")
    if environ.get("QT_QPA_PLATFORM"):
        # "windows:darkmode=2;offscreen": the first platform, without its options
        first = environ["QT_QPA_PLATFORM"].split(";")[0].split(":")[0]
        return WindowPlatform(first, "environment")
    if platform == "win32":
        return WindowPlatform("windows", "native")
    if platform == "darwin":
        return WindowPlatform("cocoa", "native")
    if environ.get("DISPLAY"):
        return WindowPlatform("xcb", "native")  # also XWayland on a Wayland desktop
    if environ.get("WAYLAND_DISPLAY"):
        return WindowPlatform("wayland", "native")
    return WindowPlatform("offscreen", "no_display")


Check = tuple[str, Callable[[_State], str]]
CHECKS: tuple[Check, ...] = (
    ("data_folder", check_data_folder),
    ("forms", check_forms),
    ("examples", check_examples),
    ("publisher", check_publisher),
    ("certificate", check_certificate),
    ("submit", check_submit),
    ("receipt", check_receipt),
    ("verify", check_verify),
    ("timezone", check_timezone),
    ("credentials", check_credentials),
)
WINDOW_CHECK: Check = ("window", check_window)
CORES_CHECK: Check = ("cores", check_cores)


# --- running them ---------------------------------------------------------------------


def run_checks(
    checks: Sequence[Check],
    lang: str = DEFAULT_LANGUAGE,
    out: TextIO | None = None,
    platform: WindowPlatform | None = None,
) -> list[CheckResult]:
    """Run `checks` in order in a fresh temporary folder, printing one line per check."""
    out = out or sys.stdout
    results = []
    with tempfile.TemporaryDirectory(prefix="kostra-selftest-") as tmp:
        state = _State(lang, Path(tmp))
        if platform is not None:
            state.values["platform"] = platform
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail, ok = check(state), True
            except CheckFailed as exc:
                detail, ok = str(exc), False
            except UserError as exc:
                detail, ok = exc.message(lang), False
            except Exception as exc:  # the self-test is there to report exactly these
                detail, ok = f"{type(exc).__name__}: {exc}", False
                if os.environ.get("KOSTRA_DEBUG"):
                    traceback.print_exc()
            result = CheckResult(name, ok, detail, time.perf_counter() - started)
            results.append(result)
            _print(out, _line(result, lang))
    failed = [r.name for r in results if not r.ok]
    if failed:
        _print(out, tr(_TEXT["failed"], lang).format(
            failed=", ".join(tr(_TEXT["name:" + n], lang) for n in failed),
            count=len(failed), total=len(results), version=__version__,
        ))
    else:
        _print(out, tr(_TEXT["passed"], lang).format(total=len(results), version=__version__))
    return results


def selftest(
    *,
    window: bool,
    lang: str = DEFAULT_LANGUAGE,
    out: TextIO | None = None,
    platform: WindowPlatform | None = None,
) -> int:
    # The window never uses helper processes (a process forked beside Qt is not safe).
    checks = (*CHECKS, WINDOW_CHECK) if window else (*CHECKS, CORES_CHECK)
    results = run_checks(checks, lang, out, platform)
    return 0 if all(r.ok for r in results) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """`kostra-klient --selftest [--offscreen] [--lang nb|nn|en]`: every check, the window
    included, on the real display unless --offscreen."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = DEFAULT_LANGUAGE
    if "--lang" in args and args.index("--lang") + 1 < len(args):
        lang = args[args.index("--lang") + 1]
    if lang not in ("nb", "nn", "en"):
        lang = DEFAULT_LANGUAGE
    platform = choose_platform("--offscreen" in args, os.environ)
    if sys.stdout is None:  # the windowed program on Windows: write the lines to a file
        log = Path(tempfile.gettempdir()) / LOG_NAME
        with log.open("w", encoding="utf-8") as out:
            return selftest(window=True, lang=lang, out=out, platform=platform)
    return selftest(window=True, lang=lang, platform=platform)


def _line(result: CheckResult, lang: str) -> str:
    status = "OK  " if result.ok else tr(_TEXT["fail"], lang)
    return f"{status}  {tr(_TEXT['name:' + result.name], lang):<14} {result.detail} " \
           f"({result.seconds:.1f} s)"


def _print(out: TextIO | None, line: str) -> None:
    if out is None:  # a windowed program on Windows has no stdout
        return
    try:
        out.write(line + "\n")
        out.flush()
    except UnicodeEncodeError:  # a console that cannot show æøå
        out.write(line.encode("ascii", "replace").decode("ascii") + "\n")
    except BrokenPipeError:  # `… --selftest | head`: the reader left; the checks go on
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _counts(counts: dict[tuple[str, str], int]) -> str:
    return "{" + ", ".join(f"{c}/{s}: {n}" for (c, s), n in sorted(counts.items())) + "}"


_TEXT: dict[str, Text] = {
    "name:data_folder": {"nb": "datamappe", "nn": "datamappe", "en": "data folder"},
    "name:timezone": {"nb": "tidssone", "nn": "tidssone", "en": "time zone"},
    "name:credentials": {"nb": "passordlager", "nn": "passordlager", "en": "credentials"},
    "name:forms": {"nb": "skjema", "nn": "skjema", "en": "forms"},
    "name:examples": {"nb": "eksempler", "nn": "døme", "en": "examples"},
    "name:cores": {"nb": "kjerner", "nn": "kjernar", "en": "cores"},
    "name:publisher": {"nb": "utgiver", "nn": "utgivar", "en": "publisher"},
    "name:certificate": {"nb": "sertifikat", "nn": "sertifikat", "en": "certificate"},
    "name:submit": {"nb": "innsending", "nn": "innsending", "en": "submission"},
    "name:receipt": {"nb": "kvittering", "nn": "kvittering", "en": "receipt"},
    "name:verify": {"nb": "verifisering", "nn": "verifisering", "en": "verification"},
    "name:window": {"nb": "vindu", "nn": "vindauge", "en": "window"},
    "fail": {"nb": "FEIL", "nn": "FEIL", "en": "FAIL"},
    "skipped": {
        "nb": "ikke kjørt: en tidligere kontroll feilet ({what})",
        "nn": "ikkje køyrd: ein tidlegare kontroll feila ({what})",
        "en": "not run: an earlier check failed ({what})",
    },
    "no_forms": {
        "nb": "ingen skjema er installert (lette i {roots})",
        "nn": "ingen skjema er installerte (leita i {roots})",
        "en": "no forms are installed (looked in {roots})",
    },
    "forms": {
        "nb": "{count} skjemadefinisjoner lastet ({forms}; {first}–{last})",
        "nn": "{count} skjemadefinisjonar lasta ({forms}; {first}–{last})",
        "en": "{count} form definitions loaded ({forms}; {first}–{last})",
    },
    "cores": {
        "nb": "en hjelpeprosess kontrollerer som denne ({cores} kjerner på maskinen)",
        "nn": "ein hjelpeprosess kontrollerer som denne ({cores} kjernar på maskina)",
        "en": "a helper process checks as this one does ({cores} cores on the machine)",
    },
    "cores_fell_back": {
        "nb": "hjelpeprosessen startet ikke; store filer kontrolleres på én kjerne (tregere, "
        "samme resultat). Installer klienten på nytt hvis feilen vedvarer.",
        "nn": "hjelpeprosessen starta ikkje; store filer blir kontrollerte på éin kjerne "
        "(tregare, same resultat). Installer klienten på nytt om feilen held fram.",
        "en": "the helper process did not start; large files are checked on one core "
        "(slower, the same result). Reinstall the client if this persists.",
    },
    "cores_differ": {
        "nb": "hjelpeprosessen ga andre funn enn denne prosessen. Meld feilen til brukerstøtte.",
        "nn": "hjelpeprosessen gav andre funn enn denne prosessen. Meld feilen til brukarstøtte.",
        "en": "the helper process gave other findings than this process. Report it to support.",
    },
    "examples": {
        "nb": "funn som ventet: {files}",
        "nn": "funn som venta: {files}",
        "en": "findings as expected: {files}",
    },
    "publisher": {
        "nb": "{subject}, gyldig til {until}",
        "nn": "{subject}, gyldig til {until}",
        "en": "{subject}, valid until {until}",
    },
    "publisher_expired": {
        "nb": "utgiverens sertifikat er utløpt; skjemapakker kan ikke installeres",
        "nn": "sertifikatet til utgivaren er gått ut; skjemapakker kan ikkje installerast",
        "en": "the publisher's certificate has expired; form packs cannot be installed",
    },
    "certificate": {
        "nb": "midlertidig selvsignert sertifikat laget: {subject}",
        "nn": "mellombels sjølvsignert sertifikat laga: {subject}",
        "en": "throwaway self-signed certificate made: {subject}",
    },
    "submit": {
        "nb": "{name} signert og kryptert ({size} byte)",
        "nn": "{name} signert og kryptert ({size} byte)",
        "en": "{name} signed and encrypted ({size} bytes)",
    },
    "signed": {
        "nb": "signatur laget og kontrollert ({subject})",
        "nn": "signatur laga og kontrollert ({subject})",
        "en": "signature made and checked ({subject})",
    },
    "not_pdf": {
        "nb": "{name} er ikke en hel PDF-fil",
        "nn": "{name} er ikkje ei heil PDF-fil",
        "en": "{name} is not a complete PDF file",
    },
    "receipt": {
        "nb": "{name} skrevet ({size} byte)",
        "nn": "{name} skriven ({size} byte)",
        "en": "{name} written ({size} bytes)",
    },
    "not_encrypted": {
        "nb": "containeren er ikke kryptert",
        "nn": "containeren er ikkje kryptert",
        "en": "the container is not encrypted",
    },
    "verified": {
        "nb": "{name} er gyldig, signert av {signer}, {files} filer",
        "nn": "{name} er gyldig, signert av {signer}, {files} filer",
        "en": "{name} is valid, signed by {signer}, {files} files",
    },
    "no_window": {
        "nb": "hovedvinduet ble ikke vist",
        "nn": "hovudvindauget vart ikkje vist",
        "en": "the main window was not shown",
    },
    "window": {
        "nb": "hovedvinduet «{title}» åpnet og lukket ({platform})",
        "nn": "hovudvindauget «{title}» opna og lukka ({platform})",
        "en": "main window «{title}» opened and closed ({platform})",
    },
    "data_folder": {
        "nb": "{path} ({source}; {state})",
        "nn": "{path} ({source}; {state})",
        "en": "{path} ({source}; {state})",
    },
    "data_folder_unwritable": {
        "nb": "{path} ({source}) kan ikke skrives til ({problem}); utkast og nøkkel kan ikke "
        "lagres. Velg en mappe brukeren kan skrive i",
        "nn": "{path} ({source}) kan ikkje skrivast til ({problem}); utkast og nøkkel kan ikkje "
        "lagrast. Vel ei mappe brukaren kan skrive i",
        "en": "{path} ({source}) cannot be written to ({problem}); drafts and the key cannot "
        "be saved. Choose a folder the user can write to",
    },
    "source:command line": {"nb": "valgt med {where}", "nn": "vald med {where}",
                            "en": "chosen by {where}"},
    "source:environment": {"nb": "valgt med {where}", "nn": "vald med {where}",
                           "en": "chosen by {where}"},
    "source:policy": {"nb": "IT-innstilling {where}", "nn": "IT-innstilling {where}",
                      "en": "IT's setting {where}"},
    "source:default": {"nb": "brukerens standardmappe", "nn": "standardmappa til brukaren",
                       "en": "the user's default folder"},
    "folder:exists": {"nb": "finnes", "nn": "finst", "en": "exists"},
    "folder:new": {"nb": "lages ved første lagring", "nn": "blir laga ved første lagring",
                   "en": "made at the first save"},
    "timezone": {
        "nb": "Europe/Oslo lastet (+01:00 om vinteren, +02:00 om sommeren)",
        "nn": "Europe/Oslo lasta (+01:00 om vinteren, +02:00 om sommaren)",
        "en": "Europe/Oslo loaded (+01:00 in winter, +02:00 in summer)",
    },
    "no_timezone": {
        "nb": "tidssonen Europe/Oslo finnes ikke (tzdata mangler); kvitteringen ville vist "
        "tiden i UTC",
        "nn": "tidssona Europe/Oslo finst ikkje (tzdata manglar); kvitteringa ville vist "
        "tida i UTC",
        "en": "the time zone Europe/Oslo is missing (no tzdata); the receipt would show UTC",
    },
    "wrong_timezone": {
        "nb": "Europe/Oslo gir {winter} om vinteren og {summer} om sommeren, ikke +0100 og +0200",
        "nn": "Europe/Oslo gir {winter} om vinteren og {summer} om sommaren, ikkje +0100 og +0200",
        "en": "Europe/Oslo gives {winter} in winter and {summer} in summer, not +0100 and +0200",
    },
    "store": {
        "nb": "en midlertidig hemmelighet lagret, lest tilbake og slettet ({backend})",
        "nn": "ein mellombels løyndom lagra, lesen attende og sletta ({backend})",
        "en": "a throwaway secret stored, read back and deleted ({backend})",
    },
    "no_store": {
        "nb": "operativsystemets passordlager kan ikke brukes ({backend})",
        "nn": "passordlageret i operativsystemet kan ikkje brukast ({backend})",
        "en": "the operating system's credential store cannot be used ({backend})",
    },
    "no_store_here": {
        "nb": "intet passordlager på denne maskinen ({backend}); brukeren blir spurt om "
        "nøkkelens passord hver gang",
        "nn": "ikkje noko passordlager på denne maskina ({backend}); brukaren blir spurd om "
        "passordet til nøkkelen kvar gong",
        "en": "no credential store on this machine ({backend}); the user is asked for the "
        "key's passphrase every time",
    },
    "store_wrong": {
        "nb": "passordlageret ga tilbake noe annet enn det fikk ({backend})",
        "nn": "passordlageret gav attende noko anna enn det fekk ({backend})",
        "en": "the credential store gave back something other than it was given ({backend})",
    },
    "store_failed": {
        "nb": "passordlageret virker ikke: {problem}",
        "nn": "passordlageret verkar ikkje: {problem}",
        "en": "the credential store does not work: {problem}",
    },
    "store_kept": {
        "nb": "den midlertidige hemmeligheten {name} kunne ikke slettes fra passordlageret",
        "nn": "den mellombelse løyndomen {name} kunne ikkje slettast frå passordlageret",
        "en": "the throwaway secret {name} could not be deleted from the credential store",
    },
    "wrong_platform": {
        "nb": "Qt-plattformen «{expected}» kunne ikke lastes (Qt brukte «{used}»); "
        "installasjonen mangler en fil, installer på nytt",
        "nn": "Qt-plattforma «{expected}» kunne ikkje lastast (Qt brukte «{used}»); "
        "installasjonen manglar ei fil, installer på nytt",
        "en": "the Qt platform \"{expected}\" could not be loaded (Qt used \"{used}\"); "
        "the installation lacks a file, reinstall it",
    },
    "wrong_style": {
        "nb": "Windows-stilen mangler (Qt brukte «{style}»); installasjonen mangler "
        "styles\\qmodernwindowsstyle.dll",
        "nn": "Windows-stilen manglar (Qt brukte «{style}»); installasjonen manglar "
        "styles\\qmodernwindowsstyle.dll",
        "en": "the Windows style is missing (Qt used \"{style}\"); the installation lacks "
        "styles\\qmodernwindowsstyle.dll",
    },
    "no_display": {"nb": "ingen skjerm", "nn": "ingen skjerm", "en": "no display"},
    "passed": {
        "nb": "Selvtest bestått: alle {total} kontroller OK (KOSTRA-klienten {version}).",
        "nn": "Sjølvtest greidd: alle {total} kontrollane OK (KOSTRA-klienten {version}).",
        "en": "Self-test passed: all {total} checks OK (KOSTRA-klienten {version}).",
    },
    "failed": {
        "nb": "Selvtest feilet: {count} av {total} kontroller feilet ({failed}) "
        "(KOSTRA-klienten {version}). Send utskriften til brukerstøtte.",
        "nn": "Sjølvtest feila: {count} av {total} kontrollar feila ({failed}) "
        "(KOSTRA-klienten {version}). Send utskrifta til brukarstøtte.",
        "en": "Self-test failed: {count} of {total} checks failed ({failed}) "
        "(KOSTRA-klienten {version}). Send this output to support.",
    },
}

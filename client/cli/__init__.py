"""The `kostra` command line: one face of the core, as the desktop window is the other.

Each subcommand lives in its own module with a `register(subparsers)` that adds
its parser and sets `run(args) -> int`. Errors a user can meet end as a message
on stderr and exit code 2 (1 when the error is a verdict on the data, such as a
form that may not be submitted), never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from client import __version__
from client.core.errors import UserError
from client.core.i18n import DEFAULT_LANGUAGE, LANGUAGES

# Subcommand modules in the order `kostra --help` lists them.
COMMANDS = ("validate", "kkp", "forms", "keys", "submit", "verify", "selftest")

EXIT_OK, EXIT_USAGE = 0, 2  # 1 (findings) is each command's own verdict


# argparse's own messages, in the user's language (argparse words them in English).
_ARGPARSE: tuple[tuple[str, dict[str, str]], ...] = (
    (r"the following arguments are required: (?P<x>.*)", {
        "nb": "dette må oppgis: {x}", "nn": "dette må oppgjevast: {x}",
        "en": "the following arguments are required: {x}"}),
    (r"unrecognized arguments: (?P<x>.*)", {
        "nb": "ukjente argumenter: {x}", "nn": "ukjende argument: {x}",
        "en": "unrecognized arguments: {x}"}),
    (r"argument (?P<a>\S+): expected one argument", {
        "nb": "{a} mangler verdien sin", "nn": "{a} manglar verdien sin",
        "en": "{a} expects a value"}),
    (r"argument (?P<a>\S+): invalid int value: (?P<x>.*)", {
        "nb": "{a} skal være et heltall, ikke {x}", "nn": "{a} skal vere eit heiltal, ikkje {x}",
        "en": "{a} must be a whole number, not {x}"}),
    (r"argument (?P<a>\S+): invalid choice: (?P<x>\S+) \(choose from (?P<c>.*)\)", {
        "nb": "{a}: {x} er ikke et av valgene ({c})", "nn": "{a}: {x} er ikkje eitt av vala ({c})",
        "en": "{a}: {x} is not one of the choices ({c})"}),
)
_USAGE_HINT = {
    "nb": "{prog}: feil bruk: {message}. Se «{prog} --help».",
    "nn": "{prog}: feil bruk: {message}. Sjå «{prog} --help».",
    "en": "{prog}: usage error: {message}. See «{prog} --help».",
}


def _language_asked(argv: Sequence[str]) -> str:
    """--lang as given on the command line, before argparse has read it (for its errors)."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors in the user's language (exit code 2, no traceback)."""

    argv: Sequence[str] = ()  # the arguments main() parses, to find --lang in

    def error(self, message: str) -> NoReturn:
        import re

        lang = _language_asked(_Parser.argv)
        for pattern, texts in _ARGPARSE:
            match = re.fullmatch(pattern, message)
            if match:
                message = texts[lang].format(**match.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _USAGE_HINT[lang].format(prog=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kostra",
        description="KOSTRA-klienten: kontroller og send inn KOSTRA-skjema for sosiale tjenester.",
    )
    parser.add_argument("--version", action="version", version=f"kostra {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="språk for meldinger: nb (bokmål, standard), nn (nynorsk) eller en (English)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"client.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"client.cli.{name}":
                raise
            continue  # a subcommand not built yet
        module.register(subparsers)
    # `--lang` is accepted after the subcommand too (`kostra validate … --lang en`);
    # SUPPRESS keeps a subcommand from overwriting a --lang given before it.
    _accept_lang(subparsers)
    return parser


def _accept_lang(subparsers: argparse._SubParsersAction) -> None:
    for subparser in subparsers.choices.values():
        subparser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                               help="språk for meldinger: nb, nn eller en")
        for action in subparser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_lang(action)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A helper process of a large file's check (client.core.validation.parallel) is
        # this same program started again on Windows and macOS: let it do that work.
        import multiprocessing

        multiprocessing.freeze_support()
    parser = build_parser()
    _Parser.argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except UserError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`kostra validate … | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except MemoryError:
        print(_NO_MEMORY[args.lang], file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: say so plainly, without a traceback or personal data
        if os.environ.get("KOSTRA_DEBUG"):
            raise
        print(_BUG[args.lang].format(kind=type(exc).__name__), file=sys.stderr)
        return EXIT_USAGE


_NO_MEMORY = {
    "nb": "Det var ikke nok minne til å lese filen. Sjekk at det er riktig fil.",
    "nn": "Det var ikkje nok minne til å lese fila. Sjekk at det er rett fil.",
    "en": "There was not enough memory to read the file. Check that it is the right file.",
}
_BUG = {
    "nb": "Intern feil i KOSTRA-klienten ({kind}). Ingen filer er endret. "
    "Kjør med KOSTRA_DEBUG=1 for detaljer og meld feilen til brukerstøtte.",
    "nn": "Intern feil i KOSTRA-klienten ({kind}). Ingen filer er endra. "
    "Køyr med KOSTRA_DEBUG=1 for detaljar og meld feilen til brukarstøtte.",
    "en": "Internal error in KOSTRA-klienten ({kind}). No files were changed. "
    "Run with KOSTRA_DEBUG=1 for details and report it to support.",
}

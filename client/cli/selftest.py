"""`kostra selftest`: the installation's self-test without the window (see client.selftest)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "selftest",
        help="kontroller at installasjonen virker (skjema, eksempler, signering, kvittering)",
        description="Viser datamappen og hva som valgte den, laster alle skjema, kontrollerer "
        "eksempelfilene, signerer og verifiserer en innsending med et midlertidig sertifikat, "
        "skriver en kvittering, laster tidssonen Europe/Oslo og lagrer, leser og sletter en "
        "midlertidig hemmelighet i operativsystemets passordlager. Én linje per kontroll; "
        "kode 0 når alt virker, 1 ellers.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from client.selftest import selftest

    return selftest(window=False, lang=args.lang)

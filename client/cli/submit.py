"""`kostra submit`: check a form, sign it, and write the ASiC-E container and its receipt."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from client.cli.common import (
    add_form_arguments,
    add_last_year_argument,
    add_with_argument,
    check_last_year_for_records,
    check_last_year_given,
    load_input,
    load_others,
    print_region_notes,
)
from client.cli.keys import add_key_arguments, open_store
from client.core.documents import FormDocument
from client.core.errors import UserError
from client.core.i18n import Text, format_int, tr

if TYPE_CHECKING:
    from client.core.validation.engine import FormValidator, ValidationContext

_TEXT: dict[str, Text] = {
    "bad_explanations": {
        "nb": "{path} er ikke en gyldig forklaringsfil: {reason}. Filen skal være et JSON-objekt "
        "med referansen til advarselen som nøkkel og forklaringen som tekst, for eksempel "
        '{{"30:12:BIDRAG": "Engangsutbetaling etter brann"}}.',
        "nn": "{path} er ikkje ei gyldig forklaringsfil: {reason}. Fila skal vere eit JSON-objekt "
        "med referansen til åtvaringa som nøkkel og forklaringa som tekst, til dømes "
        '{{"30:12:BIDRAG": "Eingongsutbetaling etter brann"}}.',
        "en": "{path} is not a valid explanations file: {reason}. It must be a JSON object with "
        "the warning's reference as key and the explanation as text, for example "
        '{{"30:12:BIDRAG": "One-off payment after a fire"}}.',
    },
    "done": {
        "nb": "Skjema {form} {year} for region {region} er signert{encrypted}.",
        "nn": "Skjema {form} {year} for region {region} er signert{encrypted}.",
        "en": "Form {form} {year} for region {region} is signed{encrypted}.",
    },
    "encrypted": {
        "nb": " og kryptert til SSB",
        "nn": " og kryptert til SSB",
        "en": " and encrypted to SSB",
    },
    "records": {"nb": "Poster: {count}", "nn": "Postar: {count}", "en": "Records: {count}"},
    "container": {
        "nb": "Innsendingsfil: {path}",
        "nn": "Innsendingsfil: {path}",
        "en": "Submission file: {path}",
    },
    "receipt": {"nb": "Kvittering: {path}", "nn": "Kvittering: {path}", "en": "Receipt: {path}"},
    "sha256": {"nb": "SHA-256: {digest}", "nn": "SHA-256: {digest}", "en": "SHA-256: {digest}"},
    "replaces": {
        "nb": "Erstatter: {name}",
        "nn": "Erstattar: {name}",
        "en": "Replaces: {name}",
    },
    "no_file": {
        "nb": "Oppgi filen som skal sendes inn, eller --nothing-to-report når kommunen ikke har "
        "noe å rapportere.",
        "nn": "Oppgi fila som skal sendast inn, eller --nothing-to-report når kommunen ikkje har "
        "noko å rapportere.",
        "en": "Give the file to submit, or --nothing-to-report when the municipality has "
        "nothing to report.",
    },
    "nothing_questionnaire": {
        "nb": "--nothing-to-report gjelder bare postskjema (11F, 11CF).",
        "nn": "--nothing-to-report gjeld berre postskjema (11F, 11CF).",
        "en": "--nothing-to-report applies to record forms (11F, 11CF) only.",
    },
    "last_year_nothing": {
        "nb": "--last-year kan ikke brukes når kommunen ikke har noe å rapportere i år: det er "
        "ingen poster å sammenligne med fjorårets. Send uten --last-year.",
        "nn": "--last-year kan ikkje brukast når kommunen ikkje har noko å rapportere i år: det "
        "er ingen postar å samanlikne med fjorårets. Send utan --last-year.",
        "en": "--last-year cannot be used when the municipality has nothing to report this "
        "year: there are no records to compare with last year's. Submit without --last-year.",
    },
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "submit",
        help="signer skjemaet og lag innsendingsfil (ASiC-E) og kvittering (PDF)",
        description="Kontrollerer skjemaet og, når det ikke har kritiske feil eller feil og alle "
        "advarsler er forklart, lager en signert innsendingsfil (ASiC-E) og en PDF-kvittering "
        "i mappen --out. Ellers skrives ingenting, og meldingen sier hva som stopper "
        "innsendingen.",
    )
    add_form_arguments(parser, file_optional=True)
    parser.add_argument(
        "--nothing-to-report",
        action="store_true",
        help="kommunen har ikke noe å rapportere: send SSBs tomme leveranse (ett mellomrom); "
        "FIL kan da utelates",
    )
    parser.add_argument(
        "--explanations",
        type=Path,
        metavar="FIL.json",
        help='forklaringer på advarsler: {"30:12:BIDRAG": "forklaring", …}',
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="MAPPE",
        help="mappen innsendingsfilen og kvitteringen skrives til",
    )
    parser.add_argument(
        "--encrypt-to",
        type=Path,
        metavar="SERTIFIKAT",
        help="krypter datafilene til dette sertifikatet (standard: SSBs sertifikat fra "
        "«kostra keys ssb-cert», om det er satt opp)",
    )
    add_last_year_argument(parser)
    add_with_argument(parser)
    add_key_arguments(parser)
    parser.set_defaults(run=run)


def read_explanations(path: Path) -> dict[str, str]:
    shown = str(path)
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise UserError(_TEXT["bad_explanations"], path=shown, reason=exc.strerror) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = getattr(exc, "msg", "ikke UTF-8")
        raise UserError(_TEXT["bad_explanations"], path=shown, reason=reason) from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise UserError(_TEXT["bad_explanations"], path=shown, reason="ikke et objekt med tekster")
    return data


def _document(args: argparse.Namespace) -> FormDocument:
    if args.file is not None:
        return load_input(args)
    if not args.nothing_to_report:
        raise UserError(_TEXT["no_file"])
    from client.cli.common import resolve_form
    from client.core.forms.catalog import FormCatalog
    from client.core.records.recordset import RecordSet

    form = resolve_form(FormCatalog(), args.form, args.year)
    if not form.is_record_form:
        raise UserError(_TEXT["nothing_questionnaire"])
    return FormDocument(form, records=RecordSet(form, nil_marker=True))


def _check_last_year_applies(args: argparse.Namespace, document: FormDocument) -> None:
    """A --last-year that would not be used is refused, not quietly left out: the user
    asked for last year's controls on what is signed."""
    check_last_year_for_records(args, document.form)
    if args.nothing_to_report or (document.records is not None and document.records.nil_marker):
        raise UserError(_TEXT["last_year_nothing"])


def run(args: argparse.Namespace) -> int:
    from client.core.validation.engine import FormValidator, ValidationContext
    from client.core.validation.parallel import RecordWorkers

    check_last_year_given(args)
    document = _document(args)
    if args.last_year:
        _check_last_year_applies(args, document)
    if args.explanations is not None:
        document.explanations.update(read_explanations(args.explanations))
    form = document.form
    context = ValidationContext.from_region(
        args.region, form.year, nothing_to_report=args.nothing_to_report
    )
    print_region_notes(args.region, form.year, args.lang)
    validator = FormValidator(form)
    with RecordWorkers(validator) as workers:  # a large file is checked on every core
        validator.workers = workers
        return _check_and_sign(args, document, context, validator)


def _check_and_sign(args: argparse.Namespace, document: FormDocument,
                    context: ValidationContext, validator: FormValidator) -> int:
    from client.core.submission.keys import load_encryption_certificate, utc_now
    from client.core.submission.submit import check_ready, submit

    form = document.form
    others = load_others(args, form, context.kommunenummer)  # refuses what is unused
    # Say what blocks the form before asking for a passphrase; submit() checks again.
    findings = validator.validate(document.data, context)
    if others:
        from client.core.validation.crossforms import cross_findings

        findings += cross_findings(form, document.answers or {}, others, context)
    last = None
    if args.last_year and document.records is not None:  # refused otherwise, in run()
        from client.core.baseline import compare, load_last_year

        last = load_last_year(args.last_year, form.form_id, form.year,
                              kommunenummer=context.kommunenummer)
        if not any(f.severity == "FATAL" for f in findings):
            findings += compare(validator, document.records, last, context)[1]
    check_ready(findings, document.explanations)
    store = open_store(args)
    signer = store.signer()
    if args.encrypt_to is not None:
        recipient = load_encryption_certificate(args.encrypt_to, utc_now())
    else:
        recipient = store.ssb_certificate()
    from client.core.submission.archive import earlier as earlier_submission
    from client.core.workspace import Workspace

    data_dir = Workspace.from_environment().data_dir
    # A form submitted before (to the same folder, else in the archive): the new one says
    # which it replaces, and a copy of the new one is kept in the archive.
    earlier = earlier_submission(args.out, data_dir, context.region, form.form_id, form.year)
    result = submit(
        document,
        context,
        signer,
        args.out,
        recipient=recipient,
        lang=args.lang,
        validator=validator,
        others=others,
        replaces=(earlier.name, earlier.sha256) if earlier else None,
        data_dir=data_dir,
        last_year=last,
    )

    def t(key: str, **params: object) -> str:
        return tr(_TEXT[key], args.lang).format(**params)

    encrypted = t("encrypted") if result.encrypted else ""
    print(t("done", form=form.form_id, year=form.year, region=context.region, encrypted=encrypted))
    if result.record_count is not None:
        print(t("records", count=format_int(result.record_count)))
    print(t("container", path=result.container))
    print(t("receipt", path=result.receipt))
    print(t("sha256", digest=result.sha256))
    if earlier is not None:
        print(t("replaces", name=earlier.name))
    return 0

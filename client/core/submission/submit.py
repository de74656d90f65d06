"""Submitting a form: check it may go, build the signed (and, when SSB's certificate is
set up, encrypted) ASiC-E container and its PDF receipt, and write both, or nothing.

The command line and the desktop window's "Send inn" call `submit` alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509

from client import __version__
from client.core.documents import FormDocument
from client.core.errors import UserError
from client.core.fileio import atomic_write_bytes
from client.core.i18n import DEFAULT_LANGUAGE, Text
from client.core.readiness import Readiness, assess
from client.core.records.fixedwidth import encode_records
from client.core.records.recordset import RecordSet
from client.core.reports.html import document_report
from client.core.statistics import compute_statistics
from client.core.submission.cms import encrypt_to
from client.core.submission.container import (
    DataObject,
    Encryption,
    Manifest,
    build_container,
)
from client.core.submission.content import compute_totals, form_data_json
from client.core.submission.errors import OutputError, SubmissionBlocked, WrongUnit
from client.core.submission.keys import Signer, fingerprint, is_self_signed, name_text, utc_now
from client.core.submission.receipt import ReceiptData, render_receipt
from client.core.validation.engine import FormValidator, ValidationContext
from client.core.validation.findings import Finding, sort_findings, summarize

if TYPE_CHECKING:
    from client.core.baseline import LastYear

FORM_JSON = "skjema.json"
REPORT_HTML = "kontrollrapport.html"  # the control report, as `kostra validate --format html`
ENCRYPTED_MIME = "application/pkcs7-mime"


@dataclass(frozen=True)
class SubmissionResult:
    container: Path
    receipt: Path
    sha256: str  # of the container, hex
    signed_at: dt.datetime
    findings: tuple[Finding, ...]
    record_count: int | None
    encrypted: bool
    archived: Path | None = None  # the copy in the archive; None when none was made


def container_name(
    region: str, form_id: str, year: int, when: dt.datetime, bydeler: int = 0
) -> str:
    """<region>_<form>_<year>_<UTC>.asice; a file of several bydeler (Oslo reporting for
    the whole kommune) says so: 0301-flere-bydeler_11F_2026_….asice."""
    stamp = when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    if bydeler > 1:
        region = f"{region[:4]}-flere-bydeler"
    return f"{region}_{form_id}_{year}_{stamp}.asice"


def bydeler_in(document: FormDocument) -> set[str]:
    """The distinct bydeler of a record form's records (the form's identity names the field)."""
    records = document.records
    name = document.form.identity.bydel
    if records is None or name is None:
        return set()
    found = {records.value(i, name) for i in range(len(records))
             if len(records.lines[i]) == records.record_length}
    found.discard("")
    return found


def check_unit(signer: Signer, context: ValidationContext, year: int) -> tuple[str | None, bool]:
    """The reporting kommune's name and whether the signer signs on its behalf. Raises
    WrongUnit, and nothing is signed, when the certificate is another kommune's. A region
    that is no kommune of the year is named by `kostra validate` and `kostra submit`;
    SSB's own program takes the region as given, and so does the signature."""
    from client.core.kommuner import kommune_list, signer_relation

    kommuner = kommune_list(year)
    unit = kommuner.get(context.kommunenummer) if kommuner else None
    relation = signer_relation(signer.orgnr, signer.name, context.kommunenummer, year)
    unit_name = None
    if unit is not None:
        unit_name = unit.navn.split(" - ")[0] + " kommune"
        if context.bydel != "00" and context.bydel in unit.bydeler:
            unit_name += f", bydel {unit.bydeler[context.bydel]}"
    if relation.relation == "other":
        assert relation.other is not None
        raise WrongUnit(
            _TEXT["other_kommune"],
            signer=signer.name,
            other=relation.other.navn,
            other_nummer=relation.other.nummer,
            unit=unit_name or context.kommunenummer,
            region=context.region,
        )
    return unit_name, relation.relation == "behalf"


def receipt_name(container: str) -> str:
    return container.removesuffix(".asice") + "_kvittering.pdf"


def check_ready(findings: list[Finding], explanations: dict[str, str]) -> Readiness:
    """Raise SubmissionBlocked, which names the blocking findings and unexplained
    warnings, unless SSB would take the form as it is."""
    readiness = assess(findings, explanations)
    if not readiness.ready:
        raise SubmissionBlocked(readiness)
    return readiness


def submit(
    document: FormDocument,
    context: ValidationContext,
    signer: Signer,
    out_dir: Path,
    *,
    recipient: x509.Certificate | None = None,
    lang: str = DEFAULT_LANGUAGE,
    clock: Callable[[], dt.datetime] = utc_now,
    validator: FormValidator | None = None,
    others: Mapping[str, RecordSet] | None = None,
    replaces: tuple[str, str] | None = None,
    data_dir: Path | None = None,
    last_year: LastYear | None = None,
) -> SubmissionResult:
    """Validate `document`, and when nothing blocks it write `<region>_<form>_<year>_<UTC>.asice`
    and its receipt to `out_dir`. Raises SubmissionBlocked (nothing written),
    CertificateProblem, OutputError or another UserError; never leaves half a file,
    and never touches the document's own file. With `context.nothing_to_report` the data
    file is SSB's nil delivery (one space) and the receipt says there was nothing to
    report; `replaces` ((file name, SHA-256) of an earlier submission of the same form)
    is named in the form data and on the receipt. With `data_dir` (the user's data folder)
    a copy of both files is kept in its archive when `out_dir` is another folder, so that
    the next submission and next year's comparison find it. With `last_year` (a record
    form's delivery last year) the form's last-year controls run here, on what is signed,
    and the report inside the container shows both years' statistics."""
    form = document.form
    now = clock().astimezone(dt.UTC).replace(microsecond=0)
    signer.check(now)
    unit_name, on_behalf = check_unit(signer, context, form.year)
    out_dir = _check_out_dir(Path(out_dir))
    validator = validator or FormValidator(form)
    findings, last_year = _checked(validator, document, context, others, last_year)
    check_ready(findings, document.explanations)

    region = context.region
    orgnr = signer.orgnr or ""
    totals = compute_totals(form, document.data)
    data_files: list[tuple[str, str, bytes]] = []
    record_file = None
    record_count = None
    if document.records is not None:
        record_bytes = encode_records(document.records)
        record_count = len(document.records)
        record_file = {
            "name": f"{form.form_id}_{form.year}_{region}.txt",
            "sha256": hashlib.sha256(record_bytes).hexdigest(),
            "records": record_count,
            "encoding": (
                document.records.source.encoding if document.records.source else "iso-8859-1"
            ),
        }
    form_json = form_data_json(
        document,
        region=region,
        orgnr=orgnr,
        organisation=signer.name,
        created=now,
        findings=findings,
        totals=totals,
        record_file=record_file,
        nothing_to_report=context.nothing_to_report,
        replaces={"file": replaces[0], "sha256": replaces[1]} if replaces else None,
    )
    data_files.append((FORM_JSON, "application/json", form_json))
    if record_file is not None:
        data_files.append((record_file["name"], "text/plain", record_bytes))
    # The report of exactly the run that cleared the form, beside the data it describes.
    data_files.append(_report_file(document, region, findings, record_file, signer.name, now,
                                   last_year))

    encryption = None
    if recipient is not None:
        encryption = Encryption(name_text(recipient.subject), fingerprint(recipient))
        data_files = [
            (name + ".p7m", ENCRYPTED_MIME, encrypt_to(data, recipient))
            for name, _mime, data in data_files
        ]
    facts = {
        "form": form.form_id,
        "year": str(form.year),
        "region": region,
        "orgnr": orgnr,
        "organisation": signer.name,
        "created": now.isoformat().replace("+00:00", "Z"),
        "client": __version__,
        "definitionVersion": form.version,
        "definitionSha256": form.sha256,
    }
    if record_count is not None:
        facts["records"] = str(record_count)
    facts.update({k.lower(): str(v) for k, v in summarize(findings).items()})
    manifest = Manifest(
        tuple(DataObject.of(name, mime, data) for name, mime, data in data_files),
        facts,
        encryption,
    )
    manifest_xml = manifest.to_xml()
    signature = signer.sign(manifest_xml, now)
    blob = build_container(data_files, manifest_xml, signature, now)
    digest = hashlib.sha256(blob).hexdigest()

    name = container_name(region, form.form_id, form.year, now, len(bydeler_in(document)))
    container_path = out_dir / name
    receipt_path = out_dir / receipt_name(name)
    for path in (container_path, receipt_path):
        if path.exists():
            raise OutputError(_TEXT["exists"], path=str(path))
    warnings = [f for f in findings if f.severity == "WARNING"]
    receipt = render_receipt(
        ReceiptData(
            organisation=signer.name,
            orgnr=orgnr,
            region=region,
            form_id=form.form_id,
            form_title=form.title,
            year=form.year,
            definition_version=form.version,
            signer_subject=signer.subject,
            certificate_fingerprint=signer.fingerprint,
            self_signed=is_self_signed(signer.certificate),
            signed_at=now,
            container_name=name,
            container_sha256=digest,
            record_count=record_count,
            totals=totals,
            summary=summarize(findings),
            warnings=[(f, document.explanations[f.ref].strip()) for f in warnings],
            encryption=encryption,
            client_version=__version__,
            unit_name=unit_name,
            on_behalf=on_behalf,
            form=None if form.is_record_form else form,
            answers=None if form.is_record_form else _signed_answers(form, document),
            nothing_to_report=context.nothing_to_report,
            replaces=replaces,
            statistics=(compute_statistics(form, document.records)
                        if document.records is not None else None),
        ),
        lang,
    )
    # Both files or neither: the receipt names the container, a lone container has no receipt.
    atomic_write_bytes(container_path, blob)
    try:
        atomic_write_bytes(receipt_path, receipt)
    except UserError:
        container_path.unlink(missing_ok=True)
        raise
    return SubmissionResult(
        container=container_path,
        receipt=receipt_path,
        sha256=digest,
        signed_at=now,
        findings=tuple(findings),
        record_count=record_count,
        encrypted=encryption is not None,
        archived=_keep_in_archive(data_dir, container_path, receipt_path),
    )


def _keep_in_archive(data_dir: Path | None, container: Path, receipt: Path) -> Path | None:
    """The archive's copy of the container (made when missing); None without a data folder
    or when the copy fails: the submission itself is written and stays valid, so a full
    or locked archive must not turn it into a failure."""
    if data_dir is None:
        return None
    from client.core.submission.archive import archive_dir, keep_copy

    try:
        keep_copy(data_dir, container, receipt)
    except OSError:
        return None
    return archive_dir(data_dir) / container.name


def _checked(
    validator: FormValidator,
    document: FormDocument,
    context: ValidationContext,
    others: Mapping[str, RecordSet] | None,
    last_year: LastYear | None,
) -> tuple[list[Finding], LastYear | None]:
    """Every finding of what is signed, and last year's delivery if it was compared."""
    findings = _findings(validator, document, context, others)
    if last_year is None or not _compared_with_last_year(document, context, findings):
        return sort_findings(findings), None
    from client.core.baseline import compare

    assert document.records is not None
    # Last year's K- warnings are signed, explained and blocking like the rest.
    findings += compare(validator, document.records, last_year, context)[1]
    return sort_findings(findings), last_year


def _compared_with_last_year(document: FormDocument, context: ValidationContext,
                             findings: Sequence[Finding]) -> bool:
    """As `kostra validate --last-year`: a record form with records, not the nil delivery,
    and not a file SSB's program stops reading (its figures say nothing yet)."""
    records = document.records
    return (records is not None and not records.nil_marker and not context.nothing_to_report
            and not any(f.severity == "FATAL" for f in findings))


def _report_file(document: FormDocument, region: str, findings: list[Finding],
                 record_file: dict[str, Any] | None, organisation: str,
                 now: dt.datetime, last_year: LastYear | None) -> tuple[str, str, bytes]:
    before = compute_statistics(last_year.form, last_year.records) if last_year else None
    report = document_report(document, region, findings, "nb",
                             source_name=record_file["name"] if record_file else None,
                             unit_name=organisation, generated=now.astimezone(),
                             last_year=before)
    return REPORT_HTML, "text/html", report.encode("utf-8")


def _check_out_dir(out_dir: Path) -> Path:
    if not out_dir.exists():
        raise OutputError(_TEXT["no_dir"], path=str(out_dir))
    if not out_dir.is_dir():
        raise OutputError(_TEXT["not_dir"], path=str(out_dir))
    return out_dir


_TEXT: dict[str, Text] = {
    "other_kommune": {
        "nb": "Sertifikatet til {signer} tilhører {other} kommune ({other_nummer}), men skjemaet "
        "leveres for {unit} (region {region}). Bruk virksomhetssertifikatet til kommunen som "
        "rapporterer, eller velg riktig rapporteringsenhet. Ingenting er signert eller skrevet.",
        "nn": "Sertifikatet til {signer} høyrer til {other} kommune ({other_nummer}), men skjemaet "
        "blir levert for {unit} (region {region}). Bruk verksemdssertifikatet til kommunen som "
        "rapporterer, eller vel rett rapporteringseining. Ingenting er signert eller skrive.",
        "en": "The certificate of {signer} belongs to {other} municipality ({other_nummer}), but "
        "the form is reported for {unit} (region {region}). Use the enterprise certificate of "
        "the reporting municipality, or choose the right reporting unit. Nothing was signed "
        "or written.",
    },
    "no_dir": {
        "nb": "Mappen {path} finnes ikke. Opprett den eller velg en annen mappe; "
        "ingenting er skrevet.",
        "nn": "Mappa {path} finst ikkje. Opprett ho eller vel ei anna mappe; ingenting er skrive.",
        "en": "The folder {path} does not exist. Create it or choose another; nothing was written.",
    },
    "not_dir": {
        "nb": "{path} er ikke en mappe. Velg en mappe for innsendingsfilen; ingenting er skrevet.",
        "nn": "{path} er ikkje ei mappe. Vel ei mappe for innsendingsfila; ingenting er skrive.",
        "en": "{path} is not a folder. Choose a folder for the submission file; "
        "nothing was written.",
    },
    "exists": {
        "nb": "{path} finnes allerede. Vent et sekund og prøv igjen, eller velg en annen mappe.",
        "nn": "{path} finst alt. Vent eit sekund og prøv igjen, eller vel ei anna mappe.",
        "en": "{path} already exists. Wait a second and try again, or choose another folder.",
    },
}


def _signed_answers(form: Any, document: FormDocument) -> dict[str, Any]:
    """The answers as form_data_json signs them (hidden answers left out, totals computed)."""
    from client.core.forms.answers import checked_answers

    return checked_answers(form, document.answers or {})


def _findings(
    validator: FormValidator,
    document: FormDocument,
    context: ValidationContext,
    others: Mapping[str, RecordSet] | None,
) -> list[Finding]:
    """The form's findings; with the year's other forms given, our cross-form warnings
    too (they need explaining like any other warning)."""
    findings = validator.validate(document.data, context)
    if others and document.answers is not None:
        from client.core.validation.crossforms import cross_findings

        findings += cross_findings(document.form, document.answers, others, context)
    return findings

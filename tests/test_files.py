"""SSB's fixed-width files: encodings and newlines detected and kept, byte-identical round
trips, and writing that never leaves half a file."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from client.core.errors import InputFileError, UserError
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import (
    encode_records,
    parse_record_bytes,
    read_record_file,
    write_record_file,
)
from client.core.records.recordset import RecordSet
from synthetic import clean_records

CATALOG = FormCatalog([Path(__file__).resolve().parents[1] / "forms"])
F11 = CATALOG.load("11F", 2026)


def _lines(count: int = 25) -> list[str]:
    records = list(clean_records(F11, count, "123400"))
    # Norwegian letters in a free-text field make the encoding matter.
    for i, record in enumerate(records):
        record["SAKSBEHANDLER"] = ["Ærlig", "Søren", "Åse", "SB1"][i % 4]
    return RecordSet.from_records(F11, records).lines


@pytest.mark.parametrize("encoding", ["iso-8859-1", "utf-8", "utf-8-sig"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_round_trip_is_byte_identical(tmp_path, encoding, newline, final_newline):
    text = newline.join(_lines()) + (newline if final_newline else "")
    data = text.encode(encoding)
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    records = read_record_file(source, F11)
    assert records.source is not None
    assert records.source.encoding == encoding
    assert records.source.newline == newline
    assert len(records) == 25
    assert records.value(1, "SAKSBEHANDLER") == "Søren"
    target = tmp_path / "out.txt"
    write_record_file(target, records)
    assert target.read_bytes() == data


def test_encoding_is_named_for_the_user():
    data = "\n".join(_lines(3)).encode("iso-8859-1")
    assert parse_record_bytes(data, F11).source.encoding_label == "ISO-8859-1"
    bom = codecs.BOM_UTF8 + "\n".join(_lines(3)).encode()
    assert parse_record_bytes(bom, F11).source.encoding_label == "UTF-8 med BOM"


def test_an_edited_record_is_written_back_in_its_columns():
    records = parse_record_bytes("\n".join(_lines(3)).encode(), F11)
    records.set_value(0, "BIDRAG", "1234")
    records.set_value(0, "SAKSBEHANDLER", "Kari")
    column = F11.field("BIDRAG").column
    line = records.lines[0]
    assert line[column.start:column.end] == "1234".rjust(column.size)
    assert records.value(0, "SAKSBEHANDLER") == "Kari"
    assert len(line) == F11.record_length
    with pytest.raises(UserError) as info:
        records.set_value(0, "BIDRAG", "123456789")
    assert "BIDRAG" in info.value.message()


def test_a_character_the_files_encoding_lacks_is_refused_with_its_line(tmp_path):
    records = parse_record_bytes("\n".join(_lines(3)).encode("iso-8859-1"), F11)
    records.set_value(2, "SAKSBEHANDLER", "Ŝaro")
    with pytest.raises(InputFileError) as info:
        encode_records(records)
    assert "Linje 3" in info.value.message() and "Ŝ" in info.value.message()


def test_a_failed_write_leaves_the_old_file_whole(tmp_path):
    """The disk fills up mid-write (a file-size limit makes the write fail for real, even
    for root): the old file stays as it was and no temporary file is left behind."""
    target = tmp_path / "out.txt"
    target.write_bytes(b"old content")
    script = f"""
import resource, signal, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from client.core.errors import UserError
from client.core.forms.catalog import FormCatalog
from client.core.records.fixedwidth import write_record_file
from client.core.records.recordset import RecordSet
from synthetic import clean_records
form = FormCatalog().load("11F", 2026)
records = RecordSet.from_records(form, clean_records(form, 50, "123400"))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    write_record_file({str(target)!r}, records)
except UserError as exc:
    print(exc.message())
    sys.exit(3)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "Ingenting er endret" in result.stdout
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_utf16_and_binary_are_refused():
    with pytest.raises(InputFileError, match="UTF-16"):
        parse_record_bytes(codecs.BOM_UTF16_BE + "x".encode("utf-16-be"), F11)
    with pytest.raises(InputFileError, match="binære"):
        parse_record_bytes(b"PK\x03\x04\x00\x00" + bytes(300), F11)

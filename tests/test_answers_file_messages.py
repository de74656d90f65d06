"""An answers file that cannot be read says why in the user's language: a truncated file
said «Expecting property name enclosed in double quotes (linje 1)» in a bokmål window,
and every reason was bokmål in nynorsk and English too."""

from pathlib import Path

import pytest

from client.core.documents import load_document
from client.core.errors import InputFileError
from client.core.forms.catalog import FormCatalog

FORM = FormCatalog([Path(__file__).resolve().parents[1] / "forms"]).load("7B", 2026)


def _refused(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        load_document(path, FORM)
    return caught.value


def test_a_truncated_answers_file_says_where_in_the_users_language(tmp_path):
    path = tmp_path / "7B_avkuttet.json"
    path.write_text('{"KOMMUNE_NR": "1867", ', "utf-8")
    error = _refused(path)
    nb, nn, en = (error.message(lang) for lang in ("nb", "nn", "en"))
    for text in (nb, nn, en):
        assert "Expecting" not in text and "7B_avkuttet.json" in text
    assert "ugyldig JSON (linje 1, tegn 24)" in nb
    assert "ugyldig JSON (linje 1, teikn 24)" in nn
    assert "invalid JSON (line 1, character 24)" in en


def test_other_reasons_are_in_the_users_language(tmp_path):
    unknown = tmp_path / "ukjent.json"
    unknown.write_text('{"KOMMUNE_NR": "1867", "GAMMELT_FELT": 1}', "utf-8")
    error = _refused(unknown)
    assert "ukjente felt GAMMELT_FELT" in error.message("nb")
    assert "ukjende felt GAMMELT_FELT" in error.message("nn")
    assert "unknown fields GAMMELT_FELT" in error.message("en")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"ANSVARLIG": "Bjørn"}'.encode("latin-1"))
    error = _refused(latin1)
    assert "ikke UTF-8" in error.message("nb") and "not UTF-8" in error.message("en")

"""Drafts encrypted at rest: AES-256-GCM with a data key that never touches the disk
in the clear.

A draft holds fødselsnumre, so it is written as MAGIC + nonce + AES-GCM(JSON). The
32-byte data key lives in the OS credential store (keyring) beside the signing key's
passphrase. Where no credential store works, the key is kept in `keys/draft-key.json`
wrapped with a key derived (scrypt) from a passphrase the user chooses, and asked
for once per session. Losing the key means losing the drafts, never reading them
with the wrong one: GCM refuses a wrong key or a changed byte.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path

from client.core.errors import UserError
from client.core.fileio import atomic_write_bytes
from client.core.i18n import Text
from client.core.submission.ask import AskUser, PassphraseRequest
from client.core.submission.secrets import SecretStore, SecretStoreUnavailable

MAGIC = b"KOSTRA-ENCRYPTED-DRAFT-1\n"
SECRET_NAME = "draft-data-key"
KEY_FILE = "draft-key.json"
_NONCE = 12
# scrypt at 2**15 takes ~0.1 s and 32 MB: once per session, and slow enough for guessing.
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MIN_PASSPHRASE = 8

_TEXT: dict[str, Text] = {
    "wrong_key": {
        "nb": "Utkastet {path} kan ikke dekrypteres med nøkkelen på denne maskinen (feil nøkkel, "
        "eller filen er endret). Filen er urørt.",
        "nn": "Utkastet {path} kan ikkje dekrypterast med nøkkelen på denne maskina (feil nøkkel, "
        "eller fila er endra). Fila er urørt.",
        "en": "The draft {path} cannot be decrypted with the key on this machine (the wrong "
        "key, or the file was changed). The file is untouched.",
    },
    "ask_new": {
        "nb": "Utkastene dine krypteres. Maskinen har ingen nøkkelring, så velg et passord "
        "(minst 8 tegn) som beskytter nøkkelen. Du blir spurt om det én gang per økt.",
        "nn": "Utkasta dine blir krypterte. Maskina har ingen nøkkelring, så vel eit passord "
        "(minst 8 teikn) som vernar nøkkelen. Du blir spurd om det éin gong per økt.",
        "en": "Your drafts are encrypted. This machine has no credential store, so choose a "
        "passphrase (at least 8 characters) that protects the key. You are asked once "
        "per session.",
    },
    "ask_unlock": {
        "nb": "Skriv passordet som beskytter nøkkelen til utkastene dine.",
        "nn": "Skriv passordet som vernar nøkkelen til utkasta dine.",
        "en": "Type the passphrase that protects the key to your drafts.",
    },
    "cancelled": {
        "nb": "Utkastene kan ikke åpnes eller lagres uten nøkkelen. Ingenting er endret.",
        "nn": "Utkasta kan ikkje opnast eller lagrast utan nøkkelen. Ingenting er endra.",
        "en": "Drafts cannot be opened or saved without the key. Nothing was changed.",
    },
    "wrong_passphrase": {
        "nb": "Feil passord for nøkkelen til utkastene. Prøv igjen; ingenting er endret.",
        "nn": "Feil passord for nøkkelen til utkasta. Prøv igjen; ingenting er endra.",
        "en": "Wrong passphrase for the drafts' key. Try again; nothing was changed.",
    },
    "too_short": {
        "nb": "Passordet må ha minst 8 tegn. Ingenting er endret.",
        "nn": "Passordet må ha minst 8 teikn. Ingenting er endra.",
        "en": "The passphrase must have at least 8 characters. Nothing was changed.",
    },
    "damaged_key": {
        "nb": "Nøkkelfilen {path} er skadet. Den er urørt; send den til brukerstøtte.",
        "nn": "Nøkkelfila {path} er skadd. Ho er urørt; send ho til brukarstøtte.",
        "en": "The key file {path} is damaged. It is untouched; send it to support.",
    },
}


class DraftKeyError(UserError):
    """The drafts' key cannot be had, or does not open a draft."""


def is_encrypted(data: bytes) -> bool:
    return data.startswith(MAGIC)


def _aesgcm(key: bytes):  # noqa: ANN202 - cryptography's type, imported lazily
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def encrypt(key: bytes, plain: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return MAGIC + nonce + _aesgcm(key).encrypt(nonce, plain, MAGIC)


def decrypt(key: bytes, data: bytes, shown: str) -> bytes:
    from cryptography.exceptions import InvalidTag

    body = data[len(MAGIC) :]
    try:
        return _aesgcm(key).decrypt(body[:_NONCE], body[_NONCE:], MAGIC)
    except (InvalidTag, ValueError):
        raise DraftKeyError(_TEXT["wrong_key"], path=shown) from None


class DraftKeys:
    """The drafts' data key: from the credential store, or unwrapped with the user's
    passphrase from `keys/draft-key.json` where no store works. Fetched once, kept in
    memory for the session."""

    def __init__(self, key_dir: Path, secrets: SecretStore, ask: AskUser) -> None:
        self.key_dir = Path(key_dir)
        self.secrets = secrets
        self.ask = ask
        self._key: bytes | None = None
        self._lock = threading.Lock()

    @property
    def key_file(self) -> Path:
        return self.key_dir / KEY_FILE

    def key(self) -> bytes:
        with self._lock:
            if self._key is None:
                self._key = self._load()
            return self._key

    def _load(self) -> bytes:
        if not self.key_file.exists():
            try:
                stored = self.secrets.get(SECRET_NAME)
                if stored is None:
                    fresh = os.urandom(32)
                    self.secrets.set(SECRET_NAME, base64.b64encode(fresh).decode())
                    return fresh
                return base64.b64decode(stored)
            except SecretStoreUnavailable:
                pass  # no credential store: a passphrase protects the key instead
        return self._with_passphrase()

    def _with_passphrase(self) -> bytes:
        if self.key_file.exists():
            try:
                wrapped = json.loads(self.key_file.read_text("utf-8"))
                salt = base64.b64decode(wrapped["salt"])
                nonce = base64.b64decode(wrapped["nonce"])
                sealed = base64.b64decode(wrapped["key"])
                params = {k: int(wrapped[k]) for k in ("n", "r", "p")}
            except (OSError, ValueError, KeyError, TypeError):
                raise DraftKeyError(_TEXT["damaged_key"], path=str(self.key_file)) from None
            typed = self.ask.passphrase(PassphraseRequest("unlock", _TEXT["ask_unlock"]))
            if typed is None:
                raise DraftKeyError(_TEXT["cancelled"])
            from cryptography.exceptions import InvalidTag

            try:
                return _aesgcm(_derive(typed, salt, params)).decrypt(nonce, sealed, MAGIC)
            except InvalidTag:
                raise DraftKeyError(_TEXT["wrong_passphrase"]) from None
        typed = self.ask.passphrase(PassphraseRequest("new", _TEXT["ask_new"]))
        if typed is None:
            raise DraftKeyError(_TEXT["cancelled"])
        if len(typed) < MIN_PASSPHRASE:
            raise DraftKeyError(_TEXT["too_short"])
        fresh, salt, nonce = os.urandom(32), os.urandom(16), os.urandom(_NONCE)
        sealed = _aesgcm(_derive(typed, salt, _SCRYPT)).encrypt(nonce, fresh, MAGIC)
        self.key_dir.mkdir(parents=True, exist_ok=True)
        document = {
            "format": "kostra-klienten/draft-key",
            "kdf": "scrypt",
            **_SCRYPT,
            "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(nonce).decode(),
            "key": base64.b64encode(sealed).decode(),
        }
        atomic_write_bytes(self.key_file, (json.dumps(document, indent=1) + "\n").encode())
        return fresh


def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, **params).derive(passphrase.encode())

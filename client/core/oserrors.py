"""Operating-system errors in the user's language.

`OSError.strerror` is the platform's English text ("Permission denied"); inside a
Norwegian message it reads as a slip. The common causes get a text in each language;
anything else keeps the platform's words.
"""

from __future__ import annotations

import errno

from client.core.i18n import Text

_REASONS: dict[int, Text] = {
    errno.ENOENT: {"nb": "finnes ikke", "nn": "finst ikkje", "en": "does not exist"},
    errno.EACCES: {"nb": "ingen tilgang", "nn": "inga tilgang", "en": "permission denied"},
    errno.EPERM: {"nb": "ikke tillatt", "nn": "ikkje tillate", "en": "not permitted"},
    errno.ENOSPC: {"nb": "disken er full", "nn": "disken er full", "en": "the disk is full"},
    errno.EROFS: {
        "nb": "disken er skrivebeskyttet",
        "nn": "disken er skriveverna",
        "en": "the disk is read-only",
    },
    errno.EISDIR: {"nb": "det er en mappe", "nn": "det er ei mappe", "en": "it is a folder"},
    errno.ENOTDIR: {
        "nb": "en del av stien er ikke en mappe",
        "nn": "ein del av stien er ikkje ei mappe",
        "en": "part of the path is not a folder",
    },
    errno.EEXIST: {"nb": "finnes allerede", "nn": "finst alt", "en": "already exists"},
    errno.EIO: {"nb": "lese- eller skrivefeil på disken", "nn": "lese- eller skrivefeil på disken",
                "en": "input/output error on the disk"},
    errno.ENAMETOOLONG: {"nb": "navnet er for langt", "nn": "namnet er for langt",
                         "en": "the name is too long"},
    errno.EMFILE: {"nb": "for mange åpne filer", "nn": "for mange opne filer",
                   "en": "too many open files"},
    errno.EBUSY: {"nb": "filen er i bruk", "nn": "fila er i bruk", "en": "the file is in use"},
    errno.EDQUOT: {"nb": "diskkvoten er brukt opp", "nn": "diskkvoten er brukt opp",
                   "en": "the disk quota is used up"},
}


def os_reason(exc: OSError) -> Text:
    """Why `exc` happened, as a text in three languages (the platform's words as a fallback)."""
    known = _REASONS.get(exc.errno or -1)
    if known is not None:
        return known
    text = exc.strerror or type(exc).__name__
    return {"nb": text, "nn": text, "en": text}


def translate_strerror(text: str) -> Text | None:
    """The translation of a platform error text (as in `OSError.strerror`), when known."""
    import os

    for code, reason in _REASONS.items():
        if os.strerror(code) == text:
            return reason
    return None

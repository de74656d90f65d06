"""The seam for asking the user something during key handling: the command line
implements it with getpass, the desktop window with a dialog, tests with a stub."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from client.core.i18n import Text

PassphrasePurpose = Literal["unlock", "new", "import"]


@dataclass(frozen=True)
class PassphraseRequest:
    """What the passphrase is for, and a sentence to show the user.

    "unlock": the stored signing key's passphrase; "new": choose a passphrase for
    a new key (the asker should have the user type it twice); "import": the
    passphrase of a PKCS#12 file being imported.
    """

    purpose: PassphrasePurpose
    prompt: Text
    subject: str = ""  # the file or certificate it concerns, for the dialog title


class AskUser(Protocol):
    """How core code asks the user. Implementations must not log what is typed."""

    def passphrase(self, request: PassphraseRequest) -> str | None:
        """The passphrase the user typed, or None when they cancelled."""
        ...

    def notice(self, message: Text) -> None:
        """Tell the user something they should know but need not answer."""
        ...

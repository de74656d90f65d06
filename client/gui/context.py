"""The application context handed to every window part instead of globals (git-cola style)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from client.core.workspace import Settings, Workspace

if TYPE_CHECKING:
    from client.core.forms.catalog import FormCatalog
    from client.core.i18n import Text
    from client.core.submission.ask import PassphraseRequest
    from client.core.submission.keys import KeyStore
    from client.gui.asker import Asker


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class AppContext:
    workspace: Workspace
    asker: Asker
    settings: Settings = field(default_factory=Settings)
    forms_roots: list[Path] | None = None  # None: the bundled forms/
    today: Callable[[], dt.date] = dt.date.today
    clock: Callable[[], dt.datetime] = _utc_now  # signing time and certificate validity
    _catalog: FormCatalog | None = None
    _key_store: KeyStore | None = None

    @property
    def lang(self) -> str:
        return self.settings.language

    @property
    def catalog(self) -> FormCatalog:
        if self._catalog is None:
            # The catalog pulls in jsonschema; it is needed only once a form is opened
            # or the year list is built, not for the first paint.
            from client.core.forms.catalog import FormCatalog, bundled_forms_dir

            # Form packs the user installed live in this workspace's data folder (which
            # --data-dir may have moved), after the bundled forms.
            roots = self.forms_roots or [bundled_forms_dir(), self.workspace.data_dir / "forms"]
            self._catalog = FormCatalog(roots)
        return self._catalog

    def save_settings(self) -> None:
        self.workspace.save_settings(self.settings)

    @property
    def key_store(self) -> KeyStore:
        """The signing key in this workspace's data folder (keys/, so --data-dir and
        KOSTRA_DATA_DIR move it too), built once; it asks through `asker`."""
        if self._key_store is None:
            # cryptography and keyring load only when a key is needed.
            from client.core.submission.keys import KeyStore, key_directory
            from client.core.submission.secrets import KeyringSecretStore

            self._key_store = KeyStore(
                key_directory(self.workspace.data_dir),
                KeyringSecretStore(),
                _AskThroughContext(self),
                clock=self._now,
            )
        return self._key_store

    def draft_keys(self) -> object:
        """The drafts' key (encrypted at rest) beside the signing key, asking through
        `asker` when no credential store works."""
        from client.core.atrest import DraftKeys
        from client.core.datadir import key_directory  # not keys: it would load cryptography
        from client.core.submission.secrets import KeyringSecretStore

        return DraftKeys(
            key_directory(self.workspace.data_dir), KeyringSecretStore(), _AskThroughContext(self)
        )

    def _now(self) -> dt.datetime:
        return self.clock()  # looked up on each call: tests may set the clock later


class _AskThroughContext:
    """The core's AskUser, answered by whatever asker the context has at the time."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def passphrase(self, request: PassphraseRequest) -> str | None:
        return self._ctx.asker.passphrase(request)

    def notice(self, message: Text) -> None:
        self._ctx.asker.notice(message)

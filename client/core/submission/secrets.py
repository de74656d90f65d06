"""Secrets in the OS credential store (keyring), behind a small Protocol.

keyring picks its backend from its own configuration (PYTHON_KEYRING_BACKEND,
keyringrc.cfg) or from what the platform offers; this module only asks it. When
no backend works (keyring's `fail.Keyring`, or a backend that errors), the store
says it is unavailable and the caller asks the user instead.
"""

from __future__ import annotations

from typing import Protocol

SERVICE = "kostra-klienten"


class SecretStore(Protocol):
    """Where key passphrases are kept. `get`/`set` raise SecretStoreUnavailable when the
    store cannot be used right now."""

    @property
    def available(self) -> bool: ...

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class SecretStoreUnavailable(Exception):
    """The credential store cannot be used. The message names the backend, never a secret."""


class KeyringSecretStore:
    """The OS credential store through keyring (Windows Credential Manager, macOS
    Keychain, Secret Service on Linux, or whatever keyring is configured to use)."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def _backend(self) -> object:
        import keyring  # lazy: keyring probes the platform on first use

        return keyring.get_keyring()

    @property
    def backend_name(self) -> str:
        backend = self._backend()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    @property
    def available(self) -> bool:
        from keyring.backends import fail

        try:
            backend = self._backend()
        except Exception:  # a broken keyring configuration is the same as none
            return False
        # null.Keyring accepts every secret and keeps none: as good as no keyring.
        from keyring.backends import null

        return not isinstance(backend, fail.Keyring | null.Keyring)

    def get(self, name: str) -> str | None:
        if not self.available:
            raise SecretStoreUnavailable(self.backend_name)
        try:
            return self._backend().get_password(self.service, name)  # type: ignore[attr-defined]
        except Exception as exc:
            raise SecretStoreUnavailable(f"{self.backend_name}: {type(exc).__name__}") from None

    def set(self, name: str, value: str) -> None:
        if not self.available:
            raise SecretStoreUnavailable(self.backend_name)
        try:
            backend = self._backend()
            backend.set_password(self.service, name, value)  # type: ignore[attr-defined]
            kept = backend.get_password(self.service, name)  # type: ignore[attr-defined]
        except Exception as exc:
            raise SecretStoreUnavailable(f"{self.backend_name}: {type(exc).__name__}") from None
        if kept != value:
            # A store that drops what it is given would leave a key nobody can unlock.
            raise SecretStoreUnavailable(f"{self.backend_name}: does not keep secrets")

    def delete(self, name: str) -> None:
        if not self.available:
            return
        try:
            self._backend().delete_password(self.service, name)  # type: ignore[attr-defined]
        except Exception:  # nothing to delete, or the store is gone: either way it is not there
            return

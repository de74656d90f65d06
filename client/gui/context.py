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
    from client.gui.asker import Asker


@dataclass
class AppContext:
    workspace: Workspace
    asker: Asker
    settings: Settings = field(default_factory=Settings)
    forms_roots: list[Path] | None = None  # None: the bundled forms/
    today: Callable[[], dt.date] = dt.date.today
    _catalog: FormCatalog | None = None

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

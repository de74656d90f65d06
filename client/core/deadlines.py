"""Each form's deadline per reporting year, as data (form.json's "deadline"), and how
many days are left.

SSB's reporting calendar sets the dates: the record forms (11F, 11CF) are due earlier
than the questionnaires, and corrected figures are taken until a later date. The dates
live in each year's form.json with their source, so next year's calendar is a file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from client.core.i18n import Text, tr

_TEXT: dict[str, Text] = {
    "left": {
        "nb": "{days} dager igjen (frist {date})",
        "nn": "{days} dagar igjen (frist {date})",
        "en": "{days} days left (due {date})",
    },
    "one_left": {
        "nb": "1 dag igjen (frist {date})",
        "nn": "1 dag igjen (frist {date})",
        "en": "1 day left (due {date})",
    },
    "today": {
        "nb": "Frist i dag ({date})",
        "nn": "Frist i dag ({date})",
        "en": "Due today ({date})",
    },
    "late": {
        "nb": "For sent: fristen var {date} ({days} dager siden); rettinger tas imot til {corr}",
        "nn": "For seint: fristen var {date} ({days} dagar sidan); rettingar blir tekne imot "
        "til {corr}",
        "en": "Late: due {date} ({days} days ago); corrections are taken until {corr}",
    },
    "closed": {
        "nb": "For sent: fristen var {date}, og fristen for rettinger ({corr}) er ute",
        "nn": "For seint: fristen var {date}, og fristen for rettingar ({corr}) er ute",
        "en": "Late: due {date}, and the deadline for corrections ({corr}) has passed",
    },
}


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    corrections: dt.date | None = None
    source: str = ""

    @classmethod
    def from_json(cls, data: Any) -> Deadline | None:
        if not isinstance(data, dict) or "date" not in data:
            return None
        corrections = data.get("corrections")
        return cls(
            dt.date.fromisoformat(data["date"]),
            dt.date.fromisoformat(corrections) if corrections else None,
            str(data.get("source", "")),
        )

    def days_left(self, today: dt.date) -> int:
        """Days until the deadline; 0 on the day, negative when late."""
        return (self.due - today).days

    def is_late(self, today: dt.date) -> bool:
        return today > self.due

    def describe(self, today: dt.date, lang: str = "nb") -> str:
        days = self.days_left(today)
        date = self.due.strftime("%d.%m.%Y")
        corr = self.corrections.strftime("%d.%m.%Y") if self.corrections else "–"
        if days > 1:
            return tr(_TEXT["left"], lang).format(days=days, date=date)
        if days == 1:
            return tr(_TEXT["one_left"], lang).format(date=date)
        if days == 0:
            return tr(_TEXT["today"], lang).format(date=date)
        if self.corrections is not None and today > self.corrections:
            return tr(_TEXT["closed"], lang).format(date=date, corr=corr)
        return tr(_TEXT["late"], lang).format(days=-days, date=date, corr=corr)


def read_deadline(directory: Path) -> Deadline | None:
    """The deadline in a form's folder, read from form.json alone (the overview lists
    every form without loading whole definitions)."""
    try:
        data = json.loads((Path(directory) / "form.json").read_text("utf-8"))
        return Deadline.from_json(data.get("deadline"))
    except (OSError, ValueError, AttributeError):
        return None

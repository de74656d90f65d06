"""Print what a screen reader is sent over AT-SPI: announcements and focus (pyatspi).

Run with the system's Python (Debian: python3-pyatspi), inside the session run.sh makes.
"""

import datetime as dt

import pyatspi


def on_event(event) -> None:
    try:
        name = event.source.name
    except Exception:  # the object may be gone already
        name = "?"
    data = event.any_data if isinstance(event.any_data, str) else ""
    print(f"{dt.datetime.now():%H:%M:%S.%f} {event.type} {data!r} source={name!r}", flush=True)


for kind in ("object:announcement", "object:state-changed:focused"):
    pyatspi.Registry.registerEventListener(on_event, kind)
pyatspi.Registry.start()

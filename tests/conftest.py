"""Shared test set-up: the tests import tests/synthetic.py as a module, and Qt runs offscreen."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

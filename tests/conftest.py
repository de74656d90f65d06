"""Shared test set-up: the tests import tests/synthetic.py as a module, and Qt runs offscreen."""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's own data folder (drafts, keys, installed form packs): the tests and
# every process they start see a fresh one.
os.environ["KOSTRA_DATA_DIR"] = tempfile.mkdtemp(prefix="kostra-tests-")
# Nor the user's cache of form checks (client/core/forms/checkcache.py).
os.environ["KOSTRA_CACHE_DIR"] = tempfile.mkdtemp(prefix="kostra-tests-cache-")

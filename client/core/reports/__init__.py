"""Reports of a validation run: HTML, SSB's control-program shapes, charts, run-to-run diffs."""

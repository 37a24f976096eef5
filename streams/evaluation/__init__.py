"""Scoring an extractor against gold sets: gold models (`gold`), the flat view and alignment of
events (`match`), field scores and reports (`score`), ACLED coding knowledge (`acled_codes`).

The command line and the documented scoring rules live in `streams.evaluate`, which re-exports
the public names.
"""

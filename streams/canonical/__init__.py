"""Canonical events: the events of many articles that report one real-world happening, merged.

Pure code (no Kafka, no clock): `Canonicalizer` is used by the faust agent (streams.canonical_app)
and by `streams canonicalize` alike, so offline runs and the stream give the same result.
"""

from streams.canonical.model import CanonicalEvent
from streams.canonical.state import Canonicalizer, Outcome

__all__ = ["CanonicalEvent", "Canonicalizer", "Outcome"]

"""The v2 engine's components, registered with spaCy by name on import (like spaCy's own)."""

from streams.extraction.components import (
    annotation,
    events,
    fallback,
    lemmas,
    parse,
    roles,
    triggers,
)

__all__ = ["annotation", "events", "fallback", "lemmas", "parse", "roles", "triggers"]

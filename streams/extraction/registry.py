"""The one registry of extractors: versioned name -> pure function of an annotated article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from streams.extraction.annotate import Annotated
from streams.extraction.extractors import (
    aid,
    attack,
    diplomacy,
    humanitarian,
    sanctions,
    statements,
    unrest,
)
from streams.extraction.extractors.common import Proto

ExtractorFn = Callable[[Annotated], list[Proto]]


@dataclass(frozen=True)
class Registered:
    name: str
    version: str
    fn: ExtractorFn


REGISTRY: tuple[Registered, ...] = (
    Registered(attack.NAME, attack.VERSION, attack.extract),
    Registered(unrest.ARREST[0], unrest.ARREST[1], unrest.extract_arrests),
    Registered(unrest.PROTEST[0], unrest.PROTEST[1], unrest.extract_protests),
    Registered(sanctions.NAME, sanctions.VERSION, sanctions.extract),
    Registered(statements.NAME, statements.VERSION, statements.extract),
    Registered(diplomacy.MEETING[0], diplomacy.MEETING[1], diplomacy.extract_meetings),
    Registered(diplomacy.CEASEFIRE[0], diplomacy.CEASEFIRE[1], diplomacy.extract_ceasefire),
    Registered(aid.NAME, aid.VERSION, aid.extract),
    Registered(humanitarian.NAME, humanitarian.VERSION, humanitarian.extract),
)


def registered() -> tuple[Registered, ...]:
    return REGISTRY

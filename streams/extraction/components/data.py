"""The v2 engine's pattern files (data/en/triggers/*.jsonl, data/en/roles/*.jsonl,
data/en/inflections.json), validated on load (extra="forbid") and cached."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from streams.extraction import spec

DATA = Path(__file__).resolve().parent.parent / "data" / "en"
Role = Literal[
    "initiator",
    "target",
    "participant",
    "victims",
    "single_victim",
    "injured",
    "place",
    "weapon",
    "children",
    "civilians",
    "damaged",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TriggerPattern(_Strict):
    """A spaCy Matcher pattern that names an event type.

    `event_type` is the type the pattern means; `fallback_type` is emitted while the spec on
    this branch lacks it, so adopting the new type is a data-only change."""

    id: str
    event_type: str
    fallback_type: str | None = None
    pattern: list[dict[str, Any]] = Field(min_length=1)
    status: str | None = None
    needs_context: bool = False
    priority: int = 0
    needs_agent: bool = Field(
        default=False,
        description="makes an event alone only with a doer named as its subject or by-agent "
        "(not a pronoun) and someone acted on; the victims' kind decides one-sided violence "
        "or a battle",
    )
    two_sided: bool = Field(
        default=False,
        description="a fight between sides: makes an event alone when its sentence names two "
        "sides (coordinated subjects, a subject and 'with X', 'between X and Y'), named in the "
        "dictionaries or not",
    )
    victims_die: bool = Field(
        default=True, description="its victims role counts the dead (false: 'beat', 'torture')"
    )
    happening: bool = Field(
        default=False,
        description="the words tell the act itself as having happened ('an explosion "
        "occurred', 'a bomb went off'): an event with no doer, victim or count named",
    )

    def emitted_type(self) -> str:
        known = spec.category_of()
        if self.event_type in known:
            return self.event_type
        if self.fallback_type is None or self.fallback_type not in known:
            raise ValueError(f"{self.id}: neither {self.event_type} nor its fallback in the spec")
        return self.fallback_type


class RolePattern(_Strict):
    """A spaCy DependencyMatcher pattern whose first node is the trigger token and whose last
    node is the head of the role's phrase."""

    id: str
    role: Role
    event_types: list[str] | Literal["*"] = "*"
    pattern: list[dict[str, Any]] = Field(min_length=2)


class Family(_Strict):
    name: str
    triggers: tuple[TriggerPattern, ...]
    roles: tuple[RolePattern, ...]


class Inflections(_Strict):
    """Irregular forms of trigger lemmas; regular ones are derived (kill -> kills, killed)."""

    irregular: dict[str, list[str]]


def _jsonl(path: Path, model: type[_Strict]) -> list[Any]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(model.model_validate(json.loads(line)))
            except ValueError as exc:
                raise ValueError(f"{path.name}:{n}: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """Every family with a triggers file; its roles file is optional."""
    out = []
    for path in sorted((DATA / "triggers").glob("*.jsonl")):
        roles = DATA / "roles" / path.name
        out.append(
            Family(
                name=path.stem,
                triggers=tuple(_jsonl(path, TriggerPattern)),
                roles=tuple(_jsonl(roles, RolePattern)) if roles.exists() else (),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def inflections() -> Inflections:
    raw = json.loads((DATA / "inflections.json").read_text(encoding="utf-8"))
    return Inflections.model_validate(raw)


class CaseCues(_Strict):
    """Words of case restoration (components/truecase.py): names always capitalised (days,
    unambiguous months), the prepositions after which a gazetteer name is a place, and words
    never restored as places."""

    always: list[str]
    place_prepositions: frozenset[str]
    not_places: frozenset[str]

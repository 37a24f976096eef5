"""Actor lists after merging, by the codebook's actor rules.

- Rule 7: a state acts through its officials; an official (a person with an office) names the
  actor and their country code is the state, so the state itself in the same role is the same
  actor told twice ("US President Donald Trump": Donald Trump, USA; not also United States).
  Other actors of one country (an armed group, a region) are other sides and stay.
- A person named in part beside the full name in the same role is one person ("Recep Tayyip" and
  "Recep Tayyip Erdogan").
"""

from __future__ import annotations

from streams.schemas import Actor

__all__ = ["tidy_actors"]


def _words(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().replace(".", " ").split())


def _part_of_name(short: Actor, full: Actor) -> bool:
    """`short` is `full`'s name in part: its words open or close the full name."""
    if short.kind != "person" or full.kind != "person" or short.role != full.role:
        return False
    a, b = _words(short.name), _words(full.name)
    if not a or len(a) >= len(b) or (short.country and full.country != short.country):
        return False
    return b[: len(a)] == a or b[-len(a) :] == a


def _state_of_official(state: Actor, others: list[Actor]) -> bool:
    """`state` is the country of an official named in the same role."""
    return state.kind == "state" and any(
        o.kind == "person" and o.office and o.role == state.role and o.country == state.country
        for o in others
        if o is not state
    )


def tidy_actors(actors: list[Actor]) -> list[Actor]:
    """Drop the actors told twice: a state beside its official, a name in part beside it in
    full."""
    return [
        a
        for a in actors
        if not _state_of_official(a, actors)
        and not any(_part_of_name(a, o) for o in actors if o is not a)
    ]

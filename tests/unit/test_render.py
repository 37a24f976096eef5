from streams.render import render_event


def test_render_event_line_has_actors_places_and_counts() -> None:
    line = render_event(
        {
            "event_type": "air_strike",
            "status": "occurred",
            "when": {"date": "2025-10-22"},
            "actors": [
                {"role": "initiator", "name": "Russia"},
                {"role": "target", "name": "Ukraine"},
            ],
            "locations": [{"name": "Kyiv"}, {"name": "Kharkiv"}],
            "quantities": {
                "killed": {"value": 6, "qualifier": "at_least", "children": 2},
                "injured": {"value": 18, "qualifier": "exact"},
                "weapons": [
                    {"kind": "drone", "count": 405},
                    {"kind": "missile", "name": "Storm Shadow"},
                ],
            },
            "confidence": 0.9,
        }
    )
    assert line == (
        "air_strike [occurred] | 2025-10-22 | Russia → Ukraine | @ Kyiv, Kharkiv | "
        "killed ≥6 (2 children), injured 18, weapons: 405 drone, Storm Shadow | "
        "conf 0.90"
    )

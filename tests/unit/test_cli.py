import json
from pathlib import Path

import pytest

from streams.cli import build_parser, main

COMMANDS = [
    "demo",
    "worker",
    "dashboard",
    "broker",
    "topics",
    "publish",
    "tail",
    "extract",
    "evaluate",
    "schemas",
    "gazetteer",
]


def test_cli_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    assert len(capsys.readouterr().out.splitlines()) >= 3


def test_cli_publish_bad_file_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["publish", "/nonexistent/file.txt"])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.startswith("streams: error:") and "/nonexistent/file.txt" in err
    assert len(err.splitlines()) == 1


def test_cli_extract_skips_bad_lines_and_writes_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text(
        '{"id": 1, "text": "Russian drones hit Kharkiv on Tuesday, killing three people.", '
        '"published_at": "2025-10-22", "desk": "world"}\n{broken\n'
    )
    assert main(["extract", str(source)]) == 0
    captured = capsys.readouterr()
    [line] = captured.out.splitlines()
    event = json.loads(line)
    assert event["article_id"] == "1"
    assert event["event_type"] == "air_strike"
    assert event["when"]["date"] == "2025-10-21"
    assert [place["name"] for place in event["locations"]] == ["Kharkiv"]
    assert event["quantities"]["killed"]["value"] == 3
    assert "articles.jsonl:2: not JSON" in captured.err
    assert main(["extract", "--strict", str(source)]) == 1


BATCH_TEXTS = [
    "Russian drones hit Kharkiv on Tuesday, killing three people.",
    "The council approved the city budget on Monday.",
    "Police arrested 12 protesters in Tbilisi on Sunday.",
    "Gunmen killed five villagers near Djibo on Monday.",
    "Rebels shelled positions near Goma on Saturday, killing two soldiers.",
]


def _event_lines(out: str) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in out.splitlines()]
    for event in lines:
        event.pop("extracted_at")
    return lines


def test_cli_extract_gives_the_same_events_whatever_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "articles.jsonl"
    rows = [{"id": i, "text": t, "published_at": "2025-10-22"} for i, t in enumerate(BATCH_TEXTS)]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    outputs = []
    for batch in (["--batch", "1"], ["--batch", "2"], []):
        assert main(["extract", *batch, str(source)]) == 0
        outputs.append(_event_lines(capsys.readouterr().out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert [e["article_id"] for e in outputs[0]] == sorted(e["article_id"] for e in outputs[0])
    assert {e["article_id"] for e in outputs[0]} == {"0", "2", "3", "4"}


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_cli_extract_batch_must_be_a_positive_number(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--batch", value, "x.jsonl"])
    assert info.value.code == 2
    assert "--batch" in capsys.readouterr().err


def test_cli_extract_missing_file_exits_1_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", "/nonexistent/articles.jsonl"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        "streams: error: /nonexistent/articles.jsonl: no such file or folder"
    ]


def test_cli_unknown_option_shows_the_commands_own_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--bogus"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: streams extract ")
    assert "unrecognized arguments: --bogus" in err


def test_cli_worker_port_taken_is_one_line_before_anything_starts() -> None:
    from streams.errors import ConfigError
    from streams.settings import Settings
    from streams.worker import bind_web_port

    first = bind_web_port(Settings(web_port=0))
    port = first.getsockname()[1]
    try:
        with pytest.raises(ConfigError) as info:
            bind_web_port(Settings(web_port=port))
        message = str(info.value)
        assert f"port {port}" in message and "STREAMS_WEB_PORT" in message
        assert "\n" not in message
    finally:
        first.close()

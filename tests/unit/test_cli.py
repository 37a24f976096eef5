import pytest

from streams.cli import build_parser, main

COMMANDS = [
    "demo",
    "worker",
    "broker",
    "topics",
    "publish",
    "tail",
    "extract",
    "evaluate",
    "schemas",
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

import json
from pathlib import Path

import pytest

from streams.articles_io import parse_text_article, read_articles
from streams.errors import PublishError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_articles_io_text_header_parsed() -> None:
    fields = parse_text_article("Title: A\nDate: 2025-01-02T03:04:05Z\nSource: S\n\nBody here.\n")
    assert fields == {
        "title": "A",
        "published_at": "2025-01-02T03:04:05Z",
        "source": "S",
        "text": "Body here.",
    }


def test_articles_io_text_without_header_is_all_body() -> None:
    assert parse_text_article("Kyiv: the capital.\n\nMore.") == {
        "text": "Kyiv: the capital.\n\nMore."
    }


def test_articles_io_seed_file_has_date_and_id() -> None:
    loaded = list(read_articles([str(SEEDS / "01-russia-overnight-assault-ukraine.txt")]))
    assert len(loaded) == 1
    article = loaded[0].article
    assert article.id == "seed-2025-10-22-ukraine-assault"
    assert (
        article.published_at is not None and article.published_at.date().isoformat() == "2025-10-22"
    )
    assert article.text.startswith("KYIV, Ukraine")


def test_articles_io_jsonl_and_json(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": "1", "text": "one"}\n\n{"id": "2", "text": "two"}\n')
    json_file = tmp_path / "b.json"
    json_file.write_text(json.dumps([{"id": "3", "text": "three"}]))
    ids = [item.article.id for item in read_articles([str(jsonl), str(json_file)])]
    assert ids == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.jsonl", b'{"text": "ok"}\n{oops\n', "bad.jsonl:2: not JSON"),
        ("latin.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("empty.jsonl", b'{"text": "  "}\n', "invalid article"),
        ("list.jsonl", b"[1]\n", "expected a JSON object"),
    ],
)
def test_articles_io_errors_name_file_and_cause(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PublishError, match=message) as info:
        list(read_articles([str(path)]))
    assert name in str(info.value)


def test_articles_io_missing_file() -> None:
    with pytest.raises(PublishError, match="no such file"):
        list(read_articles(["/nonexistent/article.txt"]))

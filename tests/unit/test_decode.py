import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.decode import MAX_JSON_DEPTH, REASONS, Rejected, decode_article
from streams.schemas import Article

LIMIT = 10_000


def _reason(raw: bytes | None) -> str:
    result = decode_article(raw, max_bytes=LIMIT)
    assert isinstance(result, Rejected), result
    return result.reason


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "missing_text"),
        (None, "missing_text"),
        (b"\xff\xfe not utf8", "not_utf8"),
        (b"{not json", "not_json"),
        (b"[1, 2]", "not_object"),
        (b'"just a string"', "not_object"),
        (b'{"title": "no text"}', "missing_text"),
        (b'{"text": "   \\n\\t "}', "empty_text"),
        (b'{"text": ""}', "empty_text"),
        (b'{"text": 42}', "invalid"),
        (b'{"text": "ok", "published_at": "yesterday-ish"}', "invalid"),
        (b'{"text": "ok", "id": [1]}', "invalid"),
        (b"x" * (LIMIT + 1), "too_large"),
        (b"[" * (MAX_JSON_DEPTH + 5) + b"]" * (MAX_JSON_DEPTH + 5), "too_deep"),
    ],
)
def test_decode_rejects_with_reason(raw: bytes | None, reason: str) -> None:
    assert _reason(raw) == reason


def test_decode_valid_article_derives_id_from_url() -> None:
    raw = json.dumps({"text": "Body.", "url": "https://example.org/a"}).encode()
    article = decode_article(raw, max_bytes=LIMIT)
    assert isinstance(article, Article)
    assert article.text == "Body."
    assert article.id.startswith("a-")
    same = decode_article(raw, max_bytes=LIMIT)
    assert isinstance(same, Article) and same.id == article.id


def test_decode_unknown_keys_kept_in_metadata_and_int_id() -> None:
    raw = b'{"id": 7, "text": "Body.", "author": "A. Writer", "metadata": {"desk": "world"}}'
    article = decode_article(raw, max_bytes=LIMIT)
    assert isinstance(article, Article)
    assert article.id == "7"
    assert article.metadata == {"desk": "world", "author": "A. Writer"}


def test_decode_naive_date_is_utc() -> None:
    article = decode_article(b'{"text": "Body.", "published_at": "2024-01-24"}', max_bytes=LIMIT)
    assert isinstance(article, Article) and article.published_at is not None
    assert article.published_at.isoformat() == "2024-01-24T00:00:00+00:00"


def test_decode_keeps_given_id_and_date() -> None:
    raw = b'{"id": "x1", "text": "Body.", "published_at": "2025-10-22T09:00:00Z"}'
    article = decode_article(raw, max_bytes=LIMIT)
    assert isinstance(article, Article)
    assert article.id == "x1"
    assert article.published_at is not None and article.published_at.day == 22


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_random_bytes_never_raise(raw: bytes) -> None:
    result = decode_article(raw, max_bytes=LIMIT)
    assert isinstance(result, Article | Rejected)
    if isinstance(result, Rejected):
        assert result.reason in REASONS


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "text",
                "title",
                "url",
                "source",
                "language",
                "published_at",
                "metadata",
                "other",
            ]
        ),
        json_values,
    )
)
def test_decode_random_objects_end_as_article_or_reason(data: dict[str, object]) -> None:
    raw = json.dumps(data).encode()
    result = decode_article(raw, max_bytes=100_000)
    if isinstance(result, Article):
        assert isinstance(data.get("text"), str) and str(data["text"]).strip()
    else:
        assert result.reason in REASONS


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
def test_decode_any_text_field_is_article_or_empty(text: str) -> None:
    result = decode_article(json.dumps({"text": text}).encode(), max_bytes=LIMIT)
    if text.strip():
        assert isinstance(result, Article) and result.text == text
    else:
        assert isinstance(result, Rejected) and result.reason == "empty_text"


@pytest.mark.parametrize("key", ["date", "publishedAt", "published"])
def test_decode_other_names_of_the_publication_time(key: str) -> None:
    article = Article.model_validate({"id": "a", "text": "x", key: "2024-03-14T08:00:00Z"})
    assert article.published_at == datetime(2024, 3, 14, 8, tzinfo=UTC)
    assert article.metadata == {key: "2024-03-14T08:00:00Z"}


def test_decode_published_at_wins_over_other_names() -> None:
    data = {"text": "x", "published_at": "2024-03-14T08:00:00Z", "date": "2020-01-01"}
    assert Article.model_validate(data).published_at == datetime(2024, 3, 14, 8, tzinfo=UTC)

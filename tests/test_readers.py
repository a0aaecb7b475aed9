from pathlib import Path

import pytest

from tidings.errors import ArticleTooLarge, BinaryContent, EmptyArticle, UnreadableArticle
from tidings.ingest.readers import InputNotFound, date_from_name, decode, read_articles
from tidings.model import Article


def _one(path: Path):
    items = list(read_articles(str(path)))
    assert len(items) == 1
    return items[0]


def test_readers_markdown_heading_is_the_title_and_name_gives_the_date(tmp_path):
    f = tmp_path / "2022-01-11_geneva.md"
    f.write_text("# Talks stall\n\nThe talks stalled on Tuesday.\n", encoding="utf-8")
    a = _one(f)
    assert isinstance(a, Article)
    assert (a.title, a.text, a.published, a.id) == ("Talks stall", "The talks stalled on Tuesday.\n", "2022-01-11", "2022-01-11_geneva")


def test_readers_published_option_wins_over_the_file_name(tmp_path):
    f = tmp_path / "story_2016-09-12_x.txt"
    f.write_text("Some text here.", encoding="utf-8")
    assert _one(f).published == "2016-09-12"
    assert list(read_articles(str(f), "2020-02-02"))[0].published == "2020-02-02"


def test_readers_folder_skips_readme_and_unknown_suffixes(tmp_path):
    (tmp_path / "README.md").write_text("about this folder")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "b.html").write_text("<html><body><p>Second article text in a page.</p></body></html>")
    (tmp_path / "notes.csv").write_text("x,y")
    items = list(read_articles(str(tmp_path)))
    assert [i.id for i in items] == ["a", "b"]
    assert "Second article" in items[1].text


def test_readers_jsonl_bad_line_is_reported_and_the_rest_read(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "one", "text": "Fine.", "published": "2021-05-05"}\n{broken\n[1,2]\n{"id": 4}\n{"text": "No id."}\n')
    items = list(read_articles(str(f)))
    assert isinstance(items[0], Article) and items[0].published == "2021-05-05"
    assert isinstance(items[1], UnreadableArticle) and "line 2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert isinstance(items[2], UnreadableArticle) and "JSON object" in str(items[2])
    assert isinstance(items[3], EmptyArticle) and "line 4" in str(items[3])
    assert isinstance(items[4], Article) and items[4].id == "in-5"


def test_readers_bad_files_become_errors_naming_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 4_200_000)
    assert isinstance(_one(empty), EmptyArticle) and "empty.txt" in str(_one(empty))
    assert isinstance(_one(binary), BinaryContent)
    err = _one(huge)
    assert isinstance(err, ArticleTooLarge) and "huge.txt" in str(err)


def test_readers_windows_1252_text_is_decoded():
    text = "Le président a déclaré que les négociations à Genève étaient terminées.".encode("cp1252")
    assert "négociations" in decode(text, "x.txt")


def test_readers_undecodable_bytes_are_an_unreadable_article():
    with pytest.raises((UnreadableArticle, BinaryContent)):
        decode(b"\xff\xfe\xfa" * 50 + b"\x81\x8d\x8f\x90\x9d" * 50, "bad.txt")


def test_readers_broken_html_still_gives_text(tmp_path):
    f = tmp_path / "broken.html"
    f.write_text("<html><body><div><p>Rebels seized the town on Sunday, officials said.<p>Another line<div></span>")
    a = _one(f)
    assert isinstance(a, Article) and "Rebels seized the town" in a.text


def test_readers_missing_path_raises():
    with pytest.raises(InputNotFound):
        list(read_articles("/no/such/place"))


def test_readers_date_from_name():
    assert date_from_name("breitbart_2016-09-12_stealth.txt") == "2016-09-12"
    assert date_from_name("2016-13-12.txt") is None

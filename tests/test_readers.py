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


# -- encodings, binary content, markup -----------------------------------------------------------

QUAY = "The quay reopened on Tuesday after repairs, the port authority said. Ferries resume next week."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_readers_utf16_and_utf32_text_with_a_byte_order_mark_is_read(tmp_path, codec):
    f = tmp_path / "quay.txt"
    data = QUAY.encode(codec)
    if codec.endswith("-be"):
        data = ("\ufeff" + QUAY).encode(codec)  # the -be codecs write no mark of their own
    f.write_bytes(data)
    a = _one(f)
    assert isinstance(a, Article), a
    assert a.text == QUAY


def test_readers_a_nul_byte_deep_in_a_file_makes_it_binary(tmp_path):
    f = tmp_path / "late-nul.txt"
    f.write_bytes(((QUAY + "\n") * 120).encode() + b"\x00tail")
    assert f.read_bytes().index(b"\x00") > 8192
    err = _one(f)
    assert isinstance(err, BinaryContent) and "late-nul.txt" in str(err) and "NUL" in str(err)


def test_readers_html_with_only_script_style_and_title_has_no_text(tmp_path):
    f = tmp_path / "app.html"
    f.write_text("<html><head><title>Harbour live</title><style>p { color: red }</style></head>"
                 "<body><script>document.write('loading');</script><noscript></noscript></body></html>")
    err = _one(f)
    assert isinstance(err, EmptyArticle) and str(err).startswith(f"{f}: HTML page has no text")


def test_readers_html_nested_50000_levels_deep_gives_its_text(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text("<html><head><title>Deep page</title></head><body>" + "<div>" * 50_000
                 + f"<p>{QUAY}</p>" + "</div>" * 50_000 + "</body></html>")
    a = _one(f)
    assert isinstance(a, Article) and a.text == QUAY


# -- JSON Lines records: field types, residue, ids ---------------------------------------------------

def test_readers_jsonl_fields_of_the_wrong_type_are_one_error_each(tmp_path):
    f = tmp_path / "typed.jsonl"
    records = [
        {"id": "ok", "text": QUAY, "title": "Quay reopens"},
        {"id": "t-list", "text": QUAY, "title": ["Quay", "reopens"]},
        {"id": "t-object", "text": QUAY, "title": {"en": "Quay"}},
        {"id": "text-number", "text": 17},
        {"id": "text-null", "text": None},
        {"id": ["a"], "text": QUAY},
        {"id": "url-number", "text": QUAY, "url": 5},
        {"id": "date-bool", "text": QUAY, "published": True},
        {"id": 42, "text": QUAY + " Again.", "title": 1984, "outlet": "Harbour Times"},
    ]
    f.write_text("".join(__import__("json").dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read_articles(str(f)))
    assert [type(i).__name__ for i in items] == ["Article", "BadRecord", "BadRecord", "BadRecord", "EmptyArticle",
                                                 "BadRecord", "BadRecord", "BadRecord", "Article"]
    assert str(items[1]) == f"{f} line 2: field 'title' must be a string, not a list"
    assert str(items[2]) == f"{f} line 3: field 'title' must be a string, not an object"
    assert str(items[3]) == f"{f} line 4: field 'text' must be a string, not a number"
    assert str(items[4]) == f"{f} line 5: record has no 'text'"
    assert str(items[5]) == f"{f} line 6: field 'id' must be a string or a whole number, not a list"
    assert str(items[6]) == f"{f} line 7: field 'url' must be a string, not a number"
    assert str(items[7]) == f"{f} line 8: field 'published' must be a string, not true/false"
    assert all("\n" not in str(i) for i in items)
    last = items[8]
    assert (last.id, last.title, last.outlet) == ("42", "1984", "Harbour Times")


def test_readers_jsonl_text_with_a_nul_character_is_binary(tmp_path):
    f = tmp_path / "nul.jsonl"
    f.write_text(__import__("json").dumps({"id": "n", "text": QUAY * 80 + "\u0000end"}) + "\n", encoding="utf-8")
    err = _one(f)
    assert isinstance(err, BinaryContent) and str(err).startswith(f"{f} line 1: text contains a NUL character")


def test_readers_jsonl_html_entity_residue_is_unescaped(tmp_path):
    f = tmp_path / "scraped.jsonl"
    record = {"id": "r1", "title": "Dockers #39; union  quot;ready to talk quot;",
              "text": "The dockers #39; union said it was  quot;ready to talk quot; with Smith  amp; Sons "
                      "&lt;A HREF=\"http://quotes.invalid/q?s=SMS.L\"&gt;SMS.L&lt;/A&gt; about pay worth  #36;4 "
                      "million &amp; more.&lt;p&gt;Talks begin on Monday."}
    f.write_text(__import__("json").dumps(record) + "\n", encoding="utf-8")
    a = _one(f)
    assert a.title == 'Dockers\' union "ready to talk"'
    assert a.text == ("The dockers' union said it was \"ready to talk\" with Smith & Sons SMS.L about pay worth "
                      "$4 million & more.\nTalks begin on Monday.")


def test_readers_jsonl_markup_written_as_such_is_text_and_kept(tmp_path):
    f = tmp_path / "literal.jsonl"
    text = "The page showed <b>Closed</b> and <img src=x> where the timetable should be."
    f.write_text(__import__("json").dumps({"id": "m", "text": text}) + "\n", encoding="utf-8")
    assert _one(f).text == text


def test_readers_files_in_a_folder_are_named_by_their_path_in_it(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "index.txt").write_text(f"{QUAY} Report from desk {sub}.", encoding="utf-8")
        (tmp_path / sub / "feed.jsonl").write_text('{"text": "Record from %s."}\n' % sub, encoding="utf-8")
    (tmp_path / "top.txt").write_text(QUAY, encoding="utf-8")
    items = list(read_articles(str(tmp_path)))
    assert sorted(i.id for i in items) == ["a/feed-1", "a/index", "b/feed-1", "b/index", "top"]
    assert _one(tmp_path / "a" / "index.txt").id == "index"  # a file read alone keeps its name


def test_readers_standard_input_is_named_by_what_it_says(monkeypatch):
    import io
    import sys

    def read(data: bytes):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        return list(read_articles("-"))

    [first] = read(QUAY.encode())
    [second] = read((QUAY + " More.").encode())
    assert first.id.startswith("stdin-") and first.id != second.id
    assert read(QUAY.encode())[0].id == first.id
    records = read(b'{"text": "One record."}\n{"text": "Another record."}\n')
    assert len({r.id for r in records}) == 2 and all(r.id.startswith("stdin-") for r in records)

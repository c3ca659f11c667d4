"""Ingest: decoding, HTML reduction, identity, accounting and writing, on real DuckDB files."""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from pathlib import Path

import duckdb
import polars as pl
import pytest

import corroborate.ingest as ingest
from corroborate.db import PROJECT_ROOT, connect
from corroborate.ingest import IngestSummary, article_id, identity_form, ingest_paths, read_records
from corroborate.language import detect_language
from corroborate.textio import DecodeError, decode_bytes, html_to_text, looks_like_html

SEEDS = PROJECT_ROOT / "seeds"

FRENCH = (
    "Les États-Unis estiment qu’environ 10\u00a0000 soldats nord-coréens sont en Russie, "
    "selon le Pentagone. « C’est très grave », a déclaré la porte-parole ; l’aide coûte 5\u202f€."
)
ENGLISH = (
    "The Pentagon said that about 10,000 North Korean soldiers have been sent to Russia, "
    "and some of them are already moving closer to Ukraine."
)
GERMAN = (
    "Nordkorea hat nach Angaben des Pentagons etwa 10.000 Soldaten zur Ausbildung nach Russland "
    "geschickt. Einige von ihnen seien bereits näher an die Ukraine herangerückt, sagte eine "
    "Sprecherin am Montag in Washington."
)


def french(n: int) -> str:
    """A distinct French article text."""
    return f"Article {n}. " + FRENCH


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = connect(tmp_path / "db" / "corroborate.duckdb")
    yield connection
    connection.close()


def log_by_record(log: pl.DataFrame) -> dict[tuple[str, int], dict[str, object]]:
    return {(Path(row["source_path"]).name, row["record_no"]): row for row in log.iter_rows(named=True)}


# --- decoding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected_codec"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16-le"),  # Python writes a BOM and little-endian
        ("utf-16-be-bom", "utf-16-be"),
        ("cp1252", "cp1252"),
    ],
)
def test_each_encoding_is_decoded_to_the_same_text(tmp_path: Path, encoding: str, expected_codec: str) -> None:
    # cp1252 has no narrow no-break space (U+202F); it has the plain one.
    original = FRENCH.replace("\u202f", "\u00a0") if encoding == "cp1252" else FRENCH
    data = b"\xfe\xff" + original.encode("utf-16-be") if encoding == "utf-16-be-bom" else original.encode(encoding)
    assert decode_bytes(data).encoding == expected_codec
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    records, log = read_records([path])
    assert log["status"].to_list() == ["stored"]
    text = records["text"].item()
    assert text == original  # é, ’, «, € and the no-break spaces come out right, no BOM left
    assert "10\u00a0000" in text and "5\u202f€" in FRENCH
    assert records["article_id"].item() == article_id(original)


def test_latin1_french_is_decoded() -> None:
    text = "Le ministère a déclaré « 3 000 soldats » à Séoul, où l'on s'inquiète."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_utf16_without_bom_is_recognised() -> None:
    assert decode_bytes(FRENCH.encode("utf-16-le")).text == FRENCH


def test_decoding_gives_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Décembre à Pyongyang")
    assert decode_bytes(decomposed.encode("utf-8")).text == "Décembre à Pyongyang"


def test_cyrillic_legacy_text_goes_to_the_fallback_detector() -> None:
    text = "Северная Корея отправила около десяти тысяч солдат в Россию, заявили в Пентагоне."
    assert decode_bytes(text.encode("cp1251")).text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\xff\xfe\x00\xd8",  # a UTF-16 BOM followed by a lone surrogate
    ],
)
def test_binary_content_raises_a_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode_bytes(data)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_file_is_reduced_to_its_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Soldats &amp; Russie</title>"
        "<style>p { color: red }</style><script>var n = 12000;</script></head>"
        "<body><h1>Titre</h1><p>Le Pentagone estime à 10&nbsp;000\n   le nombre de soldats.</p>"
        "<p>Fin<br>de l’article &laquo;cité&raquo;.</p></body></html>",
        encoding="utf-8",
    )
    records, _ = read_records([tmp_path / "page.html"])
    row = records.row(0, named=True)
    assert row["text"] == "Titre\nLe Pentagone estime à 10\u00a0000 le nombre de soldats.\nFin\nde l’article «cité»."
    assert row["title"] == "Soldats & Russie"
    assert "12000" not in row["text"] and "color" not in row["text"]


def test_markup_inside_txt_and_json_is_reduced_but_plain_text_is_not(tmp_path: Path) -> None:
    (tmp_path / "markup.txt").write_text("<p>Selon Kiev, 3 000 soldats</p><p>sont déjà là.</p>", encoding="utf-8")
    (tmp_path / "record.json").write_text(
        json.dumps({"id": "r1", "text": "<div>Selon Séoul, <b>1 500</b> soldats sont au front.</div>"}),
        encoding="utf-8",
    )
    plain = "Selon Kiev, si x < 3 et y > 2 alors <b> reste du texte ; 4 000 soldats sont là."
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    records, _ = read_records([tmp_path])
    texts = dict(zip(records["external_id"], records["text"], strict=True))
    assert texts["markup"] == "Selon Kiev, 3 000 soldats\nsont déjà là."
    assert texts["r1"] == "Selon Séoul, 1 500 soldats sont au front."
    assert texts["plain"] == plain


def test_html_detection_is_conservative() -> None:
    assert not looks_like_html("si x < 3 et y > 2")
    assert not looks_like_html("un seul <b> ne fait pas une page")
    assert looks_like_html("<p>un</p>")
    assert looks_like_html("<!doctype html>texte")
    assert html_to_text("a&nbsp;b")[0] == "a\u00a0b"


# --- identity -----------------------------------------------------------------------------------


def test_identity_collapses_whitespace_and_keeps_case() -> None:
    assert identity_form("  Trois  mille\n\tsoldats\u00a0 ") == "Trois mille soldats"
    assert article_id("Trois mille soldats") == article_id(" Trois\n mille  soldats\n")
    assert article_id("Trois mille soldats") != article_id("trois mille soldats")
    assert len(article_id("x")) == 16 and int(article_id("x"), 16) >= 0


def test_stored_text_is_not_rewritten(tmp_path: Path) -> None:
    text = "\ufeff  Premier paragraphe : 10\u00a0000 soldats.\r\n\r\nSecond  paragraphe, selon Kiev.  \n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    records, _ = read_records([tmp_path / "a.txt"])
    assert records["text"].item() == text.removeprefix("\ufeff")


# --- accounting ---------------------------------------------------------------------------------


def build_mixed_folder(folder: Path) -> dict[tuple[str, int], tuple[str, str | None]]:
    """A folder with good inputs and every kind of bad one; returns the expected (status, reason
    fragment) per (file name, record_no)."""
    folder.mkdir()
    expected: dict[tuple[str, int], tuple[str, str | None]] = {}

    def add(name: str, data: bytes | str, status: str, reason: str | None, record_no: int = 0) -> None:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        expected[(name, record_no)] = (status, reason)

    add("good.txt", french(1), "stored", "published_at 'hier'")
    add("good.json", json.dumps({"id": "g-2", "outlet": "Le Temps", "text": french(2)}), "stored", None)
    add("page.html", f"<html><body><p>{french(3)}</p></body></html>", "stored", None)
    add("cp1252.txt", french(4).replace("\u202f", " ").encode("cp1252"), "stored", None)
    add("empty.txt", "", "rejected", "empty text")
    add("blank.txt", "  \n\t \u00a0\n", "rejected", "empty text")
    add("binary.txt", b"\x00\x01\x02\x03PK\x00\x00binary", "rejected", "binary content")
    add("undecodable.txt", bytes(range(128, 256)) * 3, "rejected", "undecodable")
    add("broken.json", '{"id": "b", "text": "Selon Kiev', "rejected", "broken JSON")
    add("list.json", json.dumps([{"text": french(5)}]), "rejected", "holds a list")
    add("notext.json", json.dumps({"id": "n", "title": "sans texte"}), "rejected", "no 'text' field")
    add("numtext.json", json.dumps({"id": "n2", "text": 42}), "rejected", "'text' is a number")
    add("big.txt", french(6) + " " + "x" * 1200, "rejected", "over the limit of 1,000 bytes")
    add("image.png", b"\x89PNG\r\n\x1a\n", "rejected", "unsupported file type '.png'")
    add("notes", "sans extension", "rejected", "without an extension")
    add("german.txt", GERMAN, "rejected", "unsupported language")
    lines = [
        json.dumps({"id": "l1", "text": french(7), "published_at": "2024-10"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": None}),
        json.dumps({"text": french(8), "language": "French"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "x" * 1200}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected[("feed.jsonl", 1)] = ("stored", None)
    expected[("feed.jsonl", 2)] = ("rejected", "line 2 is not JSON")
    expected[("feed.jsonl", 4)] = ("rejected", "holds a list")
    expected[("feed.jsonl", 5)] = ("rejected", "'text' is null")
    expected[("feed.jsonl", 6)] = ("stored", None)
    expected[("feed.jsonl", 7)] = ("rejected", "empty text")
    expected[("feed.jsonl", 8)] = ("rejected", "over the limit of 1,000 bytes")
    (folder / "manifest.csv").write_text(
        "file,outlet,url,published_at,language,title\n"
        "good.txt,La Croix,https://example.org/a,hier,fr,Un titre\n"
        "missing.txt,X,,,,\n",
        encoding="utf-8",
    )
    expected[("manifest.csv", 3)] = ("rejected", "no file named 'missing.txt'")
    (folder / "broken-link.txt").symlink_to(folder / "does-not-exist.txt")
    expected[("broken-link.txt", 0)] = ("rejected", "does not exist")
    os.mkfifo(folder / "pipe.txt")
    expected[("pipe.txt", 0)] = ("rejected", "not a regular file")
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text(french(9), encoding="utf-8")
    expected[("nested.txt", 0)] = ("stored", None)
    (folder / ".hidden.txt").write_text(french(10), encoding="utf-8")  # skipped: not an input
    (folder / "aliases.csv").write_text("alias,source\n", encoding="utf-8")  # a sidecar, not an input
    add("export.csv", f"id,text\nx-1,{french(11)}\n", "rejected", "unsupported file type '.csv': inputs are .txt")
    add("Manifest.CSV", "file,outlet\ngood.txt,Le Monde\n", "rejected", "the only CSV file read is manifest.csv")
    return expected


def test_mixed_folder_every_record_is_accounted_for_once(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    folder = tmp_path / "inbox"
    expected = build_mixed_folder(folder)
    summary = ingest_paths(con, [folder], "run-1", max_bytes=1000)

    log = con.sql("SELECT source_path, record_no, status, article_id, external_id, reason FROM ingest_log").pl()
    rows = log_by_record(log)
    assert len(rows) == log.height, "one log row per record"
    assert set(rows) == set(expected)
    for key, (status, fragment) in expected.items():
        row = rows[key]
        assert row["status"] == status, (key, row)
        if fragment is None:
            assert row["reason"] is None, (key, row)
        else:
            assert fragment in row["reason"], (key, row)
        assert (row["article_id"] is None) == (status == "rejected"), (key, row)

    stored = [key for key, (status, _) in expected.items() if status == "stored"]
    assert summary == IngestSummary(stored=len(stored), duplicate=0, rejected=len(expected) - len(stored), warnings=1)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0] == (len(stored),)
    articles = {
        row[0]: row[1:] for row in con.sql("SELECT external_id, outlet, title, language FROM articles").fetchall()
    }
    assert articles["good"] == ("La Croix", "Un titre", "fr")
    assert articles["g-2"] == ("Le Temps", None, "fr")
    assert articles["l1"][0] == "unknown"
    assert set(articles) == {"good", "g-2", "page", "cp1252", "l1", "feed:6", "nested"}
    cp1252_text = con.execute("SELECT text FROM articles WHERE external_id = 'cp1252'").fetchall()[0][0]
    assert cp1252_text == french(4).replace("\u202f", " ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(french(1), encoding="utf-8")
    path.chmod(0)
    try:
        _, log = read_records([path])
    finally:
        path.chmod(0o600)
    assert log["status"].to_list() == ["rejected"]
    assert "permission denied" in log["reason"].item()


def test_permission_error_is_rejected_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as chmod 000, for runs as root (which reads any file)."""
    path = tmp_path / "secret.txt"
    path.write_text(french(1), encoding="utf-8")
    real_open = Path.open

    def denied(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    _, log = read_records([tmp_path])
    assert log.select("status", "reason").row(0) == ("rejected", "unreadable: permission denied")


def test_missing_input_path_is_rejected(tmp_path: Path) -> None:
    _, log = read_records([tmp_path / "nowhere.txt"])
    assert log.select("status", "reason").row(0) == (
        "rejected",
        "unreadable: the file does not exist (a broken symbolic link?)",
    )


def test_size_limit_reason_gives_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(french(1), encoding="utf-8")
    size = path.stat().st_size
    _, log = read_records([path], max_bytes=100)
    assert log["reason"].item() == f"file is {size:,} bytes, over the limit of 100 bytes"
    records, _ = read_records([path], max_bytes=size)
    assert records.height == 1


def test_external_ids(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": 17, "text": french(1)}) + "\n" + json.dumps({"text": french(2)}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "one.json").write_text(json.dumps({"text": french(3)}), encoding="utf-8")
    records, _ = read_records([tmp_path])
    assert records["external_id"].to_list() == ["17", "feed:2", "one"]
    assert records["record_no"].to_list() == [1, 2, 0]


# --- duplicates ---------------------------------------------------------------------------------


def test_same_text_twice_is_one_article(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    spaced = "  " + FRENCH.replace(" ", "  \n").replace("\u00a0", " ") + "\n"
    (tmp_path / "c.json").write_text(json.dumps({"id": "c", "text": spaced}), encoding="utf-8")
    summary = ingest_paths(con, [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.json"], "run-1")
    assert (summary.stored, summary.duplicate, summary.rejected) == (1, 2, 0)
    log = con.sql("SELECT status, article_id, reason FROM ingest_log ORDER BY source_path").fetchall()
    assert [row[0] for row in log] == ["stored", "duplicate", "duplicate"]
    assert len({row[1] for row in log}) == 1
    assert "same text as" in log[1][2] and "a.txt" in log[1][2]
    assert con.execute("SELECT count(*), any_value(text) FROM articles").fetchall()[0] == (1, FRENCH)


def test_reingesting_a_folder_stores_nothing_new(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    folder = tmp_path / "inbox"
    expected = build_mixed_folder(folder)
    first = ingest_paths(con, [folder], "run-1", max_bytes=1000)
    articles_before = con.sql("SELECT * FROM articles ORDER BY article_id").fetchall()
    second = ingest_paths(con, [folder], "run-2", max_bytes=1000)
    assert second.stored == 0
    assert second.duplicate == first.stored
    assert second.rejected == first.rejected
    assert con.sql("SELECT * FROM articles ORDER BY article_id").fetchall() == articles_before
    counts = con.sql("SELECT run_id, count(*) FROM ingest_log GROUP BY run_id ORDER BY run_id").fetchall()
    assert counts == [("run-1", len(expected)), ("run-2", len(expected))]
    reasons = con.sql("SELECT reason FROM ingest_log WHERE run_id = 'run-2' AND status = 'duplicate'").fetchall()
    assert all(reason.startswith("same text as an article already stored") for (reason,) in reasons)


def test_an_id_stored_by_an_earlier_run_with_another_text_is_flagged(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """Reusing an id across runs is flagged as within a run: both texts kept, the stored one untouched."""
    first_feed, second_feed = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    first_feed.write_text(
        json.dumps({"id": "a-1", "text": french(1)}) + "\n" + json.dumps({"id": "b-2", "text": french(2)}) + "\n",
        encoding="utf-8",
    )
    ingest_paths(con, [first_feed], "run-1")
    stored_before = con.sql("SELECT * FROM articles ORDER BY article_id").fetchall()

    second_feed.write_text(
        "\n".join(
            json.dumps(record)
            for record in [
                {"id": "a-1", "text": french(1) + " Mise à jour : le bilan a changé."},  # same id, new text
                {"id": "b-2", "text": french(2)},  # same id, same text: a plain duplicate
                {"id": "c-3", "text": french(3)},  # a new id
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    summary = ingest_paths(con, [second_feed], "run-2")
    assert (summary.stored, summary.duplicate, summary.rejected) == (2, 1, 0)
    assert summary.warnings == 1
    rows = {
        record_no: (status, reason)
        for record_no, status, reason in con.execute(
            "SELECT record_no, status, reason FROM ingest_log WHERE run_id = 'run-2'"
        ).fetchall()
    }
    first_id = article_id(french(1))
    assert rows[1][0] == "stored"
    assert rows[1][1] == (
        f"id 'a-1' is already stored with a different text (article {first_id}, run run-1); both are kept"
    )
    assert rows[2] == ("duplicate", "same text as an article already stored")
    assert rows[3] == ("stored", None)

    # The stored article is untouched; the new text is kept beside it.
    assert con.sql("SELECT * FROM articles WHERE run_id = 'run-1' ORDER BY article_id").fetchall() == stored_before
    texts = con.execute("SELECT run_id, text FROM articles WHERE external_id = 'a-1' ORDER BY run_id").fetchall()
    assert texts == [("run-1", french(1)), ("run-2", french(1) + " Mise à jour : le bilan a changé.")]

    # A third text under the same id names how many texts the id already has.
    (tmp_path / "wednesday.json").write_text(json.dumps({"id": "a-1", "text": french(4)}), encoding="utf-8")
    ingest_paths(con, [tmp_path / "wednesday.json"], "run-3")
    (reason,) = con.execute("SELECT reason FROM ingest_log WHERE run_id = 'run-3'").fetchall()[0]
    assert reason.startswith("id 'a-1' is already stored with 2 different texts") and "each is kept" in reason


# --- metadata -----------------------------------------------------------------------------------


def test_manifest_metadata_is_applied(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(french(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(french(2), encoding="utf-8")
    (tmp_path / "c.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "d.txt").write_text(french(4), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file;outlet;url;published_at;language;title\n"
        "a.txt;Le Monde;https://example.org/a;2024-10;French;Titre A\n"
        "b.txt;;;28 octobre 2024;fr-FR;\n"
        "c.txt;BBC;;2024;;\n",
        encoding="cp1252",
    )
    records, log = read_records([tmp_path])
    assert log["status"].to_list() == ["stored"] * 4
    rows = {row["external_id"]: row for row in records.iter_rows(named=True)}
    assert rows["a"] | {"text": None, "article_id": None} == {
        "article_id": None,
        "external_id": "a",
        "outlet": "Le Monde",
        "url": "https://example.org/a",
        "title": "Titre A",
        "published_at": dt.date(2024, 10, 1),
        "published_precision": "month",
        "language": "fr",
        "text": None,
        "source_path": str(tmp_path / "a.txt"),
        "record_no": 0,
    }
    assert (rows["b"]["outlet"], rows["b"]["published_at"], rows["b"]["published_precision"]) == (
        "unknown",
        dt.date(2024, 10, 28),
        "day",
    )
    assert (rows["c"]["published_at"], rows["c"]["published_precision"], rows["c"]["language"]) == (
        dt.date(2024, 1, 1),
        "year",
        "en",
    )
    assert (rows["d"]["outlet"], rows["d"]["published_at"], rows["d"]["language"]) == ("unknown", None, "fr")


def test_explicit_file_takes_its_folders_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(french(1), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,url,published_at,language,title\na.txt,Le Monde,,2024-10-28,fr,\nghost.txt,X,,,,\n",
        encoding="utf-8",
    )
    records, log = read_records([tmp_path / "a.txt"])
    assert records["outlet"].item() == "Le Monde"
    assert log.height == 1  # rows for files not asked for are not reported


def test_bad_manifest_header_is_reported_and_articles_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(french(1), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("name,outlet\na.txt,Le Monde\n", encoding="utf-8")
    records, log = read_records([tmp_path])
    assert records["outlet"].to_list() == ["unknown"]
    manifest_row = log.filter(pl.col("source_path").str.ends_with("manifest.csv")).row(0, named=True)
    assert manifest_row["status"] == "rejected" and "no 'file' column" in manifest_row["reason"]


def test_bad_published_at_keeps_the_article_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"text": french(1), "published_at": "2024-13-45"}), encoding="utf-8")
    records, log = read_records([tmp_path])
    assert records["published_at"].to_list() == [None]
    assert records["published_precision"].to_list() == [None]
    assert log["status"].item() == "stored"
    assert "published_at '2024-13-45'" in log["reason"].item()


@pytest.mark.parametrize(
    ("raw", "date", "precision"),
    [
        ("2024-10-28", dt.date(2024, 10, 28), "day"),
        ("2024-10-28T23:30:00-05:00", dt.date(2024, 10, 28), "day"),
        ("2024-10-28T01:00:00Z", dt.date(2024, 10, 28), "day"),
        ("2024-10", dt.date(2024, 10, 1), "month"),
        ("2024", dt.date(2024, 1, 1), "year"),
        ("28 octobre 2024", dt.date(2024, 10, 28), "day"),
        ("mardi 1er novembre 2022", dt.date(2022, 11, 1), "day"),
        ("October 28, 2024", dt.date(2024, 10, 28), "day"),
        ("31 février 2024", None, None),
        ("la semaine dernière", None, None),
    ],
)
def test_published_at_forms(tmp_path: Path, raw: str, date: dt.date | None, precision: str | None) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"text": french(1), "published_at": raw}), encoding="utf-8")
    records, _ = read_records([tmp_path])
    assert records.select("published_at", "published_precision").row(0) == (date, precision)


def test_language_declared_detected_or_rejected(tmp_path: Path) -> None:
    lines = [
        {"id": "declared", "text": ENGLISH, "language": "FR"},  # the declaration wins when supported
        {"id": "detected", "text": "Officials in Kyiv said that " + ENGLISH},
        {"id": "wrong-tag", "text": french(1), "language": "de"},
        {"id": "german", "text": GERMAN},
        {"id": "short", "text": "10 000 soldats"},
        {"id": "short-de", "text": "10 000 Soldaten", "language": "de"},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    records, log = read_records([tmp_path])
    languages = dict(zip(records["external_id"], records["language"], strict=True))
    assert languages == {"declared": "fr", "detected": "en", "wrong-tag": "fr", "short": None}
    reasons = dict(zip(log["external_id"], log["reason"], strict=True))
    assert "declared language 'de' is not supported" in reasons["wrong-tag"]
    assert reasons["german"].startswith("unsupported language")
    assert "language not determined" in reasons["short"]
    assert reasons["short-de"].startswith("unsupported language: declared 'de'")


def test_detect_language() -> None:
    assert detect_language(FRENCH) == "fr"
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN) is None
    assert detect_language("") is None


# --- seeds and the database ---------------------------------------------------------------------


def test_seeds_are_stored_with_their_dates(con: duckdb.DuckDBPyConnection) -> None:
    summary = ingest_paths(con, [SEEDS], "seed-run")
    assert summary == IngestSummary(stored=5, duplicate=0, rejected=0, warnings=0)
    rows = con.sql(
        "SELECT external_id[:3], published_at, published_precision, language, outlet FROM articles ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("000", dt.date(2024, 10, 30), "day", "fr", "unknown"),
        ("001", dt.date(2024, 10, 29), "day", "fr", "unknown"),
        ("002", dt.date(2024, 10, 23), "day", "fr", "unknown"),
        ("003", dt.date(2024, 10, 28), "day", "fr", "ATS"),
        ("004", dt.date(2024, 11, 12), "day", "fr", "unknown"),
    ]
    for external_id, text in con.sql("SELECT external_id, text FROM articles").fetchall():
        assert text == (SEEDS / f"{external_id}.txt").read_text(encoding="utf-8")


def test_failing_batch_leaves_the_database_as_it_was(
    tmp_path: Path, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(con, [SEEDS], "seed-run")
    before = (
        con.sql("SELECT * FROM articles ORDER BY article_id").fetchall(),
        con.sql("SELECT * FROM ingest_log ORDER BY source_path").fetchall(),
    )
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "new.txt").write_text(french(1), encoding="utf-8")

    with pytest.raises(duckdb.Error):  # run_id is NOT NULL: the article insert fails
        ingest_paths(con, [folder], None)  # type: ignore[arg-type]

    real_run_model = ingest.run_model

    def failing_log_insert(connection, name, params=None):  # type: ignore[no-untyped-def]
        if name == "ingest_insert_log":
            raise duckdb.IOException("disk full")
        return real_run_model(connection, name, params)

    monkeypatch.setattr(ingest, "run_model", failing_log_insert)
    with pytest.raises(duckdb.IOException):  # the articles were inserted, then the log failed
        ingest_paths(con, [folder], "run-2")

    after = (
        con.sql("SELECT * FROM articles ORDER BY article_id").fetchall(),
        con.sql("SELECT * FROM ingest_log ORDER BY source_path").fetchall(),
    )
    assert after == before
    monkeypatch.undo()
    assert ingest_paths(con, [folder], "run-3").stored == 1  # the connection is still usable

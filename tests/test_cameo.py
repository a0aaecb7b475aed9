"""The CAMEO code table: built-in rows strict, user files may add codes of their own."""
import pytest

from tidings.errors import KnowledgeError
from tidings.knowledge.cameo import load_cameo


def test_cameo_builtin_table_maps_codes_to_plover_quad_and_goldstein():
    table = load_cameo()
    assert len(table) == 311
    retreat = table.get("0874")
    assert (retreat.plover, retreat.quad, retreat.goldstein) == ("RETREAT", 2, 10.0) and retreat.name
    assert table.get("010").plover is None
    assert table.get("193").plover == "ASSAULT" and table.get("193").quad == 4
    with pytest.raises(KeyError, match="999"):
        table.get("999")


def test_cameo_user_file_declares_codes_of_its_own(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings cameo 1\n903\t0.0\t-\t-\tA WEIS code\n174K\t-3.0\tCOERCE\t4\tLocal variant\n")
    table = load_cameo((f,))
    assert table.get("903").quad == 0 and table.get("174K").plover == "COERCE"


@pytest.mark.parametrize("row, message", [
    ("99999\t0.0\t-\t1\tx", "bad event code '99999'"),
    ("041\tlots\tCONSULT\t1\tx", "not a number"),
    ("041\t12\tCONSULT\t1\tx", "outside -10..10"),
    ("041\t1.0\tCHAT\t1\tx", "unknown PLOVER type 'CHAT'"),
    ("041\t1.0\tCONSULT\t5\tx", "quad class '5'"),
])
def test_cameo_bad_rows_name_file_and_line(tmp_path, row, message):
    f = tmp_path / "bad.tsv"
    f.write_text("#! tidings cameo 1\n# a comment\n" + row + "\n")
    with pytest.raises(KnowledgeError, match=f"bad.tsv:3: .*{message}"):
        load_cameo((f,))

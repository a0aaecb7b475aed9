"""The CAMEO code table: each code's Goldstein score, PLOVER type, quad class and name.

Files of kind ``cameo`` (``#! tidings cameo 1``) hold rows ``code<TAB>goldstein<TAB>plover<TAB>quad<TAB>name``
(see ``data/cameo/codes.tsv``). A user file may add or replace codes, including codes of its own
outside CAMEO (digits and at most one letter, e.g. WEIS ``903`` or ``174K``), whose quad may be ``-``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import KnowledgeError
from tidings.knowledge.files import DATA_DIR, files_of_kind, read_rows

KIND = "cameo"
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)
_CODE = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$")
#: a user file may add codes of its own outside CAMEO (a project's extensions, or another scheme's
#: codes such as WEIS's 9xx carried by converted PETRARCH dictionaries): digits, optionally a letter
_USER_CODE = re.compile(r"^\d{2,4}[A-Z]?$")


@dataclass(frozen=True)
class CameoCode:
    code: str
    goldstein: float
    plover: str | None
    quad: int
    name: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        return self.code[:3]


class CameoTable:
    def __init__(self, codes: dict[str, CameoCode]):
        self.codes = codes

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises ``KeyError`` naming the code when it is not a CAMEO code."""
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None


def load_cameo(user_files: tuple[Path, ...] = ()) -> CameoTable:
    codes: dict[str, CameoCode] = {}
    for path in files_of_kind(KIND, user_files):
        builtin = path.parent == DATA_DIR / KIND
        for lineno, cols in read_rows(path, KIND, 4, 5):
            entry = _parse(cols, str(path), lineno, builtin)
            codes[entry.code] = entry
    return CameoTable(codes)


def _parse(cols: list[str], path: str, lineno: int, builtin: bool) -> CameoCode:
    code, goldstein, plover, quad = cols[:4]
    name = cols[4] if len(cols) > 4 else ""
    if not (_CODE.match(code) or (not builtin and _USER_CODE.match(code))):
        raise KnowledgeError(path, lineno, f"bad event code {code!r}: CAMEO codes are 2 to 4 digits, root 01-20, "
                                           "leading zeros kept; codes of your own are 2 to 4 digits and a letter at most")
    try:
        score = float(goldstein)
    except ValueError:
        raise KnowledgeError(path, lineno, f"Goldstein score {goldstein!r} is not a number") from None
    if not -10.0 <= score <= 10.0:
        raise KnowledgeError(path, lineno, f"Goldstein score {score} is outside -10..10")
    if plover != "-" and plover not in PLOVER_TYPES:
        raise KnowledgeError(path, lineno, f"unknown PLOVER type {plover!r}; expected one of {', '.join(sorted(PLOVER_TYPES))} or -")
    if quad not in ("1", "2", "3", "4") and (builtin or quad != "-"):
        raise KnowledgeError(path, lineno, f"quad class {quad!r} must be 1, 2, 3 or 4 (or - for a code of your own)")
    # quad 0: a user's code outside CAMEO that belongs to no quad class
    return CameoCode(code, score, None if plover == "-" else plover, 0 if quad == "-" else int(quad), name)

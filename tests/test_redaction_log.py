"""The redaction log says what changed, where, why and by which decision, and names no one
unless asked."""

from __future__ import annotations

import csv
import io
import json

from redactor.decisions import Decisions, Mention, Person, Region
from redactor.redaction_log import log_entries, render

TEXT = ("Danika Sorell, 24, said police came. Sorell was afraid.\n"
        "Minister Jonas Brekke declined to comment.\n"
        "Comments\nMarek Holm: shameful\n")


def review() -> Decisions:
    def at(text: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(text, start + 1)
        return Mention(start, start + len(text), text)
    return Decisions("d.txt", "0" * 64, [
        Person("p1", "Danika Sorell", "private", "first_name", "Danika",
               [at("Danika Sorell"), Mention(**{**at("Sorell", 1).__dict__, "replacement": "She"})],
               reviewed=True, reason="an age is given; could be Danika Sorell or Tomas Sorell"),
        Person("p2", "Jonas Brekke", "public", "keep", "Jonas Brekke", [at("Jonas Brekke")],
               reviewed=True),
    ], [Region(TEXT.index("Comments"), len(TEXT), "cut")])


def test_each_change_is_logged_with_its_place_and_decision():
    entries = log_entries(TEXT, review(), place=lambda offset: "Body")
    assert [(e.line, e.column, e.printed, e.decision, e.person, e.action) for e in entries] == [
        (1, 1, "Danika", "first name for the person", "p1", "first_name"),
        (1, 38, "She", "this mention's own replacement", "p1", "first_name"),
        (3, 1, "", "region 1 cut from the copy", "", "cut"),
    ]
    assert all(e.place == "Body" for e in entries)


def test_the_log_names_no_one_unless_asked():
    entries = log_entries(TEXT, review())
    written = render(entries, ".csv")
    for word in ("Sorell", "Marek", "Holm", "Brekke"):
        assert word not in written
    rows = list(csv.DictReader(io.StringIO(written)))
    assert "original" not in rows[0]
    # Every name word is blanked, in the review or not ("Tomas" is no person here).
    assert rows[0]["reason"] == "an age is given; could be [name] [name] or [name] [name]"
    named = log_entries(TEXT, review(), names=True)
    data = json.loads(render(named, ".json", names=True))
    assert data["format"] == "redactor-log/1"
    assert [c["original"] for c in data["changes"]][:2] == ["Danika Sorell", "Sorell"]
    assert data["changes"][2]["original"].startswith("Comments\nMarek Holm")

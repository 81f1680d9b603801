"""The redaction log: what a copy changed, where, why, and by which decision.

A desk keeps it beside the copy to answer "what did we take out, and on whose word?". It
names no one unless asked: each line gives the place (line, column, part of the file), what
the copy prints there, the decision (person id, role, action; a mention's own replacement;
a detail removed or generalised; a region cut from the copy) and the reason behind it, with
name words in that reason blanked.
``names=True`` adds the original text of each change, for the desk's private records only.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from redactor.decisions import Decisions
from redactor.names import tokens
from redactor.plan import plan

NAME_BLANK = "[name]"
Place = Callable[[int], str]


@dataclass(frozen=True)
class LogEntry:
    """One change the copy makes. ``original`` is empty unless names were asked for."""

    number: int
    line: int
    column: int
    place: str
    printed: str
    decision: str
    person: str
    role: str
    action: str
    reason: str
    original: str = ""


def log_entries(text: str, decisions: Decisions, place: Place = lambda offset: "",
                names: bool = False) -> list[LogEntry]:
    """Every change the review makes to ``text``, in text order."""
    persons = {p.id: p for p in decisions.persons}
    blank = _blanker(decisions)
    entries = []
    for number, item in enumerate(plan(text, decisions), start=1):
        edit = item.edit
        line = text.count("\n", 0, edit.start) + 1
        column = edit.start - (text.rfind("\n", 0, edit.start) + 1) + 1
        original = text[edit.start:edit.end] if names else ""
        if item.detail >= 0:
            owner = persons.get(item.person_id)
            detail = (owner.details if owner else decisions.details)[item.detail]
            entries.append(LogEntry(number, line, column, place(edit.start), edit.new,
                                    f"{detail.action} the {detail.kind.replace('_', ' ')}",
                                    item.person_id, owner.role if owner else "", detail.action,
                                    blank(detail.reason), original))
        elif item.person_id:
            person = persons[item.person_id]
            mention = person.mentions[item.mention]
            own = mention.replacement is not None
            decision = ("this mention's own replacement" if own
                        else f"{person.action.replace('_', ' ')} for the person")
            entries.append(LogEntry(number, line, column, place(edit.start), edit.new, decision,
                                    person.id, person.role, person.action,
                                    blank(person.reason), original))
        else:
            entries.append(LogEntry(number, line, column, place(edit.start), "",
                                    f"region {item.region + 1} cut from the copy", "", "", "cut",
                                    "marked by the editor as outside the story", original))
    return entries


_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")


def _blanker(decisions: Decisions) -> Callable[[str], str]:
    """Blank every name word in a reason: the review's names anywhere, and any capitalised
    word that does not open the reason or one of its parts ("could be [name] [name]")."""
    words = {t for p in decisions.persons for value in (p.name, *(m.text for m in p.mentions))
             for t in tokens(value) if len(t.rstrip(".")) > 1}
    names = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                       + r")(?!\w)", re.IGNORECASE) if words else None

    def capitalised(match: re.Match[str]) -> str:
        opens = match.start() == 0 or match.string[:match.start()].endswith("; ")
        return NAME_BLANK if match.group()[0].isupper() and not opens else match.group()

    def blank(text: str) -> str:
        text = names.sub(NAME_BLANK, text) if names is not None else text
        return _WORD.sub(capitalised, text)
    return blank


def to_csv(entries: list[LogEntry], names: bool = False) -> str:
    """The log as CSV (a spreadsheet opens it); the ``original`` column only with names."""
    fields = [f for f in LogEntry.__dataclass_fields__ if names or f != "original"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = asdict(entry)
        writer.writerow({f: row[f] for f in fields})
    return out.getvalue()


def to_json(entries: list[LogEntry], names: bool = False) -> str:
    rows = [{k: v for k, v in asdict(e).items() if names or k != "original"} for e in entries]
    return json.dumps({"format": "redactor-log/1", "changes": rows}, ensure_ascii=False,
                      indent=2) + "\n"


def render(entries: list[LogEntry], suffix: str, names: bool = False) -> str:
    """The log in the format its file name asks for: ``.json``, else CSV."""
    return to_json(entries, names) if suffix.lower() == ".json" else to_csv(entries, names)

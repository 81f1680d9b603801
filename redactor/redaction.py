"""Applying confirmed decisions with presidio-anonymizer: one result per mention.

Each mention becomes a ``RecognizerResult`` with an entity type of its own, so Presidio
never merges two mentions, and an operator of our own (``cased_replace``) writes the
decided replacement, in capitals where the mention was in capitals. Kept mentions are not
passed at all: a review that keeps everyone returns the text unchanged.
"""

from __future__ import annotations

import re

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult
from presidio_anonymizer.operators import Operator, OperatorType

from redactor.decisions import Decisions, Mention, Person, check_offsets
from redactor.formats.textmap import Edit, splice
from redactor.names import match_case
from redactor.replacements import check_replacements


_LINK_ENDS = "\"'<>()[]"
_NOT_IN_LINK = re.compile(r"[^\w.~-]+")


class CasedReplace(Operator):
    """Replace a mention with ``new_value``, in capitals if the mention was in capitals.

    Presidio's own ``replace`` turns an empty value into ``<ENTITY>``; ``remove`` needs an
    empty replacement, and an ALL-CAPS byline or heading needs an ALL-CAPS one.
    """

    def operate(self, text: str = "", params: dict | None = None) -> str:
        return match_case((params or {})["new_value"], text)

    def validate(self, params: dict | None = None) -> None:
        if not isinstance((params or {}).get("new_value"), str):
            raise ValueError("cased_replace needs a string new_value")

    def operator_name(self) -> str:
        return "cased_replace"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


def mention_replacement(person: Person, mention: Mention) -> str:
    """What a mention becomes: its own override, else the person's replacement (or itself if kept)."""
    if mention.replacement is not None:
        return mention.replacement
    return mention.text if person.action == "keep" else person.replacement


def plan_edits(text: str, decisions: Decisions) -> list[Edit]:
    """Every replacement the review makes, as edits on ``text``, computed by presidio-anonymizer.

    Plain text applies them to the text; Word, OpenDocument and HTML apply them where each
    piece of the text lives in the file. A review whose replacements would print a name it
    withholds is refused here, whatever the caller.
    """
    check_offsets(text, decisions)
    check_replacements(decisions)
    results: list[RecognizerResult] = []
    operators: dict[str, OperatorConfig] = {}
    for person in decisions.persons:
        for mention in person.mentions:
            new_value = mention_replacement(person, mention)
            if new_value == mention.text:
                continue
            if new_value.endswith(".") and text[mention.end:mention.end + 1] == ".":
                new_value = new_value[:-1]  # "B.N." at the end of a sentence: one full stop
            if _in_link(text, mention):
                new_value = _link_safe(new_value)
            entity = f"MENTION_{len(results)}"
            start, end = _span_to_replace(text, mention, new_value)
            results.append(RecognizerResult(entity_type=entity, start=start, end=end, score=1.0))
            operators[entity] = OperatorConfig("cased_replace", {"new_value": new_value})
    if not results:
        return []
    engine = AnonymizerEngine()
    engine.add_anonymizer(CasedReplace)
    anonymized = engine.anonymize(text=text, analyzer_results=results, operators=operators,
                                  merge_entities_with_spaces=False)
    spans = {result.entity_type: result for result in results}
    edits = [Edit(spans[item.entity_type].start, spans[item.entity_type].end, item.text)
             for item in anonymized.items]
    return sorted(edits, key=lambda edit: edit.start)


def apply_decisions(text: str, decisions: Decisions) -> str:
    """The redacted text: every mention replaced as decided, everything else untouched."""
    return splice(text, plan_edits(text, decisions))


def _in_link(text: str, mention: Mention) -> bool:
    """The mention is part of a web address or an e-mail address ("…/profiles/Kairat-Abenov")."""
    left, right = mention.start, mention.end
    while left > 0 and not text[left - 1].isspace() and text[left - 1] not in _LINK_ENDS:
        left -= 1
    while right < len(text) and not text[right].isspace() and text[right] not in _LINK_ENDS:
        right += 1
    token = text[left:right]
    return "://" in token or "@" in token or token.lower().startswith(("mailto:", "www."))


def _link_safe(value: str) -> str:
    """A replacement that keeps a link a link: "[name withheld]" becomes "name-withheld"."""
    return _NOT_IN_LINK.sub("-", value).strip("-")


def _span_to_replace(text: str, mention: Mention, new_value: str) -> tuple[int, int]:
    """A removed name takes the space before it along: no double space, no space before a comma.

    Only a space after a word is taken, so Markdown markers ("> ", "- ") keep theirs.
    """
    start, end = mention.start, mention.end
    following = text[end:end + 1]
    if not new_value and start > 0 and text[start - 1] == " " and (
            following in (" ", "")
            or (following in ".,;:!?)’'\"”" and start > 1 and text[start - 2].isalnum())):
        return start - 1, end
    return start, end

"""Applying confirmed decisions with presidio-anonymizer: one result per planned edit.

``redactor.plan`` decides what each mention (and each region cut from the copy) becomes;
here every planned edit becomes a ``RecognizerResult`` with an entity type of its own, so
Presidio never merges two of them, and an operator of our own (``planned_replace``) writes
the planned text. Kept mentions are not passed at all: a review that keeps everyone
returns the text unchanged.
"""

from __future__ import annotations

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult
from presidio_anonymizer.operators import Operator, OperatorType

from redactor.decisions import Decisions, check_offsets
from redactor.formats.textmap import Edit, splice
from redactor.plan import mention_replacement, plan


class PlannedReplace(Operator):
    """Replace a span with the planned ``new_value``, exactly.

    Presidio's own ``replace`` turns an empty value into ``<ENTITY>``; a removed name or a
    cut region needs an empty replacement. Capitals are already decided by the plan.
    """

    def operate(self, text: str = "", params: dict | None = None) -> str:
        return (params or {})["new_value"]

    def validate(self, params: dict | None = None) -> None:
        if not isinstance((params or {}).get("new_value"), str):
            raise ValueError("planned_replace needs a string new_value")

    def operator_name(self) -> str:
        return "planned_replace"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


def plan_edits(text: str, decisions: Decisions) -> list[Edit]:
    """Every edit the review makes on ``text`` (``redactor.plan``), applied by presidio-anonymizer.

    Plain text applies them to the text; Word, OpenDocument and HTML apply them where each
    piece of the text lives in the file. A review whose replacements would print a name it
    withholds is refused here, whatever the caller.
    """
    planned = plan(text, decisions)
    if not planned:
        return []
    results: list[RecognizerResult] = []
    operators: dict[str, OperatorConfig] = {}
    for number, item in enumerate(planned):
        entity = f"EDIT_{number}"
        results.append(RecognizerResult(entity_type=entity, start=item.edit.start,
                                        end=item.edit.end, score=1.0))
        operators[entity] = OperatorConfig("planned_replace", {"new_value": item.edit.new})
    engine = AnonymizerEngine()
    engine.add_anonymizer(PlannedReplace)
    anonymized = engine.anonymize(text=text, analyzer_results=results, operators=operators,
                                  merge_entities_with_spaces=False)
    spans = {result.entity_type: result for result in results}
    edits = [Edit(spans[item.entity_type].start, spans[item.entity_type].end, item.text)
             for item in anonymized.items]
    return sorted(edits, key=lambda edit: edit.start)


def apply_decisions(text: str, decisions: Decisions) -> str:
    """The redacted text: every mention replaced as decided, everything else untouched."""
    return splice(text, plan_edits(text, decisions))


__all__ = ["PlannedReplace", "apply_decisions", "check_offsets", "mention_replacement", "plan_edits"]

"""Invariants of applying and checking a review, on generated drafts (hypothesis).

Names are inserted at known places into generated filler text; a review built from those
places must, once applied, leave no withheld token, keep every other character, and keep
the text byte for byte when every person is kept.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.decisions import ACTIONS, Decisions, Mention, Person
from redactor.leaks import find_leaks
from redactor.redaction import apply_decisions
from redactor.replacements import replacement_for

FIRST = ["Bezshan", "Danika", "Ilyas", "Gulnara", "Timur", "Søren", "Žaneta", "Aoife"]
LAST = ["Nurlanov", "Sorell", "Kostova", "Ødegård", "O'Neill", "Tlekov", "Brekke", "Quist"]
filler = st.text(alphabet=st.sampled_from("abcdefghij ,.;\n\r\t-—“”\"'0123"), max_size=40)
names = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST))
forms = st.sampled_from(["full", "last", "CAPS", "possessive"])


@st.composite
def drafts(draw):
    """A draft and, per person, the mentions at the places their names were inserted."""
    people = draw(st.lists(names, min_size=1, max_size=3, unique_by=lambda n: (n[0], n[1])))
    people = [p for i, p in enumerate(people)
              if all(p[0] != q[0] and p[1] != q[1] for q in people[:i])]
    text, mentions = draw(filler), {i: [] for i in range(len(people))}
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(people) - 1))
        first, last = people[index]
        surface = {"full": f"{first} {last}", "last": last, "CAPS": f"{first} {last}".upper(),
                   "possessive": last}[draw(forms)]
        text += " "
        mentions[index].append(Mention(len(text), len(text) + len(surface), surface))
        text += surface + ("'s" if surface == last and draw(st.booleans()) else "") + " " + draw(filler)
    return text, people, mentions


def review(people, mentions, action: str) -> Decisions:
    persons = [Person(f"p{i + 1}", f"{first} {last}", "private", action,
                      replacement_for(f"{first} {last}", action, i + 1), mentions[i], reviewed=True)
               for i, (first, last) in enumerate(people) if mentions[i]]
    return Decisions("draft.txt", "0" * 64, persons)


@settings(max_examples=150, deadline=None)
@given(drafts(), st.sampled_from([a for a in ACTIONS if a != "keep"]))
def test_applying_every_decision_leaves_no_withheld_name(draft, action):
    text, people, mentions = draft
    decisions = review(people, mentions, action)
    redacted = apply_decisions(text, decisions)
    assert find_leaks(redacted, decisions) == []
    assert apply_decisions(text, decisions) == redacted  # deterministic


@settings(max_examples=150, deadline=None)
@given(drafts())
def test_keeping_everyone_changes_nothing(draft):
    text, people, mentions = draft
    assert apply_decisions(text, review(people, mentions, "keep")) == text


@settings(max_examples=150, deadline=None)
@given(drafts())
def test_the_original_leaks_every_withheld_name(draft):
    text, people, mentions = draft
    decisions = review(people, mentions, "placeholder")
    leaked = {leak.person_id for leak in find_leaks(text, decisions)}
    assert leaked == {p.id for p in decisions.persons}

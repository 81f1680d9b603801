"""Grouping detected spans into persons, and finding every other mention of each person.

The model finds some mentions; a person is named many more times. Once a full name is
known, every whole-word occurrence of it, of its surname and of its first name (where no
other person shares it), in any case and with a possessive, is a mention of that person,
and so is a spelling one edit away from a surname. A missed mention is the worst bug this
product can have, so this step errs on finding more and lets the editor confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from redactor.cues import PARTICLES, PATRONYMIC_WORDS, PLACE_PREPOSITIONS, SPEECH_VERBS, alternation
from redactor.decisions import Mention
from redactor.detection import Hit
from redactor.lexicon import lexicon
from redactor.names import (WORD, display_name, fold, initials, is_caps, key, misspelt_as, strip_possessive,
                            tokens)
from redactor.name_words import sentence_start, title_case_line
from redactor.facts import TextFacts
from redactor.growth import extend
from redactor.spans import Span, clean_spans
from redactor.variants import VariantIndex


_SPEAKS = re.compile(rf"[ \t]+(?:(?:has|had|also|later|then)[ \t]+)?(?:{alternation(SPEECH_VERBS)})\b")
_SMALL_BEFORE = re.compile(r"(?<![\w'’-])([a-z]{3,4})[ \t]+$")  # a particle's length
COULD_BE = "could be "  # opens the note of a lone name several persons share
_NICKNAME = re.compile(r"[\"“‘'](\w[\w'’-]*)[\"”’']")


@dataclass
class Candidate:
    """A person before suggestions: the name, every mention, and what recognizers hinted."""

    name: str
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    hints: set[str] = field(default_factory=set)
    note: str = ""
    sources: set[str] = field(default_factory=set)  # the recognizers that proposed it

    @property
    def first_start(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def ambiguous(self) -> bool:
        """A lone name several persons share: which of them each mention is, is not known."""
        return self.note.startswith(COULD_BE)


class WordIndex:
    """Where the words that can be names stand in the draft, built in one pass over the text.

    Words with a capital anywhere ("Nurlanov", "al-Rashidi"), and of the lower-case words
    the particles ("de", "bin") and the ones the model's vocabulary does not know ("beridze"
    in "Gogi beridze": a name written small). ``lowercase`` is every lower-case word.
    """

    def __init__(self, text: str, facts: TextFacts = TextFacts()) -> None:
        self.capitalised: dict[str, list[tuple[int, int]]] = {}
        self.small: dict[str, list[tuple[int, int]]] = {}
        self.lowercase: set[str] = set()
        for match in WORD.finditer(text):
            word = strip_possessive(match.group()).rstrip(".")
            if not word:
                continue
            place = (match.start(), match.start() + len(word))
            folded = fold(word)
            if word.lower() != word:  # a capital somewhere
                self.capitalised.setdefault(folded, []).append(place)
            else:
                self.lowercase.add(folded)
                if folded in PARTICLES or not facts.is_common(folded):
                    self.small.setdefault(folded, []).append(place)


def group(text: str, hits: Iterable[Hit], facts: TextFacts = TextFacts()) -> list[Candidate]:
    """Persons in order of first appearance, each with every mention found in ``text``.

    ``facts`` says what else the model read: a span stops at places and organisations, and
    a person's lone first or last name is not added where the model reads a place ("Almaty"
    the city is no mention of a "Nurlanov Almaty").
    """
    registry = _Registry()
    spans = clean_spans(text, hits, facts)
    for span in sorted(spans, key=lambda s: (-len(key(text[s.start:s.end])), s.start)):
        registry.assign(text, span)
    people = registry.people
    _expand(text, people, WordIndex(text, facts), facts)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    return sorted((p for p in people if p.mentions), key=lambda p: p.first_start)


class _Registry:
    """The persons found so far, indexed so each new span finds its owner without a scan."""

    def __init__(self) -> None:
        self.people: list[Candidate] = []
        self._by_key: dict[tuple[str, ...], Candidate] = {}
        self._by_token: dict[str, list[Candidate]] = {}
        self._by_initials: dict[str, list[Candidate]] = {}
        self._by_part: dict[str, list[Candidate]] = {}
        self._by_nickname: dict[str, list[Candidate]] = {}
        self._variants = VariantIndex([])
        self._by_shape: dict[tuple[int, ...], list[Candidate]] = {}  # word lengths of full names

    def assign(self, text: str, span: Span) -> None:
        surface = text[span.start:span.end]
        name_key = key(surface)
        if not name_key:
            return
        owner, variant, note = self._owner(surface, name_key)
        if owner is None:
            owner = self._add(Candidate(display_name(surface), name_key, note=note))
        owner.mentions.append(Mention(span.start, span.end, surface, variant=variant))
        owner.hints |= span.hints
        owner.sources |= span.sources

    def _add(self, person: Candidate) -> Candidate:
        self.people.append(person)
        self._by_key[person.key] = person
        for token in set(person.key):
            self._by_token.setdefault(token, []).append(person)
        for nickname in _NICKNAME.findall(person.name):
            self._by_nickname.setdefault(fold(nickname), []).append(person)
        if len(person.key) > 1:
            self._by_initials.setdefault(fold(initials(person.name).replace(".", "")), []).append(person)
            family = person.key[-1]  # only a surname has spelling variants: two given names are two people
            self._by_part.setdefault(family, []).append(person)
            self._variants.add(family)
            self._by_shape.setdefault(tuple(map(len, person.key)), []).append(person)
        return person

    def _owner(self, surface: str, name_key: tuple[str, ...]) -> tuple[Candidate | None, bool, str]:
        """The person a span belongs to, whether it is a spelling variant, and a note if ambiguous."""
        if name_key in self._by_key:
            return self._by_key[name_key], False, ""
        same = [p for p in self._by_token.get(name_key[0], ()) if _contains(p.key, name_key)]
        if len(same) == 1:
            return same[0], False, ""
        if len(same) > 1:
            return None, False, COULD_BE + " or ".join(p.name for p in same)
        if len(name_key) > 1:
            respelt = self._respelt(name_key)
            return respelt, respelt is not None, ""
        if len(self._by_nickname.get(name_key[0], ())) == 1:
            return self._by_nickname[name_key[0]][0], False, ""
        if is_caps(surface) and len(self._by_initials.get(name_key[0], ())) == 1:
            return self._by_initials[name_key[0]][0], False, ""
        match = None if lexicon().is_given(name_key[0]) else self._variants.lookup(name_key[0])
        if match is not None and len(self._by_part[match]) == 1:
            return self._by_part[match][0], True, ""
        return None, False, ""


    def _respelt(self, name_key: tuple[str, ...]) -> Candidate | None:
        """The one person whose full name this is with the surname, and perhaps other words,
        one letter off: "Abe Zaid" of "Abu Zoid" (a reporter's typos; not "Dina Omar" of
        "Dana Omar", sisters, whose surname is the same)."""
        if min(map(len, name_key)) < 3:
            return None
        found = [p for p in self._by_shape.get(tuple(map(len, name_key)), ())
                 if misspelt_as(name_key[-1], [p.key[-1]])
                 and all(a == b or misspelt_as(a, [b]) for a, b in zip(name_key[:-1], p.key[:-1]))]
        return found[0] if len(found) == 1 else None


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` is a run of ``whole``'s tokens that names the person on its own.

    A lone token counts only as the first or last name, or of three words or more as the
    next to last, the first family name of a Spanish or Portuguese name ("Fuentealba" of
    "María José Fuentealba Quispe"); a run of several tokens counts anywhere ("Thwate Khaing"
    within "Mya Thwate Thwate Khaing").
    """
    if len(part) >= len(whole):
        return False
    if len(part) == 1:
        paternal = whole[-2] if len(whole) > 2 and whole[-2] not in PARTICLES and not lexicon().is_given(
            whole[-2]) else ""  # not a middle name ("Quang" of "Tran Quang Minh")
        return part[0] in (whole[0], whole[-1], paternal) and len(part[0]) > 1
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _expand(text: str, people: list[Candidate], index: WordIndex, facts: TextFacts) -> None:
    """Add every other occurrence of each person's names, and their spelling variants, and
    grow every mention over the name words beside it ("Chinedu" before a found "Okafor")."""
    taken = bytearray(len(text))
    starts: dict[int, tuple[Candidate, Mention]] = {}
    for person in people:
        for m in person.mentions:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            starts[m.start] = (person, m)
    owners: dict[tuple[str, ...], list[Candidate]] = {}
    for person in people:
        for form in _forms(person, index):
            owners.setdefault(form, []).append(person)
    for form in sorted(owners, key=len, reverse=True):
        for start, end in _occurrences(text, form, index, facts):
            if any(taken[start:end]) and not (len(form) > 1 and _swallowed(form, start, end, starts, taken)):
                continue
            if not (len(form) == 1 and _place_here(text, start, end, facts)):
                owner = owners[form][0] if len(owners[form]) == 1 else _ambiguous(form, owners[form], people)
                owner.mentions.append(Mention(start, end, text[start:end]))
                starts[start] = (owner, owner.mentions[-1])
                taken[start:end] = b"\x01" * (end - start)
    _add_variants(text, people, index, taken)
    _grow_mentions(text, people, facts, taken)


def _swallowed(form: tuple[str, ...], start: int, end: int, starts: dict[int, tuple[Candidate, Mention]],
               taken: bytearray) -> bool:
    """A repeat of a full name holds shorter mentions and nothing else that is taken: they
    give way to it ("in Nyokabi Farah Trial", where "in" cut the span to "Farah"), and the
    repeat takes their place. Not where it is a mention already, or crosses one's edge."""
    if all(taken[start:end]):
        return False
    inside = [starts[at] for at in range(start, end) if at in starts]
    if any(mention.end > end or len(key(mention.text)) >= len(form) for _, mention in inside) or sum(
            mention.end - mention.start for _, mention in inside) != sum(taken[start:end]):
        return False
    for person, mention in inside:
        person.mentions.remove(mention)
        del starts[mention.start]
        taken[mention.start:mention.end] = bytes(mention.end - mention.start)
    return True


def _grow_mentions(text: str, people: list[Candidate], facts: TextFacts, taken: bytearray) -> None:
    """A mention found as a repeat grows like a detected span, and a person found by one
    part of their name takes the fuller name: "The trial of Chinedu Okafor" where only
    "Okafor" was detected gives "Chinedu Okafor", whose first name is shown."""
    for person in people:
        for number, mention in enumerate(person.mentions):
            start, end = extend(text, mention.start, mention.end, facts)
            if (start, end) == (mention.start, mention.end):
                continue
            if any(taken[start:mention.start]) or any(taken[mention.end:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            person.mentions[number] = Mention(start, end, text[start:end], variant=mention.variant)
    _respell_particles(text, people, taken)
    for person in people:
        person.mentions = _joined(text, sorted(person.mentions, key=lambda m: m.start))
        fullest = max((m for m in person.mentions if not m.variant), key=lambda m: len(key(m.text)),
                      default=None)
        if fullest is not None and len(key(fullest.text)) > len(person.key) and _contains(
                key(fullest.text), person.key):
            person.name, person.key = display_name(fullest.text), key(fullest.text)


def _respell_particles(text: str, people: list[Candidate], taken: bytearray) -> None:
    """A word written small right before a mention, one letter from a particle this draft
    writes inside a name, is that particle misspelt: "bin Selem" ... "bun Salem", "ven
    Essen" ... "vin Essen". ("bun" and "vin" are words, so no rule outside the draft's own
    spellings could say so.)"""
    particles = {t for p in people for m in p.mentions for t in m.text.split()[:-1] if t.islower()}
    if not particles:
        return
    for person in people:
        for number, mention in enumerate(person.mentions):
            before = _SMALL_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            if before is None or any(taken[before.start(1):mention.start]):
                continue
            word = before.group(1)
            if word not in particles and misspelt_as(word, particles):
                taken[before.start(1):mention.start] = b"\x01" * (mention.start - before.start(1))
                person.mentions[number] = Mention(before.start(1), mention.end, text[before.start(1):mention.end],
                                                  variant=mention.variant)


def _joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two mentions of one person side by side are one ("Gogi" and "beridze" of "Gogi
    beridze"): replaced apart, the first name would be printed twice."""
    out: list[Mention] = []
    for mention in mentions:
        if out and not out[-1].variant and not mention.variant and re.fullmatch(
                r"[ \t]+", text[out[-1].end:mention.start]):
            out[-1] = Mention(out[-1].start, mention.end, text[out[-1].start:mention.end])
        else:
            out.append(mention)
    return out


def _place_here(text: str, start: int, end: int, facts: TextFacts) -> bool:
    """A lone name word is not added where it names a place: the model reads a place here,
    and the word follows "in", "near"... or the lexicon knows it as a place. The model's
    label alone is a guess (it reads many unfamiliar names as places: "Ysolde left."), and a
    missed mention is worse than a false one."""
    if not facts.in_place(start, end):
        return False
    before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
    return (lexicon().is_place(text[start:end])
            or before is not None and fold(before.group(1)) in PLACE_PREPOSITIONS)


def _forms(person: Candidate, index: WordIndex) -> set[tuple[str, ...]]:
    """The token sequences that name ``person`` on their own: mentions, each word of the name
    but a particle, and the surname with its particles ("de la Vega", "bin Hamdan")."""
    forms = {key(m.text) for m in person.mentions if not m.variant}
    if len(person.key) > 1:
        middle = set(person.key[1:-1]) - PARTICLES  # a middle name alone: "Parit" of "Lan Parit Le"
        last = person.key[-1]
        if last in PATRONYMIC_WORDS:  # "Tazhibek kyzy", never "kyzy" alone: any daughter's
            forms.add(person.key[-2:])
        for part in ({person.key[0], last} | middle) - PATRONYMIC_WORDS:
            if len(part) > 1:
                forms.add((part,))
        for mention in person.mentions:  # a nickname: Joko "Jokowi" Widodo is also "Jokowi"
            forms.update(key(nick) for nick in _NICKNAME.findall(mention.text))
        particles = [i for i, token in enumerate(person.key[1:-1], 1) if token in PARTICLES]
        if particles:
            forms.add(person.key[particles[0]:])
    small = {fold(t) for m in person.mentions for t in tokens(m.text) if t.islower()}
    return {f for f in forms if f and sum(map(len, f)) > 1 and not (f[-1] in PARTICLES and f[-1] in small)}


def _occurrences(text: str, form: tuple[str, ...], index: WordIndex,
                 facts: TextFacts = TextFacts()) -> Iterable[tuple[int, int]]:
    """Whole-word occurrences of the token sequence ``form``: written with a capital (a
    common word only where it is no sentence's first word, or speaks there: "Young said",
    "Price has said", not "Young people gathered"; a modal not in a headline's title case:
    "They Will Not Leave"), or in lower case where the word is no ordinary word ("Gogi
    beridze")."""
    if len(form) == 1:
        word = form[0]
        common = word in index.lowercase and facts.is_common(word)
        function = lexicon().is_word_name(word)  # "Will", "May": a headline capitalises the modal
        for start, end in index.capitalised.get(word, ()):
            opening = sentence_start(text, start) or function and title_case_line(text, start)
            if not common or not opening or facts.tagged_proper(start, end) or _SPEAKS.match(text, end):
                yield start, end
        if len(word) > 3 and word not in PARTICLES:
            yield from index.small.get(word, ())
        return
    following = re.compile(r"[\s.]+".join(WORD.pattern for _ in form[1:]))
    for start, end in index.capitalised.get(form[0], []) + index.small.get(form[0], []):
        gap = re.match(r"\.?[ \t]+", text[end:end + 4])
        rest = following.match(text, end + gap.end()) if gap else None
        if rest and key(strip_possessive(rest.group())) == form[1:]:
            last = rest.end() - (len(rest.group()) - len(strip_possessive(rest.group())))
            yield start, last


def _add_variants(text: str, people: list[Candidate], index: WordIndex, taken: bytearray) -> None:
    """A capitalised word one edit from a surname is that person's, marked as a variant."""
    # Surnames, and lone names that are no known given name ("Rahnivard" beside "Rahnevard").
    parts = {p.key[-1]: p for p in people if len(p.key) > 1 or not lexicon().is_given(p.key[0])}
    variants = VariantIndex(list(parts))
    for word, places in index.capitalised.items():
        if word in parts or word in index.lowercase or lexicon().is_given(word):
            continue
        match = variants.lookup(word)
        if match is None:
            continue
        for start, end in places:
            if not any(taken[start:end]):
                parts[match].mentions.append(Mention(start, end, text[start:end], variant=True))
                taken[start:end] = b"\x01" * (end - start)


def _ambiguous(form: tuple[str, ...], candidates: list[Candidate], people: list[Candidate]) -> Candidate:
    """A lone name shared by several persons becomes its own person, flagged for the editor."""
    for person in people:
        if person.key == form:
            return person
    person = Candidate(" ".join(t.title() for t in form), form,
                       note=COULD_BE + " or ".join(p.name for p in candidates))
    people.append(person)
    return person

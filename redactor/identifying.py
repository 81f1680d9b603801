"""Details that could identify a person at risk even with the name withheld.

AP editors watch for the combination: "a 31-year-old baker from the Medeu district" finds
one person in a small town. Beside each mention of a private person this module finds an
age (", 31,", "(31)", "aged 31", "31-year-old"), a description holding an age, a job, a
workplace or a small place (a district, a village, a street), a hometown (", of Nevada
City"), where the person lives or works ("who lives in the village of Kyzylsai", "works at
the Tengiz oil field") and a relative named ("her son Reynaldo"). None is redacted by
default: each is flagged "may identify this person", with a replacement that keeps the
sentence's grammar ("a baker", "in a village", "her son"; an age after a name is cut with
its comma) and a reason saying what it found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from redactor.cues import (AMBIGUOUS_ROLES, JOBS, PRIVATE_ROLES, PUBLIC_OFFICES, RELATIVES, SMALL_PLACES,
                           WORKPLACES, alternation)
from redactor.decisions import Detail, Mention, Person
from redactor.detail_rules import Taken
from redactor.sentences import Sentences

_NAME = r"\p{Lu}[\p{L}\p{M}'’-]*"
_PLACE_NAME = rf"{_NAME}(?:[ \t]+{_NAME}){{0,3}}"
_SMALL = alternation(SMALL_PLACES)
_WORK = alternation(WORKPLACES)
_AGE_WORD = r"(?:\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)-year-old"
# "the Medeu district", "Abay Street", "the village of Kyzylsai": the small place, and its kind.
_SMALL_PLACE = (rf"(?:the[ \t]+)?{_PLACE_NAME}[ \t]+(?P<small>(?i:{_SMALL}))\b"
                rf"|the[ \t]+(?P<small>{_SMALL})[ \t]+of[ \t]+{_PLACE_NAME}")
_PLACE = rf"[ \t]+(?P<prep>from|of|in|on|at)[ \t]+(?:{_SMALL_PLACE})"


def _workplace(prepositions: str) -> str:
    """"at the Tengiz oil field", "for Kazakhmys": a named workplace, and its kind if said."""
    return (rf"[ \t]+(?P<workplace>(?P<wprep>{prepositions})[ \t]+(?:the[ \t]+(?:[a-z]+['’]s[ \t]+)?)?"
            rf"{_NAME}(?:[ \t]+{_NAME}){{0,4}}"
            rf"(?:[ \t]+(?P<work>(?:[a-z]+[ \t]+){{0,2}}?(?:{_WORK}))\b)?)")


_WORKPLACE = _workplace("at|for|with")
# A private person's description may use an office's word too ("a professor of Chicano
# studies"): only private persons are read here, so it describes them, not an official.
_NOUNS = JOBS | PRIVATE_ROLES | AMBIGUOUS_ROLES | PUBLIC_OFFICES
_NOUN = alternation(_NOUNS)
_DESCRIPTION = (rf"(?P<art>\b(?:[Aa]n?|[Tt]he)[ \t]+)?(?P<age>{_AGE_WORD}[ \t]+)?"
                rf"(?(art)(?P<adj>(?:[a-z]+[ \t]+){{0,2}}?))(?P<noun>{_NOUN})\b"
                rf"(?:[ \t]+of[ \t]+(?:[\p{{L}}\d]+[ \t]+){{0,2}}?[a-z\d]+\b)?"  # "father of three"
                rf"(?:{_PLACE})?(?:{_WORKPLACE})?")
_CLAUSE_END = r"(?=[ \t]*(?:[,;.:)!?\u2013\u2014]|\Z)|[ \t]+(?:who|and|was|is|were|said|says|told|has|had)\b)"
_APPOSITION = regex.compile(rf",[ \t]*(?P<phrase>(?=[Aa]n?\b|[Tt]he\b){_DESCRIPTION}){_CLAUSE_END}")
_WORDS = regex.compile(r"[\w'’-]+")
_BEFORE = regex.compile(rf"(?P<phrase>{_DESCRIPTION}|{_AGE_WORD})[ \t]*,?[ \t]+\Z")
_BEFORE_BACKWARDS = regex.compile("(?r)" + _BEFORE.pattern, flags=_BEFORE.flags)
_AGE_AFTER = regex.compile(
    rf"(?P<phrase>(?P<age>,[ \t]*(?:aged[ \t]+)?\d{{1,3}}|[ \t]*\(\d{{1,3}}\)|,?[ \t]+aged[ \t]+\d{{1,3}}"
    rf"|,[ \t]*(?:both[ \t]+|all[ \t]+)?\d{{1,3}}[ \t]+years?[ \t]+old)?"
    rf"(?P<town>,[ \t]*(?:also[ \t]+)?(?:of|from)[ \t]+(?:the[ \t]+)?{_PLACE_NAME})?){_CLAUSE_END}")
# The comma that closes ", 31," goes with it ("Nurlanov, 31, said" -> "Nurlanov said"), unless
# another apposition or clause opens there ("Nurlanov, 31, a baker," -> "Nurlanov, a baker,").
_CLOSED = regex.compile(r",(?![ \t]+(?:an?|the|of|from|who|whose|which|aged|and)\b)")
_LIVES = regex.compile(rf"\b(?:lives?|lived|living|resides?|resided|home|house|flat|apartment|from)"
                       rf"(?:[ \t]+(?:is|was))?[ \t]+"
                       rf"(?P<phrase>(?P<prep>in|on|at|from)[ \t]+(?:{_SMALL_PLACE}))")
_WORKS = regex.compile(rf"\b(?:works?|worked|working|employed|employee)(?:[ \t]+as[ \t]+(?:an?[ \t]+)?"
                       rf"(?:[a-z-]+[ \t]+){{0,2}}?(?:{alternation(JOBS)}))?{_workplace('at|for|with|in')}")
# "Bo Hui is a photographer": a job said of the person.
_IS_A = regex.compile(rf"\b(?:is|was|works[ \t]+as|worked[ \t]+as)[ \t]+"
                      rf"(?P<phrase>an?[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
                      rf"(?:{alternation(JOBS)}))\b(?![ \t]+(?:of|at|for|from|in)\b)")
_RELATIVE = regex.compile(rf"(?P<phrase>\b(?P<own>[Hh]is|[Hh]er|[Tt]heir|{_NAME}['’]s)[ \t]+"
                          rf"(?:(?:older|younger|elder|eldest|youngest|late|(?P<age>\d{{1,3}}-year-old))"
                          rf"[ \t]+)?(?P<kin>{alternation(RELATIVES)})(?:,[ \t]*|[ \t]+))\Z")
_PARTS = {"age": "an age", "job": "a job", "workplace": "a workplace", "place": "a small place",
          "relative": "a relative's name"}
_GENERIC = "a local resident"  # what a description holding nothing but a job becomes


@dataclass(frozen=True)
class Flag:
    """An identifying detail found beside one person: its span, kinds and replacement."""

    person_id: str
    start: int
    end: int
    kinds: tuple[str, ...]
    replacement: str

    def detail(self, text: str) -> Detail:
        written = text[self.start:self.end]
        parts = ", ".join(_PARTS[kind] for kind in self.kinds)
        offer = f"generalise to “{self.replacement}”" if self.replacement.strip() else "cut it"
        return Detail(self.start, self.end, written, "+".join(self.kinds), "keep", self.replacement,
                      f"may identify this person: {parts} (“{written.strip(' ,')}”); {offer}, or keep it")


def identifying_details(text: str, persons: Iterable[Person],
                        sentences: Sentences | None = None) -> list[Flag]:
    """Every identifying detail beside a private person's mention, in text order, apart."""
    sentences = sentences or Sentences(text)
    at_risk = [p for p in persons if p.role == "private" and not p.tier]
    owners = sorted(((m, p.id) for p in at_risk for m in p.mentions), key=lambda item: item[0].start)
    flags: list[Flag] = []
    for mention, person_id in owners:
        flags += _beside(text, mention, person_id)
    flags += _clauses(text, owners, sentences)
    flags += _relatives(text, owners, sentences)
    return _apart(flags)


def _beside(text: str, mention: Mention, person_id: str) -> Iterator[Flag]:
    """An age or hometown after the name, a description after it or before it."""
    position = mention.end
    after = _AGE_AFTER.match(text, position)
    if after and after.group("phrase"):
        town = after.group("town") or ""
        where = "workplace" if town.rsplit(" ", 1)[-1].lower() in WORKPLACES else "place"
        kinds = (("age",) if after.group("age") else ()) + ((where,) if town else ())
        position = after.end("phrase")
        # ", Daulet, aged 29," in apposition itself keeps the comma that closes it
        closing = 1 if _CLOSED.match(text, position) and text[mention.start - 2:mention.start] != ", " else 0
        yield Flag(person_id, after.start("phrase"), position + closing, kinds, "")
    apposition = _APPOSITION.match(text, position)
    if apposition:
        yield from _described(text, apposition, person_id)
    window = text[max(0, mention.start - 160):mention.start]
    if window.rstrip(" \t,") != window and any(  # words first: the pattern is slow to try
            word.lower() in _NOUNS or word.endswith("-year-old") for word in _WORDS.findall(window)):
        # Read backwards first: most windows hold no description, and the backward pass,
        # which starts at the name, says so fast; the forward pass finds its longest form.
        before = _BEFORE_BACKWARDS.search(text, max(0, mention.start - 160), mention.start) and \
            _BEFORE.search(text, max(0, mention.start - 160), mention.start)
        if before:
            yield from _described(text, before, person_id)


def _described(text: str, match: regex.Match[str], person_id: str) -> Iterator[Flag]:
    """A description is a detail when it holds more than a generic word: an age, a job, a
    small place or a workplace. It becomes its article and noun ("a baker", "a crane
    driver"), a job alone becomes ``_GENERIC``, and a title-like description with no
    article is cut."""
    noun = match.group("noun") or ""
    kinds = tuple(kind for kind, present in (
        ("age", match.group("age") or not noun), ("job", noun.lower() in JOBS),
        ("workplace", match.group("wprep")), ("place", match.group("prep"))) if present)
    if not kinds:
        return
    start, end = match.span("phrase")
    if not match.group("art"):
        end = match.end()  # "31-year-old Bezshan", "baker Bezshan": cut with the space after
        replacement = ""
    elif kinds == ("job",):
        replacement = _GENERIC
    else:  # "a 31-year-old crane driver from the Medeu district" -> "a crane driver"
        head = f"{match.group('adj') or ''}{noun}"
        replacement = f"{_article(head)} {head}"
    yield Flag(person_id, start, end, kinds, _capital(replacement, text[start]))


def _clauses(text: str, owners: list[tuple[Mention, str]], sentences: Sentences) -> Iterator[Flag]:
    """Where a person at risk lives or works, in a sentence that names them."""
    for (start, end), mentions in _by_sentence(owners, sentences).items():
        for pattern, kind in ((_LIVES, "place"), (_WORKS, "workplace"), (_IS_A, "job")):
            for match in pattern.finditer(text, start, end):
                phrase = "workplace" if kind == "workplace" else "phrase"
                owner = _nearest(mentions, match.start(phrase))
                yield Flag(owner, match.start(phrase), match.end(phrase), (kind,),
                           _capital(_general(match, kind), text[match.start(phrase)]))


def _general(match: regex.Match[str], kind: str) -> str:
    """"in a village", "at an oil field", "for a local business", "a local resident"."""
    if kind == "job":
        return _GENERIC
    prep = match.group("prep") if kind == "place" else match.group("wprep")
    word = ((match.group("small") if kind == "place" else match.group("work")) or "").lower()
    return f"{prep} {_article(word)} {word}" if word else f"{prep} a local business"


def _relatives(text: str, owners: list[tuple[Mention, str]], sentences: Sentences) -> Iterator[Flag]:
    """"her son Reynaldo Ilaquita": a relative named beside a person at risk becomes "her son"."""
    by_sentence = _by_sentence(owners, sentences)
    for mention, relative_id in owners:
        found = _RELATIVE.search(text, max(0, mention.start - 60), mention.start)
        if not found:
            continue
        sentence = sentences.span(mention.start)
        others = [(m, pid) for m, pid in by_sentence.get(sentence, []) if pid != relative_id]
        owner = _nearest(others, found.start()) if others else _named_before(owners, sentences, found.start())
        if owner and owner != relative_id:
            kinds = ("relative", "age") if found.group("age") else ("relative",)
            yield Flag(owner, found.start("phrase"), mention.end, kinds,
                       f"{found.group('own')} {found.group('kin')}")


def _named_before(owners: list[tuple[Mention, str]], sentences: Sentences, offset: int) -> str:
    """"His wife, Daily González": the person at risk named last, up to two sentences back."""
    start = sentences.span(offset)[0]
    for _ in range(2):
        start = sentences.span(max(0, start - 1))[0]
    before = [pid for m, pid in owners if start <= m.start and m.end <= offset]
    return before[-1] if before else ""


def _by_sentence(owners: list[tuple[Mention, str]],
                 sentences: Sentences) -> dict[tuple[int, int], list[tuple[Mention, str]]]:
    grouped: dict[tuple[int, int], list[tuple[Mention, str]]] = {}
    for mention, person_id in owners:
        grouped.setdefault(sentences.span(mention.start), []).append((mention, person_id))
    return grouped


def _nearest(mentions: list[tuple[Mention, str]], offset: int) -> str:
    """The person whose mention stands nearest before ``offset``, else nearest after it."""
    before = [(m, pid) for m, pid in mentions if m.end <= offset]
    if before:
        return max(before, key=lambda item: item[0].end)[1]
    return min(mentions, key=lambda item: item[0].start)[1] if mentions else ""


def _apart(flags: list[Flag]) -> list[Flag]:
    """One flag per stretch: of two that overlap, the longer (it holds the other)."""
    kept: list[Flag] = []
    taken = Taken()
    for flag in sorted(flags, key=lambda f: (f.start - f.end, f.start)):
        if not taken.overlaps(flag.start, flag.end):
            taken.take(flag.start, flag.end)
            kept.append(flag)
    return sorted(kept, key=lambda f: f.start)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" and not word.lower().startswith(("uni", "eu", "one")) else "a"


def _capital(value: str, first: str) -> str:
    return value[:1].upper() + value[1:] if value and first.isupper() else value

"""The second reading: a copy is read again, as a reader would, before it is called clean.

The leak search alone can only look for the names detection found, so it cannot see what
detection missed. This reading does not trust the review: it runs detection again on the
copy itself and reports

- every withheld name token still in the copy, anywhere in the file (``leaks``);
- every name the model reads in the copy that the review neither keeps nor prints as a
  replacement ("Omarbekov" where only "Kairat" was found);
- every name word standing right beside a replacement ("Kairat [name withheld]",
  "Kairat Kairat"): a name found in part, whose other part survived;
- every contact detail the review withholds (a phone number, an e-mail address, an ID)
  still in the copy in any formatting (``detail_search``).

A copy with any finding is not clean. Detection itself is passed in (``Reader``), so this
module holds the rules of the check and no model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from redactor.decisions import Decisions, Mention
from redactor.detail_search import DetailLeaks
from redactor.documents import Document, read_document
from redactor.errors import RedactorError
from redactor.formats import format_for_kind
from redactor.formats.stored import BINARY
from redactor.leaks import BESIDE, UNREVIEWED, Finding, LeakSearch, withheld_tokens
from redactor.lexicon import lexicon
from redactor.markup import hidden_spans
from redactor.names import fold, is_caps, key, match_case, tokens
from redactor.name_words import not_name_edge, title_case_line
from redactor.facts import TextFacts


@dataclass(frozen=True)
class Reading:
    """What detection read in a copy: each name it found, and its facts (places, the words
    its vocabulary knows)."""

    names: list[Mention]
    facts: TextFacts = TextFacts()


Reader = Callable[[Document], Reading]
# A word directly before a replacement: spaces or tabs between, or one line break of a
# hard-wrapped paragraph (the word is not alone on its line).
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*\.?)(?:[ \t]+|[ \t]*\r?\n[ \t]*)\Z")
# A line break joins two words of one sentence only in hard-wrapped prose, whose lines are
# long; a short line (a header, a title, a property) ends where it ends.
WRAPPED_LINE = 50
_AGE_WORD = re.compile(r"[\w-]+-years?-old", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)[ \t]+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)([^\W\d_][\w'’-]*)")


def read_copy(copy: Document, raw: bytes, decisions: Decisions, reader: Reader,
              original: str | None = None) -> list[Finding]:
    """Every finding in a copy: withheld names, unreviewed names, name words beside
    replacements. ``original`` is the draft's text, when the caller has it."""
    reading = reader(copy)
    found = leak_findings(copy, raw, decisions, original, reading.facts)
    found += unreviewed_names(copy, reading, decisions)
    found += names_beside_replacements(copy, decisions, reading.facts)
    return found


def leak_findings(copy: Document, raw: bytes, decisions: Decisions, original: str | None = None,
                  facts: TextFacts | None = None) -> list[Finding]:
    """Every withheld token and withheld contact detail in the copy's text, and in every
    string a structured file stores.

    Two kinds of occurrence in the copy's text are no leak: one inside a name the review
    keeps ("MARY LOUISE KELLY, HOST:" where another Kelly is withheld), and an ordinary word
    in lower case where the token is an ordinary word too ("or", "warning" of a person the
    editor may still have to correct): a name leaks written as a name.
    """
    search = LeakSearch(decisions, original if original is not None else _original_text(decisions))
    details = DetailLeaks(decisions)
    kept = _kept_spans(copy.text, decisions)
    found = [replace(leak, place=copy.place(leak.offset)) for leak in search.find(copy.text)
             if not _inside(kept, leak.offset) and not _ordinary_here(copy.text, leak, facts)]
    found += [replace(leak, place=copy.place(leak.offset)) for leak in details.find(copy.text)]
    if copy.kind != "text":
        seen: set[tuple[str, str]] = set()
        for where, value in format_for_kind(copy.kind).strings(raw):
            leaks = search.find(value, where, binary=where.endswith(BINARY))
            for leak in leaks + details.find(value, where):
                if (leak.token, where) not in seen:
                    seen.add((leak.token, where))
                    found.append(leak)
    return found


def _kept_spans(text: str, decisions: Decisions) -> list[tuple[int, int]]:
    """Where the copy prints a name of two or more words that the review keeps."""
    kept = {m.text for p in decisions.persons for m in p.mentions
            if (p.action == "keep" or m.replacement == m.text) and len(tokens(m.text)) > 1}
    return sorted(match.span() for value in kept for match in re.finditer(
        rf"(?<!\w){re.escape(value)}(?!\w)", text))


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


def _ordinary_here(text: str, leak: Finding, facts: TextFacts | None) -> bool:
    word = text[leak.offset:leak.offset + len(leak.token)]
    return facts is not None and facts.common_words is not None and word.islower() and facts.is_common(word)


def _original_text(decisions: Decisions) -> str | None:
    """The text of the draft the review was made for, if it is still where the review says
    and unchanged: the longer words its prose uses may stay in the copy ("Harlanson" beside a
    withheld "Harlan"). Without it every such word is a finding: safe, if noisier."""
    try:
        original = read_document(decisions.document_path)
    except RedactorError:
        return None
    return original.text if original.sha256 == decisions.document_sha256 else None


def unreviewed_names(copy: Document, reading: Reading, decisions: Decisions) -> list[Finding]:
    """Names read in the copy that the review neither keeps nor prints as a replacement.

    A name holding a withheld token is already a leak and is not reported twice; a name
    made only of ordinary words the lexicon does not know as names is not reported at all.
    """
    allowed = kept_tokens(decisions) | printed_tokens(decisions)
    withheld = {token for person in decisions.persons for token in withheld_tokens(person)}
    found = []
    for mention in reading.names:
        words = {word for word in key(mention.text) if len(word) > 1}
        if not words or words <= allowed or words & withheld:
            continue
        if all(_ordinary(word, reading.facts) for word in words - allowed):
            continue  # "Book Recommendations" read as a name once the text around it changed
        found.append(_finding(copy, mention.start, mention.text, UNREVIEWED,
                              "read as a name in the copy; the review does not keep it"))
    return found


def names_beside_replacements(copy: Document, decisions: Decisions,
                              facts: TextFacts = TextFacts()) -> list[Finding]:
    """Capitalised name words directly before or after a printed replacement.

    "Kairat [name withheld] told AP" means the name was found in part; the rest of it is
    still printed. Titles, role words, sentence openers, ordinary words ("Tells" of a
    headline) unless the tagger reads them as proper nouns ("Parit", whose lower case the
    vocabulary knows), a kept person's name, places and markup (code, addresses) are not
    names here.
    """
    text = copy.text
    kept = kept_tokens(decisions)
    markup = hidden_spans(copy.sections)
    found: dict[int, Finding] = {}
    for value in _printed_values(decisions):
        for match in _occurrences(text, value):
            caps = is_caps(match.group())
            for start, word in _neighbours(text, match.start(), match.end()):
                bare = word.rstrip(".")
                end = start + len(bare)
                if (start not in found and _name_like(bare, caps, start > match.start()) and fold(bare) not in kept
                        and not (_ordinary(bare, facts) and not _read_as_name(text, start, end, facts))
                        and not facts.in_place(start, end)
                        and not _inside(markup, start)):
                    found[start] = _finding(copy, start, bare, BESIDE,
                                            f"a name word beside the replacement '{match.group()}'")
    return [found[start] for start in sorted(found)]


def _read_as_name(text: str, start: int, end: int, facts: TextFacts) -> bool:
    """The tagger reads the word as a proper noun where nothing else explains its capital:
    no headline, no article before it ("the State"), no other entity ("Lebanese")."""
    return (bool(facts.tagged_proper(start, end)) and not title_case_line(text, start)
            and not _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
            and not facts.in_other(start, end))


def _ordinary(word: str, facts: TextFacts) -> bool:
    """An ordinary word the model's vocabulary knows and the name lexicon does not, or an
    age ("Eighteen-year-old"). A hyphenated word is not ordinary for its parts alone: the
    vocabulary knows "tsz" and "kin", and "Tsz-kin" is a name."""
    if _AGE_WORD.fullmatch(word):
        return True
    return (facts.common_words is not None and "-" not in word and facts.is_common(word)
            and not lexicon().is_name(word))


def kept_tokens(decisions: Decisions) -> set[str]:
    """Folded name words of every person the review keeps as written."""
    words: set[str] = set()
    for person in decisions.persons:
        if person.action == "keep":
            words |= _folded_words([person.name] + [m.text for m in person.mentions])
        else:
            words |= _folded_words(m.text for m in person.mentions if m.replacement == m.text)
    return words


def printed_tokens(decisions: Decisions) -> set[str]:
    """Folded words the review prints in place of withheld names ("Bezshan", "Source A")."""
    return _folded_words(_printed_values(decisions))


def _printed_values(decisions: Decisions) -> list[str]:
    values: set[str] = set()
    for person in decisions.persons:
        if person.action == "keep":
            continue
        values.add(person.replacement)
        values.update(m.replacement for m in person.mentions
                      if m.replacement is not None and m.replacement != m.text)
    return sorted(v for v in values if v.strip())


def _folded_words(values: Iterable[str]) -> set[str]:
    words = {fold(t.rstrip(".")) for value in values for t in tokens(value)}
    return words | {part for w in words for part in w.split("-")}


def _occurrences(text: str, value: str) -> Iterable[re.Match[str]]:
    """Where a replacement is printed: as written, in capitals, or made link-safe."""
    forms = {value, match_case(value, "XX"), re.sub(r"[^\w.~-]+", "-", value).strip("-")}
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if f)
    yield from re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text)


def _neighbours(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The word right before ``start`` and the word right after ``end``, if joined by spaces."""
    words = []
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before and not (before.group(1).endswith(".") and len(before.group(1)) > 2):
        line_start = text.rfind("\n", 0, before.start(1)) + 1
        if "\n" not in before.group(0) or before.start(1) - line_start >= WRAPPED_LINE:
            words.append((before.start(1), before.group(1)))
    after = _WORD_AFTER.match(text, end)
    if after:
        words.append((after.start(1), after.group(1)))
    return words


def _name_like(word: str, caps_context: bool, after: bool) -> bool:
    """A capitalised word that is no title, role, month or sentence word; in capitals only
    beside a replacement in capitals (elsewhere a word in capitals is an acronym). After a
    replacement a capitalised sentence word is a name too ("[name withheld] Ten"): it stands
    inside the sentence, where only a name is written with a capital."""
    if len(word) < 2 or not word[0].isupper() or not (caps_context or not is_caps(word)):
        return False
    return not not_name_edge(word, leading=not after)


def _finding(copy: Document, offset: int, word: str, kind: str, reason: str) -> Finding:
    line = copy.text.count("\n", 0, offset) + 1
    column = offset - (copy.text.rfind("\n", 0, offset) + 1) + 1
    return Finding(word, "", line, column, offset, copy.place(offset), kind, reason)


def unfinished_path(path: Path) -> Path:
    """Where a copy that is not clean goes: beside the requested name, saying so."""
    return path.with_name(f"{path.stem}.UNFINISHED{path.suffix}")

"""Contact details and numbers: how a person can be reached or looked up.

A source cut to a first name is still found by the mobile number printed beside it. Presidio
recognises most of these with its own predefined recognizers (phone numbers of many
countries, e-mail addresses, links, IP addresses, IBANs, card numbers, national ID numbers);
news drafts add messenger handles ("@bezshan_88", "t.me/..."), street addresses with a
number, licence plates and passport or ID numbers after a word that says what they are.
They all run in the same ``analyze`` call as the person recognizers, on the text the
pipeline has already read: no second pass.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from dataclasses import dataclass

import regex
import tldextract
from presidio_analyzer import (AnalyzerEngine, EntityRecognizer, Pattern, PatternRecognizer,
                               RecognizerResult)
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    CaSinRecognizer, CreditCardRecognizer, DeIdCardRecognizer, DePassportRecognizer,
    EmailRecognizer, EsNieRecognizer, EsNifRecognizer, FiPersonalIdentityCodeRecognizer,
    IbanRecognizer, InAadhaarRecognizer, IpRecognizer, ItFiscalCodeRecognizer, KrRrnRecognizer,
    NgNinRecognizer, PhoneRecognizer, PlPeselRecognizer, SePersonnummerRecognizer,
    SgFinRecognizer, TrNationalIdRecognizer, UkNinoRecognizer, UrlRecognizer, UsSsnRecognizer,
    ZaIdNumberRecognizer, ZaPassportRecognizer)

from redactor.cues import (ID_CUES, MESSENGERS, PLATE_CUES, STREET_BEFORE, STREET_WORDS,
                           alternation)

# Presidio's entity names, and the kind of detail each is (``decisions.CONTACT_KINDS``).
KINDS = {"PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email", "URL": "url", "IP_ADDRESS": "ip",
         "IBAN_CODE": "iban", "CREDIT_CARD": "card", "MESSENGER_HANDLE": "handle",
         "LICENSE_PLATE": "plate", "STREET_ADDRESS": "address", "ID_NUMBER": "id_number"}
# Presidio's national ID recognizers that can reach ``MIN_SCORE`` on their own: by a pattern
# scored that high, or by a checksum that lifts a match to certainty. Context words do not
# lift scores here (the pipeline has no lemmas; ``detection._Analyzer``): a number cued by
# one ("passport number N12345678") is ``_id_numbers``'s. So the passport recognizers of the
# US, the UK, India and the Philippines (weak shapes, no checksum) are left out, and India's
# PAN recognizer, whose weakest pattern matches every ten-letter word with a digit.
_ID_RECOGNIZERS = (UsSsnRecognizer, UkNinoRecognizer, InAadhaarRecognizer, CaSinRecognizer)
# Those whose patterns never match a space: run on the stretches between spaces only.
_TOKEN_ID_RECOGNIZERS = (EsNifRecognizer, EsNieRecognizer, ItFiscalCodeRecognizer, PlPeselRecognizer,
                         SgFinRecognizer, NgNinRecognizer, KrRrnRecognizer, TrNationalIdRecognizer,
                         ZaIdNumberRecognizer, ZaPassportRecognizer, SePersonnummerRecognizer,
                         FiPersonalIdentityCodeRecognizer, DeIdCardRecognizer, DePassportRecognizer)
ID_ENTITIES = frozenset(entity for recognizer in _ID_RECOGNIZERS + _TOKEN_ID_RECOGNIZERS
                        for entity in recognizer(supported_language="en").supported_entities)
DETAIL_ENTITIES = tuple(KINDS) + tuple(sorted(ID_ENTITIES))
MIN_SCORE = 0.4  # below it a number is only a shape: a national ID without its context word
# Regions whose national formats are read without a country code ("8 701 234 56 78",
# "0803 123 4567"); a number written with "+" and its country code is read in any region.
PHONE_REGIONS = ("US", "GB", "IE", "CA", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "BE", "PL",
                 "UA", "BY", "RU", "KZ", "KG", "UZ", "TJ", "AZ", "GE", "AM", "TR", "IR", "IQ",
                 "SY", "LB", "IL", "EG", "SA", "AE", "IN", "PK", "BD", "LK", "MM", "TH", "VN",
                 "PH", "ID", "MY", "CN", "HK", "TW", "KR", "JP", "NG", "GH", "KE", "UG", "ET",
                 "ZA", "ZW", "SD", "BR", "AR", "CL", "CO", "PE", "VE", "MX", "CU", "NI")
# A stretch between spaces that could hold a link: a dot between letters, or a "://".
_DOTTED_STRETCH = regex.compile(r"(?<!\S)\S*(?:\w\.\w|://)\S*")
# A stretch between spaces that could hold an IP address (a digit or a colon in it) or a
# national ID number (a digit in eight characters or more; an Italian fiscal code, sixteen).
_NUMBER_STRETCH = regex.compile(r"(?<!\S)(?:\S*[\d:]\S*|\S{16,})")
# A stretch that could hold a phone number: digits with separators, at least seven digits.
_NUMBERISH = regex.compile(r"[+(]?\d(?:[ \t().\-\u2010-\u2015/]{0,3}\d){6,}\)?")
_FLAGS = regex.DOTALL | regex.MULTILINE  # case matters: "Street" is a street, "street" a word
# What python-phonenumbers also reads as a number: a date ("2022-01-15", "15.01.2022") or a
# span of years ("1991-2022").
_NOT_A_PHONE = regex.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"
                             r"|(?:19|20)\d\d\s*[-\u2013/]\s*(?:19|20)?\d\d")
# A link worth listing is one that names its place: with a scheme, "www." or a path. A bare
# "word.Th" is a sentence run into the next one; "nytimes.com" names an outlet.
_LINK = regex.compile(r"://|^www\.|/")
# When two details overlap, the one of the more specific entity is kept: a number after
# "passport" is an ID, but a valid phone number is a phone number even where a national
# ID's checksum happens to hold for its digits (one 11-digit number in ten passes Nigeria's).
_PRIORITY = ("EMAIL_ADDRESS", "MESSENGER_HANDLE", "IBAN_CODE", "CREDIT_CARD", "ID_NUMBER",
             "PHONE_NUMBER", "IP_ADDRESS", "LICENSE_PLATE", "STREET_ADDRESS", "URL")
# Public Suffix List from tldextract's bundled snapshot only: a draft never causes a fetch.
_SUFFIXES = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


@dataclass(frozen=True)
class DetailHit:
    """A contact detail a recognizer found: where, its kind, and the Presidio entity."""

    start: int
    end: int
    kind: str
    entity: str


def kind_of(entity: str) -> str:
    """The kind of detail a Presidio entity is."""
    return "id_number" if entity in ID_ENTITIES else KINDS[entity]


def detail_hits(text: str, results: Iterable[RecognizerResult], offset: int = 0) -> list[DetailHit]:
    """The contact details among Presidio's results on ``text``: scored high enough, not a
    date read as a phone number nor a sentence run into the next read as a link, and of
    two that overlap only the more specific ("b.nu" of an e-mail address is no link)."""
    hits = []
    for result in results:
        if result.entity_type not in KINDS and result.entity_type not in ID_ENTITIES:
            continue
        written = text[result.start:result.end]
        kind = kind_of(result.entity_type)
        if (result.score < MIN_SCORE or (kind == "phone" and _NOT_A_PHONE.fullmatch(written))
                or (kind == "url" and not _LINK.search(written))):
            continue
        start, end = result.start, result.end - (len(written) - len(written.rstrip(".,;:!?)")))
        hits.append(DetailHit(start + offset, end + offset, kind, result.entity_type))
    return _apart(hits)


def _apart(hits: list[DetailHit]) -> list[DetailHit]:
    kept: list[DetailHit] = []
    rank = {entity: number for number, entity in enumerate(_PRIORITY)}
    for hit in sorted(hits, key=lambda h: (rank.get(h.entity, rank["PHONE_NUMBER"] + 0.5), h.start - h.end)):
        if not any(hit.start < other.end and other.start < hit.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def markup_details(analyzer: AnalyzerEngine, text: str,
                   spans: Iterable[tuple[int, int]]) -> list[DetailHit]:
    """Contact details in markup the model never reads as prose (a page's "tel:+7701...",
    "mailto:..." link targets): the same recognizers, run on each stretch on its own. Links
    themselves are not details there: a page's addresses are its structure."""
    recognizers = [r for r in analyzer.registry.recognizers
                   if set(r.supported_entities) & set(DETAIL_ENTITIES)]
    hits: list[DetailHit] = []
    for start, end in spans:
        piece = text[start:end]
        results = [result for recognizer in recognizers
                   for result in recognizer.analyze(piece, recognizer.supported_entities, None)]
        hits += [hit for hit in detail_hits(piece, results, start) if hit.kind != "url"]
    return hits


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, checking domains against the bundled suffix list only.

    Its own check calls ``tldextract.extract``, whose first use downloads the Public Suffix
    List; the engine must never touch the network."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """No "@", no address: most drafts need no scan of their every character."""
        return super().analyze(text, entities, nlp_artifacts) if "@" in text else []

    def validate_result(self, pattern_text: str) -> bool:
        return _SUFFIXES(pattern_text).fqdn != ""


class NumberPhoneRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer, run only where digits stand close together.

    python-phonenumbers scans the whole text once per region; with sixty regions that would
    cost more than the rest of detection. Each stretch of seven or more digits is read with
    a few characters around it, so the matcher sees the same number in the same context.
    """

    _MARGIN = 3

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for stretch in _NUMBERISH.finditer(text):
            start = max(0, stretch.start() - self._MARGIN)
            window = text[start:stretch.end() + self._MARGIN]
            for result in super().analyze(window, entities, nlp_artifacts):
                result.start += start
                result.end += start
                results.append(result)
        return EntityRecognizer.remove_duplicates(results)


class StretchRecognizer(EntityRecognizer):
    """Presidio recognizers whose patterns never match a space, run together on the stretches
    between spaces that could hold a match (``stretch``), joined by line breaks.

    Each pattern tried at every character of a draft cost a few milliseconds (the URL
    pattern, which lists every top-level domain, more than any other recognizer); the
    stretches are a few dozen. A stretch meets a line break on each side where the draft has
    a space, so the patterns see the same boundaries."""

    def __init__(self, name: str, recognizers: list[PatternRecognizer], stretch: regex.Pattern[str]) -> None:
        entities = sorted({entity for r in recognizers for entity in r.supported_entities})
        super().__init__(supported_entities=entities, name=name)
        self.recognizers, self.stretch = recognizers, stretch

    def load(self) -> None:
        """Nothing to load: the recognizers inside are Presidio's pattern recognizers."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        stretches = list(self.stretch.finditer(text))
        joined = "\n".join(stretch.group() for stretch in stretches)
        starts = list(accumulate((len(stretch.group()) + 1 for stretch in stretches), initial=0))
        results = []
        for recognizer in self.recognizers:
            for found in recognizer.analyze(joined, recognizer.supported_entities):
                index = bisect_right(starts, found.start) - 1
                shift = stretches[index].start() - starts[index]
                metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
                results.append(RecognizerResult(found.entity_type, found.start + shift, found.end + shift,
                                                found.score, recognition_metadata=metadata))
        return results


def contact_recognizers() -> list[EntityRecognizer]:
    """Presidio's own recognizers of contact details and numbers, and ours for news drafts."""
    numbers = [IpRecognizer()] + [recognizer(supported_language="en") for recognizer in _TOKEN_ID_RECOGNIZERS]
    presidio: list[EntityRecognizer] = [
        NumberPhoneRecognizer(supported_regions=PHONE_REGIONS), OfflineEmailRecognizer(),
        StretchRecognizer("DottedUrlRecognizer", [UrlRecognizer()], _DOTTED_STRETCH),
        StretchRecognizer("NumberStretchRecognizer", numbers, _NUMBER_STRETCH),
        IbanRecognizer(), CreditCardRecognizer()]
    presidio += [recognizer(supported_language="en") for recognizer in _ID_RECOGNIZERS]
    return presidio + [_handles(), _addresses(), _plates(), _id_numbers()]


class CuedRecognizer(PatternRecognizer):
    """A pattern recognizer that reports only the part of a match named ``value``.

    "passport number N12345678" is found by its cue word, which the scan meets first (a
    look-behind for it would be tried at every character); only the number is the detail.
    A pattern without a ``value`` group reports its whole match, as Presidio's does."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for pattern in self.patterns:
            if pattern.compiled_regex is None:
                pattern.compiled_regex = regex.compile(pattern.regex, flags=_FLAGS)
            for match in pattern.compiled_regex.finditer(text):
                group = "value" if "value" in pattern.compiled_regex.groupindex else 0
                metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
                results.append(RecognizerResult(self.supported_entities[0], match.start(group),
                                                match.end(group), pattern.score,
                                                recognition_metadata=metadata))
        return results


def _own(entity: str, name: str, patterns: list[tuple[str, str, float]]) -> PatternRecognizer:
    return CuedRecognizer(supported_entity=entity, name=name, global_regex_flags=_FLAGS,
                          patterns=[Pattern(label, pattern, score) for label, pattern, score in patterns])


def _handles() -> PatternRecognizer:
    """"@bezshan_88"; "t.me/bezshan_88", "wa.me/77012345678"; "on Signal as bez.88"."""
    messengers = alternation(frozenset(m.title() for m in MESSENGERS) | MESSENGERS)
    return _own("MESSENGER_HANDLE", "HandleRecognizer", [
        ("at-handle", r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])", 0.6),
        ("messenger-link", r"(?i:\b(?:t\.me|telegram\.me|wa\.me|signal\.me|vk\.me|m\.me)/)"
                           r"[#+/\w.-]{2,60}\w", 0.8),
        ("named-handle", rf"\b{messengers}[ \t]+(?:as[ \t]+|:[ \t]*|account[ \t]+|channel[ \t]+)?"
                         r"(?P<value>@?(?=[A-Za-z0-9_.]*[0-9_.])"
                         r"[A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_])", 0.6),
        ("cued-handle", rf"\b(?:{messengers}[ \t]+)?(?:user[ \t]?name|handle|nickname)[ \t]*"
                        r"(?:is[ \t]+|:[ \t]*)?(?P<value>@?[A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_])", 0.6)])


def _addresses() -> PatternRecognizer:
    """A street with a house number: "12 Abay Street", "Abay Avenue 12", "ul. Zheltoksan 45",
    "608 S.W. Lincoln"."""
    word = r"\p{Lu}[\p{L}'’-]*"
    name = rf"{word}(?:[ \t]+(?:{word}|de|la|del|of|the))*"
    after = alternation(tuple(STREET_WORDS))
    before = alternation(tuple(STREET_BEFORE))
    number = r"\d{1,5}[A-Za-z]?(?:/\d{1,4})?"
    unit = (r"(?:,?[ \t]+(?:apartment|apt\.?|flat|house|building|bldg\.?|office|room|kv\.?|No\.?)"
            r"[ \t]*\d{1,5}[A-Za-z]?)*")
    return _own("STREET_ADDRESS", "StreetAddressRecognizer", [
        ("number-first", rf"\b{number},?[ \t]+{name}[ \t]+{after}(?!\w){unit}", 0.6),
        ("number-last", rf"\b{name}[ \t]+{after}(?!\w),?[ \t]+(?:No\.?[ \t]*)?{number}\b{unit}", 0.6),
        ("street-first", rf"(?i:\b{before})[ \t]*{name},?[ \t]+{number}\b{unit}", 0.6),
        ("compass", rf"\b{number}[ \t]+(?:[NSEW]\.?|[NS]\.?[EW]\.?)[ \t]+{name}\b{unit}", 0.6)])


def _plates() -> PatternRecognizer:
    """A licence plate after a word that says so: "licence plate 123 ABC 02"."""
    return _own("LICENSE_PLATE", "PlateRecognizer", [
        ("cued-plate", rf"(?i:\b(?:{PLATE_CUES}))[ \t]*(?:of|was|is|:|No\.?|number)?[ \t]*"
                       r"(?P<value>(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,3}\b)", 0.7)])


def _id_numbers() -> PatternRecognizer:
    """A passport or ID number after a word that says so: "passport number N12345678"."""
    return _own("ID_NUMBER", "IdNumberRecognizer", [
        ("cued-id", rf"\b(?:{ID_CUES}),?[ \t]*(?:was|is|:|No\.?|#)?[ \t]*"
                    r"(?P<value>(?=[A-Z0-9 -]*\d{4})(?:[A-Z]{1,3}[ -]?)?\d[\d -]{3,16}\d[A-Z]?\b)", 0.7)])

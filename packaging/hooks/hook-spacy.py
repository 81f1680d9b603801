"""Replaces pyinstaller-hooks-contrib's hook-spacy.py: the same collection without spacy.tests.

A hook in the spec's hookspath takes the place of the contrib hook for the same module. The
contrib hook collects every submodule, spacy.tests included; those are excluded in the spec,
which turned each of them into a "hidden import not found" warning. What spaCy needs at run
time is collected in redactor.spec as well; this hook only keeps the tests out.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["**/tests/**"])
hiddenimports = collect_submodules("spacy", filter=lambda name: not name.startswith("spacy.tests"))

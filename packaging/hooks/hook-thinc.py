"""Replaces pyinstaller-hooks-contrib's hook-thinc.py: the same collection without thinc.tests.

See hook-spacy.py beside this file.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("thinc", excludes=["**/tests/**"])
hiddenimports = collect_submodules("thinc", filter=lambda name: not name.startswith("thinc.tests"))

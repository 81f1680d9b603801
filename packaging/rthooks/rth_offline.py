"""PyInstaller runtime hook: the bundle never reaches the network, whatever it imports.

Runs before the app's own code in both executables (and in the analysis child process).

tldextract (imported by presidio_analyzer's e-mail recognizer; Redactor's own subclass,
``recognizers.contacts.OfflineEmailRecognizer``, asks it for the bundled snapshot only)
fetches the Public Suffix List from the internet on first use and caches it under the home
folder. Here its suffix-list URLs are set to none and its disk cache is switched off, so it
can only read the snapshot bundled in its package data (``tldextract/.tld_set_snapshot``).
Both are read from the environment when tldextract is imported, so they are set before that.
They are set unconditionally: a user's environment cannot turn the fetch back on.
"""

import os

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""  # no URL to fetch: bundled snapshot only
os.environ["TLDEXTRACT_CACHE"] = ""  # no cache folder written to or read from ~/.cache

# Hugging Face libraries are not part of the bundle; should one ever be pulled in by a
# dependency, it stays offline too.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

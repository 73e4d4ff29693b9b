"""The core: one post in, diagnostics out.

The model of a post (source, front matter, document, prose view, diagnostics), the resolved
configuration it is checked with, and the engine that runs rules on it and applies their
fixes. It imports nothing from :mod:`postlint.application` or :mod:`postlint.interfaces` at
import time (three functions reach into the application when called: the configuration's
schema, the house rules a configuration names, and a file's state for the cache), so rules,
reporters and the site model can build on it.
"""

"""The application: a run over many files.

Finding the files, loading configuration files, the cache, baselines, adoption and the
runner that checks files in parallel and streams results. It imports :mod:`postlint.core`,
:mod:`postlint.rules`, :mod:`postlint.report` and :mod:`postlint.site`, never
:mod:`postlint.interfaces`: the CLI, the language server and :mod:`postlint.api` call it.
"""

"""The interfaces: how people and editors drive postlint.

The command line (click commands, terminal output, progress) and the language server. They
import :mod:`postlint.application` and :mod:`postlint.core` and hold no linting logic of their
own; nothing below them imports them.
"""

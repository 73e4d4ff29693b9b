"""Document: one post as rules see it. Every view is computed on first use and then kept.

Rules that read only the front matter never pay for Markdown parsing, and no rule ever
re-parses what another already needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from postlint.core import frontmatter
from postlint.core.source import SourceFile
from postlint.site.generator import PLAIN_SITE, Site

if TYPE_CHECKING:
    from postlint.core.prose_view import Block, ProseView
    from postlint.core.protect import Protected
    from postlint.core.schema import LoadedSchema
    from postlint.core.schema_choice import SchemaChoice, SchemaErrors
    from postlint.site.model import SiteModel

DEFAULT_PROSE_FIELDS = ("title", "excerpt", "description")


_TRIPLE_QUOTES = ('"""', "'''")  # TOML's multi-line strings


@dataclass(frozen=True)
class TextField:
    """A front-matter text value whose characters sit verbatim in the file (prose in YAML)."""

    key: str
    start: int
    end: int
    text: str


class Document:
    """A post: its source, front matter, body and prose view. Treat it as immutable."""

    def __init__(
        self,
        source: SourceFile,
        *,
        schema: LoadedSchema | None = None,
        schemas: Callable[[Document], SchemaChoice] | None = None,
        prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS,
        tex_math: bool = False,
        site: Site = PLAIN_SITE,
        site_model: SiteModel | None = None,
    ) -> None:
        self.source = source
        self.site = site  # the generator that builds the post, and its facts
        self._schema = schema  # a fixed schema; else ``schemas`` picks one for this post
        self._schemas = schemas
        self.prose_fields = prose_fields
        self.tex_math = tex_math  # the site renders \[...\] and \(...\) as math
        self.site_model = site_model  # the whole site's model, for site rules

    @cached_property
    def schema_choice(self) -> SchemaChoice:
        """The post's schema (or why it has none): its front matter decides, so it is lazy."""
        from postlint.core.schema_choice import SchemaChoice

        return self._schemas(self) if self._schemas is not None else SchemaChoice(self._schema)

    @property
    def schema(self) -> LoadedSchema | None:
        return self.schema_choice.schema

    @cached_property
    def schema_errors(self) -> SchemaErrors:
        """The schema's errors on the front matter, found once for every rule that reads them."""
        from postlint.core.schema_choice import SchemaErrors

        return SchemaErrors.of(self.schema, self.data)

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def text(self) -> str:  # kept: rules ask for it (and the three below) in their loops
        return self.source.text

    @cached_property
    def block(self) -> frontmatter.Block | None:
        return frontmatter.split(
            self.text, blank_lines=self.site.generator.blank_lines_before_front_matter
        )

    @cached_property
    def front_matter(self) -> frontmatter.FrontMatter | None:
        block = self.block
        return frontmatter.parse(self.text, block) if block is not None else None

    @property
    def data(self) -> dict[str, object]:
        """The front matter as a mapping ({} when absent, broken or not a mapping)."""
        fm = self.front_matter
        return fm.data if fm is not None and isinstance(fm.data, dict) else {}

    @cached_property
    def body_start(self) -> int:
        return self.block.body_start if self.block is not None else 0

    @cached_property
    def view(self) -> ProseView:
        from postlint.core.prose_view import build_prose_view

        return build_prose_view(self.text, self.body_start, tex_math=self.tex_math)

    @cached_property
    def prose(self) -> str:
        """Same length as ``text``; everything that is not prose is masked in place."""
        return self.view.text

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return self.view.blocks

    @cached_property
    def protected(self) -> Protected:
        """Text no word-choosing fix may touch: one per document, shared by every fixing rule."""
        from postlint.core.protect import Protected

        return Protected(self)

    @cached_property
    def text_fields(self) -> tuple[TextField, ...]:
        """Front-matter values treated as prose, when their text can be located exactly."""
        fm = self.front_matter
        if fm is None or fm.root is None or fm.root.tag != "map":
            return ()
        fields: list[TextField] = []
        for key, value in fm.root.entries:
            if key.value not in self.prose_fields or not isinstance(value.value, str):
                continue
            start, end = value.start, value.end
            raw = self.text[start:end]
            quote = raw[:3] if raw[:3] in _TRIPLE_QUOTES else raw[:1]
            if quote and quote[0] in "\"'" and len(raw) >= 2 * len(quote) and raw.endswith(quote):
                start, end = start + len(quote), end - len(quote)
            if self.text[start:end] == value.value and value.value:
                fields.append(TextField(str(key.value), start, end, value.value))
        return tuple(fields)

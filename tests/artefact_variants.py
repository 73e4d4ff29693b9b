"""A seeded generator of pipeline artefacts planted in posts, in shapes the examples lack.

Each kind combines phrasings, punctuation, letter case, apostrophes, emphasis and positions
(start, middle or end of a paragraph, a list item, the title, the excerpt); ``variants(kind)``
yields complete posts with the line of the planted artefact. ``recall(kind)`` lints them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from postlint.core.config import Config
from postlint.core.engine import Linter

SEED = 20251201
COUNT = 300


@dataclass(frozen=True)
class Variant:
    text: str
    line: int  # where the artefact is planted (1-based)
    artefact: str


Maker = Callable[[random.Random], str]

_LEAD = (
    "The council met on Tuesday to discuss the budget.",
    "Rail fares will rise by three percent next year.",
    "The museum reopens after a two-year renovation.",
    "Local farmers expect a smaller harvest this autumn.",
)
_TAIL = (
    "The vote is expected next week.",
    "Tickets go on sale in March.",
    "Officials declined to comment further.",
)
# The paragraphs around the planted one: never the same text as it (or a fix that removes
# the artefact would leave two equal paragraphs, a finding of its own).
_OPENING = "The city published its spending plan on Monday morning."
_CLOSING = "A public hearing follows in the spring."


def _pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def _case(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return text.upper()
    if roll < 0.2:
        return text.lower()
    return text


def _apostrophes(rng: random.Random, text: str) -> str:
    return text.replace("'", "’") if rng.random() < 0.5 else text


def _emphasis(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return f"**{text}**"
    if roll < 0.15:
        return f"*{text}*"
    return text


def self_reference(rng: random.Random) -> str:
    who = _pick(
        rng,
        "As an AI language model",
        "As an AI",
        "As a large language model",
        "As an AI assistant",
        "As a language model developed by OpenAI",
        "Being an AI",
        "As a helpful AI assistant",
        "As an artificial intelligence",
        "As a text-based AI model",
        "As an LLM",
        "As a virtual assistant",
        "As an AI chatbot",
        "As a generative AI model",
    )
    then = _pick(
        rng,
        "I don't have personal experiences of the city",
        "I cannot attend the meeting",
        "my knowledge of local politics is limited",
        "I do not hold opinions on the vote",
        "I can only summarise what was reported",
        "I'm not able to verify these figures",
    )
    sep = _pick(rng, ", ", " ", ", ", " — ")
    if sep == " — ":
        sep = ", "
    first = _pick(
        rng,
        f"{who}{sep}{then}.",
        f"{who}{sep}{then}.",
        _pick(
            rng,
            "I'm just an AI, so I can't say who will win.",
            "I am only a language model and cannot vote.",
            "I'm an AI assistant, not a reporter.",
            "I am a large language model trained by OpenAI.",
            "I'm merely an AI language model, after all.",
            "I am an AI developed by Anthropic.",
            "I was trained by OpenAI to be helpful.",
            "I am ChatGPT, and I summarise the news.",
            "I don't have personal opinions about the budget.",
            "I do not have feelings or emotions about the vote.",
        ),
    )
    return first


def refusal(rng: random.Random) -> str:
    apology = _pick(
        rng,
        "I'm sorry",
        "I am sorry",
        "Sorry",
        "I apologize",
        "I apologise",
        "My apologies",
        "I'm really sorry",
        "I'm very sorry",
    )
    joint = _pick(rng, ", but ", ". ", "! ", ", but ", " — but ", "; ")
    unable = _pick(
        rng, "I can't", "I cannot", "I'm unable to", "I am not able to", "I won't be able to"
    )
    task = _pick(
        rng,
        "assist with that",
        "help with this request",
        "provide that information",
        "fulfill that request",
        "comply with this request",
        "create content like that",
        "write that article",
        "generate that list",
        "continue with this story",
        "help you with that",
        "complete this task",
    )
    bare = _pick(
        rng,
        "I can't assist with that request.",
        "I'm unable to fulfill your request.",
        "I cannot help with this request.",
        "I am not able to comply with that request.",
        "I can't help with that.",
        "I won't be able to assist with your query.",
        "Unfortunately, I cannot fulfill this request.",
        "This request goes against my guidelines.",
        "Writing this would violate OpenAI's content policy.",
    )
    return bare if rng.random() < 0.3 else f"{apology}{joint}{unable} {task}."


def cutoff(rng: random.Random) -> str:
    return _pick(
        rng,
        "As of my last update, the bridge was still closed.",
        "As of my last knowledge update in 2023, the mayor was Jane Doe.",
        "As of my knowledge cutoff in September 2021, no date had been set.",
        "As of my latest training data, fares were lower.",
        "According to my training data, the museum opened in 1901.",
        "My knowledge cutoff is 2023, so check the latest figures.",
        "My training data only extends to 2023.",
        "I don't have real-time data on the vote.",
        "I do not have access to current information about fares.",
        "I can't browse the internet to check this.",
        "Anything beyond my knowledge cutoff may differ.",
        "Things may have changed after my last training update.",
        "I was trained on data up to April 2024.",
        "Based on my training data, the harvest was smaller.",
        "My knowledge is only current up to 2022.",
        "Up until my last training cut-off, the plan was on hold.",
        "I don't have access to real-time information about the council.",
        "Since my knowledge cutoff, new rules may apply.",
        "I am unable to browse the web for updates.",
    )


def requester(rng: random.Random) -> str:
    return _pick(
        rng,
        "Let me know if you'd like me to add quotes from the mayor.",
        "Let me know if you want any changes.",
        "Let me know if you need further edits.",
        "Just let me know if you'd like a shorter version.",
        "Would you like me to expand on the budget section?",
        "Do you want me to add a headline?",
        "Shall I continue with the next section?",
        "If you'd like, I can add a timeline.",
        "If you want, I can also write a summary.",
        "I can also draft a shorter version if you'd like.",
        "Feel free to ask if you need any more changes.",
        "Is there anything else I can help you with?",
        "I hope this helps!",
        "Hope this helps.",
        "I hope this meets your needs.",
        "Let me know if this works for you.",
        "Would you prefer me to use a more formal tone?",
        "Let me know if you would like any adjustments to the tone or length.",
        "If you need any further revisions, let me know if you want them.",
        "Feel free to let me know if you need other changes.",
    )


def preamble(rng: random.Random) -> str:
    assent = _pick(rng, "Sure", "Certainly", "Of course", "Absolutely", "Sure thing")
    mark = _pick(rng, "! ", ", ", ". ", "! ")
    here = _pick(rng, "here's", "here is", "below is")
    what = _pick(
        rng,
        "a rewritten version of the article",
        "the revised article",
        "a polished version of your post",
        "the article",
        "a blog post about the council",
        "the rewritten text",
        "a more engaging version of the story",
        "an SEO-optimized version of the article",
        "a summary of the article",
    )
    end = _pick(rng, ":", ":", ".")
    plain = _pick(
        rng,
        "Here's a rewritten version of your article:",
        "Here is the revised article:",
        "Below is a polished version of the post:",
        "Here is an SEO-optimized version of the article:",
        "Here's the article you requested:",
        "Here is a blog post based on your outline:",
        "I've rewritten the provided text to be clearer.",
        "Sure, here you go:",
        "Here is a paraphrased version of the text:",
        "Here's an improved version of your blog post:",
        "I have revised your article for clarity.",
        "Here is the humanized text:",
    )
    return (
        plain
        if rng.random() < 0.35
        else f"{assent}{mark}{here.capitalize() if mark != ', ' else here} {what}{end}"
    )


def token(rng: random.Random) -> str:
    return _pick(
        rng,
        "citeturn0search3",
        "citeturn2news7",
        "citeturn0search1turn0search4",
        "\ue200cite\ue202turn0search3\ue201",
        "【4†source】",
        "【12:3†report.pdf】",
        ":contentReference[oaicite:2]{index=2}",
        "[oaicite:0]",
        "[cite: 4]",
        "[cite: 2, 9]",
        "fileciteturn0file1",
        "turn0search5",
        "【8†L12-L20】",
        "::contentReference[oaicite:11]{index=11}",
        "[^2^]",
    )


def _paragraph_position(rng: random.Random, artefact: str) -> tuple[str, str]:
    """(body, where): the artefact in a paragraph, a list item, or a paragraph of its own."""
    lead, tail = rng.choice(_LEAD), rng.choice(_TAIL)
    where = rng.choice(("alone", "start", "middle", "end", "list"))
    if where == "alone":
        return artefact, where
    if where == "start":
        return f"{artefact} {tail}", where
    if where == "middle":
        return f"{lead} {artefact} {tail}", where
    if where == "end":
        return f"{lead} {artefact}", where
    return f"- {lead}\n- {artefact}\n- {tail}", where


def _post(rng: random.Random, artefact: str, *, fields: bool = True) -> Variant:
    artefact = _emphasis(rng, _case(rng, _apostrophes(rng, artefact)))
    if fields and rng.random() < 0.15:
        key = rng.choice(("title", "excerpt", "description"))
        value = artefact.replace('"', "'").replace("*", "")
        front = f'---\ntitle: "Council news"\n{key}: "{value}"\n---\n'.replace(
            'title: "Council news"\ntitle:', "title:"
        )
        line = 2 if key == "title" else 3
        return Variant(front + f"\n{_OPENING}\n", line, value)
    body, where = _paragraph_position(rng, artefact)
    text = f"---\ntitle: Council news\n---\n\n{_OPENING}\n\n{body}\n\n{_CLOSING}\n"
    line = 7 + (1 if where == "list" else 0)
    return Variant(text, line, artefact)


def _token_post(rng: random.Random) -> Variant:
    tok = token(rng)
    lead, tail = rng.choice(_LEAD), rng.choice(_TAIL)
    body = rng.choice(
        (
            f"{lead} {tok}",
            f"{lead}{tok}",
            f"{lead[:-1]} {tok}.",
            f"{lead[:-1]}{tok}. {tail}",
            f"{lead} {tok} {tail}",
            f"{tok} {lead}",
            f"- {lead} {tok}",
            f"> {lead} {tok}",
        )
    )
    if rng.random() < 0.1:
        return Variant(f'---\ntitle: "Council news {tok}"\n---\n\n{lead}\n', 2, tok)
    return Variant(f"---\ntitle: Council news\n---\n\n{body}\n\n{_CLOSING}\n", 5, tok)


def _link_post(rng: random.Random) -> Variant:
    source = rng.choice(("chatgpt.com", "openai", "ChatGPT.com", "perplexity.ai"))
    base = rng.choice(
        (
            "https://example.org/report",
            "https://news.example.com/a/b.html",
            "http://www.example.net/x",
        )
    )
    query = rng.choice(
        (
            f"?utm_source={source}",
            f"?id=3&utm_source={source}",
            f"?utm_source={source}&lang=en",
            f"?a=1&utm_source={source}&b=2",
            f"?utm_source={source}#part-2",
        )
    )
    url = base + query
    body = rng.choice(
        (
            f"The figures were published ([Reuters]({url})).",
            f"See <{url}> for details.",
            f'Read the [full report]({url} "Report") today.',
            f'Read it <a href="{url}">here</a>.',
            f"Source: {url}",
            f"- [One source]({url})",
        )
    )
    if rng.random() < 0.15:
        return Variant(
            f"---\ntitle: Council news\n---\n\nRead [the report][r].\n\n[r]: {url}\n", 7, url
        )
    return Variant(f"---\ntitle: Council news\n---\n\n{body}\n", 5, url)


def _headline_post(rng: random.Random) -> Variant:
    title = rng.choice(
        (
            "Where peace stands in Ukraine",
            "The council approves a new budget",
            "Why rail fares are rising again",
            "What the harvest means for prices",
        )
    )
    shown = rng.choice(
        (
            title,
            title + ".",
            f"**{title}**",
            f"*{title}*",
            title.upper(),
            title.title(),
            f"# {title}\n\n{title}",
            f"{title}:",
        )
    )
    quoted = rng.choice((title, f'"{title}"', f"'{title}'"))
    glued = rng.random() < 0.25 and not shown.startswith("#")
    body = f"{shown}\n{rng.choice(_LEAD)}" if glued else f"{shown}\n\n{rng.choice(_LEAD)}"
    line = 7 if shown.startswith("#") else 5
    return Variant(f"---\ntitle: {quoted}\n---\n\n{body}\n", line, title)


def _heading_post(rng: random.Random) -> Variant:
    level = rng.choice(("##", "###"))
    name = rng.choice(("Conclusion", "Key takeaways", "What happens next", "Background", "FAQ"))
    again = rng.choice((name, name.upper(), f"{name}:", f"**{name}**", f"{name}."))
    other = rng.choice(("The vote", "Who pays", "Timeline"))
    text = (
        f"---\ntitle: Council news\n---\n\n{level} {name}\n\n{rng.choice(_LEAD)}\n\n"
        f"{level} {other}\n\n{rng.choice(_TAIL)}\n\n{level} {again}\n\n{rng.choice(_LEAD)}\n"
    )
    return Variant(text, 13, name)


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _date_post(rng: random.Random) -> Variant:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    other = (month + rng.randint(1, 10) - 1) % 12 + 1
    name, short = _MONTH_NAMES[other - 1], _MONTH_NAMES[other - 1][:3]
    stated = rng.choice(
        (
            f"{day} {name} 2025",
            f"{name} {day}, 2025",
            f"{name} {day}th",
            f"2025-{other:02d}-{day:02d}",
            f"{short}. {day}, 2025",
            f"{day} {name}",
            f"Monday, {name} {day}, 2025",
        )
    )
    sentence = rng.choice(
        (
            f"This post was published on {stated}.",
            f"This article was written on {stated}.",
            f"Published: {stated}",
            f"Posted on {stated}",
            f"Today, {stated}, the council meets.",
            f"This story was posted {stated}.",
            f"*Published on {stated}*",
        )
    )
    date = f"2025-{month:02d}-{day:02d}"
    return Variant(f"---\ntitle: Council news\ndate: {date}\n---\n\n{sentence}\n", 6, stated)


def _byline_post(rng: random.Random) -> Variant:
    name = rng.choice(
        (
            "admin", "Admin", "ADMIN", "Administrator", "Your Name", "[Your Name]", "{author}",
            "Author", "John Doe", "<author>", "author name", "webmaster", "[Author Name]",
        )
    )  # fmt: skip
    form = rng.choice(("yaml", "yaml-quoted", "yaml-list", "toml", "body"))
    if form == "yaml":
        value = name if name[0] not in "[{<" else f'"{name}"'
        return Variant(f"---\ntitle: Council news\nauthor: {value}\n---\n\nText.\n", 3, name)
    if form == "yaml-quoted":
        return Variant(f"---\ntitle: Council news\nauthor: '{name}'\n---\n\nText.\n", 3, name)
    if form == "yaml-list":
        return Variant(
            f'---\ntitle: Council news\nauthors:\n  - Jane Roe\n  - "{name}"\n---\n\nText.\n',
            5,
            name,
        )
    if form == "toml":
        return Variant(f'+++\ntitle = "Council news"\nauthor = "{name}"\n+++\n\nText.\n', 3, name)
    by = rng.choice(("By", "Written by", "Posted by", "Author:", "By:"))
    return Variant(f"---\ntitle: Council news\n---\n\nText.\n\n{by} {name}\n", 7, name)


def _dense_post(rng: random.Random) -> Variant:
    from postlint.rules.artefacts.generated_phrasing import DEFAULT_PHRASES

    usable = [p for p in DEFAULT_PHRASES if "*" not in p]
    chosen = rng.sample(usable, rng.randint(5, 8))
    sentences = [f"The council, {p}, met again." for p in chosen]
    body = " ".join(sentences)
    return Variant(f"---\ntitle: Council news\n---\n\n{body}\n", 5, ", ".join(chosen))


MAKERS: dict[str, tuple[str, Callable[[random.Random], Variant]]] = {
    "self-reference": ("AI101", lambda rng: _post(rng, self_reference(rng))),
    "refusal": ("AI102", lambda rng: _post(rng, refusal(rng))),
    "knowledge-cutoff": ("AI103", lambda rng: _post(rng, cutoff(rng))),
    "requester-address": ("AI104", lambda rng: _post(rng, requester(rng))),
    "preamble": ("AI105", lambda rng: _post(rng, preamble(rng))),
    "leaked-token": ("AI106", _token_post),
    "chatbot-link": ("AI107", _link_post),
    "headline-repeated": ("AI108", _headline_post),
    "repeated-heading": ("AI109", _heading_post),
    "date-contradiction": ("AI110", _date_post),
    "placeholder-byline": ("AI111", _byline_post),
    "generated-phrasing": ("AI112", _dense_post),
}


def variants(kind: str, count: int = COUNT, seed: int = SEED) -> Iterator[Variant]:
    rng = random.Random(f"{seed}-{kind}")
    make = MAKERS[kind][1]
    for _ in range(count):
        yield make(rng)


def recall(kind: str, count: int = COUNT) -> tuple[float, list[Variant]]:
    """Share of variants where the kind's rule reports the planted line, and the misses."""
    code = MAKERS[kind][0]
    linter = Linter(Config(select=(code,)))
    misses = []
    for variant in variants(kind, count):
        result = linter.lint_text(variant.text, "post.md")
        lines = {d.start_pos.line for d in result.diagnostics if d.code == code}
        if variant.line not in lines:
            misses.append(variant)
    return 1 - len(misses) / count, misses

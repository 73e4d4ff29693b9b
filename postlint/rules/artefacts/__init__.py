"""Pipeline artefacts (AI1xx): what automated writing and rewriting pipelines leave in a post.

A chat assistant's words about itself, its refusals, its knowledge cutoff, its preamble and
closing offer, its citation tokens; a headline pasted again, a heading repeated, a date that
contradicts the post's own, a placeholder byline.
"""

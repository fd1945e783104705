"""A quiz's words as other Markdown pages, for fair comparisons.

"Same text" means the words an author writes in the quiz YAML, in reading order: title,
content note, intro, every question with its hint and every answer label (repeated per
question, as a reader sees them), every theme, band and flag title and body. Front matter
(title, description, reviewed, content note) is the generated page's own, so the theme
prints the same header and "Last reviewed" line. What the quiz engine adds on top (the
form's UI strings, the "score it yourself" key with points, "what you can do next") is
not in the twin: that is the engine's cost, measured, not hidden.

- `plain_markdown(quiz)`: an ordinary page (numbered questions, answer lists, bold band
  titles), what a site without a quiz engine would publish.
- `mkdocs_quiz_markdown(quiz)`: the same words in mkdocs-quiz 1.x syntax: one `<quiz>` per
  question with a task list (it only knows right/wrong, so the last answer is marked
  correct, as in shared/research/peers.md §1), intro/results markers, bands after them.
"""

from __future__ import annotations

import html

import yaml

from steadyground.quizzes import Quiz
from steadyground.quizzes.render import md_escape


def _front_matter(quiz: Quiz) -> str:
    # The same metadata render.quiz_page writes for the generated page.
    meta = {"title": html.escape(quiz.title), "description": html.escape(quiz.description),
            "reviewed": quiz.reviewed}
    if quiz.content_note:
        meta["content_note"] = quiz.content_note.strip()
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def _results(quiz: Quiz) -> list[str]:
    parts = []
    for flag in quiz.flags:
        parts += [f"**{md_escape(flag.title)}**", flag.body.strip()]
    for band in quiz.bands:
        parts += [f"**{md_escape(band.title)}**", band.body.strip()]
    for theme in quiz.subscales:
        parts.append(f"**{md_escape(theme.title)}**")
        for band in theme.bands:
            parts += [f"**{md_escape(band.title)}**", band.body.strip()]
    return parts


def plain_markdown(quiz: Quiz) -> str:
    parts = [_front_matter(quiz), f"<h1>{html.escape(quiz.title)}</h1>"]
    if quiz.intro:
        parts.append(quiz.intro.strip())
    for q in quiz.questions:
        parts.append(f"**{q.number}. {md_escape(q.text)}**")
        if q.hint:
            parts.append(md_escape(q.hint))
        parts.append("\n".join(f"- {md_escape(o.label)}" for o in q.options))
    parts += _results(quiz)
    return "\n\n".join(parts) + "\n"


def mkdocs_quiz_markdown(quiz: Quiz) -> str:
    parts = [_front_matter(quiz), f"# {md_escape(quiz.title)}"]
    if quiz.intro:
        parts.append(quiz.intro.strip())
    parts.append("<!-- mkdocs-quiz intro -->")
    for q in quiz.questions:
        answers = "\n".join(
            f"- [{'x' if n == len(q.options) - 1 else ' '}] {md_escape(o.label)}" for n, o in enumerate(q.options)
        )
        hint = f"\n\n{md_escape(q.hint)}" if q.hint else ""
        parts.append(f"<quiz>\n{q.number}. {md_escape(q.text)}\n{answers}{hint}\n</quiz>")
    parts.append("<!-- mkdocs-quiz results -->")
    parts += _results(quiz)
    return "\n\n".join(parts) + "\n"

"""Helpers for quiz pages in Playwright: answer by label, show results, read what shows."""

from __future__ import annotations


def answer(page, slug: str, answers: dict) -> None:
    """Tick the answers (question id -> labels) by their visible labels."""
    for qid, labels in answers.items():
        fieldset = page.locator(f"#q-{slug}-{qid}")
        for label in labels:
            fieldset.get_by_label(label, exact=True).check()


def show_results(page, slug: str) -> None:
    page.locator(f"#quiz-{slug} [data-quiz-show]").click()


def shown_results(page, slug: str) -> dict:
    """What the reader sees after scoring: score texts, band titles and flags."""
    return page.evaluate(
        """slug => {
        const root = document.getElementById('quiz-' + slug);
        const visible = el => !!el && el.offsetParent !== null;
        const scored = {};
        for (const section of root.querySelectorAll('[data-score-of]')) {
            const bands = [...section.querySelectorAll('[data-min]')].filter(visible);
            scored[section.dataset.scoreOf] = {
                score: section.querySelector('[data-quiz-score]').textContent,
                bands: bands.map(b => b.querySelector('h4').textContent.trim()),
            };
        }
        const flags = [...root.querySelectorAll('[data-flag]')].filter(visible).map(f => f.dataset.flag);
        return {scored, flags, results: visible(root.querySelector('[data-quiz-results]'))};
    }""",
        slug,
    )


def check_example(page, quiz, example) -> None:
    """Replay one YAML example on the page and compare with its expected results."""
    answer(page, quiz.slug, example.answers)
    show_results(page, quiz.slug)
    seen = shown_results(page, quiz.slug)
    assert seen["results"], example.name
    assert seen["scored"][""] == {"score": f"{example.total} out of {quiz.max}", "bands": [example.band.strip()]}, example.name
    for sub, title in example.subscales.items():
        assert seen["scored"][sub]["bands"] == [title.strip()], (example.name, sub)
    assert sorted(seen["flags"]) == sorted(example.flags), example.name

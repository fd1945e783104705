"""How a quiz page behaves for a reader (fixture quiz "everything": every capability):
keyboard only, GOV.UK error summary, announced results, flags whatever the total, start
again, print, instant navigation, no JavaScript, back/forward cache, exclusive answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quiz_browser import answer, fieldset_id, question, show_results, shown_results

from harness.languages import language_of, real_quizzes
from steadyground import quizzes as quizkit

SLUG = "everything"
PAGE = f"quizzes/{SLUG}/"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes" / "valid" / "everything.yml"
STUB_PRINT = "() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }"
LOWEST = {
    "blocked": ["Strongly disagree"], "plan": ["Strongly disagree"], "hopeful": ["Strongly agree"],
    "miss": ["Strongly disagree"], "afraid": ["No"], "supports": ["No one right now"],
    "hurt": ["Never"], "contact": ["None of these"],
}


@pytest.fixture(scope="module")
def quiz():
    found, problems = quizkit.check_file(FIXTURE)
    assert problems == []
    return found


FIRST_INPUT = "el => el === document.activeElement"


def first_input(page, qid: str):
    return question(page, SLUG, qid).locator("input").first


def is_focused(locator) -> bool:
    return locator.evaluate(FIRST_INPUT)


def active(page) -> str:
    return page.evaluate("(() => { const el = document.activeElement; return el.id || el.getAttribute('data-quiz-heading') !== null && 'heading' || el.className; })()")


def test_keyboard_only(open_quiz_page, quiz):
    page = open_quiz_page(PAGE)
    first = first_input(page, "blocked")
    for _ in range(80):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if is_focused(first):
            break
    assert is_focused(first)
    page.keyboard.press("ArrowDown")  # blocked: moves to and selects "Disagree"
    for _ in range(5):  # plan, hopeful, miss, afraid, then into "supports"
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # the first answer of each radio group
    page.keyboard.press("Space")  # supports: untick "A friend" ...
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # ... tick "A family member"
    for _ in range(3):  # past the rest of "supports", into "hurt"
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # hurt: "Sometimes"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # contact: "Phone calls"
    for _ in range(5):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-show')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-heading')")
    expected = quizkit.score(quiz, {
        "blocked": ["Disagree"], "plan": ["Strongly disagree"], "hopeful": ["Strongly disagree"],
        "miss": ["Strongly disagree"], "afraid": ["Yes"], "supports": ["A family member"],
        "hurt": ["Sometimes"], "contact": ["Phone calls"],
    })
    seen = shown_results(page, SLUG)
    assert seen["flags"] == list(expected.flags) == ["safety", "harm"]
    # "harm" raised: the whole score result gives way to the quiz's flagged words.
    assert seen["instead"] == ["Harm comes first"] and not seen["scored"][""]["shown"]


def test_error_summary_focus_and_fixing(open_quiz_page):
    page = open_quiz_page(PAGE)
    title, url, length = page.title(), page.url, page.evaluate("history.length")
    answer(page, SLUG, {"blocked": ["Agree"]})
    show_results(page, SLUG)
    summary = page.locator(f"#quiz-{SLUG} [data-quiz-summary]")
    assert summary.is_visible()
    assert summary.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)") >= 3
    assert summary.evaluate("el => el.getBoundingClientRect().top") < 740 / 2  # brought to the top of the screen
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-summary')")
    assert summary.get_by_role("heading").inner_text() == "There is a problem"
    assert page.title() == "Error: " + title
    links = summary.locator("a:visible")
    hrefs = links.evaluate_all("links => links.map(a => a.hash)")  # Material makes hrefs absolute
    assert hrefs == ["#" + fieldset_id(SLUG, q) for q in ("plan", "hopeful", "miss", "afraid", "supports", "hurt", "contact")]
    assert links.first.inner_text() == "Question 2: Select an answer"
    plan = question(page, SLUG, "plan")
    assert plan.locator(".quiz__error").is_visible()
    assert plan.get_attribute("aria-describedby") == fieldset_id(SLUG, "plan") + "e"  # the error, only while there is one
    assert not page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
    # Following a link focuses the question's first answer; the URL and history stay put.
    links.nth(4).click()
    assert is_focused(first_input(page, "supports"))
    assert (page.url, page.evaluate("history.length")) == (url, length)
    # Fixing a question removes its error, and only its error.
    answer(page, SLUG, {"plan": ["Agree"]})
    assert not plan.locator(".quiz__error").is_visible()
    assert plan.get_attribute("aria-describedby") is None
    assert summary.locator("a:visible").count() == 6
    # Fixing all of them hides the summary and restores the title.
    answer(page, SLUG, {k: v for k, v in LOWEST.items() if k not in ("blocked", "plan")})
    assert not summary.is_visible() and page.title() == title


def test_results_are_announced_and_focused(open_quiz_page):
    page = open_quiz_page(PAGE)
    status = page.locator(f"#quiz-{SLUG} [data-quiz-status]")
    assert status.get_attribute("role") == "status" and status.text_content() == ""
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    assert page.evaluate("document.activeElement.matches('h2[data-quiz-heading][tabindex=\"-1\"]')")
    assert page.evaluate("document.activeElement.textContent") == "Your results"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") < 900 / 2
    # Raised flags first, then the total and its band.
    assert status.text_content() == "Your results: You do not have to do this alone. 0 out of 27. Early days"
    results = page.locator(f"#quiz-{SLUG} [data-quiz-results]")
    text = results.inner_text()
    assert "not a test or a diagnosis" in text and "Get help now" in text and "Use this site safely" in text
    assert not page.locator(f"#quiz-{SLUG} .quiz__key").is_visible()  # the paper key is for no-JS readers


def test_flags_show_first_whatever_the_total(open_quiz_page):
    page = open_quiz_page(PAGE)
    answer(page, SLUG, {**LOWEST, "hurt": ["Often"]})
    show_results(page, SLUG)
    seen = shown_results(page, SLUG)
    assert seen["flags"] == ["safety", "isolated", "harm"]  # a low total still shows every raised flag
    assert seen["scored"][""]["bands"] == [] and seen["instead"] == ["Harm comes first"]  # and no reassuring band
    order = page.evaluate("""slug => { const root = document.getElementById('quiz-' + slug);
        const flag = root.querySelector('[data-flag]'), total = root.querySelector('[data-score-of=""]');
        return !!(flag.compareDocumentPosition(total) & Node.DOCUMENT_POSITION_FOLLOWING); }""", SLUG)
    assert order
    # Prominent but calm: a thick bar in the site's primary colour, not the error red.
    flag = page.locator(f"#quiz-{SLUG} [data-flag='safety']")
    assert flag.evaluate("el => parseFloat(getComputedStyle(el).borderLeftWidth)") >= 3
    summary_red = page.locator(f"#quiz-{SLUG} [data-quiz-summary]").evaluate(
        "el => getComputedStyle(el).getPropertyValue('--quiz-error').trim()")
    assert flag.evaluate("el => getComputedStyle(el).borderLeftColor") != summary_red
    assert flag.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)") == 0  # a bar, not the error's box


def test_changing_an_answer_hides_old_results(open_quiz_page):
    page = open_quiz_page(PAGE)
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    answer(page, SLUG, {"blocked": ["Agree"]})
    assert not page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
    show_results(page, SLUG)
    assert shown_results(page, SLUG)["scored"][""]["score"] == "3 out of 27"


def test_start_again_clears_everything(open_quiz_page):
    page = open_quiz_page(PAGE)
    title = page.title()
    answer(page, SLUG, {"blocked": ["Agree"]})
    show_results(page, SLUG)  # error state
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)  # results
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#quiz-{SLUG} [data-quiz-results] [data-quiz-reset]").click()  # the one after the results
    assert page.locator(f"#quiz-{SLUG} input:checked").count() == 0
    assert not page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
    assert not page.locator(f"#quiz-{SLUG} [data-quiz-summary]").is_visible()
    assert page.locator(f"#quiz-{SLUG} [data-quiz-status]").text_content() == ""
    assert page.title() == title
    assert is_focused(first_input(page, "blocked"))
    show_results(page, SLUG)
    assert page.locator(f"#quiz-{SLUG} [data-quiz-error-for]:visible").count() == 8


def test_exclusive_answers(open_quiz_page):
    page = open_quiz_page(PAGE)
    supports = question(page, SLUG, "supports")
    def checked():
        return supports.locator("input:checked").evaluate_all("els => els.map(e => e.labels[0].textContent)")
    answer(page, SLUG, {"supports": ["A friend", "A family member"]})
    assert checked() == ["A friend", "A family member"]
    answer(page, SLUG, {"supports": ["No one right now"]})
    assert checked() == ["No one right now"]
    answer(page, SLUG, {"supports": ["A counsellor or helpline"]})
    assert checked() == ["A counsellor or helpline"]
    contact = question(page, SLUG, "contact")
    answer(page, SLUG, {"contact": ["None of these"]})
    answer(page, SLUG, {"contact": ["Prefer not to say"]})  # two exclusive answers exclude each other
    assert contact.locator("input:checked").count() == 1


def test_print_shows_answers_and_results_without_chrome(open_quiz_page):
    page = open_quiz_page(PAGE)
    page.evaluate(STUB_PRINT)
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    page.once("dialog", lambda dialog: dialog.accept())  # the warning, answered yes
    page.locator(f"#quiz-{SLUG} [data-quiz-print]").first.click()
    assert page.evaluate("window.__prints") == 1
    title = page.title()
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.title() == "Notes"
    page.emulate_media(media="print")
    for selector in (".safety-bar", ".qe-button", ".md-header", ".md-sidebar", ".md-footer", f"#quiz-{SLUG} button"):
        assert page.locator(selector).evaluate_all("els => els.every(e => !e.offsetParent && getComputedStyle(e).display === 'none' || !e.getClientRects().length)"), selector
    assert page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
    assert question(page, SLUG, "blocked").is_visible()
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.title() == title


def test_instant_navigation_into_a_quiz_then_answering(open_quiz_page, quiz):
    page = open_quiz_page("")
    page.evaluate("window.__marker = 'still here'")
    page.get_by_role("link", name="everything check").click()
    page.wait_for_url(re.compile(f"{PAGE}$"))
    page.locator(f"#quiz-{SLUG} [data-quiz-show]").wait_for()
    assert page.evaluate("window.__marker") == "still here"  # no reload: instant navigation
    answer(page, SLUG, quiz.examples[0].answers)
    show_results(page, SLUG)
    assert shown_results(page, SLUG)["scored"][""]["score"] == "0 out of 27"
    # Init again (as Material does on every page): nothing is bound twice.
    page.evaluate(STUB_PRINT)
    page.evaluate("window.document$.next(document)")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.locator(f"#quiz-{SLUG} [data-quiz-print]").first.click()
    assert page.evaluate("window.__prints") == 1
    assert len(asked) == 1  # one warning, not one per init


def test_back_forward_cache_restores_no_answers(open_quiz_page):
    page = open_quiz_page(PAGE)
    title = page.title()
    answer(page, SLUG, {"blocked": ["Agree"]})
    show_results(page, SLUG)  # errors and "Error: " title
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    answer(page, SLUG, {"blocked": ["Agree"]})
    page.locator(f"#quiz-{SLUG} [data-quiz-show]").click()
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.locator(f"#quiz-{SLUG} input:checked").count() == 0
    assert not page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
    assert page.locator(f"#quiz-{SLUG} .quiz__error:visible").count() == 0
    assert page.title() == title


def test_without_javascript_the_page_is_a_paper_key(open_quiz_page):
    page = open_quiz_page(PAGE, javascript=False, width=375, height=740)
    root = page.locator(f"#quiz-{SLUG}")
    assert root.locator("fieldset:visible").count() == 8
    assert root.get_by_role("heading", name="Score it yourself").is_visible()
    assert root.get_by_text("Question 3: Strongly disagree: 4; Disagree: 3").is_visible()  # reverse-keying applied
    assert root.locator("[data-min]:visible").count() == 4 + 6
    assert root.get_by_text("Scores 10 to 18").is_visible()
    assert root.get_by_text("Add up your points for these questions: 1, 2.").is_visible()
    assert root.locator("[data-flag]:visible").count() == 3
    assert root.get_by_text("Question 7: Often").is_visible()
    # No results UI: no buttons, no score lines, no "Your results".
    assert root.locator("button:visible, [data-quiz-score]:visible").count() == 0
    assert not root.locator("[data-quiz-heading]").is_visible()
    # Enter on an answer submits nothing.
    url = page.url
    first_input(page, "blocked").check()
    page.keyboard.press("Enter")
    page.locator(f"#quiz-{SLUG} form button").evaluate(
        "b => { b.hidden = false; b.closest('[hidden]') && (b.closest('[hidden]').hidden = false); b.disabled = false; b.click(); }")
    assert page.url == url  # even a submit forced with the button enabled goes nowhere (method="dialog")


def test_with_javascript_the_key_is_hidden(open_quiz_page):
    page = open_quiz_page(PAGE)
    root = page.locator(f"#quiz-{SLUG}")
    assert not root.get_by_role("heading", name="Score it yourself").is_visible()
    assert not root.locator(".quiz__key").is_visible()
    assert root.locator("[data-quiz-show]").is_visible()
    url = page.url
    first_input(page, "blocked").press("Enter")
    assert page.url == url


def test_start_again_asks_first_and_keeps_answers_on_no(open_quiz_page):
    page = open_quiz_page(PAGE)
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    asked = []

    def decline(dialog):
        asked.append((dialog.type, dialog.message))
        dialog.dismiss()

    page.once("dialog", decline)
    page.locator(f"#quiz-{SLUG} .quiz__more [data-quiz-reset]").first.click()
    assert asked == [("confirm", "Clear all your answers and start again?")]
    assert page.locator(f"#quiz-{SLUG} input:checked").count() == 8  # nothing lost
    assert page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()


def test_start_again_is_set_apart_and_repeated_after_the_results(open_quiz_page):
    page = open_quiz_page(PAGE, width=360, height=740)
    show = page.locator(f"#quiz-{SLUG} [data-quiz-show]").bounding_box()
    again = page.locator(f"#quiz-{SLUG} .quiz__more [data-quiz-reset]").first.bounding_box()
    assert again["y"] - (show["y"] + show["height"]) >= 40  # not 12 px under "Show my results"
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    after = page.locator(f"#quiz-{SLUG} [data-quiz-results] .quiz__more")
    assert after.locator("[data-quiz-reset]").is_visible() and after.locator("[data-quiz-print]").is_visible()
    results = page.locator(f"#quiz-{SLUG} .quiz__after").bounding_box()
    assert after.bounding_box()["y"] > results["y"]  # after the results, not only above them


def test_enter_on_an_answer_shows_results_and_sends_nothing(open_quiz_page):
    page = open_quiz_page(PAGE)
    page.wait_for_load_state("networkidle")  # the page's own late requests (the favicon) come first
    url, length = page.url, page.evaluate("history.length")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    answer(page, SLUG, LOWEST)
    first_input(page, "contact").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-heading')")
    assert shown_results(page, SLUG)["scored"][""]["score"] == "0 out of 27"
    assert (page.url, page.evaluate("history.length"), requests) == (url, length, [])
    assert "?" not in page.url and "Strongly" not in page.url


def test_a_blank_quiz_prints_the_score_it_yourself_key(open_quiz_page):
    page = open_quiz_page(PAGE)
    page.emulate_media(media="print")
    root = page.locator(f"#quiz-{SLUG}")
    assert root.get_by_role("heading", name="Score it yourself").is_visible()
    assert not root.get_by_role("heading", name="Your results").is_visible()
    assert root.get_by_text("Question 3: Strongly disagree: 4; Disagree: 3").is_visible()
    assert root.locator("[data-min]:visible").count() == 4 + 6  # every band, flagged words too
    assert root.locator("[data-flag]:visible").count() == 3
    assert root.get_by_text("Read this instead if you chose an answer listed under").first.is_visible()
    # No exit or keyboard instructions on paper, no buttons.
    assert not root.get_by_text("Shift key").is_visible()
    assert root.locator("button:visible").count() == 0
    # Once results are shown, paper shows them instead of the key.
    page.emulate_media(media="screen")
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    page.emulate_media(media="print")
    assert root.get_by_role("heading", name="Your results").is_visible()
    assert not root.get_by_role("heading", name="Score it yourself").is_visible()


REAL = [f"{language.folder}quizzes/{path.stem}/" for language, path in real_quizzes()]


@pytest.mark.parametrize("path", REAL)
def test_first_question_starts_on_the_first_screen_of_a_phone(open_page, path):
    """360x740, in both languages: the intro and the safety note are short enough that
    question 1 shows."""
    page = open_page(path, width=360, height=740)
    legend = page.locator("fieldset legend").first
    box = legend.bounding_box()
    assert box["y"] + box["height"] <= 740, f"question 1 ends at {box['y'] + box['height']:.0f} px"


# Print warning (issue 23 #6): a printout or a saved PDF shows the answers and can be found.


def _print_from_results(page, respond):
    """Answers, shows the results, presses the last Print button by keyboard; `respond`
    answers the warning. Returns the dialogs seen."""
    page.evaluate(STUB_PRINT)
    answer(page, SLUG, LOWEST)
    show_results(page, SLUG)
    asked = []

    def on_dialog(dialog):
        asked.append((dialog.type, dialog.message))
        respond(dialog)

    page.once("dialog", on_dialog)
    button = page.locator(f"#quiz-{SLUG} [data-quiz-print]").last
    button.focus()
    page.keyboard.press("Enter")
    return asked


def test_print_warns_first_and_going_back_prints_nothing(open_quiz_page):
    page = open_quiz_page(PAGE)
    asked = _print_from_results(page, lambda dialog: dialog.dismiss())
    assert asked == [("confirm", quizkit.Settings().strings["print_warning"])]
    assert page.evaluate("window.__prints") == 0
    # Back where the reader was: results, answers and focus on the button kept.
    assert page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
    assert page.locator(f"#quiz-{SLUG} input:checked").count() == 8
    assert is_focused(page.locator(f"#quiz-{SLUG} [data-quiz-print]").last)


def test_print_happens_only_after_the_reader_confirms(open_quiz_page):
    page = open_quiz_page(PAGE)
    asked = _print_from_results(page, lambda dialog: dialog.accept())
    assert [kind for kind, _ in asked] == ["confirm"]
    assert page.evaluate("window.__prints") == 1


@pytest.mark.parametrize("path", REAL)
def test_every_real_quiz_warns_before_printing_in_its_language(open_page, path):
    page = open_page(path)
    page.evaluate(STUB_PRINT)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("[data-quiz-print]").first.click()
    warning = language_of(path).quiz_settings.strings["print_warning"]
    assert asked == [warning] and page.evaluate("window.__prints") == 0
    assert ("imprimir" in warning) == path.startswith("es/")  # each language its own words


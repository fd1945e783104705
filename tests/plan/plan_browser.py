"""Helpers for the plan's browser tests: the two plan pages and a marker typed everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from harness.config import REPO
from steadyground import plans as plankit

MARKER = "plum-4471"  # lower case: typing it never presses Shift (the quick exit's key)


@dataclass(frozen=True)
class PlanPage:
    code: str
    path: str  # fixed: other pages link it
    file: str

    @property
    def plan(self) -> plankit.Plan:
        plan, problems = plankit.check_file(REPO / self.file)
        assert problems == []
        return plan


PLAN_PAGES = [PlanPage("en", "my-plan/", "plans/plan.yml"), PlanPage("es", "es/mi-plan/", "plans/es/plan.yml")]


def fill(page, marker: str = MARKER) -> None:
    """Type the marker into every text field (key by key, as a reader would) and tick every box."""
    for field in page.locator("#plan input[type=text]").all():
        field.click()
        page.keyboard.type(marker)
    for box in page.locator("#plan input[type=checkbox]").all():
        box.check()


def typed(page) -> dict:
    """What the plan's fields hold now."""
    return page.evaluate("""() => ({
      text: [...document.querySelectorAll('#plan input[type=text]')].map(i => i.value).filter(Boolean),
      checked: document.querySelectorAll('#plan input:checked').length,
    })""")


def nothing_typed(page) -> bool:
    page.locator("#plan form").wait_for()
    return typed(page) == {"text": [], "checked": 0} and MARKER not in page.content()

"""The private plan in a site build: load and check the language's plan file (extra.plan.file),
generate its page (extra.plan.page, e.g. my-plan.md) and put the form into the finished page.
The same steps for MkDocs (scripts/plan_hook.py) and Zensical (steadyground/build/zensical.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from steadyground import plans as plankit
from steadyground.core.errors import BuildError
from steadyground.plans import render


@dataclass
class PlanBuild:
    file: Path  # the plan's YAML
    shown: str  # as messages name it, e.g. plans/plan.yml
    page: str  # the generated page inside docs/, e.g. my-plan.md
    language: str
    plan: plankit.Plan | None = None
    form: str = ""

    @classmethod
    def from_config(cls, config: dict, project_dir: Path) -> PlanBuild | None:
        """None when the config has no extra.plan (that language has no plan page)."""
        settings = (config.get("extra") or {}).get("plan")
        if not settings:
            return None
        if not isinstance(settings, dict) or not isinstance(settings.get("file"), str) \
                or not isinstance(settings.get("page"), str) or not settings["page"].endswith(".md"):
            raise BuildError("extra.plan needs file: (the plan's YAML, e.g. plans/plan.yml) and page: "
                             "(the page it becomes, e.g. my-plan.md)")
        language = str((config.get("theme") or {}).get("language", "en"))
        return cls(project_dir / settings["file"], settings["file"], settings["page"], language)

    def load(self, docs_dir: Path) -> plankit.Plan:
        """Check the plan (all problems at once, as one BuildError) and render its form."""
        plan, problems = plankit.check_file(self.file, self.shown, page_exists=lambda name: (docs_dir / name).is_file())
        if problems:
            count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
            raise BuildError(f"The plan file has {count}:\n" + "\n".join(plankit.format_problems(problems)))
        if (docs_dir / self.page).exists():
            raise BuildError(f"docs/{self.page} already exists, but {self.shown} generates that page; "
                             "rename one of them (extra.plan.page)")
        self.plan, self.form = plan, render.markup(plan, self.page)
        return plan

    def markdown(self) -> str:
        return render.page_markdown(self.plan, self.language)

    def assemble(self, html: str, *, source: str) -> str:
        if render.PLACEHOLDER not in html:
            return html
        try:
            return render.assemble(html, self.form)
        except ValueError as error:
            raise BuildError(f"{source}: {error}") from None

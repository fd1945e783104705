"""A page whose only quiz marker is miswritten (`<!-- Quiz: ... -->`, no lower-case
`quiz:` anywhere) still has its marker checked by the MkDocs build: the hook used to skip
any page without the exact text `quiz:`, so such a page built with exit 0 and no quiz."""

from __future__ import annotations

import shutil

from quiz_minisite import VALID_QUIZZES, build, make_project


def test_a_page_with_only_a_capitalised_marker_fails_the_build_at_its_line(tmp_path):
    quizzes = tmp_path / "project" / "quizzes"
    quizzes.mkdir(parents=True)
    shutil.copy(VALID_QUIZZES / "everything.yml", quizzes)
    page = "---\ntitle: Sample\n---\n\n# Sample\n\n<!-- Quiz: everything -->\n"
    assert "quiz:" not in page
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes, docs={"articles/sample.md": page}),
                   tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.output, result.output
    assert "docs/articles/sample.md:7:1: this quiz marker must be written in lower case" in result.output

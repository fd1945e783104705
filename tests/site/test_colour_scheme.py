"""The calm colours keep WCAG AA (issue 13): white header text on the primary, links on
white, and the link colour derived for Material's dark background."""

from __future__ import annotations

from pathlib import Path

import material

from steadyground.assets.colour_scheme import (
    AA,
    PRIMARY,
    PRIMARY_LIGHT,
    contrast,
    lightened_until_readable,
    site_colours_css,
    slate_background,
)

PALETTE = next(Path(material.__file__).parent.glob("templates/assets/stylesheets/palette.*.min.css")).read_text()


def test_contrast_matches_known_pairs():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the classic AA grey


def test_light_colours_keep_aa():
    assert contrast("#ffffff", PRIMARY) >= AA  # header text and button labels
    assert contrast(PRIMARY, "#ffffff") >= AA  # links
    assert contrast("#ffffff", PRIMARY_LIGHT) >= AA


def test_dark_link_colour_is_derived_and_readable():
    background = slate_background(PALETTE)
    link = lightened_until_readable(PRIMARY, background)
    assert contrast(link, background) >= AA
    css = site_colours_css(PALETTE)
    assert f"--md-typeset-a-color:{link}" in css
    assert css.index(f"--md-primary-fg-color:{PRIMARY}") < css.index("prefers-color-scheme: dark")
    assert "data-md-color-primary" not in css  # none of Material's indigo rules leak in

"""A third language costs configuration and words only (issue 20): a copy of the project gets
French (mkdocs.fr.yml, docs/fr/ and one line of mkdocs.yml's exclude_docs), no code, and
`make check`, the build of every language and the safety gate pass; the French pages say
lang="fr", and the language links and hreflang alternates join all three languages.

One build per generator: this file is in the Zensical suite (harness/generator.py), so the
MkDocs pass builds the copy with scripts/build_site.py and the Zensical pass with
scripts/build_zensical.py, as `make build` does."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from harness.build import REPO, ZENSICAL
from harness.generator import generator, is_zensical
from harness.project import copy_project
from steadyground.bench.html_tree import parse
from steadyground.languages import sites as languages

SITE_URL = "http://127.0.0.1:9/sg/"  # never fetched: the gate and the links only need a base
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

# The French config: what differs from mkdocs.yml (INHERIT gives the rest). Canada is the
# country served, with its checked numbers (evidence.md, evidence-additions-2.md: 911, and
# 9-8-8 in English and French, 24/7).
FRENCH_CONFIG = """\
INHERIT: mkdocs.yml
docs_dir: docs/fr
site_url: !ENV [SITE_URL, "https://steady-ground.github.io/steady-ground/fr/"]
exclude_docs: ""
theme:
  language: fr
extra:
  language:
    link_text: En français
  quick_exit:
    url: https://meteo.gc.ca/
    label: Sécurité
    exit: Quitter cette page
    emergency: Urgence
    help: Aide immédiate
    press_two: Maj, appuyez encore 2 fois pour quitter.
    press_one: Maj, appuyez encore 1 fois pour quitter.
    expired: Le délai pour quitter avec Maj est passé.
    loading: Chargement.
    menu: Menu
    search: Rechercher
    close_search: Fermer la recherche
    help_page: aide/
    safe_use_page: utilisation-sure/
  page_words:
    content_note: Avertissement sur le contenu
    reviewed: Dernière relecture
    not_found_title: Page introuvable
    not_found: Cette page n'existe pas, ou elle a changé de place.
    home_link: Aller à la page d'accueil
    or: ou
    help_link: trouver de l'aide
  footer:
    danger:
      - "En danger ? Appelez le "
      - {text: "911", href: "tel:911"}
      - " (Canada)."
    lines_title: "Quelqu'un à qui parler :"
    lines:
      - - "Canada : appelez ou textez le "
        - {text: "9-8-8", href: "tel:988"}
        - " (24 h sur 24)"
    more_lines: Autres lignes d'aide
    logs_note: Les appels et les textos restent dans l'historique du téléphone.
    links_label: À propos de ce site
    links:
      - {text: Aide immédiate, page: aide/}
      - {text: Utiliser ce site en sécurité, page: utilisation-sure/}
    all_pages: Toutes les pages
    not_therapy: De l'information, pas une thérapie ni un diagnostic.
  help:
    emergency: "911 (Canada) ou le numéro d'urgence de votre pays"
# No quizzes or private plan in French yet: their hooks are left out (each adds a page).
hooks:
  - scripts/references_hook.py
  - scripts/site_hook.py
plugins:
  - search:
      lang: fr
  - privacy:
      assets_fetch: false
      assets_exclude:
        - unpkg.com/mermaid@11/*
nav:
  - Accueil: index.md
  - articles/liens-forts.md
  - Aide immédiate: aide.md
  - Utiliser ce site en sécurité: utilisation-sure.md
"""

FRENCH_PAGES = {
    "index.md": """\
---
title: Bienvenue
description: Des informations simples sur les relations qui font du mal, à votre rythme.
reviewed: 2026-12-08
translation_of: index.md
---

# Bienvenue

Ce site explique avec des mots simples pourquoi il est si dur de quitter certaines
relations. Prenez votre temps. Lisez [Liens forts](articles/liens-forts.md) quand vous voulez.
""",
    "articles/liens-forts.md": """\
---
title: Liens forts
description: Pourquoi on peut se sentir lié à une personne qui fait du mal.
reviewed: 2026-12-08
translation_of: articles/strong-attachment.md
---

# Liens forts

On peut se sentir attiré par une personne qui a fait du mal. Ce n'est pas votre faute.
Si vous êtes en danger, lisez [Aide immédiate](../aide.md).
""",
    "aide.md": """\
---
title: Aide immédiate
description: Les numéros d'urgence et une ligne d'écoute au Canada.
reviewed: 2026-12-08
translation_of: help.md
---

# Aide immédiate

**Si vous êtes en danger, appelez le numéro d'urgence.**

## Canada

- Urgence : [911](tel:911)
- Ligne d'écoute, 24 h sur 24, en français : appelez ou textez le [9-8-8](tel:988)
""",
    "utilisation-sure.md": """\
---
title: Utiliser ce site en sécurité
description: Ce que fait le bouton Quitter cette page, et ce qu'il ne fait pas.
reviewed: 2026-12-08
translation_of: safe-use.md
---

# Utiliser ce site en sécurité

Le bouton **Quitter cette page** ouvre tout de suite un site neutre sur la météo. Votre
navigateur peut quand même garder la liste des pages visitées.
""",
}


def _run(command: list, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> Path:
    """A copy of the project with French added: configuration and words, no code."""
    project = tmp_path_factory.mktemp("third-language")
    copy_project(project, environments=(".venv-zensical",))  # the gate knows Zensical's theme files from it
    (project / "tests" / "content").mkdir(parents=True)
    for checked in (REPO / "tests" / "content").glob("crisis_lines*.yml"):  # make check's help-line lists
        shutil.copy(checked, project / "tests" / "content" / checked.name)

    (project / "mkdocs.fr.yml").write_text(FRENCH_CONFIG, encoding="utf-8")
    for name, text in FRENCH_PAGES.items():
        (project / "docs" / "fr" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / "fr" / name).write_text(text, encoding="utf-8")
    english = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "exclude_docs: |\n  /es/\n" in english
    (project / "mkdocs.yml").write_text(english.replace("  /es/\n", "  /es/\n  /fr/\n", 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(french) -> Path:
    """The copy checked, built by this pass's generator and gated, as `make check` and `make build` do."""
    checked = _run([sys.executable, "scripts/check_site.py"], french)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = french / "site"
    if is_zensical():
        command = [sys.executable, "scripts/build_zensical.py", "build", "--site-dir", site, "--zensical", ZENSICAL]
    else:
        command = [sys.executable, "scripts/build_site.py", site]
    done = _run(command, french)
    assert done.returncode == 0, f"{generator()} build failed:\n{done.stdout}{done.stderr}"
    gate = _run([sys.executable, "scripts/verify_site.py", site], french)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    return site


def _language_links(html: str) -> dict[str, str]:
    """hreflang -> href of a page's language links."""
    return {a.attrs["hreflang"]: a.attrs["href"] for a in parse(html).iter("a") if "hreflang" in a.attrs}


def _read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_the_french_pages_are_built_in_french(built):
    for page in ("fr/", "fr/articles/liens-forts/", "fr/aide/", "fr/utilisation-sure/"):
        html = _read(built, page)
        assert re.search(r'<html lang="fr"', html), page
        assert "Quitter cette page" in html and "Exit this page" not in html, page
    assert not (built / "fr" / "my-plan").exists() and not (built / "fr" / "quizzes").exists()
    assert not (built / "fr" / "es").exists() and not (built / "es" / "fr").exists()


def test_each_home_page_links_to_the_other_two(built):
    homes = {"en": "/sg/", "es": "/sg/es/", "fr": "/sg/fr/"}
    for code, home in homes.items():
        links = _language_links(_read(built, home[len("/sg/"):]))
        assert links == {other: path for other, path in homes.items() if other != code}, code


def test_a_page_links_to_its_twin_in_every_other_language(built):
    twins = {"en": "articles/strong-attachment/", "es": "es/articulos/lazos-fuertes/", "fr": "fr/articles/liens-forts/"}
    for code, page in twins.items():
        links = _language_links(_read(built, page))
        assert links == {other: "/sg/" + path for other, path in twins.items() if other != code}, code
    # A page French lacks still leads to the French home page, and Spanish to its twin.
    links = _language_links(_read(built, "about"))
    assert links == {"es": "/sg/es/acerca/", "fr": "/sg/fr/"}
    spanish_home = parse(_read(built, "es/"))
    texts = [a.all_text() for a in spanish_home.iter("a") if "hreflang" in a.attrs]
    assert texts == ["In English", "En français"]  # in build order, each in its own language


def _alternates(sitemap: Path) -> dict[str, dict[str, str]]:
    found = {}
    for url in ET.parse(sitemap).getroot().findall("s:url", SITEMAP):
        loc = url.find("s:loc", SITEMAP).text.strip()
        found[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
    return found


def test_hreflang_alternates_name_every_translation(built):
    homes = {"en": SITE_URL, "es": SITE_URL + "es/", "fr": SITE_URL + "fr/"}
    for folder in ("", "es/", "fr/"):
        alternates = _alternates(built / folder / "sitemap.xml")
        assert alternates[SITE_URL + folder] == homes, folder
    english = _alternates(built / "sitemap.xml")
    assert english[SITE_URL + "about/"] == {"en": SITE_URL + "about/", "es": SITE_URL + "es/acerca/"}


@pytest.mark.parametrize(("config", "french", "message"), [
    ("exclude_docs: |\n  /es/\n", "theme: {language: fr}\ndocs_dir: docs/fr\n",
     "mkdocs.yml: exclude_docs must list /fr/"),
    ("exclude_docs: |\n  /es/\n  /fr/\n", "theme: {language: de}\ndocs_dir: docs/fr\n",
     "mkdocs.fr.yml: a language's config is named mkdocs.<code>.yml after its theme.language (found theme.language: de)"),
    ("exclude_docs: |\n  /es/\n  /fr/\n", "theme: {language: fr}\ndocs_dir: docs/french\n",
     "mkdocs.fr.yml: docs_dir must be docs/fr"),
    ("exclude_docs: |\n  /es/\n  /fr/\n", "theme: {language: fr\ndocs_dir: docs/fr\n", "mkdocs.fr.yml: MkDocs encountered an error parsing"),
])
def test_a_language_config_mistake_is_one_message_naming_the_file(tmp_path, config, french, message):
    (tmp_path / "mkdocs.yml").write_text("theme: {language: en}\n" + config, encoding="utf-8")
    (tmp_path / "mkdocs.es.yml").write_text("theme: {language: es}\ndocs_dir: docs/es\n", encoding="utf-8")
    (tmp_path / "mkdocs.fr.yml").write_text(french, encoding="utf-8")
    result = languages.build_all(tmp_path / "site", SITE_URL, repo=tmp_path)
    assert result.returncode == 1 and result.output.startswith(f"ERROR: {message}"), result.output
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()

"""Page weight: the guide's pages against a plain Material for MkDocs starter page.

For every built page, adds up the gzip-compressed size of its HTML and of the stylesheets,
scripts and fonts it loads from the site (what travels on a first visit), then prints the
median and the heaviest page of each language edition (the budget is per language: English
at the site's root, French in fr/) beside the starter's page. Also prints what mkdocs-quiz's
assets cost a section page when inlined into every page (mkdocs-quiz's default) and when
served once as cached files (hooks/quiz_assets.py), and whether the median page is within
the guide's budget (100 KB). With `--baseline REF`, also builds the guide as it was at git
revision REF and prints each edition's median beside today's: a before-and-after in one run.

    python bench/page_weight.py [--baseline REF]
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlparse

from common import ROOT, baseline_ref, project_at, project_editions

STARTER_CONFIG = "site_name: Starter\ntheme:\n  name: material\n"
STARTER_PAGE = "# Welcome to MkDocs\n\nFor full documentation visit [mkdocs.org](https://www.mkdocs.org).\n"
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
FONT = re.compile(r"url\(([^)]+\.(?:woff2?|ttf|otf))\)")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def build(project: Path, config: str = "mkdocs.yml") -> Path:
    site = Path(tempfile.mkdtemp(prefix="weight-site-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                   cwd=project, check=True, capture_output=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    return site


def page_weight(site: Path, html_file: Path, cache: set[str] | None = None) -> dict:
    """gzip bytes of a page and its local CSS, JS and fonts; `cache` skips assets already loaded."""
    html = html_file.read_bytes()
    url = "http://site/" + html_file.relative_to(site).as_posix()
    sizes = {"html": gz(html), "css": 0, "js": 0, "fonts": 0, "third_party": 0}
    for ref in ASSET.findall(html.decode("utf-8")):
        target = urlparse(urljoin(url, ref))
        if target.netloc != "site":
            sizes["third_party"] += 1
            continue
        if cache is not None and target.path in cache:
            continue
        if cache is not None:
            cache.add(target.path)
        asset = site / target.path.lstrip("/")
        data = asset.read_bytes()
        kind = "css" if asset.suffix == ".css" else "js"
        sizes[kind] += gz(data)
        if kind == "css":
            for font in FONT.findall(data.decode("utf-8", "ignore")):
                font_path = asset.parent / font.strip("'\"")
                if font_path.is_file():
                    sizes["fonts"] += gz(font_path.read_bytes())
    sizes["total"] = sizes["html"] + sizes["css"] + sizes["js"] + sizes["fonts"]
    return sizes


def starter_weight() -> dict:
    project = Path(tempfile.mkdtemp(prefix="starter-"))
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(STARTER_CONFIG, encoding="utf-8")
    (project / "docs" / "index.md").write_text(STARTER_PAGE, encoding="utf-8")
    site = build(project)
    weight = page_weight(site, site / "index.html")
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return weight


def starter_font_estimate() -> int | None:
    """gzip bytes of the web fonts the starter page downloads from Google Fonts.

    The starter page uses Roboto 300 (its heading) and 400 (its text). Google's servers
    cannot be reached here, so the same typeface files are taken from the npm package
    @fontsource/roboto (latin subset, as Google serves to a latin page). None without npm.
    """
    folder = Path(tempfile.mkdtemp(prefix="starter-fonts-"))
    try:
        subprocess.run(["npm", "pack", "@fontsource/roboto@5.3.0", "--silent"], cwd=folder,
                       check=True, capture_output=True, timeout=120)
        archive = next(folder.glob("*.tgz"))
        shutil.unpack_archive(str(archive), str(folder))
        faces = [folder / "package" / "files" / f"roboto-latin-{weight}-normal.woff2" for weight in (300, 400)]
        return sum(gz(face.read_bytes()) for face in faces)
    except (OSError, subprocess.SubprocessError, StopIteration):
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def quiz_asset_cost(site: Path) -> None:
    """A section page's quiz CSS/JS: inlined in each page versus cached files."""
    from mkdocs_quiz import plugin as quiz_plugin

    inline = gz((quiz_plugin.style + quiz_plugin.js_script).encode("utf-8"))
    pages = sorted(site.glob("[0-9][0-9]-*/*/index.html"))
    first, second = pages[0], pages[1]
    cache: set[str] = set()
    visit1 = page_weight(site, first, cache)["total"]
    visit2 = page_weight(site, second, cache)["total"]
    print("\nmkdocs-quiz CSS+JS on a section page (gzip):")
    print(f"  inlined (mkdocs-quiz default): +{inline / 1024:.1f} KB on every page, never cached")
    print(f"  cached files (hooks/quiz_assets.py): first section page {visit1 / 1024:.1f} KB, "
          f"next section page {visit2 / 1024:.1f} KB (quiz assets already cached)")
    print(f"  over {len(pages)} section pages: {len(pages) * inline / 1024:.0f} KB inlined vs {inline / 1024:.1f} KB once")


BUDGET_KB = 100  # median page on the wire, the guide's budget


def site_weights(site: Path) -> dict[str, dict]:
    return {p.relative_to(site).as_posix(): page_weight(site, p)
            for p in sorted(site.rglob("index.html")) if "404" not in p.as_posix()}


def by_edition(weights: dict[str, dict], project: Path = ROOT) -> dict[str, dict[str, dict]]:
    """The pages' weights of each language edition: the other editions' pages are in their
    folders (fr/), the first edition's are the rest."""
    first, *others = project_editions(project)
    found, left = {}, dict(weights)
    for edition in others:
        found[edition["lang"]] = {p: w for p, w in left.items() if p.startswith(edition["folder"])}
        left = {p: w for p, w in left.items() if p not in found[edition["lang"]]}
    return {first["lang"]: left, **found}


def main(argv: list[str]) -> None:
    site = build(ROOT)
    starter = starter_weight()
    kb = lambda n: f"{n / 1024:.1f} KB"
    print("Page weight on a first visit: HTML + CSS + JS + fonts from the site, gzip -9")
    print(f"  plain Material starter page: {kb(starter['total'])} "
          f"(html {kb(starter['html'])}, css {kb(starter['css'])}, js {kb(starter['js'])}; "
          f"+ {starter['third_party']} third-party font stylesheet request(s) not counted)")
    fonts = starter_font_estimate()
    if fonts:
        with_fonts = starter["total"] + fonts
        print(f"  the same starter page with the Google Fonts it loads (Roboto 300 and 400, "
              f"{kb(fonts)}, measured from @fontsource/roboto 5.3.0): {kb(with_fonts)}")
    editions = by_edition(site_weights(site))
    ref = baseline_ref(argv)
    if ref:
        base_project = project_at(ref)
        base_site = build(base_project)
        base_editions = by_edition(site_weights(base_site), base_project)
    for lang, weights in editions.items():
        totals = sorted(w["total"] for w in weights.values())
        median = statistics.median(totals)
        heaviest = max(weights, key=lambda p: weights[p]["total"])
        print(f"  {lang} edition:")
        print(f"    guide, median of {len(totals)} pages: {kb(median)} (the guide loads no web font)")
        print(f"    ratio to the starter without its fonts: {median / starter['total']:.2f}"
              + (f"; with its fonts: {median / with_fonts:.2f}" if fonts else " (npm unavailable: fonts not measured)"))
        w = weights[heaviest]
        print(f"    guide, heaviest page: {heaviest} {kb(w['total'])} (html {kb(w['html'])}, css {kb(w['css'])}, js {kb(w['js'])})")
        print(f"    third-party requests over all its pages: {sum(w['third_party'] for w in weights.values())}")
        verdict = "within" if median <= BUDGET_KB * 1024 else "OVER"
        print(f"    budget: median page under {BUDGET_KB} KB: {verdict} ({kb(median)})")
        base_totals = [b["total"] for b in base_editions.get(lang, {}).values()] if ref else []
        if base_totals:
            print(f"    baseline {ref}: median of {len(base_totals)} pages {kb(statistics.median(base_totals))}, "
                  f"heaviest {kb(max(base_totals))}; now {kb(median)}, heaviest {kb(w['total'])}")
        elif ref:
            print(f"    baseline {ref}: no {lang} edition")
    if ref:
        shutil.rmtree(base_project, ignore_errors=True)
        shutil.rmtree(base_site, ignore_errors=True)
    quiz_asset_cost(site)
    shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv)

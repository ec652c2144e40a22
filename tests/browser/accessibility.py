"""Accessibility checks inside the browser tests: axe-core (WCAG 2.1 A and AA), layout widths.

axe-core is vendored (no network). The strict Content-Security-Policy (script-src 'self')
blocks an injected <script> tag, so the library is evaluated through Playwright's
`page.evaluate`, which runs over the DevTools protocol and is not subject to the page's CSP.
Every check writes its full result, all impacts and axe's best-practice advice too, to
build/accessibility/<name>.json; only serious or critical WCAG violations fail the test.
"""

import json
from pathlib import Path

from tests.browser.conftest import SCREENSHOTS

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RECORDED = [*WCAG_21_AA, "best-practice"]
BLOCKING = {"serious", "critical"}
REPORTS = SCREENSHOTS.parent / "accessibility"

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, tags: v.tags,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def axe_violations(page) -> list[dict]:
    """Every WCAG 2.1 A/AA violation (and best-practice advice) axe finds on the page now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(RUN_AXE, RECORDED)


def axe_check(page, name: str) -> None:
    """Fail on any serious or critical WCAG 2.1 A/AA violation; record all of them."""
    violations = axe_violations(page)
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = {"page": name, "url": page.url, "violations": violations}
    (REPORTS / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    blocking = [
        v for v in violations if v["impact"] in BLOCKING and set(v["tags"]) & set(WCAG_21_AA)
    ]
    assert not blocking, f"axe on {name} ({page.url}):\n" + "\n".join(
        f"- {v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in blocking
    )


def scrolls_sideways(page) -> bool:
    """True when the page is wider than the window (content cut off or a sideways scroll)."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def screenshot(page, name: str) -> None:
    """The whole page as build/screenshots/<name>.png, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def step(page, journey: str, name: str) -> None:
    """One step of a journey as a person sees it: a screenshot, then the axe check."""
    screenshot(page, f"{journey}-{name}")
    axe_check(page, f"{journey}-{name}")

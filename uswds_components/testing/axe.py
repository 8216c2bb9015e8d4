"""axe-core 4.14.1 from npm, loaded through axe-selenium-python and run with JSON options."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_selenium_python import Axe

from ..assets import axe_script

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")

# axe.run() is called with options passed as a real JSON argument (axe-selenium-python's own
# run() pastes them in with %s) and an error callback (without one, any axe error hangs until
# the script timeout).
_RUN_AXE = """
const [context, options, done] = arguments;
axe.run(context || document, options)
  .then(results => done({violations: results.violations, incomplete: results.incomplete,
                         passes: results.passes.length}),
        error => done({error: String(error)}));
"""
# color-contrast again, on the given targets only, with pseudo-elements set aside. A check's
# options given to axe.run replace its defaults whole, so it starts from axe's defaults.
_RECHECK_CONTRAST_IGNORING_PSEUDO = """
const [targets, done] = arguments;
const options = {...axe._audit.checks["color-contrast"].options, ignorePseudo: true};
axe.run({include: targets}, {runOnly: {type: "rule", values: ["color-contrast"]},
                             checks: {"color-contrast": {options}},
                             resultTypes: ["violations", "incomplete"]})
  .then(results => done({violations: results.violations, incomplete: results.incomplete}),
        error => done({error: String(error)}));
"""
# color-contrast again, on the given targets, with the elements axe found overlapping them
# hidden, but only where every such element is see-through (no background colour, image,
# shadow or visible border): then hiding it changes no pixel behind the text. USWDS's banner
# lays its transparent button over the header text below 640 px. Styles are restored after.
_RECHECK_CONTRAST_UNDER_SEE_THROUGH = """
const [targets, done] = arguments;
const clear = colour => colour === "transparent" || /^rgba\\(.*,\\s*0\\)$/.test(colour);
const seeThrough = el => {
  const s = getComputedStyle(el);
  return clear(s.backgroundColor) && s.backgroundImage === "none" && s.boxShadow === "none"
    && ["Top", "Right", "Bottom", "Left"].every(side =>
         parseFloat(s[`border${side}Width`]) === 0 || clear(s[`border${side}Color`]));
};
// What lies over the text: the elements above it in the stack at the middle of each of its
// boxes (axe does not report them for bgOverlap).
const overlaysOf = element => {
  const found = new Set();
  for (const box of element.getClientRects()) {
    const stack = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    for (const el of stack) {
      if (el === element || element.contains(el)) break;
      if (!el.contains(element)) found.add(el);
    }
  }
  return [...found];
};
// A modal's dimmer: a fixed element over the whole viewport (USWDS's .usa-overlay behind an open
// mobile menu, its modal's overlay). Text under it that the page has hidden from assistive
// technology (aria-hidden, as USWDS's JS marks everything outside the open menu or dialog) is
// inactive until the modal closes: it is not read and cannot be reached, only dimmed.
const coversViewport = el => {
  const box = el.getBoundingClientRect();
  return getComputedStyle(el).position === "fixed" && box.left <= 0 && box.top <= 0
    && box.right >= innerWidth && box.bottom >= innerHeight;
};
const hidden = [], rechecked = [], inactive = [];
for (const target of targets) {
  const element = document.querySelector(target);
  const overlays = element ? overlaysOf(element) : [];
  if (!overlays.length) continue;
  if (!overlays.every(seeThrough)) {
    if (element.closest('[aria-hidden="true"]') && overlays.some(coversViewport)) {
      inactive.push(target);
    }
    continue;
  }
  for (const el of overlays) if (!hidden.includes(el)) hidden.push(el);
  rechecked.push(target);
}
const saved = hidden.map(el => [el.style.getPropertyValue("visibility"),
                                el.style.getPropertyPriority("visibility")]);
const restore = () => hidden.forEach((el, i) => el.style.setProperty("visibility", ...saved[i]));
hidden.forEach(el => el.style.setProperty("visibility", "hidden", "important"));
if (!rechecked.length) {
  done({rechecked, inactive, violations: [], incomplete: []});
} else {
  axe.run({include: rechecked.map(target => [target])},
          {runOnly: {type: "rule", values: ["color-contrast"]},
           resultTypes: ["violations", "incomplete"]})
    .then(results => { restore(); done({rechecked, inactive, violations: results.violations,
                                        incomplete: results.incomplete}); },
          error => { restore(); done({error: String(error)}); });
}
"""
# Rules whose "incomplete" results are failures too: axe 4 files some real contrast problems
# as incomplete when it cannot be sure.
_INCOMPLETE_IS_FAILURE = frozenset({"color-contrast"})
# axe's reason for a color-contrast "incomplete" when a ::before/::after box touches the text
# (USWDS's alert icon, the header's current-page bar): it cannot tell what lies behind the text.
_PSEUDO_CONTENT = "pseudoContent"
# Its reason when another element's box lies over the text: it cannot tell what shows through.
_BACKGROUND_OVERLAP = "bgOverlap"


class AxeError(RuntimeError):
    """axe itself failed (bad options, bad selector): not a result."""


def _axe_loader(driver: Any, script: Path | None) -> Axe:
    return Axe(driver, script_url=str(script or axe_script()))


def preload_axe(driver: Any, script: Path | None = None) -> None:
    """Have Chromium evaluate axe-core at the start of every document and frame it loads.

    Injecting per page sends the 560 kB script over WebDriver each time; evaluated by the
    browser itself it is already there when run_axe() starts, in iframes too.
    """
    source = Path(_axe_loader(driver, script).script_url).read_text(encoding="utf-8")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})


def describe_target(target: list[Any]) -> str:
    """An axe node target as one string (nested lists are shadow DOM selector chains)."""
    return ", ".join(" >>> ".join(part) if isinstance(part, list) else str(part) for part in target)


def _doubts(node: dict[str, Any]) -> set[str | None]:
    """Why axe left this contrast node incomplete (its checks' message keys)."""
    checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
    return {(check.get("data") or {}).get("messageKey") for check in checks}


def _doubt_is_only_pseudo_content(node: dict[str, Any]) -> bool:
    """True if pseudoContent is the only reason axe left this contrast node incomplete."""
    return _doubts(node) == {_PSEUDO_CONTENT}


def _doubt_is_only_overlap(node: dict[str, Any]) -> bool:
    """True if an overlapping box is axe's only doubt about this node, in the top document."""
    return _doubts(node) == {_BACKGROUND_OVERLAP} and len(node["target"]) == 1


@dataclass(frozen=True)
class AxeResult:
    """One axe run. `incomplete` is as axe reported it; `failures` is what tests assert on.

    `pseudo_rechecked` lists the color-contrast nodes axe left incomplete only because of a
    pseudo-element; they were checked again with `ignorePseudo`, and whatever that recheck
    flagged is in `pseudo_recheck_failures`. `overlap_rechecked` lists those it left incomplete
    only because a see-through element lay over them; they were checked again with it hidden,
    and whatever that flagged is in `overlap_recheck_failures`. `inactive_under_dimmer` lists
    those under a modal's dimmer (a fixed element over the whole viewport) that the page hides
    from assistive technology while the modal is open: inactive content, not failures.
    """

    violations: list[dict[str, Any]]
    incomplete: list[dict[str, Any]]
    # The rules that passed: on a page of regions (run_axe_by_region), those that applied to an
    # element in the region and found nothing wrong there.
    passes: int
    pseudo_rechecked: list[str] = field(default_factory=list)
    pseudo_recheck_failures: list[dict[str, Any]] = field(default_factory=list)
    overlap_rechecked: list[str] = field(default_factory=list)
    overlap_recheck_failures: list[dict[str, Any]] = field(default_factory=list)
    inactive_under_dimmer: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[dict[str, Any]]:
        """Violations, incomplete results of rules where that means failure, and whatever the
        rechecks flagged. A rechecked node counts only through its recheck."""
        rechecked = {*self.pseudo_rechecked, *self.overlap_rechecked, *self.inactive_under_dimmer}
        failures = list(self.violations)
        for result in self.incomplete:
            if result["id"] not in _INCOMPLETE_IS_FAILURE:
                continue
            nodes = [
                node
                for node in result["nodes"]
                if not (
                    result["id"] == "color-contrast"
                    and describe_target(node["target"]) in rechecked
                )
            ]
            if nodes:
                failures.append({**result, "nodes": nodes})
        return failures + self.pseudo_recheck_failures + self.overlap_recheck_failures

    def rule_ids(self) -> set[str]:
        return {result["id"] for result in self.failures}

    def report(self) -> str:
        """A readable list of failures (rule, impact, help, offending nodes) and what was
        rechecked ignoring pseudo-elements."""
        from_pseudo = {id(result) for result in self.pseudo_recheck_failures}
        from_overlap = {id(result) for result in self.overlap_recheck_failures}
        lines = []
        for result in self.failures:
            note = ""
            if id(result) in from_pseudo:
                note = " [recheck ignoring pseudo-elements]"
            elif id(result) in from_overlap:
                note = " [recheck with a see-through overlay hidden]"
            lines.append(f"{result['id']} ({result.get('impact')}): {result['help']}{note}")
            for node in result["nodes"]:
                lines.append(f"    {describe_target(node['target'])}: {node['html'][:200]}")
        if not lines:
            lines.append("no failures")
        if self.pseudo_rechecked:
            lines.append(
                "color-contrast rechecked ignoring pseudo-elements (axe's only doubt was "
                f"pseudoContent): {'; '.join(self.pseudo_rechecked)}"
            )
        if self.overlap_rechecked:
            lines.append(
                "color-contrast rechecked with a see-through overlay hidden (axe's only doubt "
                f"was bgOverlap): {'; '.join(self.overlap_rechecked)}"
            )
        if self.inactive_under_dimmer:
            lines.append(
                "color-contrast not required under a modal's dimmer, hidden from assistive "
                f"technology while it is open: {'; '.join(self.inactive_under_dimmer)}"
            )
        return "\n".join(lines)


def run_axe(
    driver: Any,
    *,
    context: str | dict[str, Any] | None = None,
    disable_rules: Iterable[str] = (),
    script: Path | None = None,
    tags: Iterable[str] = AXE_TAGS,
    rules: Iterable[str] | None = None,
) -> AxeResult:
    """Run axe-core on the current page with `tags` (or only `rules`, if given), injecting it
    unless preload_axe() did.

    USWDS draws some decoration as pseudo-elements (the alert icon, the header's current-page
    bar), and axe then leaves nearby text's color-contrast incomplete with the reason
    pseudoContent: it cannot see what is behind the text. Those nodes, and only those, are
    checked again with `ignorePseudo`; they fail if that recheck flags them. Ignoring the
    pseudo-element is sound only where it does not sit behind text; component tests show that
    geometrically for the USWDS ones. Likewise, text that axe doubts only because an element
    lies over it (bgOverlap: USWDS's banner button below 640 px) is checked again with that
    element hidden, if it is see-through: no background, image, shadow or visible border.
    Text under a modal's dimmer (a fixed element over the whole viewport: an open mobile menu's
    or dialog's overlay) that the page hides from assistive technology while it is open is
    inactive (WCAG 1.4.3's exception): listed in `inactive_under_dimmer`, not failed.
    Any other incomplete contrast stays a failure.
    """
    _inject(driver, script)
    options = _options(tags, rules, disable_rules)
    outcome = driver.execute_async_script(_RUN_AXE, context, options)
    if "error" in outcome:
        raise AxeError(outcome["error"])
    return AxeResult(outcome["violations"], outcome["incomplete"], outcome["passes"],
                     **_rechecks(driver, outcome["incomplete"]))  # fmt: skip


def _inject(driver: Any, script: Path | None) -> None:
    if not driver.execute_script("return typeof window.axe === 'object'"):
        _axe_loader(driver, script).inject()


def _options(
    tags: Iterable[str], rules: Iterable[str] | None, disable_rules: Iterable[str]
) -> dict[str, Any]:
    options: dict[str, Any] = {
        "runOnly": (
            {"type": "tag", "values": list(tags)}
            if rules is None
            else {"type": "rule", "values": list(rules)}
        ),
        "resultTypes": ["violations", "incomplete"],
    }
    disabled = list(disable_rules)
    if disabled:
        options["rules"] = {rule: {"enabled": False} for rule in disabled}
    return options


def _rechecks(driver: Any, incomplete: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The contrast rechecks of run_axe()'s docstring, for axe's incomplete results: the
    AxeResult fields they fill."""
    targets = [
        node["target"]
        for result in incomplete
        if result["id"] == "color-contrast"
        for node in result["nodes"]
        if _doubt_is_only_pseudo_content(node)
    ]
    recheck_failures: list[dict[str, Any]] = []
    if targets:
        recheck = driver.execute_async_script(_RECHECK_CONTRAST_IGNORING_PSEUDO, targets)
        if "error" in recheck:
            raise AxeError(f"color-contrast recheck ignoring pseudo-elements: {recheck['error']}")
        recheck_failures = recheck["violations"] + recheck["incomplete"]
    overlap_cases = [
        node["target"][0]
        for result in incomplete
        if result["id"] == "color-contrast"
        for node in result["nodes"]
        if _doubt_is_only_overlap(node)
    ]
    overlap: dict[str, Any] = {"rechecked": [], "inactive": [], "violations": [], "incomplete": []}
    if overlap_cases:
        overlap = driver.execute_async_script(_RECHECK_CONTRAST_UNDER_SEE_THROUGH, overlap_cases)
        if "error" in overlap:
            raise AxeError(
                f"color-contrast recheck under a see-through overlay: {overlap['error']}"
            )
    return {
        "pseudo_rechecked": [describe_target(target) for target in targets],
        "pseudo_recheck_failures": recheck_failures,
        "overlap_rechecked": list(overlap["rechecked"]),
        "overlap_recheck_failures": overlap["violations"] + overlap["incomplete"],
        "inactive_under_dimmer": list(overlap["inactive"]),
    }


# axe.run over the whole document, each result node labelled with the region it lies in: the
# `attribute` value of its closest element that has it, "" outside them all. Passes are counted
# per region as rules with a passing node there. Also the rules whose outcome for a node
# depends on other nodes (a check with an `after` step: landmark-unique, heading-order,
# duplicate-id-aria, ...): their results may differ with the context.
_RUN_AXE_BY_REGION = """
const [attribute, options, done] = arguments;
const regionOf = element => {
  const region = element && element.closest ? element.closest(`[${attribute}]`) : null;
  return region ? region.getAttribute(attribute) : "";
};
const label = results => results.map(result => ({...result, nodes: result.nodes.map(
  ({element, ...node}) => ({...node, region: regionOf(element)}))}));
const checkIds = rule => [...rule.any, ...rule.all, ...rule.none].map(c => c.id || c);
axe.run(document, {...options, elementRef: true}).then(results => {
  // With resultTypes, axe keeps one passing node per rule: count instead, per region, the
  // rules that ran and applied to an element there without a violation.
  const ran = [...results.passes, ...results.incomplete]
    .map(result => axe._audit.rules.find(rule => rule.id === result.id));
  const failed = {};
  for (const result of results.violations) {
    for (const node of result.nodes) {
      (failed[regionOf(node.element)] ||= new Set()).add(result.id);
    }
  }
  const passes = {"": 0};
  for (const region of document.querySelectorAll(`[${attribute}]`)) {
    const name = region.getAttribute(attribute);
    passes[name] = ran.filter(rule => {
      if (!rule || (failed[name] && failed[name].has(rule.id))) return false;
      try { return !!region.querySelector(rule.selector || "*"); } catch (e) { return false; }
    }).length;
  }
  const crossNode = axe._audit.rules
    .filter(rule => checkIds(rule).some(id => axe._audit.checks[id] && axe._audit.checks[id].after))
    .map(rule => rule.id);
  done({violations: label(results.violations), incomplete: label(results.incomplete), passes,
        crossNode});
}, error => done({error: String(error)}));
"""
_REGION_OF_TARGETS = """
const [attribute, targets] = arguments;
return targets.map(target => {
  const element = document.querySelector(target);
  const region = element ? element.closest(`[${attribute}]`) : null;
  return region ? region.getAttribute(attribute) : "";
});
"""


def run_axe_by_region(
    driver: Any,
    attribute: str,
    regions: Mapping[str, Iterable[str]],
    *,
    script: Path | None = None,
    tags: Iterable[str] = AXE_TAGS,
) -> tuple[dict[str, AxeResult], AxeResult]:
    """axe over a page of several regions (elements with `attribute`; `regions` maps each
    value to the rules disabled in it), run once: each region's result, as run_axe() with that
    region as its context would give it, and the page's outside them all (no rule disabled).

    One run costs about what one region's run does: axe's set-up and the page's layout
    dominate. A node's result belongs to the region it lies in, minus that region's disabled
    rules. The rules whose outcome for a node depends on other nodes (a landmark's label is
    unique on the page, say) are run again in the region's own context wherever the whole page
    flagged them in it, so a neighbour's landmark never fails a region."""
    _inject(driver, script)
    options = _options(tags, None, ())
    outcome = driver.execute_async_script(_RUN_AXE_BY_REGION, attribute, options)
    if "error" in outcome:
        raise AxeError(outcome["error"])
    found = {"violations": outcome["violations"], "incomplete": outcome["incomplete"]}
    rechecks = _rechecks(driver, outcome["incomplete"])
    region_of = {
        describe_target(node["target"]): node["region"]
        for results in found.values()
        for result in results
        for node in result["nodes"]
    }
    recheck_nodes = [
        node
        for kind in ("pseudo_recheck_failures", "overlap_recheck_failures")
        for result in rechecks[kind]
        for node in result["nodes"]
    ]
    cross_node = frozenset(outcome["crossNode"])
    # A rule that compares nodes reports a set of them through one node (landmark-unique: the
    # first of the duplicates, the others as related nodes): each region any of them lies in.
    involved = {
        (result["id"], describe_target(related["target"]))
        for results in found.values()
        for result in results
        if result["id"] in cross_node
        for node in result["nodes"]
        for check in node.get("any", []) + node.get("all", []) + node.get("none", [])
        for related in check.get("relatedNodes", [])
    }
    unknown = sorted(
        ({describe_target(node["target"]) for node in recheck_nodes} | {t for _, t in involved})
        - region_of.keys()
    )
    if unknown:
        region_of.update(
            zip(unknown, driver.execute_script(_REGION_OF_TARGETS, attribute, unknown), strict=True)
        )
    for node in recheck_nodes:
        node["region"] = region_of[describe_target(node["target"])]

    def part(region: str, disabled: frozenset[str]) -> AxeResult:
        def nodes_in(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
            kept = []
            for result in results:
                if result["id"] in disabled:
                    continue
                nodes = [node for node in result["nodes"] if node["region"] == region]
                if nodes:
                    kept.append({**result, "nodes": nodes})
            return kept

        def targets_in(targets: list[str]) -> list[str]:
            return [target for target in targets if region_of.get(target) == region]

        checks_on = "color-contrast" not in disabled
        return AxeResult(
            nodes_in(found["violations"]),
            nodes_in(found["incomplete"]),
            outcome["passes"].get(region, 0),
            pseudo_rechecked=targets_in(rechecks["pseudo_rechecked"]) if checks_on else [],
            pseudo_recheck_failures=nodes_in(rechecks["pseudo_recheck_failures"]),
            overlap_rechecked=targets_in(rechecks["overlap_rechecked"]) if checks_on else [],
            overlap_recheck_failures=nodes_in(rechecks["overlap_recheck_failures"]),
            inactive_under_dimmer=targets_in(rechecks["inactive_under_dimmer"]),
        )

    rerun_in: dict[str, set[str]] = {}
    for results in found.values():
        for result in results:
            if result["id"] in cross_node:
                for node in result["nodes"]:
                    rerun_in.setdefault(node["region"], set()).add(result["id"])
    for rule, target in involved:
        rerun_in.setdefault(region_of[target], set()).add(rule)
    selectors = {region: f'[{attribute}="{region}"]' for region in regions}
    outside: dict[str, Any] = {"exclude": [[selector] for selector in selectors.values()]}
    results = {}
    parts: list[tuple[str, str | dict[str, Any], frozenset[str]]] = [
        *((region, selectors[region], frozenset(rules)) for region, rules in regions.items()),
        ("", outside, frozenset()),
    ]
    for region, context, disabled in parts:
        result = part(region, disabled)
        flagged = rerun_in.get(region, set()) - disabled
        if flagged:
            own = run_axe(driver, context=context, rules=sorted(flagged), script=script)
            result = dataclasses.replace(
                result,
                violations=[r for r in result.violations if r["id"] not in flagged]
                + own.violations,
                incomplete=[r for r in result.incomplete if r["id"] not in flagged]
                + own.incomplete,
            )
        results[region] = result
    page = results.pop("")
    return results, page

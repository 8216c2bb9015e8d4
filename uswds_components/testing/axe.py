"""axe-core 4.14.1 from npm, loaded through axe-selenium-python and run with JSON options."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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
# Rules whose "incomplete" results are failures too: axe 4 files some real contrast problems
# as incomplete when it cannot be sure.
_INCOMPLETE_IS_FAILURE = frozenset({"color-contrast"})


class AxeError(RuntimeError):
    """axe itself failed (bad options, bad selector): not a result."""


@dataclass(frozen=True)
class AxeResult:
    violations: list[dict[str, Any]]
    incomplete: list[dict[str, Any]]
    passes: int

    @property
    def failures(self) -> list[dict[str, Any]]:
        """Violations, plus incomplete results of rules where that means failure."""
        return self.violations + [
            result for result in self.incomplete if result["id"] in _INCOMPLETE_IS_FAILURE
        ]

    def rule_ids(self) -> set[str]:
        return {result["id"] for result in self.failures}

    def report(self) -> str:
        """A readable list of failures: rule, impact, help and the offending nodes."""
        lines = []
        for result in self.failures:
            lines.append(f"{result['id']} ({result.get('impact')}): {result['help']}")
            for node in result["nodes"]:
                lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
        return "\n".join(lines) or "no failures"


def run_axe(
    driver: Any,
    *,
    context: str | None = None,
    disable_rules: Iterable[str] = (),
    script: Path | None = None,
    tags: Iterable[str] = AXE_TAGS,
) -> AxeResult:
    """Inject axe-core into the current page and run it with `tags`."""
    Axe(driver, script_url=str(script or axe_script())).inject()
    options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": list(tags)},
        "resultTypes": ["violations", "incomplete"],
    }
    disabled = list(disable_rules)
    if disabled:
        options["rules"] = {rule: {"enabled": False} for rule in disabled}
    outcome = driver.execute_async_script(_RUN_AXE, context, options)
    if "error" in outcome:
        raise AxeError(outcome["error"])
    return AxeResult(outcome["violations"], outcome["incomplete"], outcome["passes"])

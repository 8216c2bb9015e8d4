"""Readable and JSON reports of axe results, shared by `uswds-components check` and `axe_check`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .axe import AxeResult, describe_target
from .loads import FailedRequest
from .targets import Page

HTML_SNIPPET = 200


def failure_kinds(result: AxeResult) -> list[tuple[str, dict[str, Any]]]:
    """Each failure with where it came from: axe's `violation`, an `incomplete` result counted
    as failing, or the contrast `recheck` ignoring pseudo-elements."""
    violations = {id(item) for item in result.violations}
    rechecks = {id(item) for item in result.pseudo_recheck_failures}
    kinds = []
    for failure in result.failures:
        if id(failure) in violations:
            kind = "violation"
        elif id(failure) in rechecks:
            kind = "recheck"
        else:
            kind = "incomplete"
        kinds.append((kind, failure))
    return kinds


def failure_json(failure: dict[str, Any], kind: str) -> dict[str, Any]:
    return {
        "id": failure["id"],
        "kind": kind,
        "impact": failure.get("impact"),
        "help": failure.get("help"),
        "description": failure.get("description"),
        "helpUrl": failure.get("helpUrl"),
        "nodes": [
            {
                "target": describe_target(node["target"]),
                "html": node.get("html", ""),
                "failureSummary": node.get("failureSummary"),
            }
            for node in failure["nodes"]
        ],
    }


def failure_lines(
    failure: dict[str, Any], *, kind: str = "violation", indent: str = "", label: str = ""
) -> list[str]:
    """A failure as text: `label` (e.g. the state), rule, impact, help, help URL, then each
    node's selector and HTML."""
    note = {"violation": "", "incomplete": " [incomplete, counted as failing]"}.get(
        kind, " [recheck ignoring pseudo-elements]"
    )
    lines = [
        f"{indent}{label}{failure['id']} ({failure.get('impact')}): {failure.get('help')}{note}"
    ]
    if failure.get("helpUrl"):
        lines.append(f"{indent}    help: {failure['helpUrl']}")
    for node in failure["nodes"]:
        snippet = " ".join(node.get("html", "").split())[:HTML_SNIPPET]
        lines.append(f"{indent}    selector: {describe_target(node['target'])}")
        if snippet:
            lines.append(f"{indent}        {snippet}")
    return lines


@dataclass
class PageResult:
    """One checked page: axe's result and the requests that failed, or why it could not be
    checked."""

    page: Page
    url: str
    result: AxeResult | None = None
    error: str | None = None
    failed_requests: list[FailedRequest] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        failing = (self.result and self.result.failures) or self.failed_requests
        return "fail" if failing else "pass"

    @property
    def violations(self) -> int:
        return len(self.result.violations) if self.result else 0

    @property
    def incomplete_failures(self) -> int:
        """Failing results that are not axe violations: failing incompletes and rechecks."""
        return len(self.result.failures) - self.violations if self.result else 0

    def outcome(self) -> str:
        """A few words for the progress line."""
        if self.error is not None:
            return f"error: {self.error}"
        failures = len(self.result.failures) if self.result else 0
        requests = len(self.failed_requests)
        parts = [
            f"{count} {noun}{'s' if count != 1 else ''}"
            for count, noun in ((failures, "violation"), (requests, "failed request"))
            if count
        ]
        return ", ".join(parts) or "ok"

    def as_json(self) -> dict[str, Any]:
        return {
            "page": self.page.label,
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "violations": [
                failure_json(failure, kind)
                for kind, failure in (failure_kinds(self.result) if self.result else [])
            ],
            "pseudo_rechecked": list(self.result.pseudo_rechecked) if self.result else [],
            "failed_requests": [request.as_json() for request in self.failed_requests],
        }


def summary_table(results: Sequence[PageResult]) -> str:
    rows = [("page", "violations", "failing incomplete", "failed requests", "status")]
    rows += [
        (
            item.page.label,
            str(item.violations),
            str(item.incomplete_failures),
            str(len(item.failed_requests)),
            item.status.upper(),
        )
        for item in results
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [
        f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}  "
        f"{row[3]:>{widths[3]}}  {row[4]}"
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def details(results: Iterable[PageResult]) -> str:
    """Every failing page's failures, and every page that could not be checked."""
    lines: list[str] = []
    for item in results:
        if item.status == "pass":
            continue
        lines.append(f"{item.page.label} ({item.url})")
        if item.error is not None:
            lines.append(f"  could not be checked: {item.error}")
        else:
            for request in item.failed_requests:
                lines.append(f"  {request.describe()}")
            if item.result:
                for kind, failure in failure_kinds(item.result):
                    lines += failure_lines(failure, kind=kind, indent="  ")
        lines.append("")
    return "\n".join(lines).rstrip()


def totals(results: Sequence[PageResult]) -> dict[str, int]:
    return {
        "pages": len(results),
        "passed": sum(item.status == "pass" for item in results),
        "failed": sum(item.status == "fail" for item in results),
        "errors": sum(item.status == "error" for item in results),
        "failures": sum(len(item.result.failures) for item in results if item.result),
        "failed_requests": sum(len(item.failed_requests) for item in results),
    }


def write_json(
    path: Path,
    results: Sequence[PageResult],
    *,
    axe_version: str | None,
    tags: Sequence[str],
    disabled_rules: Sequence[str],
) -> None:
    report = {
        "tool": "uswds-components check",
        "axe_version": axe_version,
        "tags": list(tags),
        "disabled_rules": list(disabled_rules),
        "summary": totals(results),
        "pages": [item.as_json() for item in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

"""`pytest --component NAME` keeps exactly the tests of that component."""

from __future__ import annotations

import pytest


def test_only_the_named_components_tests_are_kept(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_mixed="""
import pytest

@pytest.mark.parametrize("name", ["gov_notice", "footer", "gov_notice/mil",
                                  "gov_notice:heading", "alert/info", "gov_notices"])
def test_param(name):
    pass

def test_plain():
    pass
""",
        # A component with no test module of its own in tests/: pytester runs in this process,
        # where tests/test_header_browser.py may already be imported under that name.
        test_gov_notice_browser="def test_in_the_components_module():\n    pass\n",
    )
    result = pytester.runpytest("-p", "component_option", "--component", "gov_notice", "-v")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["*test_in_the_components_*", "*test_param?gov_notice?*PASSED*"])
    output = result.stdout.str()
    assert "footer" not in output and "gov_notices" not in output and "alert" not in output


def test_an_unknown_component_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_any="def test_any():\n    pass\n")
    result = pytester.runpytest("-p", "component_option", "--component", "heder")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--component heder: no such component; known: *alert, *header*"])

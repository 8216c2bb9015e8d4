"""`pytest --component NAME` keeps exactly the tests of that component."""

from __future__ import annotations

import pytest


def test_only_the_named_components_tests_are_kept(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_mixed="""
import pytest

@pytest.mark.parametrize("name", ["header", "footer", "header/logo", "header:title",
                                  "alert/info", "headers"])
def test_param(name):
    pass

def test_plain():
    pass
""",
        test_header_browser="def test_in_the_components_module():\n    pass\n",
    )
    result = pytester.runpytest("-p", "component_option", "--component", "header", "-v")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["*test_in_the_components_*", "*test_param?header?*PASSED*"])
    assert "footer" not in result.stdout.str() and "headers" not in result.stdout.str()


def test_an_unknown_component_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_any="def test_any():\n    pass\n")
    result = pytester.runpytest("-p", "component_option", "--component", "heder")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--component heder: no such component; known: alert*"])

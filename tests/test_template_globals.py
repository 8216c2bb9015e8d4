"""create_environment()'s templates copy their globals into each render's context without going
through ChainMap's Python methods, and see the same globals Jinja's own templates see."""

from __future__ import annotations

import jinja2

from uswds_components import create_environment
from uswds_components.environment import FlatGlobalsTemplate
from uswds_components.seed.build import HERE as SEED_DIR
from uswds_components.seed.build import page_data


def test_a_render_sees_the_same_context_as_with_jinja_s_own_template() -> None:
    env = create_environment(loader=jinja2.FileSystemLoader(SEED_DIR))
    # One global of the template's own, one overriding the environment's.
    own = {"site_name": "DHS", "uswds_assets_url": "/static/uswds"}
    template = env.get_template("article.html", globals=own)
    assert type(template) is FlatGlobalsTemplate
    data = page_data()
    ours = template.new_context(dict(data)).parent
    jinjas = jinja2.Template.new_context(template, dict(data)).parent
    assert ours == jinjas
    assert list(ours) == list(jinjas)  # the same order too
    assert ours["uswds_assets_url"] == "/static/uswds"
    assert template.render(data) == jinja2.Template.render(template, data)


def test_globals_changed_after_loading_still_show() -> None:
    env = create_environment()
    template = env.from_string("{{ greeting }} {{ uswds_assets_url }} {{ own }}", {"own": "a"})
    assert template.render() == " /assets/uswds a"
    env.globals["greeting"] = "Hello"
    template.globals["own"] = "b"
    assert template.render() == "Hello /assets/uswds b"
    # The template's own globals win over the environment's, and the render's vars over both.
    env.globals["own"] = "environment"
    assert template.render() == "Hello /assets/uswds b"
    assert template.render(own="render") == "Hello /assets/uswds render"


def test_a_template_whose_globals_are_not_a_chain_renders_as_before() -> None:
    env = create_environment()
    template = env.from_string("{{ x }}")
    template.globals = {"x": "plain"}  # type: ignore[assignment]
    assert template.render() == "plain"

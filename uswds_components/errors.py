"""The one exception every component raises for bad input."""

from __future__ import annotations


class ComponentError(ValueError):
    """Bad input to a component: names the component, the parameter and what was expected."""

    def __init__(self, component: str | None, param: str | None, message: str) -> None:
        self.component = component
        self.param = param
        where = component or "uswds_components"
        if param:
            where = f"{where}: param '{param}'"
        super().__init__(f"{where}: {message}")


# Settings read by the Flask extension and the Django integration: a misspelt one (USWDS_REGION)
# would otherwise be ignored without a word.
SETTINGS = (
    "USWDS_ASSETS_URL",
    "USWDS_STATIC_URL",
    "USWDS_SERVE_ASSETS",
    "USWDS_CACHE_CONTROL",
    "USWDS_REGIONS",
    "USWDS_FEEDBACK",
    "USWDS_FEEDBACK_URL",
    "USWDS_FEEDBACK_TEMPLATE",
)
# The library's environment variables: a site may copy them into its settings as they are.
_ENVIRONMENT_NAMES = ("USWDS_FEEDBACK_DB", "USWDS_FEEDBACK_SECRET")
_SETTING_PREFIX = "USWDS_"
# How close a name's part after the prefix must be to a setting's (difflib's ratio): REGION,
# ASSET_URL and FEEDBACK_TEMPLATES are caught; a site's own USWDS_THEME or USWDS_AGENCY is not.
_MISSPELT_SETTING = 0.8


def misspelt_setting(name: str, known: tuple[str, ...] = SETTINGS) -> str | None:
    """The setting in `known` that `name`, another USWDS_ name, looks like a misspelling of."""
    if not name.startswith(_SETTING_PREFIX) or name in known or name in _ENVIRONMENT_NAMES:
        return None
    import difflib  # here: only an app's start reads settings

    suffixes = [setting.removeprefix(_SETTING_PREFIX) for setting in known]
    close = difflib.get_close_matches(
        name.removeprefix(_SETTING_PREFIX), suffixes, n=1, cutoff=_MISSPELT_SETTING
    )
    return _SETTING_PREFIX + close[0] if close else None

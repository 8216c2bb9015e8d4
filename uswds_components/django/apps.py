"""The app Django loads: its `path` is the uswds_components package, so Django's
AppDirectoriesFinder serves and collects `uswds_components/static/`: `uswds/css/uswds.min.css`,
`uswds-components/page-feedback.js` and the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.core import checks

from .. import assets
from ..errors import misspelt_setting


class USWDSConfig(AppConfig):
    name = "uswds_components.django"
    label = "uswds_components"
    verbose_name = "USWDS components"
    # The package folder, not this subpackage's: static/ lives beside the templates.
    path = str(Path(assets.__file__).resolve().parent)

    def ready(self) -> None:
        checks.register(check_bundled_assets, checks.Tags.staticfiles)
        checks.register(check_setting_names)


def check_bundled_assets(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """E001 when the package was installed without its USWDS assets (nothing to collect)."""
    try:
        assets.path()
    except assets.AssetsMissing as error:
        return [checks.Error(str(error), id="uswds_components.E001")]
    return []


def check_setting_names(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """E002 for each setting that looks like a misspelt one of ours (USWDS_REGION): it would
    be read by nothing."""
    from django.conf import settings

    found = []
    for name in dir(settings):
        close = misspelt_setting(name)
        if close is not None:
            found.append(
                checks.Error(
                    f"{name} is not a uswds_components setting",
                    hint=f"Did you mean {close}?",
                    id="uswds_components.E002",
                )
            )
    return found

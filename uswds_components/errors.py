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

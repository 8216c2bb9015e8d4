"""Build the agency landing page, a disaster-assistance program's home, from uswds-components.

    python -m uswds_components.agency_landing.build [OUT]   (default build/examples/agency_landing)

OUT is self-contained: index.html (English), es/index.html (Spanish) and the assets beside them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from uswds_components.example_pages import AGENCY_LANDING

DEFAULT_OUT = Path("build/examples/agency_landing")

if __name__ == "__main__":
    AGENCY_LANDING.build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)

"""An agency's landing page for one program, built from uswds-components (see build.py)."""

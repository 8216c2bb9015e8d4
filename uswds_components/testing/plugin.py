"""pytest plugin (entry point `pytest11`): fixtures for checking a site's pages (placeholder)."""

"""Icons, stylesheets and other files shipped with the application (importable as immersion.resources)."""

"""The shipped Jinja templates (installed as the ``journal.templates`` package)."""

"""Minna Portal: the front end of a Japanese government digital-services portal."""

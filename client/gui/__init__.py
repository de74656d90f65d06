"""The desktop window: a thin Qt face over client.core (which never imports Qt)."""

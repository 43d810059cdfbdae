"""The HTTP API and web page of minutes."""

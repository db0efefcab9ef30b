"""Render the report data as HTML and Markdown, and redact it for publishing."""

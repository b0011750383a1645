"""The `fitrec` command line (Typer + Rich); imports no web or database stack at start."""

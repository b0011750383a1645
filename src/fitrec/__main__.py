"""`python -m fitrec` runs the command line."""

from fitrec.cli.main import main

main()

"""Every subcommand, one module each exposing `command` (as pre-commit's commands/), registered
in mdnet.cli; the options they share are in options.py, the one exit point in runner.py."""

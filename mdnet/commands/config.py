"""`mdnet config`: the JSON Schema of mdnet.toml, for editors (Taplo, Even Better TOML)."""

from __future__ import annotations

import click

from mdnet.app import Outcome
from mdnet.commands.runner import run
from mdnet.errors import UsageError

EPILOG = """
\b
Examples:
  mdnet config --schema > mdnet.schema.json     # then `#:schema ./mdnet.schema.json`
  mdnet config --schema --pyproject > pyproject.schema.json   # [tool.mdnet] only
  mdnet config --schema-path                    # the schema file shipped in the package
  mdnet check --show-settings                   # the settings in effect, and their origin

\b
See docs/configuration.md ("Completion and checking in your editor").
"""


@click.command("config", epilog=EPILOG)
@click.option("--schema", is_flag=True, help="Print the JSON Schema of mdnet.toml.")
@click.option(
    "--pyproject",
    is_flag=True,
    help="With --schema: a schema for pyproject.toml that checks [tool.mdnet] only.",
)
@click.option(
    "--schema-path", is_flag=True, help="Print where the installed package keeps the schema."
)
@click.pass_context
def command(ctx: click.Context, schema: bool, pyproject: bool, schema_path: bool) -> None:
    """The configuration's JSON Schema, generated from the keys mdnet reads (every key,
    its type, its default and what it does), for completion and checking in an editor."""

    def call() -> Outcome:
        from mdnet import schema as generated

        if schema_path:
            if schema or pyproject:
                raise UsageError("--schema-path goes alone")
            import importlib.resources

            with importlib.resources.as_file(
                importlib.resources.files("mdnet").joinpath(generated.SCHEMA_FILE)
            ) as path:
                return Outcome(f"{path}\n")
        if not schema:
            raise UsageError("say what to print: --schema or --schema-path")
        return Outcome(generated.schema_text(pyproject=pyproject))

    run(ctx, call)

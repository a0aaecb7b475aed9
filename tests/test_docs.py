"""Docs that tests check: every command is in the README with its help."""
from pathlib import Path

import click

from tidings.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "tidings"):
    for name, cmd in group.commands.items():
        yield f"{prefix} {name}", cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix} {name}")


def test_docs_readme_opens_with_the_two_commands():
    head = README[:1500]
    assert "make run" in head and "make test" in head


def test_docs_every_command_is_in_the_readme_and_has_help():
    for path, cmd in _commands(main):
        assert path in README, f"{path} is not documented in README.md"
        assert (cmd.help or "").strip(), f"{path} has no help"

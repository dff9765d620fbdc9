"""The `mktcareers` program: `--version` is answered at once, anything else goes to the CLI."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        # The one answer that needs neither Typer nor the knowledge base.
        from mktcareers import __version__

        sys.stdout.write(f"mktcareers {__version__}\n")
        return
    from mktcareers.cli import app

    app(prog_name="mktcareers")


if __name__ == "__main__":
    main()

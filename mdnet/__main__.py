"""Allow `python -m mdnet`."""

from __future__ import annotations

from mdnet.cli import main

if __name__ == "__main__":
    main()

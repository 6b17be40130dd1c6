"""`python -m accessibility --base-url URL`: see accessibility/cli.py."""

from accessibility.cli import main

raise SystemExit(main())

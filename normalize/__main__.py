"""``python -m normalize`` runs the command."""

import sys

from normalize.cli import main

if __name__ == "__main__":  # worker processes (spawn) import this module too
    sys.exit(main())

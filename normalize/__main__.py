"""``python -m normalize`` runs the command."""

import sys

from normalize.cli import main

sys.exit(main())

"""`python -m immersion`: the same as the `immersion` command."""

import sys

from immersion.cli import main

if __name__ == "__main__":
    sys.exit(main())

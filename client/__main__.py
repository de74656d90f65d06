"""`python -m client` is the `kostra` command line."""

import sys

from client.cli import main

sys.exit(main())

"""`python -m client.gui` is the `kostra-klient` desktop window."""

import sys

from client.gui.app import main

sys.exit(main())

# Debian's python3-locust 2.12.1 reports its version as '' and its master then rejects
# every worker ("An old (pre 2.0) worker tried to connect"). Set the version, then run
# Locust's own main: `python3 locust-wrapper.py -f file.py --master ...`.
import sys

import locust
import locust.runners

locust.__version__ = locust.runners.__version__ = "2.12.1"

import locust.main  # noqa: E402  (must come after the version is set)

sys.exit(locust.main.main())

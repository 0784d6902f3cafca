"""Suite-wide settings."""

import os

# a cold kernel compiles in the foreground during tests: no detached compile outlives a test
# (tests/kernels/test_coldstart.py turns it back on in its own subprocesses)
os.environ["ACCELSIM_NO_BACKGROUND_COMPILE"] = "1"

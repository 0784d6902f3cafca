"""Reports how many inputs of each format the fuzzer tried (tests/fuzz/test_fuzz_inputs.py counts them)."""

from __future__ import annotations

import sys


def pytest_terminal_summary(terminalreporter):
    tried = {}
    for mod in list(sys.modules.values()):
        tried.update(getattr(mod, "FUZZ_TRIED", None) or {})
    if tried:
        terminalreporter.write_line("fuzz inputs tried per format: " +
                                    ", ".join(f"{k} {v}" for k, v in sorted(tried.items())))

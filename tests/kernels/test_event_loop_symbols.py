"""The two copies of the event loop's body (bandwidth stub, DRAM timing step) must compile to different symbols.

With the same qualified name both cached kernels defined the same symbol, and a process that loaded the
bandwidth kernel from the cache and then the timing kernel ran the stub in the timing kernel: every DRAM
transfer took no time (Cambricon-X on pruned LeNet-5 came out 4.6x too fast after a systolic run).
"""

from __future__ import annotations

from accelsim.kernels import event_loop


def test_the_two_loop_bodies_are_named_apart():
    names = {event_loop._run_bandwidth.__qualname__, event_loop._run_timing.__qualname__}
    assert len(names) == 2 and all("<locals>" not in n for n in names)

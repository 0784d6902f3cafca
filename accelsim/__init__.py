"""accelsim: a cycle-level simulator of deep-learning accelerators.

Public API: :func:`simulate`, :func:`lower`, :func:`run_trace`, :func:`load_model`,
:func:`load_arch`, :class:`Result`, :class:`AccelsimError`. Submodules are importable but
not promised stable.
"""

from accelsim.errors import AccelsimError

__version__ = "0.1.0"
__all__ = ["AccelsimError", "Result", "load_arch", "load_model", "lower", "run_trace", "simulate"]


def __getattr__(name: str):
    # lazy: `accelsim --help` must not pay for numpy/simpy/numba imports
    if name in ("simulate", "lower", "run_trace"):
        from accelsim import api
        return getattr(api, name)
    if name == "load_model":
        from accelsim.workload import load_model
        return load_model
    if name == "load_arch":
        from accelsim.registry import load_arch
        return load_arch
    if name == "Result":
        from accelsim.result import Result
        return Result
    raise AttributeError(f"module 'accelsim' has no attribute {name!r}")

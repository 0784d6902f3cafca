"""Numba kernels, each beside its plain twin ``<name>_ref`` (the specification).

A leaf package: imports only numpy and numba. Python objects never enter a kernel; public
wrappers elsewhere unpack dataclasses into arrays.
"""

from accelsim.kernels.cache import install as _install_cache_locator

# before any kernel module is imported: Numba picks a kernel's cache locator when it is decorated
_install_cache_locator()

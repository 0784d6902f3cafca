"""Numba kernels, each beside its plain twin ``<name>_ref`` (the specification).

A leaf package: imports only numpy and numba. Python objects never enter a kernel; public
wrappers elsewhere unpack dataclasses into arrays.
"""

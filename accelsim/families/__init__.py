"""The chip families, one folder each; every folder's ``FAMILY`` is an :class:`accelsim.family.Family`.

The registry (:mod:`accelsim.registry`) finds each sub-package here by name, and families of
other packages through the entry-point group ``accelsim.families``. Nothing outside a family's
folder names it.
"""

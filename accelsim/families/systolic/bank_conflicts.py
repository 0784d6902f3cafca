"""Bank conflicts of a systolic layer from its real access pattern (``array.bank_conflicts: true``).

The per-cycle requests are SCALE-Sim's demand matrices (:func:`accelsim.kernels.sram_trace.buffer_demand`:
which word each array row or column asks each buffer for, cycle by cycle). Each buffer's banks
and ports then say how many cycles each request row really takes
(:func:`accelsim.kernels.sram_banks.bank_conflict_rows`). The three buffers work in parallel,
so a row costs its worst buffer's extra cycles. Words are the layer's operands: activations
(``act_bits``) in the ifmap buffer, weights in the filter buffer, partial sums (``acc_bits``)
in the output buffer; a line is one access of the buffer's ``width_bits``.

A FIFO (``kind: fifo``, and the filter buffer when no kind is given, as the lowering treats it)
is not addressed: its entries leave in the order they were written, which the lowering makes the
order the array shifts them in, so it has no bank conflicts. TPU v1's weight FIFO is one.

The demand matrices keep SCALE-Sim's layouts (filters stored filter by filter, so one preload
row of weights is ``K`` words apart across the columns) and its skew (each array row or column
asks for a different vector in the same cycle, with no de-skew registers in front of the SRAM).
A single-bank scratchpad therefore conflicts heavily; spread it over banks or give the layout
that the hardware really has (tests/families/systolic/test_bank_conflicts.py derives both cases).
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from accelsim.families.systolic.spec import SystolicSpec
from accelsim.kernels.sram_banks import bank_conflict_rows
from accelsim.kernels.sram_trace import DEMAND_DEPENDS, Operands, buffer_demand, fold_order
from accelsim.families.systolic.scalesim_lowering import scalesim_geometry
from accelsim.workload.layer import Layer


def layer_conflict_cycles(layer: Layer, arch: SystolicSpec) -> tuple[int, int]:
    """Extra cycles the layer's bank conflicts cost on ``arch`` (one image; summed over groups).

    Returns ``(preload, stream)``: conflicts while the stationary operand shifts in (the first
    ``rows`` request rows of a WS or IS fold) and while vectors stream (the rest; all of an OS
    fold). The engine lengthens each phase by its share, so preload conflicts hide under the
    previous fold's stream as the preload itself does.
    """
    R, C, df = arch.array.rows, arch.array.cols, arch.array.dataflow
    bufs = ((arch.ifmap, layer.act_bits, arch.ifmap.read_ports),
            (arch.filter, layer.weight_bits, arch.filter.read_ports),
            (arch.ofmap, layer.acc_bits, arch.ofmap.write_ports))
    params = [(max(1, b.width_bits // bits), b.banks, ports) for b, bits, ports in bufs]
    fifo = [(b.kind or default) == "fifo" for b, default in zip(arch.buffers, ("", "fifo", ""))]
    pre_rows = 0 if df == "os" else R
    pre = stream = 0
    # a grouped conv repeats one geometry per group, at the same relative addresses: price it once
    for geom, count in Counter(scalesim_geometry(layer)).items():
        ops = Operands(geom)
        g_pre = g_stream = 0
        # a buffer's demand depends on the row fold, the column fold or both (DEMAND_DEPENDS):
        # price each distinct demand once (a WS layer's ifmap stream once per row fold)
        priced: dict[tuple[int, int, int], np.ndarray] = {}
        for fr, fc in fold_order(geom, R, C, df):
            extra = None
            for b, ((line_words, banks, ports), queue) in enumerate(zip(params, fifo)):
                if queue:
                    continue
                dep = DEMAND_DEPENDS[df][b]
                key = (b, fr if "r" in dep else -1, fc if "c" in dep else -1)
                rows = priced.get(key)
                if rows is None:
                    blk = buffer_demand(ops, R, C, df, fr, fc, b)
                    rows = bank_conflict_rows(np.ascontiguousarray(blk), line_words, banks, ports)
                    if dep != "rc":  # a demand of both folds never comes back: keep only the others
                        priced[key] = rows
                extra = rows if extra is None else np.maximum(extra, rows)
            if extra is not None:
                g_pre += int(extra[:pre_rows].sum())
                g_stream += int(extra[pre_rows:].sum())
        pre += count * g_pre
        stream += count * g_stream
    return pre, stream

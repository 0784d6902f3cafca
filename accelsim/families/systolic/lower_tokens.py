"""Lowering of the transformer ops that move data but compute nothing: embedding gathers and KV-cache appends.

- ``embedding``: each token reads one row of a ``vocab x dim`` table that stays in DRAM, so a step
  moves ``tokens x dim`` bytes, not the table. The rows are a gather: one DMA per token at its own
  address (token ids are not known, so row ``i`` is spread over the table by a fixed hash), which a DRAM
  timing model sees as row misses, as a real gather does. Above ``MAX_GATHERS`` tokens a DMA carries a
  run of rows, so a huge batch cannot grow the trace without bound.
- ``embedding_grad`` (training): each token's gradient row is added into its row of the table's gradient,
  which stays in DRAM: a read, an add on the vector unit and a write back per row, at the same hashed rows.
- ``kv_cache``: the new keys or values are appended to the cache in DRAM (one store). The cached tokens
  themselves are read by the attention matmul that consumes them: on a systolic array a matmul's
  stationary operand goes through the weight path, which starts in DRAM, so the whole cache streams
  from DRAM every step. That is TPU v1's case; an array that could keep the cache in its activation
  buffer would need a second path, which this family does not model.
"""

from __future__ import annotations

import math

from accelsim.families.systolic.spec import SystolicSpec
from accelsim.trace import LOAD, STORE, VECTOR, TraceBuilder
from accelsim.workload.layer import Layer
from accelsim.workload.network import INPUT

DRAM = "dram"
MAX_GATHERS = 4096
_SPREAD = 2654435761  # Knuth's multiplicative hash: consecutive tokens land on scattered table rows


def _gathers(tokens: int, vocab: int, row: int) -> list[tuple[int, int]]:
    """``(rows, byte offset in the table)`` of each gather DMA: one per token row up to ``MAX_GATHERS``, beyond
    that each DMA carries a run of rows (the trace stays small); rows land on the table by a fixed hash."""
    n = min(tokens, MAX_GATHERS)
    return [((i + 1) * tokens // n - i * tokens // n, (i * _SPREAD % vocab) * row) for i in range(n)]


def lower_embedding(tb: TraceBuilder, st, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                    resident: bool) -> None:
    """One DMA per token row (``dim x weight_bits / 8`` bytes) from the table in DRAM into the ifmap buffer.

    When the output cannot stay on chip the gathered rows are written back out as the layer's output.
    """
    deps = [d for s in (layer.inputs or (INPUT,)) for d in st.done_ops.get(s, [])]
    row = max(1, math.ceil(layer.out_shape[0] * layer.weight_bits / 8))
    table = st.alloc(layer.vocab * row)
    done = [tb.add(LOAD, "dma_in", li, deps, src=DRAM, dst=arch.ifmap.name, bytes=row * rows, addr=table + off)
            for rows, off in _gathers(layer.out_shape[1] * batch, layer.vocab, row)]
    out_bytes = batch * layer.out_bytes
    st.addr[layer.name] = st.alloc(out_bytes)
    if not resident:
        done = [tb.add(STORE, "dma_out", li, done, src=arch.ifmap.name, dst=DRAM, bytes=out_bytes,
                       addr=st.addr[layer.name])]
    st.done_ops[layer.name] = done
    st.on_chip[layer.name] = resident


def lower_embedding_grad(tb: TraceBuilder, st, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                         resident: bool) -> None:
    """Per token row (``dim x act_bits / 8`` bytes): read the table gradient's row, add the token's gradient on the
    vector unit, write the row back; the output gradient comes from the ifmap buffer (or DRAM if it was spilled)."""
    deps = [d for s in layer.inputs for d in st.done_ops.get(s, [])]
    if layer.inputs and not st.on_chip.get(layer.inputs[0], False):
        deps = [tb.add(LOAD, "dma_in", li, deps, src=DRAM, dst=arch.ifmap.name, bytes=max(1, batch * layer.in_bytes),
                       addr=st.addr.get(layer.inputs[0], 0))]
    row = max(1, math.ceil(layer.out_shape[0] * layer.act_bits / 8))
    table = st.alloc(layer.vocab * row)
    done = []
    for rows, off in _gathers(layer.out_shape[1] * batch, layer.vocab, row):
        addr = table + off
        rd = tb.add(LOAD, "dma_in", li, deps, src=DRAM, dst=arch.ifmap.name, bytes=row * rows, addr=addr)
        add = tb.add(VECTOR, "vector", li, [rd], vops=rows * layer.out_shape[0], src=arch.ifmap.name,
                     dst=arch.ifmap.name, bytes=row * rows)
        done.append(tb.add(STORE, "dma_out", li, [add], src=arch.ifmap.name, dst=DRAM, bytes=row * rows, addr=addr))
    st.addr[layer.name] = table
    st.done_ops[layer.name] = done
    st.on_chip[layer.name] = False


def lower_kv_cache(tb: TraceBuilder, st, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                   resident: bool) -> None:
    """Append the new tokens' keys or values (``batch x T x C`` elements) to the cache in DRAM.

    A new tensor already in DRAM (its producer wrote it out) is appended where it lies: no extra op.
    The layer's output, the whole cache, lives in DRAM for the consuming matmul.
    """
    src = layer.inputs[0]
    cache = st.alloc(batch * (layer.cache_bytes + layer.in_bytes))
    st.addr[layer.name] = cache
    st.on_chip[layer.name] = False
    if not st.on_chip.get(src, False):
        st.done_ops[layer.name] = list(st.done_ops.get(src, []))
        return
    st.done_ops[layer.name] = [tb.add(STORE, "dma_out", li, st.done_ops.get(src, []), src=arch.ifmap.name,
                                      dst=DRAM, bytes=max(1, batch * layer.in_bytes),
                                      addr=cache + batch * layer.cache_bytes)]

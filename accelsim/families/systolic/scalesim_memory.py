"""``--compat scalesim`` memory: SCALE-Sim 3.0.0's USER-mode double-buffered SRAM refill, and where it is wrong.

With ``array.scalesim_refill_words`` set (a SCALE-Sim cfg sets it: in ``InterfaceBandwidth:
USER`` the refill bandwidths, in ``CALC`` reads that never stall and an ofmap draining
``ArrayWidth`` words per cycle, as ``single_layer_sim.py`` sets them), each MAC layer's
stall cycles are SCALE-Sim's, replayed demand row by demand row
(:func:`accelsim.kernels.scalesim_memory.replay_layer`) through its memory model
(``scalesim/memory/``: ``double_buffered_scratchpad_mem.py``, ``read_buffer.py``,
``write_buffer.py``, ``read_port.py``, ``write_port.py``):

* **Read SRAMs** (ifmap, filter) hold half their size *active* and half *prefetching*.
  Before cycle 0 the active half is filled (``ceil(half / bw)`` cycles: SCALE-Sim's
  *prefetch*, which its COMPUTE_REPORT counts only in *Total Cycles (incl. prefetch)*).
  The operand, in SCALE-Sim's prefetch order (fold slices, read anti-diagonally), is cut
  into sets of ``ceil(size / 100)`` words; a request for a word outside the active sets
  swaps in the next half, so an operand larger than its SRAM is re-fetched from DRAM every
  time the demand comes back to it (each WS column fold re-streams the whole ifmap). Each
  refill takes ``ceil(half / bw) + 1`` cycles after the previous refill ended.
* **The ofmap SRAM** collects written words into lines of ``Bandwidth`` words; once the free
  space falls below half, ``ceil(half / Bandwidth)`` lines drain, one line per cycle; a write
  while the drain is still running and no space is left waits for the drain's end.
* A demand row stalls by the largest of the three waits; the layer's *Stall Cycles* is
  their sum, and *Total Cycles* = compute + stall (0-based, as
  :mod:`.scalesim_compat` explains).

The replay reproduces SCALE-Sim's figures exactly, its defects included (goldens:
``tests/parity/scalesim_memory/``). Where SCALE-Sim 3.0.0's stall figure is wrong:

1. **A read stall is counted twice.** ``read_buffer.service_reads`` does
   ``offset += potential_stall_cycles`` and then, when it is positive,
   ``offset += potential_stall_cycles`` again: a row that waits ``w`` cycles for a refill
   is charged ``2 w`` (reported upstream: scalesim-project/SCALE-Sim issue #130).
2. **Early refills give cycles back.** When the refill ended before the request
   (``potential_stall_cycles < 0``) the same line *subtracts* it from the row's offset, so
   later misses on that row are under-charged and the row's ifmap/filter figure can be
   negative (SCALE-Sim then takes the ofmap's, which is never negative).
3. **Refills are not tied to the compute clock.** ``new_prefetch`` starts a refill at the
   end of the previous one (``last_prefetch_cycle + 1``), not when the active half is
   released, so the DRAM runs ahead of the array by as much as the array fell behind,
   and a compute-bound layer that misses often can report no stall at all.
4. **Reads ignore ``Bandwidth``.** In USER mode the ifmap and filter refill at
   ``[layout] IfmapSRAMBankBandwidth`` / ``FilterSRAMBankBandwidth`` (10 if absent), only the
   ofmap write-back at ``Bandwidth`` (``single_layer_sim.py``).
5. **Drains over-credit space.** ``write_buffer.empty_drain_buf`` subtracts the empty slots
   of the *last* drained line only, so a part-filled line in the middle of a drain counts as
   full and the buffer believes it has more free space than it has.
6. **A refill costs a whole half even when it brings in less.** When an operand is larger
   than the active half but not than the whole SRAM, the window can advance only by the
   few sets left (``prefetch_sets < ceil(half / set)``), yet each refill is still charged
   ``ceil(half / bw) + 1`` cycles and ``ceil(half / bw) * bw`` DRAM words. Stall and DRAM
   traffic then *grow* with the SRAM: IS ``conv_a`` of the goldens stalls 140 cycles with
   1 KiB SRAMs and 7150 with 2 KiB (upstream users see DRAM traffic that does not follow
   SRAM size and USER-mode stalls with bandwidth to spare: scalesim-project/SCALE-Sim #27).
7. **A word missing from the prefetch order hangs the replay** (``while not hit:
   new_prefetch()`` never ends; SCALE-Sim #130 reports such addresses). The replay stops
   after one full turn of the window instead; no golden layer reaches it.

:func:`layer_refill` with ``as_scalesim=False`` replays the same model with defects 1 and 2
fixed (a refill wait charged once, nothing given back); ``tests/parity/test_scalesim_memory.py``
holds the default to SCALE-Sim's goldens and the fixed figure to never exceed them, with the
difference where the goldens show read-refill stalls.
"""

from __future__ import annotations

from dataclasses import replace

from accelsim.families.systolic.spec import SystolicSpec

#: LayerInfo counts the compat lowering writes (summed over a layer's groups), then
#: :func:`apply_refill` reads: SCALE-Sim's Stall Cycles; the cycles before cycle 0 its read
#: SRAMs spend on the first fill; its Total Cycles (incl. prefetch); DRAM words moved
COUNTS = ("scalesim_stall_cycles", "scalesim_prefetch_cycles", "scalesim_cycles_incl_prefetch",
          "scalesim_ifmap_dram_words", "scalesim_filter_dram_words", "scalesim_ofmap_dram_words")
STALL_CAUSE = "sram_refill"


def refill_enabled(arch: SystolicSpec) -> bool:
    """Does ``arch`` replay SCALE-Sim's SRAM refill (compat scalesim with ``scalesim_refill_words``)?"""
    return arch.array.compat == "scalesim" and bool(arch.array.scalesim_refill_words)


def layer_refill(geometries: list[tuple[int, ...]], arch: SystolicSpec, as_scalesim: bool = True) -> dict[str, int]:
    """SCALE-Sim's memory figures for one layer (its topology rows, one per group): :data:`COUNTS`.

    Cycles of the array clock; DRAM figures in words (1 byte), as SCALE-Sim counts them
    (whole request lines, padding included). The SRAM sizes are the arch buffers' capacities.
    """
    from accelsim.kernels.scalesim_memory import replay_inputs, replay_layer
    a = arch.array
    sizes = (arch.ifmap.capacity_bytes, arch.filter.capacity_bytes, arch.ofmap.capacity_bytes)
    out = dict.fromkeys(COUNTS, 0)
    for geom in geometries:
        args = replay_inputs(tuple(geom), a.rows, a.cols, a.dataflow, sizes, a.scalesim_refill_words)[:-1] + (
            as_scalesim,)
        res = replay_layer(*args)
        stall, _, _, if_refills, fi_refills, ofmap_words, stop = (int(x) for x in res)
        read = args[12]   # READ_PARAMS rows: ifmap, filter
        bw_i, bw_f = a.scalesim_refill_words[:2]
        prefetch = int(max(read[0, 4], read[1, 4]))
        out["scalesim_stall_cycles"] += stall
        out["scalesim_prefetch_cycles"] += prefetch
        out["scalesim_cycles_incl_prefetch"] += stop + prefetch
        out["scalesim_ifmap_dram_words"] += int(read[0, 4] + if_refills * read[0, 3]) * bw_i
        out["scalesim_filter_dram_words"] += int(read[1, 4] + fi_refills * read[1, 3]) * bw_f
        out["scalesim_ofmap_dram_words"] += ofmap_words
    if not all(a.scalesim_refill_words[:2]):
        # CALC mode: SCALE-Sim's bandwidth-estimating read buffers prefetch on their own schedule
        # (read_buffer_estimate_bw.py, not replayed): no prefetch figure, and the reads move the operand
        for k in ("scalesim_prefetch_cycles", "scalesim_cycles_incl_prefetch", "scalesim_ifmap_dram_words",
                  "scalesim_filter_dram_words"):
            del out[k]
    return out


def apply_refill(result, trace, arch: SystolicSpec):
    """``result`` with each compat MAC layer timed as SCALE-Sim times it: ``cycles = compute + stall``.

    Layers carrying :data:`COUNTS` get SCALE-Sim's stall (cause ``sram_refill``); the others
    keep the engine's cycles; layers are laid end to end again (SCALE-Sim never overlaps
    them). The prefetch before each layer's cycle 0 is not in its cycles: it is reported per
    layer in ``result.dram["scalesim_prefetch_cycles"]`` with SCALE-Sim's *Total Cycles (incl.
    prefetch)* in ``result.dram["scalesim_cycles_incl_prefetch"]``.
    """
    from accelsim.energy import price
    counts = [dict(info.counts) for info in trace.layers]
    if not any("scalesim_stall_cycles" in c for c in counts):
        return result
    layers, clock, prefetch, incl = [], 0, {}, {}
    for layer, c in zip(result.layers, counts):
        if "scalesim_stall_cycles" in c:
            stall = c["scalesim_stall_cycles"]
            cycles = layer.compute_cycles + stall
            energy = dict(layer.energy_pj)
            energy["static"] = price.static_energy_pj(arch, cycles)
            if "leakage" in energy:
                energy["leakage"] = price.leakage_energy_pj(arch, cycles)
            layer = replace(layer, cycles=cycles, stall_cycles=stall, span_cycles=cycles, energy_pj=energy,
                            stall_causes={STALL_CAUSE: stall} if stall else {})
            if "scalesim_prefetch_cycles" in c:
                prefetch[layer.name] = c["scalesim_prefetch_cycles"]
                incl[layer.name] = c["scalesim_cycles_incl_prefetch"]
        layers.append(replace(layer, start_cycle=clock, end_cycle=clock + layer.cycles))
        clock += layer.cycles
    effects = tuple(e for e in result.effects if not e.startswith("DRAM transfers")) + (
        "SCALE-Sim 3.0.0 SRAM refill (double-buffered read SRAMs re-fetch what does not fit, "
        "ofmap drains), replayed demand row by demand row; its stall figure's defects kept "
        "(families/systolic/scalesim_memory.py)",)
    if prefetch:
        effects += (f"prefetch before cycle 0 not in the cycles: {sum(prefetch.values())} cycles in all "
                    "(dram.scalesim_prefetch_cycles per layer)",)
    return replace(result, layers=tuple(layers), effects=effects,
                   dram={**result.dram, "scalesim_prefetch_cycles": prefetch,
                         "scalesim_cycles_incl_prefetch": incl})

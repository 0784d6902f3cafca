"""SCALE-Sim 3.0.0's stall-free compute cycles, in closed form.

``accelsim --compat scalesim`` must count a layer's cycles exactly as SCALE-Sim 3.0.0 (PyPI
``scalesim``, source ``scalesim-project/scale-sim-v3``) does. SCALE-Sim does not count cycles
with a formula: it builds, for each operand, a *demand matrix* with one row per cycle (padded
with ``-1`` for idle cycles and skewed to mimic the systolic wavefront), then replays those
rows one by one through its memory model. This module reproduces the number of rows it builds
and the way its report turns that into cycles, without building anything.

What SCALE-Sim does, and where (paraphrased from the 3.0.0 sources):

1. **Layer shape** (``topology_utils.py``, ``topo_calc_hyperparams``). No padding, one stride
   for both axes, and the output height is ``ceil((H - R + S) / S)`` = ``ceil((H - R) / S) + 1``,
   likewise the width. That rounds *up*: where the stride does not divide ``H - R`` SCALE-Sim
   counts one more output row than a real unpadded convolution (``(H - R) // S + 1``) has,
   e.g. AlexNet's conv1 (224, 11, stride 4) gives 55 x 55 outputs, not 54 x 54. The layer
   becomes a GEMM of
   ``P = out_h * out_w`` output pixels, ``K = filt_h * filt_w * channels`` (the window) and
   ``N = num_filters``; batch is always 1 (``operand_matrix.py``). GEMM-form topologies
   (``-i gemm``, rows ``name, M, N, K``) are read by ``load_arrays_gemm`` as the convolution
   ``ifmap M x K, filter 1 x K, 1 channel, N filters, stride 1``, so ``P = M``.

2. **Spatio-temporal mapping** (``systolic_compute_{os,ws,is}.py``, ``set_params``). With the
   array ``rows x cols`` (ArrayHeight x ArrayWidth), each dataflow puts two GEMM dimensions on
   the array (``Sr`` on rows, ``Sc`` on columns) and streams the third over time ``T``:

   ========  ======  ======  ======
   dataflow   Sr      Sc      T
   ========  ======  ======  ======
   os         P       N       K
   ws         K       N       P
   is         K       P       N
   ========  ======  ======  ======

   The folds are ``ceil(Sr / rows) * ceil(Sc / cols)``, run one after another with no
   overlap; a partly filled last fold costs as much as a full one (its idle rows and columns
   are padded with ``-1`` requests).

3. **Cycles per fold** (the ``create_*_demand_mat`` methods). The OFMAP demand matrix decides
   the count (the memory replay loops over its rows):

   * ``ws`` and ``is``: a prefix of ``2*rows - 1`` idle rows (weight/input tile shifted in, one
     row per cycle, then the first operand crossing the array) plus ``T`` rows of outputs,
     skewed by ``cols - 1``: ``T + 2*rows + cols - 2`` cycles.
   * ``os``: a prefix of ``T - 1`` rows (accumulating), then ``rows`` rows of outputs
     (flipped, bottom array row first), skewed by ``cols - 1``: ``T + rows + cols - 2``
     cycles, which ends exactly when the bottom-right PE does its last MAC. The ``rows``
     output-write cycles stand in for the ``rows - 1`` cycles of input skew down the array,
     so nothing is left for draining: a physical output-stationary array needs up to
     ``rows`` more cycles to shift its results down and out before the next fold can reuse
     the accumulators. SCALE-Sim's OS folds omit that array-height drain (a known upstream
     difference). ``ws``/``is`` folds include their drain (the ``cols - 1`` output skew).

4. **End of layer** (``memory/double_buffered_scratchpad_mem.py``,
   ``service_memory_requests``; ``single_layer_sim.py``, ``calc_report_data``). Row ``i`` of
   the demand matrix is issued at cycle ``i`` plus the stalls so far; COMPUTE_REPORT's
   *Total Cycles* is the issue cycle of the last OFMAP row, a 0-based cycle index, and
   *Stall Cycles* the stalls summed over rows. So ``Total - Stall`` is the number of demand
   rows minus one: ``folds * cycles_per_fold - 1``, one below a hand count of the same
   schedule (users report it upstream: scalesim-project/SCALE-Sim issues #60 and #125). It
   holds with stalls too: the last OFMAP row carries no read request, so any stall on it is
   a write stall that lands in both figures. (The column *Total Cycles (incl.
   prefetch)* is a different figure: DRAM activity from the first prefetch to the last
   OFMAP write-back.)

Everything here is in cycles of the array clock; SCALE-Sim itself has no clock frequency.
"""

from __future__ import annotations

from accelsim.errors import AccelsimError

DATAFLOWS = ("os", "ws", "is")


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _positive(**values: int) -> None:
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise AccelsimError(f"must be a whole number >= 1, got {value!r}", field=name)


def _check_dataflow(dataflow: str) -> str:
    if dataflow not in DATAFLOWS:
        raise AccelsimError(f"must be one of {', '.join(DATAFLOWS)}, got {dataflow!r}",
                            field="dataflow")
    return dataflow


def scalesim_output_size(ifmap: int, filt: int, stride: int) -> int:
    """Output height (or width) in pixels as SCALE-Sim counts it: ``ceil((ifmap - filt) / stride) + 1``.

    SCALE-Sim writes it ``ceil((ifmap - filt + stride) / stride)`` (``topo_calc_hyperparams``).
    It rounds up, so it exceeds the true unpadded size ``(ifmap - filt) // stride + 1`` by one
    whenever ``stride`` does not divide ``ifmap - filt``. Raises :class:`AccelsimError` if the
    filter is larger than the input (SCALE-Sim asserts the same in ``append_topo_arrays``).
    """
    _positive(ifmap=ifmap, filt=filt, stride=stride)
    if filt > ifmap:
        raise AccelsimError(f"filter ({filt}) is larger than the input ({ifmap})", field="filt")
    return _ceil_div(ifmap - filt, stride) + 1


def scalesim_gemm_dims(ifmap_h: int, ifmap_w: int, filt_h: int, filt_w: int, channels: int,
                       num_filters: int, stride: int) -> tuple[int, int, int]:
    """A convolution row of a SCALE-Sim topology as the GEMM ``(M, N, K)`` it simulates.

    ``M`` = output pixels (batch 1, no padding, rounded up as in
    :func:`scalesim_output_size`), ``N`` = filters, ``K`` = window
    ``filt_h * filt_w * channels``.
    """
    _positive(channels=channels, num_filters=num_filters)
    out_h = scalesim_output_size(ifmap_h, filt_h, stride)
    out_w = scalesim_output_size(ifmap_w, filt_w, stride)
    return out_h * out_w, num_filters, filt_h * filt_w * channels


def scalesim_spatiotemporal(M: int, N: int, K: int, dataflow: str) -> tuple[int, int, int]:
    """``(Sr, Sc, T)``: the GEMM dimensions on array rows, on array columns, and over time.

    ``os``: (M, N, K); ``ws``: (K, N, M); ``is``: (K, M, N) -- SCALE-Sim's
    ``calc_spatio_temporal_params`` and the ``set_params`` of each ``systolic_compute_*``.
    """
    _positive(M=M, N=N, K=K)
    return {"os": (M, N, K), "ws": (K, N, M), "is": (K, M, N)}[_check_dataflow(dataflow)]


def scalesim_fold_counts(M: int, N: int, K: int, rows: int, cols: int,
                         dataflow: str) -> tuple[int, int]:
    """``(row_folds, col_folds)``: ``ceil(Sr / rows)`` and ``ceil(Sc / cols)``.

    SCALE-Sim runs ``row_folds * col_folds`` folds, column fold outermost, each to completion
    before the next starts.
    """
    _positive(rows=rows, cols=cols)
    sr, sc, _ = scalesim_spatiotemporal(M, N, K, dataflow)
    return _ceil_div(sr, rows), _ceil_div(sc, cols)


def scalesim_fold_fill_drain(rows: int, cols: int, dataflow: str) -> int:
    """Cycles a fold spends beyond its ``T`` streamed vectors, in SCALE-Sim's count.

    ``ws``/``is``: ``2*rows + cols - 2`` (``rows`` to shift the stationary tile in, ``rows - 1``
    of input skew, ``cols - 1`` for the last column's output to leave). ``os``:
    ``rows + cols - 2`` (skew of both operands; the ``rows`` cycles a physical array needs to
    shift outputs out are not counted).
    """
    _positive(rows=rows, cols=cols)
    if _check_dataflow(dataflow) == "os":
        return rows + cols - 2
    return 2 * rows + cols - 2


def scalesim_fold_cycles(M: int, N: int, K: int, rows: int, cols: int, dataflow: str) -> int:
    """Cycles of every fold of the layer (all folds cost the same): ``T + fill_drain``."""
    _, _, t = scalesim_spatiotemporal(M, N, K, dataflow)
    return t + scalesim_fold_fill_drain(rows, cols, dataflow)


def scalesim_gemm_cycles(M: int, N: int, K: int, rows: int, cols: int, dataflow: str) -> int:
    """SCALE-Sim's stall-free cycles (COMPUTE_REPORT Total Cycles - Stall Cycles) for a GEMM.

    ``M x K`` activations times ``K x N`` weights on a ``rows x cols`` array:
    ``row_folds * col_folds * fold_cycles - 1`` (the ``- 1`` because SCALE-Sim reports the
    0-based index of the last cycle). A GEMM-form topology row ``name, M, N, K`` maps here
    directly.
    """
    row_folds, col_folds = scalesim_fold_counts(M, N, K, rows, cols, dataflow)
    return row_folds * col_folds * scalesim_fold_cycles(M, N, K, rows, cols, dataflow) - 1


def scalesim_compute_cycles(ifmap_h: int, ifmap_w: int, filt_h: int, filt_w: int, channels: int,
                            num_filters: int, stride: int, rows: int, cols: int,
                            dataflow: str) -> int:
    """SCALE-Sim's stall-free cycles for one convolution row of a topology CSV.

    Arguments are the CSV's columns (one stride for both axes, as SCALE-Sim reads it) and the
    cfg's ArrayHeight (``rows``), ArrayWidth (``cols``) and Dataflow. Equals COMPUTE_REPORT's
    Total Cycles minus Stall Cycles for that layer. Rows named ``...DP...``, which SCALE-Sim
    splits into ``channels`` one-channel layers, are one call per channel with
    ``channels=1``.
    """
    M, N, K = scalesim_gemm_dims(ifmap_h, ifmap_w, filt_h, filt_w, channels, num_filters, stride)
    return scalesim_gemm_cycles(M, N, K, rows, cols, dataflow)

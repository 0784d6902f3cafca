"""Array layouts shared by the Cambricon core kernel (:mod:`accelsim.kernels.cambricon_core`) and its twin.

Op indices, unit and space names, the ``cfg`` vector's fields, the per-layer tally and DRAM
ledger columns, and the kernel's status codes.
"""

from __future__ import annotations

#: the ISA's mnemonics, grouped by unit: scalar 0..9, DMA 10..14, matrix 15..17, vector 18..29
OPS = ("NOP", "HALT", "SLI", "SADDI", "SADD", "SSUB", "SMUL", "SLT", "JUMP", "CB",
       "VLOAD", "VSTORE", "MLOAD", "MSTORE", "VLOADZ", "MMV", "VMM", "OP",
       "VMOVE", "VCLR", "VAV", "VSV", "VMV", "VAS", "VMAX", "VGT", "VADDW", "VACT", "VPWL", "VMAW")
(NOP, HALT, SLI, SADDI, SADD, SSUB, SMUL, SLT, JUMP, CB, VLOAD, VSTORE, MLOAD, MSTORE, VLOADZ, MMV, VMM, OPR,
 VMOVE, VCLR, VAV, VSV, VMV, VAS, VMAX, VGT, VADDW, VACT, VPWL, VMAW) = range(len(OPS))
N_OPS = len(OPS)
UNITS = ("matrix", "vector", "dma_nbin", "dma_sb", "dma_nbout")
SPACES = ("dram", "nbin", "sb", "nbout")
CFG = ("rows", "cols", "lanes", "m_stages", "v_stages", "q_matrix", "q_vector", "q_dma", "penalty",
       "free_control", "n_layers", "sp_base", "sp_span", "max_steps", "log", "dram_kind", "frontend",
       "latency", "burst_bytes", "bin_cycles", "max_bins")
(ROWS, COLS, LANES, M_STAGES, V_STAGES, Q_MATRIX, Q_VECTOR, Q_DMA, PENALTY, FREE_CONTROL, N_LAYERS, SP_BASE,
 SP_SPAN, MAX_STEPS, LOG, DRAM_KIND, FRONTEND, LATENCY, BURST_BYTES, BIN_CYCLES, MAX_BINS) = range(len(CFG))
TALLY = ("insns", "dram_read", "dram_write", "mults", "adds", "start", "end")
LEDGER = ("transfers", "first_now", "last_done", "bytes_read", "bytes_written", "bursts_read", "bursts_written",
          "row_hits", "row_misses", "row_conflicts", "activates")
OK, RAN_OFF, TOO_LONG, NO_LAYER, BAD_DMA = range(5)
MASK = 0xFFFF_FFFF
EPS = 1e-9
#: scratchpad effects of one instruction, the layout of the kernel's scratch vector
(E_NR, E_R0, E_NW, E_W0, E_W1, E_DMA, E_DWRITE, E_DROWS, E_DRB, E_DSTRIDE, E_DADDR, E_OCC, E_LAT, E_MULTS,
 E_ADDS) = (0, 1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)

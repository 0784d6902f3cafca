"""The Layer: one node of a network's DAG, with its shape and work.

Shapes are per inference sample, ``(channels, height, width)``; the batch is a simulation
parameter, not part of the IR. A fully connected layer sees its input flattened to
``C*H*W`` features and produces ``(out_features, 1, 1)``. A ``gemm`` layer is SCALE-Sim's GEMM
form: an ``M x K`` activation matrix times a ``K x N`` weight matrix, held as input
``(K, M, 1)`` and output ``(N, M, 1)``. ``matmul`` multiplies two activations (attention),
so it carries no weights; with ``heads`` (held in ``groups``) it is a batch of that many independent
products, operands ``heads x (M x K)`` and ``heads x (K x N)``, output ``(heads*N, M, 1)``.

Token layout: transformer layers hold a sequence of T tokens of D features as ``(D, T, 1)``, so a
``gemm`` with ``m = T`` is a projection applied to every token. ``embedding`` gathers T rows of a
``vocab x dim`` table from DRAM; ``kv_cache`` appends T new keys or values to ``past`` cached tokens,
a tensor that persists across decode steps (output ``(C, past + T, 1)``); ``slice`` keeps the last
``tokens`` tokens (a decoder's logits need only the last one). ``embedding_grad`` (a training step's) adds each
token's gradient row into its row of the table's gradient, which stays in DRAM like the table.

``lrn`` is AlexNet's and GoogLeNet's local response normalisation across channels: each output element
divides its input by ``(k + alpha * sum of squares)^beta`` over a window of ``size`` neighbouring channels at
the same pixel; it runs on a vector unit at ``size`` operations per element (the squares summed; the power
and the division are counted with them, as pooling counts a window's compares).

A training step (:mod:`accelsim.workload.training`) adds backward and update layers, each tagged with its
``phase``. ``sgd_update`` and ``adam_update`` are optimizer updates: element-wise over a layer's ``n`` weights
(held as in and out shape ``(n, 1, 1)``), reading the gradient at ``act_bits`` and a float32 master copy of the
weights with the optimizer's float32 state, writing both back and, for weights narrower than 32 bits, the working
copy at ``weight_bits``. A ``per_batch`` layer runs once per batch, not once per sample (the update, and a weight
gradient whose reduction runs over every sample).

Every count here is per sample: ``macs`` (multiply-accumulates), ``vector_ops`` (element-wise,
pooling and activation operations that run outside a MAC array), ``params`` and bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

Shape = tuple[int, int, int]

#: ops with a weight tensor (conv2d, linear, gemm) and ops that run on a MAC array
WEIGHTED_OPS = frozenset({"conv2d", "linear", "gemm"})
MAC_OPS = frozenset({"conv2d", "linear", "gemm", "matmul"})
POOL_OPS = frozenset({"maxpool", "avgpool"})
ACTIVATIONS = frozenset({"relu", "relu6", "leaky_relu", "sigmoid", "tanh", "hardswish", "softmax", "identity",
                         "gelu", "silu"})
#: optimizer updates: (float32 state tensors per weight, vector operations per weight). SGD with momentum:
#: ``v = mu*v + g; w = w - lr*v``, two multiply-adds. Adam: ``m = b1*m + (1-b1)*g`` (2), ``v = b2*v + (1-b2)*g*g``
#: (3), ``w = w - lr*m/(sqrt(v) + eps)`` (3: root, divide, multiply-add; the bias corrections fold into lr).
UPDATE_OPS = {"sgd_update": (1, 2), "adam_update": (2, 8)}
#: bits of the master copy of the weights and of the optimizer state
MASTER_BITS = 32
#: ops a training step adds that no model file has (layers built by accelsim.workload.training only)
TRAIN_OPS = frozenset(UPDATE_OPS)
#: the phases of a training step, in run order
PHASES = ("forward", "backward", "update")

#: ops that normalise over a token's features (a reduction, then an element-wise pass)
NORM_OPS = frozenset({"softmax", "layernorm", "rmsnorm"})
#: a new view of the same bytes: no data moves
VIEW_OPS = frozenset({"flatten", "reshape", "slice"})
TRANSFORMER_OPS = NORM_OPS | frozenset({"embedding", "embedding_grad", "kv_cache", "transpose", "reshape", "slice"})
OPS = MAC_OPS | POOL_OPS | TRANSFORMER_OPS | frozenset({"add", "mul", "activation", "concat", "upsample", "flatten",
                                                       "lrn"})

#: the ops of CNNs and MLPs: what a chip without a vector unit for transformers can still run
#: (a transpose is a copy, as ShuffleNet's channel shuffle needs: any chip that moves data can run it)
CNN_OPS = OPS - (TRANSFORMER_OPS - VIEW_OPS - {"transpose"})
#: activation functions that need exponentials (a vector unit's transcendental path, not a ReLU clamp)
TRANSCENDENTAL = frozenset({"gelu", "silu"})


def op_kind(layer: "Layer") -> str:
    """What a chip must be able to run for ``layer``: its op, or its activation for GELU and SiLU."""
    if layer.activation in TRANSCENDENTAL:
        return layer.activation
    return layer.op


#: passes each element makes through a vector unit. softmax: max, exp and sum, scale by the
#: reciprocal; layernorm: mean, variance, normalise with the affine; rmsnorm: mean square, normalise.
#: These are the passes of the usual two-reduction kernels; a chip with fused units may need fewer.
VECTOR_PASSES = {"softmax": 3, "layernorm": 3, "rmsnorm": 2}


@dataclass(frozen=True)
class Layer:
    """One operation of a network, with its input and output shapes already inferred.

    ``inputs`` names the producing layers (``"input"`` is the network input). ``kernel``,
    ``stride`` and ``dilation`` are ``(h, w)``; ``padding`` is ``(top, left, bottom, right)``.
    Bit widths are per layer: weights, activations (inputs and outputs) and accumulators.
    ``weight_density`` is the fraction of weights kept (1.0 = dense); ``act_density`` the
    expected fraction of non-zero input activations (used by zero-skipping machines).
    """

    name: str
    op: str
    inputs: tuple[str, ...]
    in_shapes: tuple[Shape, ...]
    out_shape: Shape
    kernel: tuple[int, int] = (1, 1)
    stride: tuple[int, int] = (1, 1)
    padding: tuple[int, int, int, int] = (0, 0, 0, 0)
    dilation: tuple[int, int] = (1, 1)
    groups: int = 1
    bias: bool = False
    activation: str | None = None
    gemm_mkn: tuple[int, int, int] | None = None
    weight_bits: int = 8
    act_bits: int = 8
    acc_bits: int = 32
    weight_density: float = 1.0
    act_density: float = 1.0
    weight_pattern: str = ""  # "" unstructured; "N:M": at most N non-zeros in every M consecutive weights of a row
    vocab: int = 0            # embedding: rows of the table
    past: int = 0             # kv_cache: tokens already cached before this step
    size: int = 0             # lrn: channels in each normalisation window
    tied: str = ""            # gemm/linear: the embedding whose table these weights are (a tied LM head)
    phase: str = "forward"    # forward | backward | update (a training step's part this layer belongs to)
    per_batch: bool = False   # runs once per batch: an optimizer update, or a weight gradient summed over samples

    # ---- GEMM view -----------------------------------------------------------------------
    def gemm_dims(self) -> tuple[int, int, int, int]:
        """``(M, K, N, groups)`` per sample: the layer as ``groups`` GEMMs of ``M x K`` by ``K x N``.

        conv2d is im2col'd: M = output pixels, K = input channels per group x kernel area,
        N = output channels per group. Only defined for MAC ops.
        """
        if self.op == "conv2d":
            c_in = self.in_shapes[0][0]
            c_out, h_out, w_out = self.out_shape
            g = self.groups
            return h_out * w_out, (c_in // g) * self.kernel[0] * self.kernel[1], c_out // g, g
        if self.op == "linear":
            return 1, _numel(self.in_shapes[0]), self.out_shape[0], 1
        if self.op == "gemm":
            assert self.gemm_mkn is not None
            m, k, n = self.gemm_mkn
            return m, k, n, 1
        if self.op == "matmul":
            assert self.gemm_mkn is not None
            m, k, n = self.gemm_mkn
            return m, k, n, self.groups
        raise ValueError(f"layer {self.name!r} ({self.op}) is not a MAC op")

    # ---- work and storage, per sample -----------------------------------------------------
    @property
    def macs(self) -> int:
        """Dense multiply-accumulates per sample (pruning does not change this; see effective_macs)."""
        if self.op not in MAC_OPS:
            return 0
        m, k, n, g = self.gemm_dims()
        return m * k * n * g

    @property
    def effective_macs(self) -> int:
        """MACs left after pruning: ``macs x weight_density``, rounded to whole MACs."""
        return int(round(self.macs * self.weight_density))

    @property
    def weight_count(self) -> int:
        """Number of weight values (excluding bias), dense."""
        if self.op not in WEIGHTED_OPS:
            return 0
        m, k, n, g = self.gemm_dims()
        return k * n * g

    @property
    def params(self) -> int:
        """Weights plus biases (the figure papers quote as 'parameters')."""
        if self.op not in WEIGHTED_OPS:
            return 0
        n_out = self.out_shape[0]
        return self.weight_count + (n_out if self.bias else 0)

    @property
    def weight_bytes(self) -> int:
        """Bytes of stored weights at ``weight_bits``, dense layout, rounded up to whole bytes."""
        return math.ceil(self.weight_count * self.weight_bits / 8)

    @property
    def table_bytes(self) -> int:
        """Bytes of an embedding table (``vocab x dim`` at ``weight_bits``); it stays in DRAM, only rows move."""
        if self.op != "embedding":
            return 0
        return math.ceil(self.vocab * self.out_shape[0] * self.weight_bits / 8)

    @property
    def cache_bytes(self) -> int:
        """Bytes of the past keys or values a ``kv_cache`` layer reads per sample (``past`` tokens)."""
        if self.op != "kv_cache":
            return 0
        return math.ceil(self.out_shape[0] * self.past * self.act_bits / 8)

    @property
    def in_elements(self) -> int:
        """Activation elements read per sample, over all inputs (both operands for matmul)."""
        return sum(_numel(s) for s in self.in_shapes)

    @property
    def out_elements(self) -> int:
        """Activation elements produced per sample."""
        return _numel(self.out_shape)

    @property
    def in_bytes(self) -> int:
        """Input activation bytes per sample at ``act_bits``; for an optimizer update, every byte it reads: the
        gradient, the float32 master weights and the float32 optimizer state."""
        if self.op in UPDATE_OPS:
            n = self.out_elements
            return math.ceil(n * self.act_bits / 8) + n * MASTER_BITS // 8 * (1 + UPDATE_OPS[self.op][0])
        return math.ceil(self.in_elements * self.act_bits / 8)

    @property
    def out_bytes(self) -> int:
        """Output activation bytes per sample at ``act_bits``; for an optimizer update, every byte it writes: the
        float32 master weights and state and, for weights narrower than float32, the working copy."""
        if self.op in UPDATE_OPS:
            n = self.out_elements
            working = math.ceil(n * self.weight_bits / 8) if self.weight_bits < MASTER_BITS else 0
            return n * MASTER_BITS // 8 * (1 + UPDATE_OPS[self.op][0]) + working
        return math.ceil(self.out_elements * self.act_bits / 8)

    @property
    def vector_ops(self) -> int:
        """Element-wise operations per sample for non-MAC layers (compares, adds, activations)."""
        if self.op in POOL_OPS:
            return self.out_elements * self.kernel[0] * self.kernel[1]
        if self.op in ("add", "mul"):
            return self.out_elements * (len(self.inputs) - 1)
        if self.op == "activation":
            return self.out_elements
        if self.op in NORM_OPS:
            return self.out_elements * VECTOR_PASSES[self.op]
        if self.op in ("transpose", "embedding_grad"):
            return self.out_elements  # a copy (or a row added in place) through the vector unit, one element per op
        if self.op == "lrn":
            return self.out_elements * self.size
        if self.op in UPDATE_OPS:  # and one more per weight to round the working copy, when it is narrower
            return self.out_elements * (UPDATE_OPS[self.op][1] + (self.weight_bits < MASTER_BITS))
        return 0

    def with_(self, **changes) -> "Layer":
        """A copy with fields replaced (compression passes use this)."""
        return replace(self, **changes)


def _numel(shape: Shape) -> int:
    return shape[0] * shape[1] * shape[2]


def conv_out_size(size: int, kernel: int, stride: int, pad_lo: int, pad_hi: int,
                  dilation: int = 1, ceil_mode: bool = False) -> int:
    """Output length of a convolution or pooling window along one axis (elements).

    ``floor((size + pads - dilation*(kernel-1) - 1) / stride) + 1``; with ``ceil_mode`` (Caffe
    pooling) the division rounds up, but the last window must still start inside the input.
    """
    span = size + pad_lo + pad_hi - dilation * (kernel - 1) - 1
    if span < 0:
        return 0
    if ceil_mode:
        out = -(-span // stride) + 1
        if (out - 1) * stride >= size + pad_lo:
            out -= 1
        return out
    return span // stride + 1

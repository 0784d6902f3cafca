"""Transformer models: a block description in YAML becomes a Network for one phase of inference.

A transformer model YAML has a ``transformer:`` block instead of ``layers``::

    name: gpt2
    source: Radford et al. 2019 (GPT-2 small)
    transformer: {kind: decoder, layers: 12, d_model: 768, heads: 12, d_ff: 3072, vocab: 50257,
                  max_seq: 1024, norm: layernorm, act: gelu, mlp: standard, seq: 512, context: 1024}

and :func:`build_transformer` lays out the layers for a :class:`Tokens` request:

- ``prefill``: ``seq`` tokens at once (a prompt). ``context``, the attention window after the step,
  is ``seq`` unless a cached prefix comes first. Attention is computed as the full ``seq x context``
  rectangle, as dense hardware runs a causal mask; the logits cover the last token only.
- ``decode``: ``seq`` new tokens (1 unless drafting several) with ``context - seq`` tokens already
  cached: every layer reads them from its KV cache and appends the new keys and values.

Tokens are laid out ``(features, tokens, 1)``. Attention with ``kv_heads < heads`` (grouped-query
attention) stacks the ``heads / kv_heads`` query heads that share a key head as rows of one product,
so each cached key and value is read once per group, as GQA kernels do. Left out, each small next to
the matrix work and stated here so nobody counts on them: rotary position encoding (Llama), the
token-type embedding (BERT), ViT's class token (196 tokens are run, not 197), biases' adds, dropout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from accelsim import schema
from accelsim.errors import AccelsimError
from accelsim.workload.limits import MAX_DIM
from accelsim.workload.network import Network, build_network

PHASES = ("prefill", "decode")
#: blocks a model may stack (the largest published models have ~100-200); each block is ~20 layers
MAX_BLOCKS = 10_000
_KEYS = ("kind", "layers", "d_model", "heads", "kv_heads", "d_ff", "vocab", "max_seq", "norm", "norm_position",
         "act", "mlp", "seq", "context", "patch", "image", "classes", "bias", "tied")


@dataclass(frozen=True)
class TransformerSpec:
    """The shape of a transformer: ``kind`` is ``decoder`` (causal, KV cache), ``encoder`` or ``vision``.

    ``seq`` is the default prompt / sequence length (tokens) and ``context`` the default attention window
    of a decode step (cached tokens plus the new one). ``vision`` models take an image of ``image`` (C, H, W) cut into
    ``patch`` x ``patch`` patches and end in a ``classes``-way head.
    """

    kind: str
    layers: int
    d_model: int
    heads: int
    kv_heads: int
    d_ff: int
    vocab: int
    max_seq: int
    norm: str = "layernorm"
    norm_position: str = "pre"
    act: str = "gelu"
    mlp: str = "standard"
    seq: int = 128
    context: int = 0
    patch: int = 0
    image: tuple[int, int, int] = (3, 224, 224)
    classes: int = 1000
    bias: bool = True
    tied: bool = False  # a decoder's LM head is the token table (GPT-2): one tensor, updated once in training

    @property
    def head_dim(self) -> int:
        """Features per attention head."""
        return self.d_model // self.heads


@dataclass(frozen=True)
class Tokens:
    """What to run: a ``phase`` of ``seq`` new tokens ending an attention window of ``context`` tokens.

    ``None`` takes the model's default (prefill: its ``seq``, context = seq; decode: 1 token, its ``context``).
    """

    phase: str = "prefill"
    seq: int | None = None
    context: int | None = None

    def suffix(self) -> str:
        """The ``@phase[:seq=N][:context=L]`` form that :func:`split_model_spec` reads back."""
        parts = [self.phase] + [f"{k}={v}" for k, v in (("seq", self.seq), ("context", self.context)) if v is not None]
        return "@" + ":".join(parts)


_SPEC = re.compile(r"^(?P<name>.+)@(?P<phase>[a-z]+)(?P<rest>(:[a-z]+=[^:@]*)*)$")


def split_model_spec(text: str) -> tuple[str, Tokens | None]:
    """``"gpt2@decode:context=1024"`` -> ``("gpt2", Tokens("decode", None, 1024))``; no ``@``: no Tokens."""
    m = _SPEC.match(text)
    if not m:
        tail = text.rsplit("@", 1)[-1]
        if "@" in text and not any(c in tail for c in "/.\\"):  # not a path that holds an @
            raise AccelsimError(f"{text!r}: write MODEL@PHASE[:seq=N][:context=L], PHASE one of "
                                f"{', '.join(PHASES)} (e.g. gpt2@decode:context=1024)", field="--model")
        return text, None
    phase = m["phase"]
    if phase not in PHASES:
        raise AccelsimError(f"phase {phase!r}; allowed: {', '.join(PHASES)}", field="--model")
    vals: dict[str, int] = {}
    for item in filter(None, m["rest"].split(":")):
        key, _, value = item.partition("=")
        if key not in ("seq", "context"):
            raise AccelsimError(f"{key!r} in {text!r}; allowed: seq, context", field="--model")
        try:
            vals[key] = int(value)
        except ValueError:
            raise AccelsimError(f"{key}={value!r} in {text!r}: must be an integer", field="--model") from None
    return m["name"], Tokens(phase, vals.get("seq"), vals.get("context"))


def with_tokens(model: str | None, phase: str | None, seq: int | None, context: int | None) -> str | None:
    """``model`` with the ``@phase`` suffix the CLI flags ``--phase/--seq/--context`` ask for (unchanged if none)."""
    given = {"phase": phase, "seq": seq, "context": context}
    if all(v is None for v in given.values()):
        return model
    flag = "--" + next(k for k, v in given.items() if v is not None)
    if not model:
        raise AccelsimError("needs --model (a transformer such as gpt2)", field=flag)
    if "@" in model:
        raise AccelsimError(f"the phase is already in --model {model}; give it one way", field=flag)
    return model + Tokens(phase or "prefill", seq, context).suffix()


def read_spec(raw: Any) -> TransformerSpec:
    """A :class:`TransformerSpec` from a YAML ``transformer:`` mapping; errors name ``transformer.<field>``."""
    schema.check_keys(raw, "transformer", ("kind", "layers", "d_model", "heads", "d_ff"), _KEYS)
    f = "transformer."
    kind = schema.choice(raw["kind"], f + "kind", ("decoder", "encoder", "vision"))
    ints = {k: _bounded(raw[k], f + k) for k in ("d_model", "heads", "d_ff")}
    ints["layers"] = schema.pos_int(raw["layers"], f + "layers")
    if ints["layers"] > MAX_BLOCKS:
        raise AccelsimError(f"{ints['layers']:,} blocks; at most {MAX_BLOCKS:,}", field=f + "layers")
    heads = ints["heads"]
    kv = _bounded(raw.get("kv_heads", heads), f + "kv_heads")
    if ints["d_model"] % heads:
        raise AccelsimError(f"d_model {ints['d_model']} is not a multiple of heads {heads}", field=f + "heads")
    if heads % kv:
        raise AccelsimError(f"heads {heads} is not a multiple of kv_heads {kv}", field=f + "kv_heads")
    vocab = _bounded(raw.get("vocab", 1), f + "vocab")
    max_seq = _bounded(raw.get("max_seq", 512), f + "max_seq")
    seq = _bounded(raw.get("seq", min(128, max_seq)), f + "seq")
    context = _bounded(raw.get("context", 0), f + "context", minimum=0)
    patch = _bounded(raw.get("patch", 1), f + "patch") if kind == "vision" else 0
    image = tuple(_bounded(v, f + "image") for v in _list(raw.get("image", (3, 224, 224)), f + "image"))
    if kind == "vision" and (len(image) != 3 or image[1] % patch or image[2] % patch):
        raise AccelsimError(f"image {list(image)} must be [C, H, W] with H and W multiples of patch {patch}",
                            field=f + "image")
    return TransformerSpec(
        kind=kind, kv_heads=kv, vocab=vocab, max_seq=max_seq, seq=seq, context=context, patch=patch,
        image=image,  # type: ignore[arg-type]
        norm=schema.choice(raw.get("norm", "layernorm"), f + "norm", ("layernorm", "rmsnorm")),
        norm_position=schema.choice(raw.get("norm_position", "pre"), f + "norm_position", ("pre", "post")),
        act=schema.choice(raw.get("act", "gelu"), f + "act", ("gelu", "silu", "relu")),
        mlp=schema.choice(raw.get("mlp", "standard"), f + "mlp", ("standard", "gated")),
        classes=_bounded(raw.get("classes", 1000), f + "classes"),
        bias=schema.boolean(raw.get("bias", True), f + "bias"),
        tied=schema.boolean(raw.get("tied", False), f + "tied"), **ints)


def _bounded(value: Any, fld: str, minimum: int = 1) -> int:
    """A positive integer no larger than one tensor side may be (the workload limits' bound)."""
    n = schema.pos_int(value, fld, minimum=minimum)
    if n > MAX_DIM:
        raise AccelsimError(f"{n:,} is larger than any tensor side accelsim holds ({MAX_DIM:,})", field=fld)
    return n


def _list(value: Any, fld: str) -> list:
    if not isinstance(value, (list, tuple)):
        raise AccelsimError(f"must be [C, H, W], got {value!r}", field=fld)
    return list(value)


def resolve(spec: TransformerSpec, tokens: Tokens | None) -> tuple[str, int, int]:
    """``(phase, new tokens, cached tokens)`` for ``tokens`` on ``spec``, checked against its positions."""
    t = tokens or Tokens()
    if spec.kind != "decoder":
        if t.phase != "prefill" or t.context is not None:
            raise AccelsimError(f"an {spec.kind} runs whole sequences: use prefill (or no phase) and no context",
                                field="--phase")
        if spec.kind == "vision" and t.seq is not None:
            raise AccelsimError("a vision transformer's tokens come from its image size and patch", field="--seq")
    seq = t.seq if t.seq is not None else (1 if t.phase == "decode" else spec.seq)
    context = t.context if t.context is not None else (spec.context if t.phase == "decode" else seq)
    if seq < 1:
        raise AccelsimError(f"must be >= 1, got {seq}", field="--seq")
    if context < seq:
        raise AccelsimError(f"the attention window ({context} tokens) must hold the {seq} new token(s)",
                            field="--context")
    if spec.kind != "vision" and context > spec.max_seq:
        raise AccelsimError(f"{context} tokens; the model holds at most {spec.max_seq} positions",
                            field="--context" if t.context is not None else "--seq")
    return t.phase, seq, context - seq


def build_transformer(name: str, spec: TransformerSpec, tokens: Tokens | None = None, *, source: str = "",
                      defaults: dict | None = None, file: str | None = None) -> Network:
    """The Network that runs ``tokens`` (phase, new tokens, cached tokens) through ``spec``, per sample."""
    phase, T, past = resolve(spec, tokens)
    d, h, kv, dh = spec.d_model, spec.heads, spec.kv_heads, spec.head_dim
    g = h // kv
    b = {"bias": True} if spec.bias else {}
    L: list[dict] = []

    def add(**layer: Any) -> str:
        L.append(layer)
        return layer["name"]

    if spec.kind == "vision":
        c, hh, ww = spec.image
        T = (hh // spec.patch) * (ww // spec.patch)
        x = add(name="patch_embed", op="conv2d", out=d, kernel=spec.patch, stride=spec.patch, **b)
        x = add(name="tokens", op="reshape", shape=[d, T, 1], inputs=[x])
        in_shape = list(spec.image)
    else:
        in_shape = [1, T, 1]  # token ids
        x = add(name="embed", op="embedding", vocab=spec.vocab, dim=d)
        if spec.norm == "layernorm":  # learned absolute positions (GPT-2, BERT); Llama rotates q, k instead
            pos = add(name="embed_pos", op="embedding", vocab=spec.max_seq, dim=d, inputs=["input"])
            x = add(name="embed_add", op="add", inputs=[x, pos])
        if spec.norm_position == "post":
            x = add(name="embed_norm", op=spec.norm, inputs=[x])
    S = past + T
    for i in range(spec.layers):
        p = f"l{i}."

        def norm(tag: str, src: str) -> str:
            return add(name=p + tag, op=spec.norm, inputs=[src])
        a_in = norm("norm1", x) if spec.norm_position == "pre" else x
        q = add(name=p + "q", op="gemm", m=T, k=d, n=d, inputs=[a_in], **b)
        k = add(name=p + "k", op="gemm", m=T, k=d, n=kv * dh, inputs=[a_in], **b)
        v = add(name=p + "v", op="gemm", m=T, k=d, n=kv * dh, inputs=[a_in], **b)
        if spec.kind == "decoder":
            k = add(name=p + "k_cache", op="kv_cache", past=past, inputs=[k])
            v = add(name=p + "v_cache", op="kv_cache", past=past, inputs=[v])
        s = add(name=p + "scores", op="matmul", heads=kv, m=T * g, k=dh, n=S, inputs=[q, k])
        s = add(name=p + "softmax", op="softmax", inputs=[s])
        o = add(name=p + "attn", op="matmul", heads=kv, m=T * g, k=S, n=dh, inputs=[s, v])
        o = add(name=p + "proj", op="gemm", m=T, k=d, n=d, inputs=[o], **b)
        x = add(name=p + "add1", op="add", inputs=[o, x])
        if spec.norm_position == "post":
            x = norm("norm1", x)
        m_in = norm("norm2", x) if spec.norm_position == "pre" else x
        if spec.mlp == "gated":
            gate = add(name=p + "gate", op="gemm", m=T, k=d, n=spec.d_ff, inputs=[m_in], **b)
            up = add(name=p + "up", op="gemm", m=T, k=d, n=spec.d_ff, inputs=[m_in], **b)
            gate = add(name=p + "act", op="activation", fn=spec.act, inputs=[gate])
            hid = add(name=p + "gated", op="mul", inputs=[gate, up])
        else:
            hid = add(name=p + "fc1", op="gemm", m=T, k=d, n=spec.d_ff, inputs=[m_in], **b)
            hid = add(name=p + "act", op="activation", fn=spec.act, inputs=[hid])
        o = add(name=p + "fc2", op="gemm", m=T, k=spec.d_ff, n=d, inputs=[hid], **b)
        x = add(name=p + "add2", op="add", inputs=[o, x])
        if spec.norm_position == "post":
            x = norm("norm2", x)
    if spec.norm_position == "pre":
        x = add(name="norm_f", op=spec.norm, inputs=[x])
    if spec.kind == "decoder":
        if T > 1:
            x = add(name="last", op="slice", tokens=1, inputs=[x])
        add(name="lm_head", op="gemm", m=1, k=d, n=spec.vocab, inputs=[x], **({"tied": "embed"} if spec.tied else {}))
    elif spec.kind == "vision":
        x = add(name="pool", op="avgpool", **{"global": True}, inputs=[x])
        add(name="head", op="linear", out=spec.classes, inputs=[x], **b)
    label = name + (Tokens(phase, T, S).suffix() if spec.kind == "decoder" else
                    f"@prefill:seq={T}" if spec.kind == "encoder" else "")
    return build_network(label, in_shape, L, defaults=defaults, source=source, file=file)

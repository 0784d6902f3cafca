"""Compression passes: Network (+ optional weights) in, Network (+ weights) and a PassRecord out.

Every pass is a pure function ``(net, weights | None, **params) -> (net', weights' | None,
PassRecord)``, so passes compose; :func:`apply_passes` runs a list of them. The command
line names passes with short specs, parsed by :func:`parse_pass_spec`::

    spec   := body ["@" layer {"," layer}]          # "@" limits the pass to named layers
    --quantize   w<W>[a<A>][:per-channel|:per-tensor]   W, A in 2, 4, 8, 16   (w4a8, w8a8:per-channel)
                 bwn | xnor | twn[:per-channel] | ffn[:<ratio>][:it<N>]
                 share:<bits>                           (k-means codebook of 2**bits shared weights)
                 admm[:ternary|:pow2:<bits>][:it<N>] | hash[:it<N>]   (codes fitted to the layer's output)
    --prune      magnitude:<sparsity>[:global|:layer]   (magnitude:0.9 = 90 % zeros)
                 nm:<N>:<M>                             (nm:2:4 = 2 of every 4 weights kept, structured)
                 channel:<ratio>                        (channel:0.3 = 30 % of output channels cut)
    --decompose  svd:<ratio> | svd:e<energy> | svd:r<rank> | svd:<layer>=<rank> (svd:fc6=500)
                 tucker2:<ratio> | tucker2:e<energy>
                 cp:<ratio>[:it<N>] | grouped:<G>[:<ratio>]
    --block-conv block:<pixels> | block:g<N> | block:<N>x<N>   (or just <pixels> / g<N> / <N>x<N>)

Without weights a pass transforms shapes, bit widths and densities only, and its record says
so. Weights come from :func:`load_npz_weights`, :func:`load_onnx_weights` (an ONNX model's initializers)
or :func:`synthetic_weights`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from accelsim.compress.admm import POW2_BITS, admm
from accelsim.compress.blockconv import BlockGeometry, block_conv, block_geometry
from accelsim.compress.ffn import ffn, ffn_factorize
from accelsim.compress.functional import run_network
from accelsim.compress.hashing import hashing
from accelsim.compress.lowrank import cp, grouped, svd, tucker2
from accelsim.compress.onnx_weights import load_onnx_weights
from accelsim.compress.prune import (bitmap_bytes, channel_prune, csc_bytes, csr_bytes, magnitude_prune, nm_prune,
                                     relative_index_bytes, sparse_sizes)
from accelsim.compress.quantize import INT_BITS, bwn, quantize_int, twn, xnor
from accelsim.compress.record import Counts, PassRecord
from accelsim.compress.share import kmeans_1d, share
from accelsim.compress.weights import Weights, check_weights, load_npz_weights, synthetic_weights
from accelsim.errors import AccelsimError
from accelsim.workload.network import Network

__all__ = [
    "BlockGeometry", "Counts", "PassRecord", "PassSpec", "Weights", "admm", "apply_passes", "bitmap_bytes", "block_conv",
    "block_geometry", "bwn", "channel_prune", "check_weights", "cp", "csc_bytes", "csr_bytes", "ffn",
    "ffn_factorize", "grouped", "hashing", "kmeans_1d", "load_npz_weights", "load_onnx_weights", "magnitude_prune", "nm_prune", "parse_pass_spec", "quantize_int",
    "relative_index_bytes", "run_network", "share", "sparse_sizes", "svd", "synthetic_weights", "tucker2", "twn", "xnor",
]

KINDS = {
    "quantize": ("w<W>a<A>[:per-channel]", "bwn", "xnor", "twn[:per-channel]", "ffn[:<ratio>][:it<N>]",
                 "share:<bits>", "admm[:ternary|:pow2:<bits>][:it<N>]", "hash[:it<N>]"),
    "prune": ("magnitude:<sparsity>[:global]", "channel:<ratio>", "nm:<N>:<M>"),
    "decompose": ("svd:<ratio>|e<energy>|r<rank>", "tucker2:<ratio>|e<energy>", "cp:<ratio>", "grouped:<G>[:<ratio>]"),
    "block": ("block:<pixels>", "block:g<N>", "block:<N>x<N>"),
}


@dataclass(frozen=True)
class PassSpec:
    """A parsed pass: which function, with which keyword arguments, from which text."""

    text: str
    kind: str
    fn: Callable
    kwargs: tuple[tuple[str, Any], ...]

    def apply(self, net: Network, weights: Weights | None = None, *, seed: int = 0):
        """Run the pass: ``(net', weights', PassRecord)``."""
        return self.fn(net, weights, seed=seed, **dict(self.kwargs))


_INT = re.compile(r"^w(\d+)(?:a(\d+))?(?::(per-channel|per-tensor))?$")


def _num(text: str, what: str, *, lo_open: bool = True, hi_open: bool = False) -> float:
    """A number in (0, 1] by default; ``lo_open=False`` admits 0, ``hi_open`` excludes 1."""
    try:
        v = float(text)
    except ValueError:
        raise AccelsimError(f"{what} must be a number, got {text!r}") from None
    if v < 0 or v > 1 or (lo_open and v == 0) or (hi_open and v == 1):
        raise AccelsimError(f"{what} must be in {'(' if lo_open else '['}0, 1{')' if hi_open else ']'}, got {text}")
    return v


def _int(text: str, what: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise AccelsimError(f"{what} must be a positive integer, got {text!r}")
    return int(text)


def _its(args: list[str], kw: dict, key: str = "iters") -> list[str]:
    rest = []
    for a in args:
        if a.startswith("it") and a[2:].isdigit():
            kw[key] = int(a[2:])
        else:
            rest.append(a)
    return rest


def _parse_body(body: str) -> tuple[str, Callable, dict]:
    m = _INT.match(body)
    if m:
        for bits in m.group(1, 2):
            if bits is not None and int(bits) not in INT_BITS:
                raise AccelsimError(f"bit width must be one of {', '.join(map(str, INT_BITS))}, got {bits}")
        kw = {"weight_bits": int(m.group(1)), "act_bits": int(m.group(2)) if m.group(2) else None,
              "per_channel": m.group(3) == "per-channel"}
        return "quantize", quantize_int, kw
    head, *args = body.split(":")
    if head in ("bwn", "xnor") and not args:
        return "quantize", {"bwn": bwn, "xnor": xnor}[head], {}
    if head == "twn" and args in ([], ["per-channel"], ["per-tensor"]):
        return "quantize", twn, {"per_channel": args == ["per-channel"]}
    if head == "share" and len(args) == 1:
        return "quantize", share, {"bits": _int(args[0], "bits")}
    if head == "admm":
        kw = {}
        rest = _its(args, kw)
        if rest == ["ternary"]:
            kw["constraint"] = "ternary"
        elif len(rest) == 2 and rest[0] == "pow2":
            kw |= {"constraint": "pow2", "bits": _int(rest[1], "pow2 bits")}
            if kw["bits"] not in POW2_BITS:
                raise AccelsimError(f"pow2 bits must be one of {', '.join(map(str, POW2_BITS))}, got {rest[1]}")
        elif rest not in ([], ["binary"]):
            raise AccelsimError(f"admm takes [:ternary|:pow2:<bits>][:it<N>], got {body!r}")
        return "quantize", admm, kw
    if head == "hash":
        kw = {}
        if _its(args, kw, "sweeps"):
            raise AccelsimError(f"hash takes [:it<N>], got {body!r}")
        return "quantize", hashing, kw
    if head == "ffn":
        kw: dict = {}
        rest = _its(args, kw)
        if len(rest) > 1:
            raise AccelsimError(f"ffn takes [:<ratio>][:it<N>], got {body!r}")
        if rest:
            kw["ratio"] = _num(rest[0], "ratio")
        return "quantize", ffn, kw
    if head == "magnitude" and len(args) in (1, 2):
        scope = args[1] if len(args) == 2 else "layer"
        if scope not in ("global", "layer"):
            raise AccelsimError(f"magnitude scope must be global or layer, got {scope!r}")
        return "prune", magnitude_prune, {"sparsity": _num(args[0], "sparsity", lo_open=False, hi_open=True), "scope": scope}
    if head == "nm" and len(args) == 2:
        return "prune", nm_prune, {"keep": _int(args[0], "N"), "group": _int(args[1], "M")}
    if head == "channel" and len(args) == 1:
        return "prune", channel_prune, {"ratio": _num(args[0], "ratio", hi_open=True)}
    if head == "svd" and len(args) == 1 and "=" in args[0]:
        name, _, rank = args[0].partition("=")
        if not name or "," in args[0]:
            raise AccelsimError(f"svd:<layer>=<rank> names one layer (repeat --decompose for more), got {body!r}")
        return "decompose", svd, {"rank": _int(rank, "rank"), "layers": (name,)}
    if head in ("svd", "tucker2") and len(args) == 1:
        a = args[0]
        fn = svd if head == "svd" else tucker2
        if a.startswith("e"):
            return "decompose", fn, {"energy": _num(a[1:], "energy")} | ({"ratio": None} if head == "tucker2" else {})
        if a.startswith("r") and head == "svd":
            return "decompose", fn, {"rank": _int(a[1:], "rank")}
        return "decompose", fn, {"ratio": _num(a, "ratio")}
    if head == "cp" and args:
        kw = {}
        rest = _its(args, kw)
        if len(rest) != 1:
            raise AccelsimError(f"cp takes :<ratio>[:it<N>], got {body!r}")
        return "decompose", cp, kw | {"ratio": _num(rest[0], "ratio")}
    if head == "grouped" and len(args) in (1, 2):
        kw = {"groups": _int(args[0], "groups")}
        if len(args) == 2:
            kw["ratio"] = _num(args[1], "ratio")
        return "decompose", grouped, kw
    if head == "block" and len(args) == 1 and "x" in args[0]:
        gh, _, gw = args[0].partition("x")
        if gh != gw:
            raise AccelsimError(f"block grids are square (2x2, 4x4), got {args[0]!r}")
        return "block", block_conv, {"grid": _int(gh, "grid")}
    if head == "block" and len(args) == 1:
        a = args[0]
        return "block", block_conv, ({"grid": _int(a[1:], "grid")} if a.startswith("g") else {"block": _int(a, "block")})
    raise AccelsimError(f"unknown pass {body!r}; passes: " + "; ".join(" ".join(v) for v in KINDS.values()))


def parse_pass_spec(text: str, kind: str | None = None, *, option: str | None = None) -> PassSpec:
    """Parse one spec (grammar in the module docstring). ``kind`` (quantize, prune, decompose,
    block) restricts the passes accepted; ``option`` (e.g. ``--prune``) names the field in errors."""
    try:
        if not isinstance(text, str) or not text.strip():
            raise AccelsimError(f"must be a pass spec, got {text!r}")
        text = text.strip()
        body, at, names = text.partition("@")
        if kind == "block" and not body.startswith("block"):
            body = f"block:{body}"
        got, fn, kw = _parse_body(body)
        if kind is not None and got != kind:
            raise AccelsimError(f"{body!r} is a {got} pass; this option takes {' | '.join(KINDS[kind])}")
        if at:
            layers = tuple(n for n in names.split(",") if n)
            if not layers:
                raise AccelsimError(f"'@' must be followed by layer names, got {text!r}")
            kw["layers"] = layers
        return PassSpec(text=text, kind=got, fn=fn, kwargs=tuple(sorted(kw.items())))
    except AccelsimError as e:
        raise AccelsimError(e.message, field=option or e.field) from None


def apply_passes(net: Network, weights: Weights | None, specs: Iterable[str | PassSpec], *, seed: int = 0):
    """Run passes in order; returns ``(net', weights', tuple of PassRecord)``."""
    records = []
    for spec in specs:
        ps = spec if isinstance(spec, PassSpec) else parse_pass_spec(spec)
        net, weights, rec = ps.apply(net, weights, seed=seed)
        records.append(rec)
    return net, weights, tuple(records)

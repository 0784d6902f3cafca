"""Workloads: the Layer/Network IR and the loaders that build it (zoo YAML, SCALE-Sim CSV, ONNX)."""

from __future__ import annotations

from pathlib import Path

from accelsim.workload.layer import Layer, Shape
from accelsim.workload.network import Network, build_network

__all__ = ["Layer", "Network", "Shape", "build_network", "load_model"]


def load_model(spec: str | Path) -> Network:
    """A network from a zoo name, a ``.yaml`` network, a SCALE-Sim topology ``.csv`` or an ``.onnx`` file.

    A transformer takes its phase after ``@``: ``gpt2@decode:context=1024``, ``bert_base@prefill:seq=512``
    (see :mod:`accelsim.workload.transformer`).
    """
    from accelsim.workload.transformer import split_model_spec
    text, tokens = split_model_spec(str(spec))
    suffix = Path(text).suffix.lower()
    if suffix in (".yaml", ".yml"):
        from accelsim.workload.zoo import load_yaml_model
        return load_yaml_model(text, tokens)
    if tokens is not None and suffix in (".csv", ".onnx"):
        from accelsim.errors import AccelsimError
        raise AccelsimError(f"a phase applies to transformer model YAMLs, not {suffix} files", field="--model")
    if suffix == ".csv":
        from accelsim.workload.scalesim_csv import load_scalesim_csv
        return load_scalesim_csv(text)
    if suffix == ".onnx":
        from accelsim.workload.onnx_loader import load_onnx
        return load_onnx(text)
    from accelsim.workload.zoo import load_zoo_model
    return load_zoo_model(text, tokens)

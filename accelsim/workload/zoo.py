"""Model files: the built-in zoo (``models/*.yaml``) and user YAML networks.

A model YAML reads::

    name: lenet5
    source: LeCun et al. 1998 (the Caffe variant)
    input: [1, 28, 28]              # channels, height, width per sample
    defaults: {weight_bits: 8, act_bits: 8, acc_bits: 32}
    layers:
      - {name: conv1, op: conv2d, out: 20, kernel: 5}
      - {name: pool1, op: maxpool, kernel: 2}
      - {name: fc1, op: linear, out: 500, activation: relu}

See :mod:`accelsim.workload.network` for every op and field. A transformer model carries a
``transformer:`` block instead of ``layers`` (see :mod:`accelsim.workload.transformer`) and is built
for the phase and token counts asked for.
"""

from __future__ import annotations

from pathlib import Path

from accelsim import schema
from accelsim.errors import AccelsimError
from accelsim.workload.network import Network, build_network
from accelsim.workload.transformer import Tokens, build_transformer, read_spec


def models_dir() -> Path:
    """The directory holding the built-in model YAMLs (inside the wheel, or the source tree)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_models", here.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("accelsim's built-in models directory is missing from this installation")


def zoo_names() -> list[str]:
    """Names of the built-in models, sorted."""
    return sorted(p.stem for p in models_dir().glob("*.yaml"))


def transformer_names() -> list[str]:
    """Names of the built-in transformer models (those with a ``transformer:`` block), sorted."""
    return sorted(p.stem for p in models_dir().glob("*.yaml")
                  if any(line.startswith("transformer:") for line in p.read_text().splitlines()))


def load_yaml_model(path: str | Path, tokens: Tokens | None = None) -> Network:
    """Read a model YAML file into a :class:`Network`; errors name the file and the field.

    ``tokens`` (phase, new tokens, cached tokens) applies to transformer models only.
    """
    path = Path(path)
    label = path.name
    raw = schema.read_yaml(path, "model")
    try:
        optional = ("source", "defaults", "notes", "reference")
        if isinstance(raw, dict) and "transformer" in raw:
            schema.check_keys(raw, "", ("name", "transformer"), optional)
            spec = read_spec(raw["transformer"])
        else:
            schema.check_keys(raw, "", ("name", "input", "layers"), optional)
            spec = None
        defaults = raw.get("defaults") or {}
        schema.check_keys(defaults, "defaults", (), ("weight_bits", "act_bits", "acc_bits"))
    except AccelsimError as e:
        raise e.located(file=label) from None
    if spec is not None:
        return build_transformer(str(raw["name"]), spec, tokens, defaults=defaults,
                                 source=str(raw.get("source", "")), file=label)
    if tokens is not None:
        raise AccelsimError(f"{raw['name']} is not a transformer; a phase, --seq and --context apply to transformer "
                            f"models ({', '.join(transformer_names())})", field="--phase")
    return build_network(str(raw["name"]), raw["input"], raw["layers"], defaults=defaults,
                         source=str(raw.get("source", "")), file=label)


def load_zoo_model(name: str, tokens: Tokens | None = None) -> Network:
    """The built-in model ``name`` (e.g. ``"resnet50"``, ``"gpt2"`` with ``tokens``)."""
    path = models_dir() / f"{name}.yaml"
    if not path.is_file():
        raise AccelsimError(f"unknown model {name!r}; built-in models: {', '.join(zoo_names())} "
                            "(or give a .yaml, .csv or .onnx path)", field="--model")
    return load_yaml_model(path, tokens)

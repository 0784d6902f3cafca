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

See :mod:`accelsim.workload.network` for every op and field.
"""

from __future__ import annotations

from pathlib import Path

from accelsim import schema
from accelsim.errors import AccelsimError
from accelsim.workload.network import Network, build_network


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


def load_yaml_model(path: str | Path) -> Network:
    """Read a model YAML file into a :class:`Network`; errors name the file and the field."""
    path = Path(path)
    label = path.name
    raw = schema.read_yaml(path, "model")
    try:
        schema.check_keys(raw, "", ("name", "input", "layers"), ("source", "defaults", "notes", "reference"))
        defaults = raw.get("defaults") or {}
        schema.check_keys(defaults, "defaults", (), ("weight_bits", "act_bits", "acc_bits"))
    except AccelsimError as e:
        raise e.located(file=label) from None
    return build_network(str(raw["name"]), raw["input"], raw["layers"], defaults=defaults,
                         source=str(raw.get("source", "")), file=label)


def load_zoo_model(name: str) -> Network:
    """The built-in model ``name`` (e.g. ``"resnet50"``)."""
    path = models_dir() / f"{name}.yaml"
    if not path.is_file():
        raise AccelsimError(f"unknown model {name!r}; built-in models: {', '.join(zoo_names())} "
                            "(or give a .yaml, .csv or .onnx path)", field="--model")
    return load_yaml_model(path)

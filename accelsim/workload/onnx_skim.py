"""Read an ``.onnx`` file without its weight bytes.

A model file is one protobuf message, and nearly all of its bytes are the data of big tensors
(initializers, and ``Constant`` nodes' values). accelsim reads only their dimensions, so
:func:`read_without_weights` walks the protobuf wire format of the file, seeks past the data fields of
every tensor of more than ``small_elements`` elements, and returns the rest re-encoded: a valid
``ModelProto`` whose big tensors carry dimensions and data type but no data. The bytes skipped are
never read, so loading VGG-19's 548 MB costs about what loading its graph costs.

Only the messages that hold tensors are descended into (model -> graph -> initializer, node ->
attribute -> tensor or subgraph), and only when longer than ``DESCEND_BYTES``; every other field is
copied as it is. Wire format:
https://protobuf.dev/programming-guides/encoding/ and the field numbers of ``onnx/onnx.proto``.
"""

from __future__ import annotations

import os
from typing import BinaryIO

# message kind -> {field number: kind of the embedded message descended into}
_CHILDREN = {
    "model": {7: "graph"},                                 # ModelProto.graph
    "graph": {1: "node", 5: "tensor"},                     # GraphProto.node, .initializer
    "node": {5: "attribute"},                              # NodeProto.attribute
    "attribute": {5: "tensor", 6: "graph", 10: "tensor", 11: "graph"},  # AttributeProto.t, .g, .tensors, .graphs
    "tensor": {},
}
#: an embedded message shorter than this is copied whole: it cannot hold much weight data, and walking
#: thousands of small nodes field by field in Python costs more than copying them
DESCEND_BYTES = 64 * 1024
_TENSOR_DIMS = 1
_TENSOR_DATA = frozenset({4, 5, 6, 7, 9, 10, 11})  # float/int32/string/int64/raw/double/uint64 data


class SkimError(ValueError):
    """The file is not a well-formed protobuf message (truncated, or not protobuf at all)."""


def read_without_weights(path: str | os.PathLike, small_elements: int) -> bytes:
    """The serialized ModelProto of ``path`` with the data of every tensor over ``small_elements`` elements left out.

    Raises OSError when the file cannot be read and :class:`SkimError` when it is not protobuf.
    """
    with open(path, "rb") as f:
        return _message(f, os.fstat(f.fileno()).st_size, "model", small_elements)


def _message(f: BinaryIO, end: int, kind: str, small: int) -> bytes:
    out = bytearray()
    children = _CHILDREN[kind]
    numel, dims_seen = 1, False
    while f.tell() < end:
        key = _varint(f)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value = _varint(f)
            out += _encode(key) + _encode(value)
            if kind == "tensor" and field == _TENSOR_DIMS:
                numel, dims_seen = numel * value, True
        elif wire in (1, 5):
            out += _encode(key) + _read(f, 8 if wire == 1 else 4)
        elif wire == 2:
            n = _varint(f)
            if f.tell() + n > end:
                raise SkimError("a field runs past the end of its message")
            if kind == "tensor" and field in _TENSOR_DATA and dims_seen and numel > small:
                f.seek(n, os.SEEK_CUR)  # the weight values: never read
                continue
            if field in children and n > DESCEND_BYTES:
                body = _message(f, f.tell() + n, children[field], small)
            else:
                body = _read(f, n)
                if kind == "tensor" and field == _TENSOR_DIMS:  # packed dims
                    numel, dims_seen = numel * _product(body), True
            out += _encode(key) + _encode(len(body)) + body
        else:
            raise SkimError(f"wire type {wire} is not used by ONNX files")
    if f.tell() != end:
        raise SkimError("a message runs past its stated length")
    return bytes(out)


def _read(f: BinaryIO, n: int) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise SkimError("the file ends inside a field")
    return data


def _varint(f: BinaryIO) -> int:
    value = shift = 0
    while True:
        b = f.read(1)
        if not b:
            raise SkimError("the file ends inside a number")
        value |= (b[0] & 0x7F) << shift
        if b[0] < 0x80:
            return value
        shift += 7
        if shift > 63:
            raise SkimError("a number is longer than 64 bits")


def _encode(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _product(packed: bytes) -> int:
    """Product of the varints packed in ``packed`` (a tensor's dims)."""
    total, value, shift = 1, 0, 0
    for b in packed:
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            total, value, shift = total * value, 0, 0
    return total

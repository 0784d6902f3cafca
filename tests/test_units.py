"""units.py: user strings with units <-> plain numbers named by their unit, and report formatting."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accelsim.errors import AccelsimError
from accelsim.units import (format_bytes, format_si, parse_bandwidth, parse_bytes, parse_bytes_float,
                            parse_hz, parse_seconds)


# ---- bytes: KB/MB/GB decimal (SI), KiB/MiB/GiB binary (IEC), as the module docstring states ----

@pytest.mark.parametrize("text, n_bytes", [
    ("512KiB", 512 * 1024),
    ("24MiB", 24 * 2**20),              # TPU v1 Unified Buffer
    ("4MiB", 4 * 2**20),
    ("1GiB", 2**30),
    ("2TiB", 2 * 2**40),
    ("64KB", 64_000),                   # decimal, not 65,536
    ("1MB", 10**6),
    ("3GB", 3 * 10**9),
    ("1TB", 10**12),
    ("100", 100),
    ("100B", 100),
    ("100 bytes", 100),
    ("1 byte", 1),
    ("  8 KiB ", 8192),
    ("64kiB", 65536),                   # prefixes are case-insensitive
    ("64kib", 8192),                    # ... but a lowercase b is a bit: 64 kibibits
    ("10Mb", 1_250_000),                # megabits, as a datasheet writes them
    ("8 bits", 1),
    ("64kB", 64_000),
    ("0.5KiB", 512),
    ("1.5MiB", 1536 * 1024),
    ("1e3", 1000),
    ("2e3KB", 2_000_000),
])
def test_parse_bytes(text, n_bytes):
    assert parse_bytes(text) == n_bytes
    assert isinstance(parse_bytes(text), int)


def test_parse_bytes_plain_numbers_are_bytes():
    assert parse_bytes(4096) == 4096
    assert parse_bytes(4096.0) == 4096
    assert parse_bytes(2**60 + 1) == 2**60 + 1  # exact, not rounded through a float


@pytest.mark.parametrize("bad", [
    "", "KiB", "12 parsecs", "12 Kib/s", "1.3B", "0.0001KB", "12KiB extra", "1,024",
    "1e999", "nan", "inf", 0.5, float("nan"), float("inf"), True, None, [512],
])
def test_parse_bytes_bad(bad):
    with pytest.raises(AccelsimError):
        parse_bytes(bad)


def test_parse_bytes_error_names_the_text_and_the_units():
    with pytest.raises(AccelsimError) as e:
        parse_bytes("12 parsecs")
    assert "'12 parsecs'" in str(e.value)
    assert "KiB" in str(e.value) and "Gb" in str(e.value)


def test_a_lowercase_b_is_a_bit_never_a_byte():
    # a silent 8x once: "10Gb/s" was read as 10 GB/s
    assert parse_bandwidth("10Gb/s") == pytest.approx(1.25e9)
    assert parse_bandwidth("10GB/s") == pytest.approx(1e10)
    assert parse_bandwidth("10gB/s") == pytest.approx(1e10)
    assert parse_bytes("10Mb") * 8 == parse_bytes("10MB")


def test_parse_bytes_must_be_whole():
    with pytest.raises(AccelsimError, match="whole number"):
        parse_bytes("1.5B")
    assert parse_bytes_float("4.2GB") == pytest.approx(4.2e9)


@given(st.integers(min_value=0, max_value=2**40), st.sampled_from(["", "B", "KB", "KiB", "MB", "MiB", "GiB"]))
def test_parse_bytes_scales_whole_numbers(n, unit):
    scale = {"": 1, "B": 1, "KB": 10**3, "KiB": 2**10, "MB": 10**6, "MiB": 2**20, "GiB": 2**30}[unit]
    if n * scale < 2**53:  # exactly representable on the float path
        assert parse_bytes(f"{n}{unit}") == n * scale


# ---- frequency, duration, bandwidth ----------------------------------------------------------

@pytest.mark.parametrize("text, hz", [
    ("700MHz", 700e6),                  # TPU v1 clock
    ("1GHz", 1e9),
    ("0.98 GHz", 0.98e9),               # DianNao
    ("150mhz", 150e6),
    ("32kHz", 32e3),
    ("50Hz", 50.0),
    ("2.5e2MHz", 250e6),
])
def test_parse_hz(text, hz):
    assert parse_hz(text) == pytest.approx(hz, rel=1e-12)


def test_parse_hz_plain_numbers_are_hertz():
    assert parse_hz(7e8) == 7e8
    assert parse_hz(100) == 100.0
    assert isinstance(parse_hz(100), float)


@pytest.mark.parametrize("bad", ["700", "700 M", "MHz", "700MHz/s", "fast", "1e999GHz", True, None,
                                 float("nan"), float("inf")])
def test_parse_hz_bad(bad):
    with pytest.raises(AccelsimError):
        parse_hz(bad)


@pytest.mark.parametrize("text, seconds", [
    ("13.75ns", 13.75e-9),
    ("100ns", 100e-9),
    ("1.5us", 1.5e-6),
    ("1.5µs", 1.5e-6),                  # micro sign U+00B5
    ("1.5μs", 1.5e-6),                  # Greek mu U+03BC
    ("2ms", 2e-3),
    ("3s", 3.0),
    ("250ps", 250e-12),
])
def test_parse_seconds(text, seconds):
    assert parse_seconds(text) == pytest.approx(seconds, rel=1e-12)


def test_parse_seconds_plain_numbers_are_seconds():
    assert parse_seconds(0) == 0.0
    assert parse_seconds(1e-7) == 1e-7


@pytest.mark.parametrize("bad", ["13.75", "13.75 nanoseconds", "ns", "1h", True, None, float("nan")])
def test_parse_seconds_bad(bad):
    with pytest.raises(AccelsimError):
        parse_seconds(bad)


@pytest.mark.parametrize("text, bytes_per_s", [
    ("34GB/s", 34e9),                   # TPU v1 DDR3, Table 2
    ("10GB/s", 10e9),
    ("4.2GB/s", 4.2e9),
    ("12.8 GiB/s", 12.8 * 2**30),
    ("512KiB/s", 512 * 1024),
    ("100/s", 100.0),
    ("1MB/S", 1e6),
])
def test_parse_bandwidth(text, bytes_per_s):
    assert parse_bandwidth(text) == pytest.approx(bytes_per_s, rel=1e-12)


def test_parse_bandwidth_plain_numbers_are_bytes_per_second():
    assert parse_bandwidth(3.4e10) == 3.4e10


@pytest.mark.parametrize("bad", ["34GB", "34Gb/ss", "/s", "GB/s", "34GHz/s", "34GB/ms", True, None, [34],
                                 float("inf")])
def test_parse_bandwidth_bad(bad):
    with pytest.raises(AccelsimError):
        parse_bandwidth(bad)


# ---- formatting ------------------------------------------------------------------------------

@pytest.mark.parametrize("n, text", [
    (0, "0 B"),
    (1023, "1023 B"),
    (1024, "1.0 KiB"),
    (1536, "1.5 KiB"),
    (25165824, "24.0 MiB"),
    (2**30, "1.0 GiB"),
    (3 * 2**40, "3072.0 GiB"),
])
def test_format_bytes(n, text):
    assert format_bytes(n) == text


@pytest.mark.parametrize("value, unit, text", [
    (9.175e13, "OP/s", "91.75 TOP/s"),  # TPU v1 peak
    (452e9, "OP/s", "452.00 GOP/s"),    # DianNao
    (1.5e15, "OP/s", "1.50 POP/s"),
    (7e8, "Hz", "700.00 MHz"),
    (2500, "B/s", "2.50 kB/s"),
    (12.0, "W", "12.00 W"),
    (0.0, "J", "0.00 J"),
])
def test_format_si(value, unit, text):
    assert format_si(value, unit) == text


@given(st.integers(min_value=1, max_value=2**50))
def test_format_bytes_reads_back_within_rounding(n):
    text = format_bytes(n)
    number, unit = text.split()
    back = parse_bytes_float(f"{number}{unit}")
    # one decimal place: off by at most 0.05 of the unit (whole bytes below 1 KiB)
    scale = {"B": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30}[unit]
    assert math.isclose(back, n, abs_tol=0.05 * scale + 1e-9)


def test_energy_and_time_pick_their_prefix_by_size():
    from accelsim.units import format_energy, format_seconds
    assert format_energy(4.2e9) == "4.200 mJ" and format_energy(850) == "850.0 pJ"
    assert format_energy(1.5e6) == "1.500 µJ" and format_energy(2e12) == "2.000 J"
    assert format_seconds(0.0123) == "12.300 ms" and format_seconds(4.5e-7) == "450.0 ns"
    assert format_seconds(2.5) == "2.500 s" and format_seconds(3e-5) == "30.000 µs"

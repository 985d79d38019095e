"""Units of measure: what a unit measures and how to convert between two (with ``pint``).

The quantities component names units as words ("kilometre", "mile per hour",
"degree Celsius", "square kilometre"); :func:`dimension` says what one
measures (length, area, volume, mass, speed, temperature) and :func:`convert`
turns a value from one unit into another; :func:`readings` names the units a
word may stand for ("ton": short, long or metric) and :func:`conversions` turns
a value into another unit under each reading. The registry loads on first use,
and the lexicon's units are named without it, so an article whose measures
need no conversion never pays for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

#: pint dimensionalities → the dimension names frames use.
DIMENSIONS = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[length] / [time]": "speed",
    "[temperature]": "temperature",
}


#: What the quantities lexicon's units measure, as :func:`dimension` reads it from pint (a test
#: checks that the two agree): an article's measures are named without loading pint's registry.
KNOWN_DIMENSIONS: dict[str, Optional[str]] = {
    "acre": "area",
    "barrel": "volume",
    "centilitre": "volume",
    "centimetre": "length",
    "cubic foot": "volume",
    "cubic metre": "volume",
    "degree": None,
    "degree Celsius": "temperature",
    "degree Fahrenheit": "temperature",
    "electronvolt": None,
    "foot": "length",
    "gallon": "volume",
    "gigabyte": None,
    "gigahertz": None,
    "gigawatt": None,
    "gigawatt hour": None,
    "gram": "mass",
    "hectare": "area",
    "inch": "length",
    "kilogram": "mass",
    "kilometre": "length",
    "kilometre per hour": "speed",
    "kilowatt": None,
    "kilowatt hour": None,
    "knot": "speed",
    "litre": "volume",
    "megabyte": None,
    "megahertz": None,
    "megawatt": None,
    "megawatt hour": None,
    "metre": "length",
    "metre per second": "speed",
    "mile": "length",
    "mile per hour": "speed",
    "milligram": "mass",
    "millilitre": "volume",
    "millimetre": "length",
    "nautical mile": "length",
    "ounce": "mass",
    "pound": "mass",
    "square foot": "area",
    "square kilometre": "area",
    "square metre": "area",
    "square mile": "area",
    "terabyte": None,
    "teraelectronvolt": None,
    "ton": "mass",
    "tonne": "mass",
    "watt hour": None,
    "yard": "length",
}


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


def pint_name(unit: str) -> str:
    """A unit as the quantities component names it, as pint reads it: "mile per hour" →
    "mile / hour", "square kilometre" → "kilometre ** 2", "degree Celsius" → "degree_Celsius"."""
    name = unit.strip()
    if name.startswith("square "):
        return f"{pint_name(name[len('square '):])} ** 2"
    if name.startswith("cubic "):
        return f"{pint_name(name[len('cubic '):])} ** 3"
    if " per " in name:
        a, b = name.split(" per ", 1)
        return f"{pint_name(a)} / {pint_name(b)}"
    return name.replace(" ", "_")


@lru_cache(maxsize=256)
def dimension(unit: Optional[str]) -> Optional[str]:
    """What ``unit`` measures: length, area, volume, mass, speed, temperature (else None)."""
    if not unit:
        return None
    if unit in KNOWN_DIMENSIONS:
        return KNOWN_DIMENSIONS[unit]
    return pint_dimension(unit)


def pint_dimension(unit: str) -> Optional[str]:
    """What pint says ``unit`` measures (see :func:`dimension`)."""
    try:
        dims = str(_registry().Quantity(1, pint_name(unit)).dimensionality)
    except Exception:  # pint raises many kinds of error for a name it does not know
        return None
    return DIMENSIONS.get(dims)


def convert(value: float, unit: str, to: str) -> Optional[float]:
    """``value`` in ``unit`` expressed in ``to`` (None when either is unknown or they differ in kind)."""
    try:
        return float(_registry().Quantity(value, pint_name(unit)).to(pint_name(to)).magnitude)
    except Exception:  # unknown unit, or units of different dimensions
        return None


#: Units whose word stands for more than one unit: "ton" (short, long or metric), "gallon"
#: (US or imperial), "mile" (statute or nautical, when the text does not say which).
READINGS: dict[str, tuple[str, ...]] = {
    "ton": ("ton", "long ton", "tonne"),
    "gallon": ("gallon", "imperial gallon"),
    "mile": ("mile", "nautical mile"),
}


def readings(unit: str) -> tuple[str, ...]:
    """The units ``unit`` may stand for as articles use it: itself, and for "ton", "gallon"
    and "mile" the other units written the same way."""
    return READINGS.get(unit, (unit,))


def conversions(value: float, unit: str, to: str) -> list[float]:
    """``value`` in ``unit`` expressed in ``to`` under every reading of both words ("40 tonnes"
    in "ton": as short, long and metric tons); empty when the units differ in kind."""
    out = []
    for a in readings(unit):
        for b in readings(to):
            converted = convert(value, a, b)
            if converted is not None:
                out.append(converted)
    return out


def difference(value: float, unit: str, to: str) -> Optional[float]:
    """A difference of ``value`` degrees of ``unit`` in degrees of ``to``: warming of 2 degrees
    Celsius is 3.6 degrees Fahrenheit (not 35.6 °F)."""
    if dimension(unit) != "temperature" or dimension(to) != "temperature":
        return None
    return convert(value, f"delta {unit}", f"delta {to}")

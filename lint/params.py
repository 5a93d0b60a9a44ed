"""Rule parameters: what a check kind declares it accepts, decoded and checked when rules load.

Kept apart from the kinds so that libraries beside them (user patterns) can raise a ParamError
without importing the checks."""
from __future__ import annotations

from dataclasses import dataclass


class ParamError(ValueError):
    """A rule parameter is wrong; the rule loader adds the file and line."""


@dataclass(frozen=True)
class Param:
    """One parameter a check kind accepts, with the type it is decoded to."""

    type: str  # str, int, float, bool, regex, list, map, map-of-lists
    required: bool = False
    default: object = None
    doc: str = ""

    def decode(self, name: str, value: object) -> object:
        expect = {
            "str": str, "regex": str, "int": int, "float": (int, float), "bool": bool,
            "list": list, "map": dict, "map-of-lists": dict,
        }[self.type]
        if not isinstance(value, expect) or (self.type in ("int", "float") and isinstance(value, bool)):
            raise ParamError(f"parameter '{name}' must be {self.type}, got {type(value).__name__}")
        if self.type == "list" and not all(isinstance(v, str) for v in value):
            raise ParamError(f"parameter '{name}' must be a list of strings")
        if self.type == "map" and not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ParamError(f"parameter '{name}' must map strings to strings")
        if self.type == "map-of-lists":
            for k, v in value.items():
                if not isinstance(k, str) or not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    raise ParamError(f"parameter '{name}' must map strings to lists of strings")
        if self.type == "float":
            value = float(value)
        return value

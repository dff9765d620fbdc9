"""Model objects to plain JSON lists and back, for the cache. Never code, only data."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable

from mktcareers import models


def encode(value):
    """Model objects as nested lists: fields in declaration order, dicts as pairs."""
    if dataclasses.is_dataclass(value):
        return [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return [[encode(key), encode(item)] for key, item in value.items()]
    return value


_DECODERS: dict[object, Callable] = {}


def decoder(hint) -> Callable:
    """A function that rebuilds a value of type `hint` from `encode`'s output.

    It raises ValueError, TypeError or IndexError when the value has another shape.
    """
    if hint in _DECODERS:
        return _DECODERS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint, vars(models))
        names = [f.name for f in dataclasses.fields(hint) if f.init]
        parts = [decoder(hints[name]) for name in names]

        fields = list(zip(names, parts, strict=True))
        new = object.__new__

        def build(value, cls=hint, fields=fields):
            # The values were validated when the cache was written and the models
            # have no __post_init__, so the frozen __init__ (one object.__setattr__
            # per field) is skipped: filling __dict__ directly is several times faster.
            if len(value) != len(fields):
                raise ValueError(f"{cls.__name__}: expected {len(fields)} fields")
            obj = new(cls)
            obj.__dict__.update(
                {name: part(item) for (name, part), item in zip(fields, value, strict=True)}
            )
            return obj

        result = build
    elif origin is tuple:
        item = decoder(args[0])
        result = (
            (lambda value: tuple(value))
            if item is _same
            else (lambda value: tuple(map(item, value)))
        )
    elif origin is dict:
        key, item = decoder(args[0]), decoder(args[1])
        result = lambda value: {key(k): item(v) for k, v in value}  # noqa: E731
    elif origin in (typing.Union, types.UnionType):
        inner = decoder(next(arg for arg in args if arg is not type(None)))
        result = lambda value: None if value is None else inner(value)  # noqa: E731
    else:
        result = _same
    _DECODERS[hint] = result
    return result


def _same(value):
    return value

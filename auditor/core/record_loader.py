"""Read ``pages.jsonl`` lines into PageRecords fast, with the parts pages repeat shared.

``PageRecord.model_validate_json`` builds some forty pydantic models per record (one per link) and
took about 150 µs a record — most of the time a 50,000-page audit spent judging — and the records
held about 19 KB each. Here each decoded line is checked against the types the models declare
(the checks are derived from the model annotations, not written out by hand) and the models are
built without validating a second time. A line that fails a check goes through pydantic's own
validation, so odd or hostile input is accepted or refused exactly as before.

Models whose fields are all plain values (links, list entries, footers, page statistics) are built
once per distinct value and shared: the navigation links and the site footer that repeat on every
page exist once in memory. Records are read-only once loaded; rules never change them.
"""
from __future__ import annotations

import dataclasses
import gzip
import types
import typing
from typing import Any, Callable, Iterator

import orjson
from pydantic import BaseModel, ValidationError

from auditor.core.errors import ConfigError
from auditor.core.models import PageRecord

_SCALARS = (str, int, float, bool, type(None))
_HINTS = typing.get_type_hints


_MISSING = object()          # a field left out is not the same as a field given as null


class _Reject(Exception):
    """The value is not what the model declares: let pydantic judge the whole line."""


Converter = Callable[[Any], Any]


_SHORT = 40     # strings this short repeat across pages (column names, meta values, dates): kept once


def _check_type(expected: type, cache: dict) -> Converter:
    if expected is str:
        strings: dict[str, str] = cache.setdefault(str, {})

        def check_str(value):
            if type(value) is not str:
                raise _Reject
            return strings.setdefault(value, value) if len(value) <= _SHORT else value
        return check_str
    if expected is int:
        def check_int(value):
            if type(value) is not int:
                raise _Reject
            return value
        return check_int
    if expected is float:
        def check_float(value):
            if type(value) not in (int, float):
                raise _Reject
            return float(value)
        return check_float

    def check(value):
        if type(value) is not expected:
            raise _Reject
        return value
    return check


def _converter(annotation, cache: dict) -> Converter:
    """A function that returns the value as the model holds it, or raises _Reject."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is type(None):
        return _check_type(type(None), cache)
    if annotation in (str, int, float, bool):
        return _check_type(annotation, cache)
    if origin is typing.Literal:
        allowed = frozenset(args)

        def literal(value):
            if type(value) is not str or value not in allowed:
                raise _Reject
            return value
        return literal
    if origin in (typing.Union, types.UnionType):
        options = [_converter(arg, cache) for arg in args]
        nullable = type(None) in args
        rest = [conv for arg, conv in zip(args, options) if arg is not type(None)]
        if nullable and len(rest) == 1:             # X | None, the common case: no loop
            only = rest[0]

            def optional(value):
                return None if value is None else only(value)
            return optional

        def union(value):
            if value is None and nullable:
                return None
            for conv in rest:
                try:
                    return conv(value)
                except _Reject:
                    continue
            raise _Reject
        return union
    if origin is list:
        element = _converter(args[0], cache)

        def as_list(value):
            if type(value) is not list:
                raise _Reject
            return [element(v) for v in value]
        return as_list
    if origin is dict:
        key, item = _converter(args[0], cache), _converter(args[1], cache)

        def as_dict(value):
            if type(value) is not dict:
                raise _Reject
            return {key(k): item(v) for k, v in value.items()}
        return as_dict
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_builder(annotation, cache)
    if dataclasses.is_dataclass(annotation):
        return _dataclass_builder(annotation, cache)
    raise TypeError(f"record_loader cannot check {annotation!r}")      # a model change needs a rule here


def _model_builder(model: type[BaseModel], cache: dict) -> Converter:
    fields = [(name, _converter(info.annotation, cache)) for name, info in model.model_fields.items()]
    names = tuple(name for name, _ in fields)
    plain = all(_plain(info.annotation) for info in model.model_fields.values())
    defaults = _defaults(model)
    fields_sets: dict[tuple, set] = cache.setdefault("fields_set", {})

    def build(value):
        if type(value) is not dict:
            raise _Reject
        given = {name: conv(value[name]) for name, conv in fields if name in value}
        names_given = tuple(given)
        fields_set = fields_sets.get(names_given)
        if fields_set is None:
            fields_set = fields_sets[names_given] = set(names_given)
        return _construct(model, defaults, given, fields_set)

    return _shared_by_value(build, names, cache.setdefault(model, {})) if plain else build


def _shared_by_value(build: Converter, names: tuple[str, ...], shared: dict) -> Converter:
    """``build``, but one object per distinct value of ``names``: the navigation links and footers
    that repeat on every page exist once in memory."""
    missing = (_MISSING,) * len(names)

    def build_shared(value):
        if type(value) is not dict:
            raise _Reject
        try:
            key = tuple(map(value.get, names, missing))
            found = shared.get(key)
        except TypeError:                   # an unhashable value: not what the model declares
            raise _Reject from None
        if found is None:
            found = shared[key] = build(value)
        return found
    return build_shared


def _dataclass_builder(cls: type, cache: dict) -> Converter:
    """A slotted dataclass of plain values (a link): built once per distinct value and shared."""
    fields = [(f.name, _converter(f.type if not isinstance(f.type, str) else _HINTS(cls)[f.name], cache),
               f.default is dataclasses.MISSING) for f in dataclasses.fields(cls)]

    def build(value):
        given = {}
        for name, conv, required in fields:
            if name in value:
                given[name] = conv(value[name])
            elif required:
                raise _Reject
        return cls(**given)
    return _shared_by_value(build, tuple(name for name, _, _ in fields), cache.setdefault(cls, {}))


def _defaults(model: type[BaseModel]) -> list[tuple[str, Callable[[], Any]]]:
    """(field, maker of its default) in field order; a fresh list or dict for every record."""
    makers = []
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            makers.append((name, info.default_factory))
        elif info.is_required():
            makers.append((name, None))
        else:
            makers.append((name, (lambda value: lambda: value)(info.default)))
    return makers


def _construct(model: type[BaseModel], defaults, given: dict, fields_set: set) -> BaseModel:
    """What ``model.model_construct(**given)`` does, without its per-call overhead (it was the
    largest single cost of loading): the instance state pydantic itself sets up there. The set of
    fields given is shared by all records that gave the same fields (2 KB each otherwise)."""
    values = {}
    for name, make in defaults:
        if name in given:
            values[name] = given[name]
        elif make is None:
            raise _Reject                   # a required field is missing
        else:
            values[name] = make()
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _plain(annotation) -> bool:
    if annotation in _SCALARS:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return True
    if origin in (typing.Union, types.UnionType):
        return all(_plain(arg) for arg in typing.get_args(annotation))
    return False


# A crawl writes one record a line; a hostile or damaged snapshot is read within these bounds: a
# line longer than MAX_LINE_BYTES (a record of a page of a million links is well under it) is skipped
# and counted as unreadable, and a file of more than MAX_LINES lines (a crawl of 50,000 pages writes
# 50,000 records and, per page, at most GKAUDIT_MAX_CUT_RECORDS cut ones) is refused. 2 MB of gzip
# inflating to 2 GB of newlines, or to one 2 GB line, made ``recheck`` run for minutes or reach 4 GB.
MAX_LINE_BYTES = 64 * 1024 * 1024
MAX_LINES = 2_000_000
_SKIP_CHUNK = 1024 * 1024


def bounded_lines(path, max_lines: int = MAX_LINES, max_line_bytes: int = MAX_LINE_BYTES,
                  on_too_long=lambda: None) -> Iterator[bytes]:
    """The non-empty lines of a ``pages.jsonl.gz`` within the bounds: a line over ``max_line_bytes``
    is skipped (``on_too_long`` is told), more than ``max_lines`` lines is a ConfigError."""
    with gzip.open(path, "rb") as fh:
        lines = 0
        while line := fh.readline(max_line_bytes + 1):
            lines += 1
            if lines > max_lines:
                raise ConfigError(f"抓取快照 {path} 超过 {max_lines} 行，不像 gkaudit 写出的快照（可能已损坏或被篡改），未读取")
            if len(line) > max_line_bytes and not line.endswith(b"\n"):
                on_too_long()
                while (rest := fh.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                    pass                        # the rest of the line, read in pieces and dropped
                continue
            if line.strip():
                yield line


def read_file(path, reader: "RecordReader", max_lines: int = MAX_LINES,
              max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[PageRecord]:
    """The records of a ``pages.jsonl.gz``, line by line; unreadable lines (too long ones included)
    counted in ``reader.bad``. More than ``max_lines`` lines is a ConfigError."""
    def too_long():
        reader.bad += 1
    for line in bounded_lines(path, max_lines, max_line_bytes, too_long):
        if (record := reader.read(line)) is not None:
            yield record


class RecordReader:
    """Turns lines into records; one reader per snapshot, so shared parts are shared within it."""

    def __init__(self) -> None:
        self._build = _model_builder(PageRecord, {})
        self.bad = 0

    def read(self, line: str | bytes) -> PageRecord | None:
        """The record on a line, or None (counted in ``bad``) when the line is not a valid record."""
        try:
            return self._build(orjson.loads(line))
        except (orjson.JSONDecodeError, _Reject, TypeError):
            pass
        try:                                # anything unusual: pydantic judges the line itself
            return PageRecord.model_validate_json(line)
        except ValidationError:
            self.bad += 1
            return None

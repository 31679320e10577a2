"""Front matter YAML, bounded: aliases counted, nesting and expanded size limited, duplicate keys refused.

``yaml.safe_load`` expands aliases without limit (nine levels of ``&x [*y, *y, …]`` make
a billion nodes from 200 bytes), recurses once per nesting level (RecursionError near 300)
and lets a later key silently replace an earlier one. Here the document is composed into
a node graph first (aliases stay shared, so this is linear), checked, and only then built.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_ALIASES = 100
"""Aliases (``*name``) a front matter may use; real ones use a handful."""
MAX_DEPTH = 32
"""Deepest nesting of lists and mappings."""
MAX_NODES = 20_000
"""Values the front matter may hold once every alias is expanded."""


class FrontMatterLimit(yaml.MarkedYAMLError):
    """Front matter over a bound; ``problem`` says which, ``problem_mark`` where."""


class _BoundedLoader(yaml.SafeLoader):
    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise FrontMatterLimit(problem=f"more than {MAX_ALIASES} aliases (*name); write the values out",
                                       problem_mark=self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise FrontMatterLimit(problem=f"values nested more than {MAX_DEPTH} levels deep; flatten them",
                                       problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _expanded_size(node: yaml.Node, sizes: dict[int, int], visiting: set[int]) -> int:
    """Count the values ``node`` stands for with every alias expanded (memoised: linear in the graph)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in visiting:  # a recursive alias: it would expand forever
        raise FrontMatterLimit(problem="an alias refers to itself; write the value out", problem_mark=node.start_mark)
    visiting.add(key)
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, sizes, visiting) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, sizes, visiting) + _expanded_size(v, sizes, visiting) for k, v in node.value)
    visiting.discard(key)
    sizes[key] = min(size, MAX_NODES + 1)
    if size > MAX_NODES:
        raise FrontMatterLimit(problem=f"holds more than {MAX_NODES:,} values once its aliases are expanded; "
                               "write shorter settings", problem_mark=node.start_mark)
    return sizes[key]


def _check_duplicate_keys(node: yaml.Node, seen: set[int]) -> None:
    """Refuse a mapping that names one key twice (YAML would silently keep the last), naming both lines."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
                earlier = first.setdefault(key_node.value, key_node)
                if earlier is not key_node:
                    raise FrontMatterLimit(
                        problem=f"key `{key_node.value[:60]}` is given twice (lines {earlier.start_mark.line + 2} and "
                                f"{key_node.start_mark.line + 2}); keep one",
                        problem_mark=key_node.start_mark)
            _check_duplicate_keys(value_node, seen)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _check_duplicate_keys(child, seen)


def compose_bounded(text: str) -> yaml.Node | None:
    """Compose one YAML document into nodes and check its bounds (aliases, depth, expanded size, duplicate keys).

    Raises :class:`yaml.YAMLError` (with ``problem`` and ``problem_mark``) for invalid or over-limit YAML.
    """
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None:
        _expanded_size(node, {}, set())
        _check_duplicate_keys(node, set())
    return node


def construct(node: yaml.Node | None) -> Any:
    """Build Python values from checked nodes; ``ValueError`` for a value YAML cannot build (2026-11-31)."""
    if node is None:
        return None
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()

"""The graph values a query returns: nodes, relationships and paths.

Cypher values map to Python types both ways:

=================  ==========================================================================
Cypher             Python
=================  ==========================================================================
null               ``None``
boolean            ``bool``
integer            ``int`` (signed 64-bit; larger ints are refused as parameters)
float              ``float``
string             ``str``
date               ``datetime.date``
list               ``list`` (tuples are accepted as parameters)
map                ``dict`` with ``str`` keys
node               :class:`Node`
relationship       :class:`Relationship`
path               :class:`Path`
=================  ==========================================================================

Parameters also accept numpy and pandas scalars (what DataFrame rows hold) and ``pandas.NA``
as null. What has no Cypher counterpart (sets, bytes, arbitrary objects) is refused with an
:class:`InputError` naming the parameter, never converted by guess.

Node, Relationship and Path are plain, immutable-by-convention Python objects holding copies
of what the query read: they stay valid after the result and the database are gone, compare
by value, and can be passed back as parameters.
"""

from collections.abc import Sequence

__all__ = ["Node", "Relationship", "Path"]


def _props_repr(props):
    if not props:
        return ""
    inner = ", ".join(f"{k}: {v!r}" for k, v in props.items())
    return " {" + inner + "}"


class Node:
    """A stored node: ``id`` (int), ``labels`` (list of str), ``properties`` (dict).

    ``node["name"]`` and ``node.get("name")`` read properties; ``node.name`` is the name
    property (None when unset)."""

    __slots__ = ("id", "labels", "properties")

    def __init__(self, id, labels=(), properties=None):  # noqa: A002 - Cypher's word
        self.id = id
        self.labels = list(labels)
        self.properties = dict(properties or {})

    @property
    def name(self):
        return self.properties.get("name")

    def __getitem__(self, key):
        return self.properties[key]

    def get(self, key, default=None):
        """The property ``key``, or ``default`` when it is not set."""
        return self.properties.get(key, default)

    def __eq__(self, other):
        if not isinstance(other, Node):
            return NotImplemented
        return (self.id, self.labels, self.properties) == (other.id, other.labels,
                                                           other.properties)

    def __hash__(self):
        return hash(("node", self.id))

    def __repr__(self):
        labels = "".join(":" + l for l in self.labels)
        return f"Node({self.id}{labels}{_props_repr(self.properties)})"


class Relationship:
    """A stored relationship: ``id``, ``type`` (str), ``start`` and ``end`` (node ids),
    ``properties`` (dict)."""

    __slots__ = ("id", "type", "start", "end", "properties")

    def __init__(self, id, type, start, end, properties=None):  # noqa: A002
        self.id = id
        self.type = type
        self.start = start
        self.end = end
        self.properties = dict(properties or {})

    def __getitem__(self, key):
        return self.properties[key]

    def get(self, key, default=None):
        """The property ``key``, or ``default`` when it is not set."""
        return self.properties.get(key, default)

    def __eq__(self, other):
        if not isinstance(other, Relationship):
            return NotImplemented
        return ((self.id, self.type, self.start, self.end, self.properties) ==
                (other.id, other.type, other.start, other.end, other.properties))

    def __hash__(self):
        return hash(("rel", self.id))

    def __repr__(self):
        return (f"Relationship({self.id}: ({self.start})-[:{self.type}"
                f"{_props_repr(self.properties)}]->({self.end}))")


class Path(Sequence):
    """A path: ``nodes`` (n + 1 Nodes) and ``relationships`` (n Relationships), where
    ``relationships[i]`` joins ``nodes[i]`` and ``nodes[i + 1]`` (in either direction: read
    ``start``/``end`` for the stored one).

    As a sequence (the Neo4j drivers' convention) a path is its relationships: ``len(path)``
    is the number of hops and ``for rel in path`` walks them in order. ``path.start`` and
    ``path.end`` are the first and last nodes."""

    __slots__ = ("nodes", "relationships")

    def __init__(self, nodes, relationships):
        self.nodes = list(nodes)
        self.relationships = list(relationships)

    @property
    def start(self):
        return self.nodes[0]

    @property
    def end(self):
        return self.nodes[-1]

    def __len__(self):
        return len(self.relationships)

    def __getitem__(self, i):
        return self.relationships[i]

    def __eq__(self, other):
        if not isinstance(other, Path):
            return NotImplemented
        return self.nodes == other.nodes and self.relationships == other.relationships

    def __hash__(self):
        return hash(("path", tuple(n.id for n in self.nodes),
                     tuple(r.id for r in self.relationships)))

    def __repr__(self):
        parts = [_node_text(self.nodes[0])]
        for prev, rel, node in zip(self.nodes, self.relationships, self.nodes[1:]):
            forward = rel.start == prev.id
            parts.append(f"-[:{rel.type}]->" if forward else f"<-[:{rel.type}]-")
            parts.append(_node_text(node))
        return "Path(" + "".join(parts) + ")"


def _node_text(node):
    return f"({node.name})" if node.name is not None else f"({node.id})"

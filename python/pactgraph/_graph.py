"""How actors are connected: paths with evidence, the evidence between two actors, the
whole-graph algorithms, and the graph as a NetworkX MultiDiGraph.

The searches and algorithms run in C++ with the GIL released, on the in-memory copy of the
graph that Cypher's shortestPath() and ``CALL algo.*`` use (built once per committed state).
Nodes are named by id (int), by name or alias (str: case, accents and spacing do not matter)
or by a :class:`Node` from a result.
"""

import datetime
import sys

from ._errors import InputError
from ._values import Node

__all__ = ["PathResult", "Evidence", "GraphMethods"]

_ALGO_OPTIONS = {
    # name: (default, type)
    "direction": ("both", str), "damping": (0.85, float), "iterations": (20, int),
    "tolerance": (0.0, float), "samples": (256, int), "sample_above": (5000, int),
    "seed": (42, int), "normalized": (False, bool),
}
# Algorithms whose value is a count or a node id (CALL algo.* yields them as integers too).
_INTEGRAL = ("degree", "wcc", "scc", "community", "kcore")
_FILTER_OPTIONS = ("types", "labels", "avoid", "directed", "since", "until")


class PathResult:
    """One path of :meth:`Database.path`.

    Attributes:
        path: the :class:`Path` (nodes and relationships as stored).
        cost: the number of hops, or the sum of relationship costs when weighted.
        evidence: with ``explain=True``, one list per hop of :class:`Evidence`; else None.
    """

    __slots__ = ("path", "cost", "evidence")

    def __init__(self, path, cost, evidence):
        self.path, self.cost, self.evidence = path, cost, evidence

    @property
    def nodes(self):
        return self.path.nodes

    @property
    def relationships(self):
        return self.path.relationships

    def __len__(self):
        return len(self.path)

    def __repr__(self):
        return f"PathResult({self.path!r}, cost={self.cost:g})"

    def __str__(self):
        """The path hop by hop, with the evidence sentences when there are any."""
        lines = [_describe(self.path.nodes[0])]
        for i, rel in enumerate(self.path.relationships):
            prev, nxt = self.path.nodes[i], self.path.nodes[i + 1]
            arrow = f"-[:{rel.type}]->" if rel.start == prev.id else f"<-[:{rel.type}]-"
            lines.append(f"  {arrow} {_describe(nxt)}")
            for ev in (self.evidence[i] if self.evidence is not None else ()):
                lines.append(f'      "{ev.sentence}"')
                lines.append(f"        — {ev.citation()}")
        return "\n".join(lines)


class Evidence:
    """One sentence behind a relationship.

    Attributes: ``relationship`` (id), ``sentence``, ``modality`` ("actual", "committed" or
    "planned"), ``date`` (ISO text, may be empty), ``begin``/``end`` (byte offsets of the
    sentence in the article) and ``article``: a dict with ``id``, ``title``, ``source``,
    ``date`` and ``file``."""

    __slots__ = ("relationship", "sentence", "modality", "date", "begin", "end", "article")

    def __init__(self, d, articles):
        self.relationship = d["relationship"]
        self.sentence = d["sentence"]
        self.modality = d["modality"]
        self.date = d["date"]
        self.begin, self.end = d["begin"], d["end"]
        self.article = articles.get(d["article"], {"id": d["article"]})

    def citation(self):
        """"Title (publisher, date[, modality])": where the sentence comes from."""
        a = self.article
        meta = [m for m in (a.get("source"), a.get("date")) if m]
        if self.modality and self.modality != "actual":
            meta.append(self.modality)
        return a.get("title", "") + (f" ({', '.join(meta)})" if meta else "")

    def __repr__(self):
        return f"Evidence({self.sentence!r}, {self.modality}, {self.article.get('title')!r})"


class EvidenceListing:
    """What :meth:`Database.evidence` returns: the two actors (``a``, ``b``: Nodes) and
    ``relationships``, a list of ``(Relationship, [Evidence, ...])`` pairs."""

    __slots__ = ("a", "b", "relationships")

    def __init__(self, a, b, relationships):
        self.a, self.b, self.relationships = a, b, relationships

    def __len__(self):
        return len(self.relationships)

    def __iter__(self):
        return iter(self.relationships)

    def to_df(self):
        """One row per evidence sentence: type, source, target, sentence, modality, date,
        title, publisher."""
        import pandas as pd
        names = {self.a.id: self.a.name, self.b.id: self.b.name}
        rows = []
        for rel, evidence in self.relationships:
            for ev in evidence:
                rows.append({"type": rel.type, "source": names.get(rel.start),
                             "target": names.get(rel.end), "sentence": ev.sentence,
                             "modality": ev.modality, "date": ev.date,
                             "title": ev.article.get("title"),
                             "publisher": ev.article.get("source")})
        return pd.DataFrame(rows, columns=["type", "source", "target", "sentence", "modality",
                                           "date", "title", "publisher"])

    def __str__(self):
        if not self.relationships:
            return f"{_describe(self.a)} and {_describe(self.b)} are not directly related"
        out = []
        for rel, evidence in self.relationships:
            start, end = (self.a, self.b) if rel.start == self.a.id else (self.b, self.a)
            out.append(f"{start.name} -[:{rel.type}]-> {end.name}")
            for ev in evidence:
                out.append(f'    "{ev.sentence}"\n      — {ev.citation()}')
        return "\n".join(out)


def _describe(node):
    return f"{node.name} ({', '.join(node.labels)}, id {node.id})"


def _node_arg(x, role):
    if isinstance(x, Node):
        return x.id
    if isinstance(x, bool) or not isinstance(x, (int, str)):
        raise InputError(f"{role}: expected a node id (int), a name (str) or a Node, got "
                         f"{type(x).__name__}", "InvalidArgument")
    return x


def _names(value, what):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        raise InputError(f"{what}: expected a str or a list of str, got "
                         f"{type(value).__name__}", "InvalidArgument") from None
    for item in items:
        if not isinstance(item, str):
            raise InputError(f"{what}: expected str items, got {item!r}", "InvalidArgument")
    return items


def _date_bound(value, what):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a year
    if isinstance(value, str):
        return value
    raise InputError(f"{what}: expected a datetime.date or 'YYYY[-MM[-DD]]', got "
                     f"{type(value).__name__}", "InvalidArgument")


def _filter(types=None, labels=None, avoid=None, directed=False, since=None, until=None):
    return {"types": _names(types, "types"), "labels": _names(labels, "labels"),
            "avoid": _names(avoid, "avoid"), "directed": bool(directed),
            "since": _date_bound(since, "since"), "until": _date_bound(until, "until")}


def _count(value, what, minimum, bits=32):
    """An int option in [minimum, 2**bits): what the C++ field holds."""
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value < 2**bits:
        raise InputError(f"{what}: expected an int from {minimum} to {2**bits - 1}, got "
                         f"{value!r}", "InvalidArgument")
    return value


class GraphMethods:
    """Database methods about the graph's shape (mixed into :class:`Database`)."""

    def path(self, a, b, k=1, weighted=None, types=None, since=None, until=None,
             max_hops=None, explain=False, *, directed=False, labels=None, avoid=None,
             all_shortest=False, limit=1000):
        """How ``a`` is connected to ``b``: a list of :class:`PathResult`, best first (empty
        when there is no path within ``max_hops``).

        Args:
            a, b: node ids, names (or aliases) or Nodes.
            k: the k shortest loopless paths (by hops, or by cost when ``weighted``).
            weighted: None (every hop costs 1), a numeric relationship property, "evidence"
                (well-attested ties are cheap) or "recency" (recent ties are cheap).
            types: relationship types allowed (str or list); None allows all.
            since, until: only relationships dated within [since, until]: datetime.date or
                "YYYY", "YYYY-MM", "YYYY-MM-DD".
            max_hops: the longest path considered (default 6).
            explain: also read the evidence sentences and articles of every hop
                (``PathResult.evidence``; ``print(result)`` shows them).
            directed: follow relationships only in their stored direction.
            labels: inner nodes must have one of these labels; avoid: none of these.
            all_shortest: every path of the fewest hops (at most ``limit``).

        Raises NotFoundError for an unknown name, InputError for an ambiguous one (the
        message lists the candidates), an unknown type or label, or bad options.
        """
        k = _count(k, "k", 1)
        if all_shortest and (k > 1 or weighted):
            raise InputError("all_shortest=True cannot be combined with k or weighted",
                             "InvalidArgument")
        options = _filter(types, labels, avoid, directed, since, until)
        options.update(
            max_hops=_count(6 if max_hops is None else max_hops, "max_hops", 1),
            weight=weighted or "", k=k, limit=_count(limit, "limit", 1, 63),
            evidence=bool(explain),
            mode="all" if all_shortest else "k" if k > 1 else
                 "weighted" if weighted else "shortest")
        answer = self._native.paths(_node_arg(a, "a"), _node_arg(b, "b"), options)
        out = []
        for p in answer["paths"]:
            evidence = None
            if explain:
                articles = p["articles"]
                evidence = [[Evidence(e, articles) for e in hop] for hop in p["evidence"]]
            out.append(PathResult(p["path"], p["cost"], evidence))
        return out

    def evidence(self, a, b):
        """The relationships between ``a`` and ``b`` (either direction) with every sentence
        and article behind each: an :class:`EvidenceListing` (``print()`` it, iterate its
        (Relationship, [Evidence]) pairs, or ``.to_df()``)."""
        answer = self._native.evidence(_node_arg(a, "a"), _node_arg(b, "b"))
        articles = answer["articles"]
        rels = [(item["relationship"], [Evidence(e, articles) for e in item["evidence"]])
                for item in answer["relationships"]]
        return EvidenceListing(answer["a"], answer["b"], rels)

    def algo(self, name, *, as_dict=False, **options):
        """Runs a whole-graph algorithm: one value per node.

        ``name`` is one of ``pactgraph.algorithm_names()``: degree, wcc, scc, pagerank,
        betweenness, community, kcore. Options: the filter (types, labels, avoid, directed,
        since, until) and the algorithm's own (direction, damping, iterations, tolerance,
        samples, sample_above, seed, normalized; see docs/algorithms.md).

        Returns a pandas DataFrame with columns id, name, labels and the value (named after
        the algorithm), sorted by value (largest first), with ``df.attrs`` holding
        ``groups``, ``iterations`` and ``sampled``; with ``as_dict=True`` (or without
        pandas), a dict node id -> value.
        """
        native = {"nodes": not as_dict}
        filter_args = {k: options.pop(k) for k in _FILTER_OPTIONS if k in options}
        native.update(_filter(**filter_args))
        for key, (default, kind) in _ALGO_OPTIONS.items():
            value = options.pop(key, default)
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise InputError(f"algo({name!r}): option {key} expects {kind.__name__}, got "
                                 f"{value!r}", "InvalidArgument")
            if kind is int:
                value = _count(value, f"algo({name!r}): option {key}", 0,
                               64 if key == "seed" else 32)
            native[key] = value
        if options:
            known = ", ".join(sorted(list(_ALGO_OPTIONS) + list(_FILTER_OPTIONS)))
            raise InputError(f"algo({name!r}): unknown option(s) {', '.join(sorted(options))}"
                             f" (known: {known})", "InvalidArgument")
        if not as_dict and "pandas" not in sys.modules:
            try:
                import pandas  # noqa: F401
            except ImportError:  # pragma: no cover - depends on the machine
                as_dict = True
                native["nodes"] = False
        r = self._native.algo(name, native)
        if name in _INTEGRAL:
            r["values"] = [int(v) for v in r["values"]]
        if as_dict:
            return dict(zip(r["ids"], r["values"]))
        import pandas as pd
        column = name if name != "id" else "value"
        df = pd.DataFrame({"id": r["ids"], "name": r["names"], "labels": r["labels"],
                           column: r["values"]})
        df = df.sort_values([column, "id"], ascending=[False, True], kind="stable")
        df = df.reset_index(drop=True)
        df.attrs.update(algorithm=name, groups=r["groups"], iterations=r["iterations"],
                        sampled=r["sampled"])
        return df

    def to_networkx(self, label=None, types=None):
        """The graph (or the nodes with ``label`` and the relationships of ``types`` between
        them) as a ``networkx.MultiDiGraph``.

        Nodes are keyed by node id, with attributes ``labels`` (list) and every property;
        edges go from start to end node, keyed by relationship id, with attribute ``type``
        and every property. Use ``G.to_undirected()`` for undirected algorithms."""
        try:
            import networkx as nx
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ImportError("to_networkx() needs networkx (Debian: apt-get install "
                              "python3-networkx)") from e
        if label is not None and not isinstance(label, str):
            raise InputError(f"label: expected a str, got {type(label).__name__}",
                             "InvalidArgument")
        nodes, rels = self._native.graph_data(label or "", _names(types, "types"))
        g = nx.MultiDiGraph()
        for n in nodes:
            attrs = dict(n.properties)
            attrs["labels"] = n.labels
            g.add_node(n.id, **attrs)
        for r in rels:
            attrs = dict(r.properties)
            attrs["type"] = r.type
            g.add_edge(r.start, r.end, key=r.id, **attrs)
        return g

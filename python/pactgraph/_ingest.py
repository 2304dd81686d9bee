"""News into the graph: :meth:`Database.ingest` and :func:`pactgraph.extract`.

An input is a file or directory path (``str`` or ``os.PathLike``: article files, ``.jsonl``
files, directories read recursively in name order), an article text (a ``str`` that is not an
existing path), or a dict ``{"text": ..., "title": ..., "date": ..., "source": ...}``. Article
text may start with ``title:``, ``date:`` and ``source:`` header lines and a blank line, as
files do. Every input is read and checked before anything is stored; each article is then
stored in its own transaction (ingesting it again changes nothing).
"""

import os
import sys
from dataclasses import dataclass, field

from . import _native
from ._errors import InputError

__all__ = ["IngestSummary", "Extraction", "IngestMethods", "extract"]


@dataclass
class IngestSummary:
    """What :meth:`Database.ingest` did. ``articles`` lists (file, title, stored,
    relationships, evidence) per article read, ``stored`` False when it was already in the
    database; ``problems`` lists (input, message) for inputs skipped (``errors="warn"``)."""

    articles_read: int = 0
    articles_added: int = 0
    articles_skipped: int = 0
    nodes_added: int = 0
    nodes_merged: int = 0
    relationships_added: int = 0
    relationships_merged: int = 0
    evidence_added: int = 0
    articles: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def __str__(self):
        return (f"{self.articles_added} articles stored ({self.articles_skipped} already "
                f"there), {self.nodes_added} actors added, {self.relationships_added} "
                f"relationships added ({self.relationships_merged} merged), "
                f"{self.evidence_added} evidence sentences")


@dataclass
class Extraction:
    """What the extractor read in one text, stored nowhere: ``entities`` (dicts with name,
    kind, label, aliases, mentions, ...), ``relations`` (one per source, type and target,
    with the first evidence sentence, modality, date, trigger), ``evidence`` (every
    supporting sentence) and ``warnings``."""

    entities: list
    relations: list
    evidence: list
    warnings: list

    def to_df(self):
        """The relations as a pandas DataFrame, one row each."""
        import pandas as pd
        cols = ["source", "type", "target", "modality", "negated", "date", "sentence",
                "trigger", "evidence_count"]
        return pd.DataFrame([{c: r[c] for c in cols} for r in self.relations], columns=cols)


def _looks_like_path(s):
    return ("\n" not in s and " " not in s and
            (os.sep in s or s.endswith((".txt", ".jsonl", ".md"))))


def _inputs(paths_or_texts):
    if isinstance(paths_or_texts, (str, bytes, os.PathLike, dict)):
        paths_or_texts = [paths_or_texts]
    items = []
    for n, x in enumerate(paths_or_texts):
        where = f"input {n}"
        if isinstance(x, os.PathLike):
            items.append(("path", os.fspath(x)))
        elif isinstance(x, str):
            if "\n" not in x and os.path.exists(x):
                items.append(("path", x))
            elif _looks_like_path(x):
                raise InputError(f"{x}: no such file or directory", "InvalidArgument")
            else:
                items.append(("text", x, "", "", "", f"<text {n}>"))
        elif isinstance(x, dict):
            unknown = set(x) - {"text", "title", "date", "source", "name"}
            if "text" not in x or unknown:
                raise InputError(f"{where}: an article dict needs 'text' and may have title, "
                                 f"date, source, name; got keys {sorted(x)}",
                                 "InvalidArgument")
            fields_ = [x.get(k, "") for k in ("title", "date", "source")]
            fields_ = [f.isoformat() if hasattr(f, "isoformat") else f for f in fields_]
            for key, value in zip(("text", "title", "date", "source"), [x["text"]] + fields_):
                if not isinstance(value, str):
                    raise InputError(f"{where}: {key} must be a str, got "
                                     f"{type(value).__name__}", "InvalidArgument")
            items.append(("text", x["text"], *fields_, x.get("name", f"<text {n}>")))
        elif isinstance(x, bytes):
            raise InputError(f"{where}: bytes are not read; decode the text to str first",
                             "InvalidArgument")
        else:
            raise InputError(f"{where}: expected a path, an article text or a dict, got "
                             f"{type(x).__name__}", "InvalidArgument")
    return items


def _rules(rules):
    if rules is None:
        return []
    if isinstance(rules, (str, os.PathLike)):
        rules = [rules]
    return [os.fspath(r) for r in rules]


class _Progress:
    """progress=True: one line on stderr, rewritten in place."""

    def __init__(self):
        self.shown = False

    def __call__(self, done, total):
        sys.stderr.write(f"\ringesting: {done}/{total} articles")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
        self.shown = True


class IngestMethods:
    """Database methods that read news into the graph (mixed into :class:`Database`)."""

    def ingest(self, paths_or_texts, progress=True, *, rules=None, errors="raise"):
        """Reads, extracts and stores articles; returns an :class:`IngestSummary`.

        Args:
            paths_or_texts: one input or a list of inputs: paths of article files, ``.jsonl``
                files or directories; article texts; dicts with ``text`` (and ``title``,
                ``date``, ``source``).
            progress: True prints progress on stderr; a callable is called with
                (articles done, articles in all); False prints nothing.
            rules: extra rule files (the extractor's ``--rules``).
            errors: "raise" (default): an unreadable input (invalid UTF-8, binary, empty)
                raises InputError before anything is stored; "warn": such inputs are
                skipped and listed in ``summary.problems``.

        Ctrl-C stops after the article being stored (those before it stay stored).
        """
        if errors not in ("raise", "warn"):
            raise InputError(f"errors: expected 'raise' or 'warn', got {errors!r}",
                             "InvalidArgument")
        if progress is True:
            progress = _Progress()
        elif progress is False or progress is None:
            progress = None
        elif not callable(progress):
            raise InputError("progress: expected True, False or a callable(done, total)",
                             "InvalidArgument")
        d = self._native.ingest(_inputs(paths_or_texts), _rules(rules), progress,
                                errors == "raise")
        return IngestSummary(**d)

    def extract(self, text, *, title="", date="", source="", rules=None):
        """The entities and relations the extractor reads in ``text`` (stored nowhere); see
        :func:`pactgraph.extract`."""
        return extract(text, title=title, date=date, source=source, rules=rules)


def extract(text, *, title="", date="", source="", rules=None):
    """Decomposes one article text into entities and relations with their evidence, without
    a database: an :class:`Extraction`. ``date`` ("YYYY-MM-DD") dates relations whose
    sentence states no date."""
    if not isinstance(text, str):
        raise InputError(f"text: expected a str, got {type(text).__name__}", "InvalidArgument")
    if hasattr(date, "isoformat"):
        date = date.isoformat()
    return Extraction(**_native.extract(text, title, date, source, _rules(rules)))

#!/usr/bin/env python3
"""The documentation's examples run: every fenced command and query block of README.md and
docs/*.md, against a demo database built the way scripts/demo.sh builds it (ingesting
data/articles).

What is run:
  - ```cypher blocks: each statement through `pactgraph query` (writing ones on a fresh copy of
    the demo database). It fails on an error or on a warning (a label, type or key the data does
    not have), and on no rows when the next block shows a result.
  - ```sh (or plain ```) blocks whose lines are `pactgraph …` commands (also `printf … |
    pactgraph …` and `$ pactgraph` shell sessions): each line through bash in a work directory
    where `pactgraph` is the built binary and every `--db NAME` is a fresh copy of the demo
    database. A command must exit 0 (1, "no result", fails too).
  - The shell session of the README (`$ pactgraph --db …` then `pactgraph>` lines): its input
    is fed to the shell, and every table row it shows must appear in the real output.
A command block that cannot run in a test (installs, builds, long benchmarks, a browser, files
outside the repository) carries the marker `<!-- doctest: skip -->` on the line before its
fence; the test reports how many it skipped and fails on a command block that is neither run
nor marked.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = "<!-- doctest: skip"
RUNNABLE = re.compile(r"^(?:\$ )?(?:build/tools/)?(pactgraph|printf|echo)\b")


def blocks(path):
    """(line number, info string, lines, skipped, next block's lines or None)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = []
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(.*)$", lines[i])
        if not m:
            i += 1
            continue
        start, info = i, m.group(2).strip()
        skipped = any(SKIP in lines[j] for j in range(max(0, i - 2), i))
        body = []
        i += 1
        while i < len(lines) and not lines[i].lstrip().startswith("```"):
            body.append(lines[i])
            i += 1
        found.append([start + 1, info, body, skipped, None])
        i += 1
        # The block right after (only blank lines between) is this one's shown output.
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and lines[j].strip() == "```":
            found[-1][4] = True
    return found


def split_statements(text):
    out, cur, quote = [], "", None
    for c in text:
        if quote:
            cur += c
            if c == quote:
                quote = None
            continue
        if c in "'\"`":
            quote = c
        if c == ";":
            out.append(cur)
            cur = ""
            continue
        cur += c
    out.append(cur)
    return [s.strip() for s in out if s.strip()]


def strip_comment(line):
    """Drops a trailing `# comment` outside quotes."""
    quote = None
    for k, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (k == 0 or line[k - 1] in " \t"):
            return line[:k].rstrip()
    return line.rstrip()


class Runner:
    def __init__(self, binary, source, work):
        self.bin = binary
        self.source = source
        self.work = work
        self.failures = []
        self.ran = 0
        self.skipped = 0
        self.demo = work / "demo.db"
        self.copies = 0
        self.env = dict(os.environ)
        bindir = work / "bin"
        bindir.mkdir()
        (bindir / "pactgraph").symlink_to(binary)
        self.env["PATH"] = f"{bindir}:{self.env['PATH']}"
        self.env["HOME"] = str(work)
        self.env["NO_COLOR"] = "1"
        self.env["PACTGRAPH_HISTORY"] = ""
        self.env.pop("PAGER", None)

    def fail(self, where, what):
        self.failures.append(f"{where}: {what}")

    def build_demo(self):
        r = subprocess.run([self.bin, "--db", str(self.demo), "--quiet", "ingest",
                            str(self.source / "data/articles")], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"cannot build the demo database: {r.stderr}")
        # The files the examples name, written for the test (data/sample is the import sample).
        (self.work / "data").symlink_to(self.source / "data")
        shutil.copy(self.source / "data/sample/nodes.csv", self.work / "nodes.csv")
        shutil.copy(self.source / "data/sample/edges.csv", self.work / "edges.csv")
        subprocess.run([self.bin, "--db", str(self.demo), "export", "--format", "json", "--out",
                        str(self.work / "graph.json")], check=True, capture_output=True)
        subprocess.run([self.bin, "--db", str(self.demo), "export", "--format", "neo4j", "--out",
                        str(self.work / "neo")], check=True, capture_output=True)
        (self.work / "curation.cypher").write_text(
            "// tidy up a name, then look at it\n"
            "MATCH (n:Nation {name: 'Rwanda'}) SET n.checked = true;\n"
            "MATCH (n:Nation) WHERE n.checked RETURN n.name AS checked;\n")
        (self.work / "checks.cypher").write_text(
            "MATCH (n) RETURN count(n) AS nodes;\nMATCH ()-[r]->() RETURN count(r) AS ties;\n")
        (self.work / "a.txt").write_text(
            "Kenya and Rwanda signed a memorandum of understanding on digital skills in Nairobi "
            "on 3 March 2025.\n")

    def fresh_db(self):
        self.copies += 1
        path = self.work / f"copy{self.copies}.db"
        shutil.copytree(self.demo, path, symlinks=True)
        return path

    def run_cypher(self, where, text, shows_rows):
        for stmt in split_statements(text):
            self.ran += 1
            db = self.fresh_db()
            r = subprocess.run([self.bin, "--db", str(db), "query", stmt, "--format", "csv"],
                               capture_output=True, text=True, env=self.env)
            if r.returncode != 0:
                self.fail(where, f"exit {r.returncode}: {stmt}\n{r.stderr}")
            elif "warning:" in r.stderr:
                self.fail(where, f"warning: {stmt}\n{r.stderr}")
            elif shows_rows and len(r.stdout.strip().split("\n")) < 2:
                self.fail(where, f"no rows, but the documentation shows some: {stmt}")

    def run_command(self, where, line):
        self.ran += 1
        # restore needs an empty database: a new path, not a copy of the demo.
        if re.search(r"\brestore\b", line):
            self.copies += 1
            db = self.work / f"empty{self.copies}.db"
        else:
            db = self.fresh_db()
        # Every database an example names is a fresh copy of the demo database.
        cmd = re.sub(r"--db\s+\S+", f"--db {db}", line)
        if "--db" not in cmd:
            cmd = cmd.replace("pactgraph ", f"pactgraph --db {db} ", 1) \
                if not cmd.startswith("pactgraph --") else cmd
        env = dict(self.env, PACTGRAPH_DB=str(db))
        try:
            r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True,
                               text=True, cwd=self.work, env=env, stdin=subprocess.DEVNULL,
                               timeout=60)
        except subprocess.TimeoutExpired:
            self.fail(where, f"still running after 60 s: {line}")
            return
        if r.returncode != 0:
            self.fail(where, f"exit {r.returncode}: {line}\n{r.stderr[-2000:]}")
        elif not (r.stdout + r.stderr).strip() and "--out" not in line and ">" not in line:
            self.fail(where, f"printed nothing: {line}")

    def run_session(self, where, body):
        """A shell transcript: feed its input, look for each table row it shows."""
        inputs, rows = [], []
        for raw in body[1:]:
            m = re.match(r"^(?:pactgraph\*?>|\s*\.\.\.>)\s?(.*)$", raw)
            if m and m.group(1) != "^D":
                inputs.append(m.group(1))
            elif raw.startswith("│"):
                rows.append(raw.rstrip())
        self.ran += 1
        db = self.fresh_db()
        r = subprocess.run([self.bin, "--db", str(db), "repl", "--no-rc", "--keep-going"],
                           input="\n".join(inputs) + "\n", capture_output=True, text=True,
                           env=self.env)
        out = r.stdout
        for row in rows:
            if row not in out:
                self.fail(where, f"the shell session shows a row the real run does not: {row}\n"
                                 f"real output:\n{out}")

    def check_file(self, path):
        rel = path.relative_to(self.source)
        for line_no, info, body, skipped, shows in blocks(path):
            where = f"{rel}:{line_no}"
            commands = [strip_comment(l) for l in body if l.strip()]
            if info == "cypher":
                if skipped:
                    self.skipped += 1
                    continue
                self.run_cypher(where, "\n".join(body), shows)
                continue
            if info not in ("", "sh", "console", "bash"):
                continue  # code in other languages (C++, Python) and data
            # A plain block is a command block when it starts with a command; else it is
            # output, a grammar or a diagram.
            is_command_block = info in ("sh", "bash") or bool(
                commands and RUNNABLE.match(commands[0]))
            if not is_command_block:
                continue  # output, a grammar, a diagram
            if skipped:
                self.skipped += 1
                continue
            if commands and commands[0].startswith("$ pactgraph") and any(
                    c.startswith("pactgraph>") for c in commands):
                self.run_session(where, body)
                continue
            for c in commands:
                if not RUNNABLE.match(c):
                    self.fail(where, f"a command the doc-test cannot run: '{c}' (make it a "
                                     f"pactgraph example or mark the block {SKIP} -->)")
                    break
            else:
                for c in commands:
                    self.run_command(where, c.removeprefix("$ "))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    source = Path(a.source).resolve()
    files = [Path(f).resolve() for f in a.files] or [source / "README.md"] + sorted(
        (source / "docs").glob("*.md"))
    with tempfile.TemporaryDirectory(prefix="pactgraph-doctest-") as tmp:
        runner = Runner(Path(a.bin).resolve(), source, Path(tmp))
        runner.build_demo()
        for f in files:
            runner.check_file(f)
        print(f"doc-test: {runner.ran} examples run, {runner.skipped} blocks marked skip, "
              f"{len(runner.failures)} failed")
        for f in runner.failures:
            print("FAIL " + f)
        return 1 if runner.failures else 0


if __name__ == "__main__":
    sys.exit(main())

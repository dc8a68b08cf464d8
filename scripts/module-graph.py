#!/usr/bin/env python3
"""The module graph of src/, from the paths the code names, and its two rules.

    python3 scripts/module-graph.py          prints the graph, checks it
    python3 scripts/module-graph.py --why    also prints, per edge, where it comes from
    python3 scripts/module-graph.py --src DIR   reads another tree (the tests' own cases)

Nodes are the top-level modules of the library (src/<name>.rs, src/<name>/) plus
`bin` (everything under src/bin/, which reaches the library as `kyso::...`). An edge
A -> B is any `crate::B` that A's code names (in `use` lines, grouped imports
`use crate::{b, c::D}`, or inline paths), or `super::...::B` climbing out of A.
Comments are not read, nor test code (`#[cfg(test)] mod tests { ... }` and the
files of `#[cfg(test)] mod tests;`): a test may build what it needs from anywhere.
Exit status 1 when:

  - the core (every module but `web` and `bin`) names `web` or `bin`: data flows
    one way, bytes -> parse -> decide -> report -> render, and the core compiles
    and is tested without the page or the CLI;
  - the graph has an elementary cycle that ALLOWED_CYCLES does not list: a cycle
    means neither module can be understood, tested or moved without the other.

tests/module_graph.rs runs this in `cargo test`. Needs nothing but python3.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = os.path.join(ROOT, "src")
if "--src" in sys.argv:
    SRC = sys.argv[sys.argv.index("--src") + 1]

# The cycles that exist today, each as its modules in order (A -> B -> ... -> A).
# Breaking them is tracked in issue 12 (one home per rule); until then they are
# allowed so that only a NEW cycle fails. Remove an entry when its cycle is gone
# (the check says so).
ALLOWED_CYCLES = [
    # None today. The last one (cert -> rules -> trust -> cert, through
    # rules::renewal taking trust::ChainStatus) went when renewal got its own small
    # `ChainFinding` (issue 12).
]

CORE_MUST_NOT_NAME = {"web", "bin"}


def top_modules():
    mods = set()
    for name in os.listdir(SRC):
        path = os.path.join(SRC, name)
        if name in ("lib.rs", "bin"):
            continue
        if name.endswith(".rs"):
            mods.add(name[:-3])
        elif os.path.isdir(path):
            mods.add(name)
    return mods


def module_path(rel):
    """src-relative file path -> module path inside the library, e.g.
    'cert/facts.rs' -> ['cert', 'facts'], 'cert/mod.rs' -> ['cert']."""
    parts = rel[:-3].split(os.sep)
    if parts[-1] == "mod":
        parts = parts[:-1]
    return parts


def strip_comments(text):
    """Removes // line comments (doc comments too) and /* */ block comments, and
    empties string literals, so that neither is read as a path."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == '"':
            # A string literal (raw strings r"..", r#".."# are rare here and
            # hold no paths; escapes are skipped).
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + 1
        elif c == "'" and i + 2 < n and (text[i + 2] == "'" or text[i + 1] == "\\"):
            # A char literal such as '"' or '\n' (not a lifetime).
            j = text.find("'", i + 2)
            out.append("' '")
            i = n if j < 0 else j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


TEST_MOD = re.compile(r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*([;{])")


def strip_tests(code):
    """Removes inline `#[cfg(test)] mod x { ... }` blocks; returns the code and the
    names of `#[cfg(test)] mod x;` declared in other files."""
    files, out, i = [], [], 0
    for m in TEST_MOD.finditer(code):
        if m.start() < i:
            continue
        if m.group(2) == ";":
            files.append(m.group(1))
            continue
        depth, j = 0, m.end() - 1
        while j < len(code):
            depth += {"{": 1, "}": -1}.get(code[j], 0)
            if depth == 0:
                break
            j += 1
        out.append(code[i : m.start()])
        i = j + 1
    out.append(code[i:])
    return "".join(out), files


def test_files(full, names):
    """The files of the test modules `names` declared in `full`."""
    d = os.path.dirname(full)
    base = os.path.basename(full)
    if base not in ("mod.rs", "lib.rs"):
        d = os.path.join(d, base[:-3])
    paths = []
    for n in names:
        paths += [os.path.join(d, n + ".rs"), os.path.join(d, n, "mod.rs")]
    return paths


def group_heads(text, start):
    """The first segment of each item of the `{...}` group opening at `start`."""
    heads, depth, item = [], 0, ""
    for j in range(start, len(text)):
        c = text[j]
        if c == "{":
            depth += 1
            if depth == 1:
                continue
        elif c == "}":
            depth -= 1
            if depth == 0:
                heads.append(item)
                break
        if depth == 1 and c == ",":
            heads.append(item)
            item = ""
        elif depth >= 1:
            item += c
    return [re.match(r"\s*(\w*)", h).group(1) for h in heads if h.strip()]


def targets(code, path, mods, in_bin):
    """(module, line number) for every top-level module `code` names."""
    found = []
    prefix = r"\bkyso::" if in_bin else r"(?<![$\w])crate::"
    for m in re.finditer(prefix + r"(\{|\w+)", code):
        line = code.count("\n", 0, m.start()) + 1
        if m.group(1) == "{":
            for h in group_heads(code, m.end(1) - 1):
                found.append((h, line))
        else:
            found.append((m.group(1), line))
    if not in_bin:
        # super::super::x from a nested module climbs to the crate root.
        for m in re.finditer(r"(?<![\w:])((?:super::)+)(\{|\w+)", code):
            ups = m.group(1).count("super::")
            if ups < len(path):
                continue
            line = code.count("\n", 0, m.start()) + 1
            if m.group(2) == "{":
                for h in group_heads(code, m.end(2) - 1):
                    found.append((h, line))
            else:
                found.append((m.group(2), line))
    return [(t, line) for t, line in found if t in mods]


def graph():
    mods = top_modules()
    edges = {}  # (a, b) -> [file:line]
    sources = {}
    skip = set()
    for dirpath, _, files in os.walk(SRC):
        for f in sorted(files):
            if f.endswith(".rs"):
                full = os.path.join(dirpath, f)
                with open(full, encoding="utf-8") as fh:
                    code, tests = strip_tests(strip_comments(fh.read()))
                sources[full] = code
                skip.update(os.path.normpath(p) for p in test_files(full, tests))
    test_dirs = [s[: -len("mod.rs")] for s in skip if s.endswith("mod.rs")]
    for full, code in sorted(sources.items()):
        rel = os.path.relpath(full, SRC)
        norm = os.path.normpath(full)
        if rel == "lib.rs" or norm in skip or any(norm.startswith(d) for d in test_dirs):
            continue
        in_bin = rel.startswith("bin" + os.sep)
        path = ["bin"] if in_bin else module_path(rel)
        a = path[0]
        for b, line in targets(code, path, mods, in_bin):
            if b != a:
                edges.setdefault((a, b), []).append(f"src/{rel}:{line}")
    nodes = sorted(mods | {"bin"})
    return nodes, edges


def elementary_cycles(nodes, edges):
    """Every elementary cycle, each rotated to start at its smallest module."""
    succ = {n: sorted({b for (a, b) in edges if a == n}) for n in nodes}
    cycles = set()

    def walk(start, node, stack, on_stack):
        for nxt in succ[node]:
            if nxt == start:
                cycles.add(tuple(stack))
            elif nxt > start and nxt not in on_stack:
                on_stack.add(nxt)
                stack.append(nxt)
                walk(start, nxt, stack, on_stack)
                stack.pop()
                on_stack.discard(nxt)

    for s in nodes:
        walk(s, s, [s], {s})
    return sorted(cycles, key=lambda c: (len(c), c))


def canonical(cycle):
    i = cycle.index(min(cycle))
    return tuple(cycle[i:]) + tuple(cycle[:i])


def main():
    why = "--why" in sys.argv
    nodes, edges = graph()
    print("module graph (A -> what A names):")
    for a in nodes:
        outs = sorted(b for (x, b) in edges if x == a)
        print(f"  {a:<7} -> {' '.join(outs) if outs else '(nothing)'}")
        if why:
            for b in outs:
                where = edges[(a, b)]
                more = f" (+{len(where) - 3} more)" if len(where) > 3 else ""
                print(f"             {b}: {', '.join(where[:3])}{more}")
    failures = []
    for (a, b), where in sorted(edges.items()):
        if a not in CORE_MUST_NOT_NAME and b in CORE_MUST_NOT_NAME:
            failures.append(f"the core names {b}: {a} -> {b} at {', '.join(where)}")
    allowed = {canonical(c) for c in ALLOWED_CYCLES}
    found = elementary_cycles(nodes, edges)
    print("cycles:")
    for c in found:
        ok = c in allowed
        print(f"  {'allowed' if ok else 'NEW    '} {' -> '.join(c + (c[0],))}")
        if not ok:
            hops = [f"{x} -> {y} at {edges[(x, y)][0]}" for x, y in zip(c, c[1:] + (c[0],))]
            failures.append("a new module cycle: " + "; ".join(hops))
    if not found:
        print("  (none)")
    for c in sorted(allowed - set(found)):
        if not set(c) <= set(nodes):
            continue  # another tree (--src) without these modules
        failures.append(
            f"the allowed cycle {' -> '.join(c + (c[0],))} is gone: remove it from ALLOWED_CYCLES"
        )
    if failures:
        print("\n".join(["", "FAILED:"] + ["  " + f for f in failures]), file=sys.stderr)
        return 1
    print("ok: no edge from the core to web or bin, no new cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure mktcareers' speed and memory targets as ratios against baselines in the same run.

    python benchmarks/run.py            # about a minute; BENCH_ROUNDS=21 for steadier medians
    BENCH_ONLY=search python benchmarks/run.py   # only the rows whose name has "search"
    BENCH_ONLY='first run|5,000 roles: search' python benchmarks/run.py   # or either

Every timed command runs in a fresh process, alternating with its baseline
round by round so both see the same machine load; the table shows medians.
The 5,000-role knowledge base is generated into a temporary folder (see
make_kb.py) and cached in a temporary cache folder, so nothing of yours is used.
Not part of the test suite: shared machines are too noisy for timed tests.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "11"))
# A first parse of 5,000 roles takes seconds: fewer rounds of it.
PARSE_ROUNDS = int(os.environ.get("BENCH_PARSE_ROUNDS", "3"))
# Parts of row names, separated by "|" (names have commas): only those rows run (all
# when unset). The 5,000-role rows are set up when a part names "5,000".
ONLY = [part for part in os.environ.get("BENCH_ONLY", "").split("|") if part]
PYTHON = sys.executable
SCRIPT = Path(PYTHON).with_name("mktcareers")
TOOL = [str(SCRIPT)] if SCRIPT.exists() else [PYTHON, "-m", "mktcareers"]
IMPORT_TYPER = [PYTHON, "-c", "import typer"]
IMPORT_RICH = [PYTHON, "-c", "import typer, rich.console, rich.table, rich.panel"]


def compile_package() -> None:
    """Time the package as pip installs it, with its modules compiled to bytecode: an
    editable install under PYTHONDONTWRITEBYTECODE would compile them on every run."""
    import compileall

    import mktcareers

    compileall.compile_dir(Path(mktcareers.__file__).parent, quiet=1)


def run_once(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def compare(command, baseline, env, baseline_env=None, rounds=ROUNDS) -> tuple[float, float]:
    """Medians of `command` and `baseline`, alternating, after one warm-up each."""
    baseline_env = baseline_env or env
    run_once(command, env)
    run_once(baseline, baseline_env)
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(run_once(command, env))
        theirs.append(run_once(baseline, baseline_env))
    return statistics.median(ours), statistics.median(theirs)


def wanted(name: str) -> bool:
    """Whether the row `name` runs (BENCH_ONLY)."""
    return not ONLY or any(part in name for part in ONLY)


def compare_first_runs(command, baseline, env, work: Path, rounds=ROUNDS) -> tuple[float, float]:
    """Medians of `command` with an empty cache folder each time (a first run: the
    knowledge base parsed and compiled) and of `baseline` as `env` has it, alternating."""
    ours, theirs = [], []
    for round_number in range(rounds + 1):  # the first round warms up
        fresh = {**env, "MKTCAREERS_CACHE_DIR": str(work / f"first-run-{round_number}")}
        first, base = run_once(command, fresh), run_once(baseline, env)
        if round_number:
            ours.append(first)
            theirs.append(base)
    return statistics.median(ours), statistics.median(theirs)


def peak_memory_mib(command: list[str], env: dict) -> float:
    """Peak resident memory of `command`, measured by a helper process that runs only it."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *command], env=env, capture_output=True, text=True)
    kib = int(out.stdout.strip())
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def parse_commands(kb_dir: Path, work: Path) -> tuple[list[str], list[str]]:
    """A first, uncached parse of `kb_dir` (load: read, check, build the records), and
    its baseline: a bare libyaml load of the same files, in a plain loop."""
    from mktcareers.kb.location import kb_file_names

    names = work / "parse-files.txt"
    names.write_text("\n".join(str(kb_dir / name) for name in kb_file_names(kb_dir)))
    ours = "import sys\nfrom mktcareers.kb.loading import load\nload(sys.argv[1])"
    bare = (
        "import sys, yaml\n"
        "for name in open(sys.argv[1]).read().splitlines():\n"
        "    with open(name) as stream:\n"
        "        yaml.load(stream, Loader=yaml.CSafeLoader)"
    )
    return [PYTHON, "-c", ours, str(kb_dir)], [PYTHON, "-c", bare, str(names)]


def quiz_scoring_ms(kb_dir: Path, env: dict) -> float:
    """Median in-process time to score one set of answers against every role."""
    code = f"""
import statistics, time
from pathlib import Path
from mktcareers.kb.loading import load
from mktcareers.kb.quizfile import load_quiz
from mktcareers.quiz import scoring as quiz
from mktcareers.kb.store import Store
knowledge = Store.open(Path({str(kb_dir)!r}), load).knowledge()
items = load_quiz(knowledge)
answers = {{i.id: (5 if i.area in "AE" else 2) for i in items.items if i.kind == "interest"}}
answers.update({{"pref-remote": 5, "pref-code": 2, "skill-copywriting": 3}})
times = []
for _ in range(7):
    start = time.perf_counter()
    result = quiz.score(items, answers, knowledge.roles, limit=10)
    times.append(time.perf_counter() - start)
assert len(result.matches) == 10 and len(knowledge.roles) >= 5000
print(statistics.median(times) * 1000)
"""
    out = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout)


def slowest_bad_input(work: Path, env: dict) -> tuple[float, str, int]:
    """(seconds, case) of the slowest case of the bad-knowledge-base corpus
    (tests/test_bad_kb.py) through `mktcareers --data DIR roles list`, and how many."""
    sys.path[:0] = [str(HERE.parent / "tests"), str(HERE.parent / "tests" / "kb")]
    from test_bad_kb import CASES

    from mktcareers.kb.location import bundled_dir

    slowest = (0.0, "")
    for name, change, _ in CASES:
        root = work / "bad" / name
        shutil.copytree(bundled_dir(), root, ignore=shutil.ignore_patterns("raw"))
        change(root)
        start = time.perf_counter()
        subprocess.run([*TOOL, "--data", str(root), "roles", "list"], capture_output=True, env=env)
        slowest = max(slowest, (time.perf_counter() - start, name))
    return (*slowest, len(CASES))


class _Skip(Exception):
    """The rows left are not wanted (BENCH_ONLY)."""


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="mktcareers-bench-"))
    env = {**os.environ, "MKTCAREERS_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
    env.pop("MKTCAREERS_DATA", None)
    rows = []
    compile_package()

    def ratio_row(name, command, baseline, limit, cmd_env=env, base_env=None, rounds=ROUNDS):
        if not wanted(name):
            return None
        ours, theirs = compare(command, baseline, cmd_env, base_env, rounds)
        rows.append(
            (name, f"{ours * 1000:.0f} ms", f"{theirs * 1000:.0f} ms", ours / theirs, limit)
        )
        return ours

    absolute, notes = [], []
    try:
        print(
            f"Timing {ROUNDS} rounds each on {platform.platform()}, Python "
            f"{platform.python_version()}, {os.cpu_count()} CPUs ...",
            file=sys.stderr,
        )
        bundled_list = [*TOOL, "roles", "list", "--format", "json"]
        ratio_row("roles list --format json", bundled_list, IMPORT_TYPER, 1.15)
        ratio_row(
            "role show seo-specialist", [*TOOL, "role", "show", "seo-specialist"], IMPORT_RICH, 1.15
        )
        ratio_row("--version", [*TOOL, "--version"], IMPORT_TYPER, 1.10)
        # the picture of every role is drawn as text with Rich, like role show
        ratio_row("map", [*TOOL, "map"], IMPORT_RICH, 1.15)
        completion = {
            **env,
            "_MKTCAREERS_COMPLETE": "complete_bash",
            "COMP_WORDS": "mktcareers ro",
            "COMP_CWORD": "1",
        }
        ratio_row("shell completion", TOOL, IMPORT_TYPER, 1.10, completion, env)
        # a role's slug from the compiled knowledge base (the cache the rows above made)
        subprocess.run([*TOOL, "roles", "list"], stdout=subprocess.DEVNULL, env=env, check=True)
        role_completion = {
            **completion,
            "COMP_WORDS": "mktcareers role show seo",
            "COMP_CWORD": "3",
        }
        ratio_row("shell completion of a role", TOOL, IMPORT_TYPER, 1.10, role_completion, env)
        code_completion = {
            **completion,
            "COMP_WORDS": "mktcareers occupation show 15-12",
            "COMP_CWORD": "3",
        }
        ratio_row(
            "shell completion of an O*NET-SOC code", TOOL, IMPORT_TYPER, 1.10, code_completion, env
        )
        # search over the 30 roles and O*NET's 1,016 occupations (60,000 titles)
        subprocess.run(bundled_list, stdout=subprocess.DEVNULL, env=env, check=True)
        search = [*TOOL, "search", "Paid Search Manager"]
        ratio_row(
            'search "Paid Search Manager" --format json', [*search, "-f", "json"], bundled_list, 1.3
        )
        ratio_row(
            'search "Paid Search Manager" (a table), against role show',
            search,
            [*TOOL, "role", "show", "seo-specialist"],
            1.1,
        )
        # a job title's occupation, and the moves from it into a family, draw with Rich
        ratio_row(
            "occupation show journalist",
            [*TOOL, "occupation", "show", "journalist"],
            IMPORT_RICH,
            1.3,
        )
        ratio_row(
            'path "journalist" marketing',
            [*TOOL, "path", "journalist", "marketing"],
            IMPORT_RICH,
            1.3,
        )
        first_search = [*TOOL, "search", "journalist"]
        name = "first run (no cache): search journalist"
        if wanted(name):
            ours, theirs = compare_first_runs(first_search, bundled_list, env, work)
            rows.append(
                (name, f"{ours * 1000:.0f} ms", f"{theirs * 1000:.0f} ms", ours / theirs, 4.0)
            )
            fresh = {**env, "MKTCAREERS_CACHE_DIR": str(work / "first-run-memory")}
            memory = peak_memory_mib(first_search, fresh)
            absolute.append(
                (f"peak memory of the {name}", f"{memory:.0f} MiB", "", memory, 120.0, "MiB")
            )
        if ONLY and not any("5,000" in part for part in ONLY):
            raise _Skip

        big = work / "kb-5000"
        sys.path.insert(0, str(HERE))
        from make_kb import make

        make(big, roles=5000, skills=2000)
        big_list = [*TOOL, "--data", str(big), "roles", "list", "--format", "json"]
        start = time.perf_counter()
        subprocess.run(big_list, stdout=subprocess.DEVNULL, env=env, check=True)
        first_load = time.perf_counter() - start
        listed = ratio_row(
            "5,000 roles: roles list --format json (cached)", big_list, bundled_list, 3.0
        )
        ratio_row(
            '5,000 roles: search "seo specalist"',
            [*TOOL, "--data", str(big), "search", "seo specalist"],
            big_list,
            1.5,
        )
        ratio_row(
            "5,000 roles: role show seo-specalist (typo)",
            [*TOOL, "--data", str(big), "role", "show", "seo-specalist"],
            big_list,
            1.5,
        )
        parse, bare_parse = parse_commands(big, work)
        ratio_row(
            "5,000 roles: first, uncached parse",
            parse,
            bare_parse,
            1.3,
            rounds=PARSE_ROUNDS,
        )
        scoring = quiz_scoring_ms(big, env)
        memory = peak_memory_mib(big_list, env)
        bad_seconds, bad_case, bad_count = slowest_bad_input(work, env)
        absolute += [
            ("5,000 roles: quiz scoring, in process", f"{scoring:.1f} ms", "", scoring, 50.0, "ms"),
            (
                "5,000 roles: peak memory of roles list",
                f"{memory:.0f} MiB",
                "",
                memory,
                200.0,
                "MiB",
            ),
            (
                f"slowest of {bad_count} bad knowledge bases ({bad_case}), to its error",
                f"{bad_seconds * 1000:.0f} ms",
                "",
                bad_seconds * 1000,
                1000.0,
                "ms",
            ),
        ]
        notes.append(
            f"\nFirst run on the 5,000-role knowledge base (parse, then write the cache): "
            f"{first_load:.1f} s"
            + (f" (then {listed * 1000:.0f} ms cached)." if listed is not None else ".")
        )
    except _Skip:
        pass
    finally:
        shutil.rmtree(work, ignore_errors=True)

    failed = 0
    print("| target | measured | baseline | ratio | limit | ok |\n|---|---:|---:|---:|---:|---|")
    for name, measured, baseline, ratio, limit in rows:
        ok = ratio <= limit
        failed += not ok
        print(
            f"| {name} | {measured} | {baseline} | {ratio:.2f}x | {limit:.2f}x | "
            f"{'yes' if ok else 'NO'} |"
        )
    for name, measured, _, value, limit, unit in absolute:
        ok = value < limit
        failed += not ok
        print(f"| {name} | {measured} |  |  | < {limit:.0f} {unit} | {'yes' if ok else 'NO'} |")
    for note in notes:
        print(note)
    print(
        f"{failed} of {len(rows) + len(absolute)} targets missed."
        if failed
        else "Every target met."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

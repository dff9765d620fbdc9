"""How well `search` finds what a job-board title means: a fixed sample of O*NET's
alternate titles, each searched in process as `mktcareers search TITLE` searches.

    python benchmarks/search_titles.py            # about half a minute

For each of 500 alternate titles drawn by random.Random(2026) from every occupation's
(in the bundled knowledge base), it counts a hit when the title's occupation is among
the top 3 occupation rows (a title several occupations share is a hit for any of
them), and, where that occupation is the main code of a role (its O*NET link of the
highest weight), when such a role is among the top 3 role rows. Targets: 95% and 90%.
Few of O*NET's titles belong to the occupations roles are mainly built on, so a
second sample (seed 2027) of 300 titles of those occupations alone measures the role
figure on more cases (reported, with the same target, not counted in the exit code).
Not part of the test suite: it measures ranking, and says how far from the targets.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.search import RoleFinder, search_all
from mktcareers.titles import Titles

SEED, SAMPLE, TOP = 2026, 500, 3
ROLE_SEED, ROLE_SAMPLE = 2027, 300
OCCUPATION_TARGET, ROLE_TARGET = 95.0, 90.0


def main() -> int:
    knowledge = load(bundled_dir())
    finder = RoleFinder.of(knowledge.roles)
    titles = Titles.of(knowledge.occupations, knowledge.roles)
    main_roles: dict[str, set[str]] = {}  # code -> slugs of the roles built mainly on it
    for role in knowledge.roles:
        main = max(role.onet, key=lambda link: link.weight)
        main_roles.setdefault(main.code, set()).add(role.slug)
    pairs = [
        (occupation.code, alternate)
        for occupation in knowledge.occupations
        for alternate in occupation.alternate_titles
    ]
    sample = random.Random(SEED).sample(pairs, SAMPLE)
    occupation_hits = role_cases = role_hits = 0
    misses = []
    start = time.perf_counter()
    for code, alternate in sample:
        found = search_all(finder, titles, alternate, limit=TOP)
        if code in {hit.code for hit in found.occupations}:
            occupation_hits += 1
        else:
            misses.append(f"occupation {code} not in the top {TOP} for {alternate!r}")
        if code in main_roles:
            role_cases += 1
            if main_roles[code] & {hit.role.slug for hit in found.roles}:
                role_hits += 1
            else:
                misses.append(f"no role of {code} in the top {TOP} for {alternate!r}")
    seconds = time.perf_counter() - start
    occupation_pct = 100 * occupation_hits / SAMPLE
    role_pct = 100 * role_hits / role_cases if role_cases else 100.0
    for miss in misses:
        print(f"  miss: {miss}")
    occupations_pass, roles_pass = occupation_pct >= OCCUPATION_TARGET, role_pct >= ROLE_TARGET
    print(
        f"{SAMPLE} alternate titles (seed {SEED}), {seconds * 1000 / SAMPLE:.1f} ms a search:\n"
        f"  occupation in the top {TOP} occupations: {occupation_pct:.1f}% "
        f"(target {OCCUPATION_TARGET:.0f}%: {'pass' if occupations_pass else 'FAIL'})\n"
        f"  main-code role in the top {TOP} roles: {role_pct:.1f}% of {role_cases} "
        f"(target {ROLE_TARGET:.0f}%: {'pass' if roles_pass else 'FAIL'})"
    )
    role_pairs = [(code, alternate) for code, alternate in pairs if code in main_roles]
    role_sample = random.Random(ROLE_SEED).sample(role_pairs, min(ROLE_SAMPLE, len(role_pairs)))
    found_roles = sum(
        bool(
            main_roles[code]
            & {hit.role.slug for hit in search_all(finder, titles, alternate, TOP, ["role"]).roles}
        )
        for code, alternate in role_sample
    )
    main_pct = 100 * found_roles / len(role_sample) if role_sample else 100.0
    print(
        f"{len(role_sample)} alternate titles of the occupations roles are mainly built on "
        f"(seed {ROLE_SEED}):\n  main-code role in the top {TOP} roles: {main_pct:.1f}% "
        f"(target {ROLE_TARGET:.0f}%: {'pass' if main_pct >= ROLE_TARGET else 'FAIL'})"
    )
    return 0 if occupations_pass and roles_pass else 1


if __name__ == "__main__":
    sys.exit(main())

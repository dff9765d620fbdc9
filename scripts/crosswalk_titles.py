"""List, for every role, the O*NET codes whose titles match the role's names; check the rule.

The crosswalk rule of docs/method.md: a code gets the share of the role's work it describes,
judged from its O*NET alternate titles; a single fitting code gets 1.0. This script makes the
evidence visible and checks what can be checked mechanically:

1. every code whose O*NET title or alternate title (or short title) is the role's title is
   listed under `onet`, or a reason line of the role names it and says why it is not used;
2. an alias that is an O*NET title of some codes: at least one of them is listed or named in
   a reason line (an alias is weaker evidence than the title: "Systems Analyst" is a title of
   six occupations);
3. when the role's title matches a listed code, every other listed code is backed by one of
   the role's names too: otherwise the title's code fits alone and gets 1.0.

Names are compared after mktcareers.names.normalise (case, accents, punctuation).

    python scripts/crosswalk_titles.py            # the listing, one block per role
    python scripts/crosswalk_titles.py --check    # exit 1 when a role breaks the rule
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
ALTERNATE_TITLES = DATA / "raw" / "onet_30_1_full" / "Alternate Titles.txt"
OCCUPATIONS = DATA / "raw" / "onet_30_1_text" / "Occupation Data.txt"

sys.path.insert(0, str(REPO / "src"))
from mktcareers.names import normalise  # noqa: E402  (the one normalisation of names)


@dataclass
class RoleTitles:
    """One role's names, the O*NET codes each name is a title of, and the rule's problems."""

    slug: str
    listed: dict[str, float]  # O*NET-SOC code -> weight, as the role file lists them
    matches: dict[str, list[str]]  # the role's title or alias -> codes it is a title of
    problems: list[str] = field(default_factory=list)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_title_index() -> tuple[dict[str, set[str]], dict[str, str]]:
    """(normalised title -> O*NET-SOC codes with that title, alternate or short title;
    code -> O*NET title), from the O*NET 30.1 extracts."""
    index: dict[str, set[str]] = {}
    titles = {row["O*NET-SOC Code"]: row["Title"] for row in read_tsv(OCCUPATIONS)}
    for code, title in titles.items():
        index.setdefault(normalise(title), set()).add(code)
    for row in read_tsv(ALTERNATE_TITLES):
        for name in (row["Alternate Title"], row["Short Title"]):
            if name and name != "n/a":
                index.setdefault(normalise(name), set()).add(row["O*NET-SOC Code"])
    return index, titles


def _named(code: str, reasons: str) -> bool:
    """Whether a reason line names `code` (as 11-2032.00 or its SOC occupation 11-2032)."""
    return re.search(rf"\b{re.escape(code.split('.')[0])}(\.\d\d)?\b", reasons) is not None


def check_role(role: dict, index: dict[str, set[str]]) -> RoleTitles:
    """The title matches of one role file's data and the rule's problems (module docstring)."""
    listed = {entry["code"]: float(entry["weight"]) for entry in role["onet"]}
    reasons = " ".join(entry["reason"] for entry in role["onet"])
    names = [role["title"], *role.get("aliases", [])]
    matches = {name: sorted(index.get(normalise(name), ())) for name in names}
    result = RoleTitles(role["slug"], listed, {n: c for n, c in matches.items() if c})
    title_codes = matches[role["title"]]
    for code in title_codes:
        if code not in listed and not _named(code, reasons):
            result.problems.append(
                f"title '{role['title']}' is an O*NET title of {code}, which the role does "
                "not list and no reason line names"
            )
    for alias in role.get("aliases", []):
        codes = matches[alias]
        if codes and not any(code in listed or _named(code, reasons) for code in codes):
            result.problems.append(
                f"alias '{alias}' is an O*NET title of {', '.join(codes)}, none of which the "
                "role lists or a reason line names"
            )
    backed = {code for codes in matches.values() for code in codes}
    fitting = ", ".join(code for code in title_codes if code in listed)
    if fitting:
        for code, weight in listed.items():
            if code not in backed:
                result.problems.append(
                    f"title '{role['title']}' fits {fitting} alone, yet {code} gets "
                    f"{weight:g} with no name of the role among its titles"
                )
    held = {code: sum(code in codes for codes in matches.values()) for code in listed}
    most = max(held.values())
    if most and len(listed) > 1:
        top = max(listed.values())
        for code in listed:
            if held[code] == most and listed[code] < top:
                heavier = max(listed, key=listed.get)
                result.problems.append(
                    f"{code} holds {most} of the role's names but weighs {listed[code]:g}, "
                    f"less than {heavier} ({top:g})"
                )
    return result


def check_all(roles_dir: Path = DATA / "roles") -> list[RoleTitles]:
    """Every role file's title matches and problems, by slug."""
    index, _ = load_title_index()
    results = []
    for path in sorted(roles_dir.glob("*.yaml")):
        results.append(check_role(yaml.safe_load(path.read_text(encoding="utf-8")), index))
    return results


def report(results: list[RoleTitles], titles: dict[str, str]) -> str:
    lines = []
    for result in results:
        listed = ", ".join(f"{code} {weight:g}" for code, weight in result.listed.items())
        lines.append(f"{result.slug}: lists {listed}")
        for name, codes in result.matches.items():
            shown = ", ".join(
                f"{code} {titles.get(code, '?')}{'' if code in result.listed else ' (not listed)'}"
                for code in codes
            )
            lines.append(f"  '{name}' -> {shown}")
        lines += [f"  PROBLEM: {problem}" for problem in result.problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a role breaks the rule")
    parser.add_argument("--roles", type=Path, default=DATA / "roles")
    args = parser.parse_args(argv)
    results = check_all(args.roles)
    problems = sum(len(result.problems) for result in results)
    if not args.check:
        print(report(results, load_title_index()[1]))
    elif problems:
        print(report([r for r in results if r.problems], load_title_index()[1]), file=sys.stderr)
    print(f"{len(results)} roles, {problems} problem{'s' * (problems != 1)}", file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())

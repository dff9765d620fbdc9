"""Load and validate a knowledge base into typed records.

A knowledge base is a directory:

    families.yaml  skills.yaml  sources.yaml  remote_rubric.yaml
    roles/*.yaml               one curated file per role
    generated/derived.yaml     numbers from scripts/build_derived.py (optional)
    generated/occupations.json every O*NET occupation, scripts/build_occupations.py (optional)
    quiz.yaml                  quiz items (optional: the bundled ones are used otherwise)
    questions.yaml             the questions `ask` answers (optional, as quiz.yaml)

Every problem is collected as a Problem naming the file, line and field, and
raised together in one KbError, so `kb validate` can list them all at once.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable
from pathlib import Path

from mktcareers.kb import yamldoc
from mktcareers.kb.collector import Collector
from mktcareers.kb.derived import attach_derived
from mktcareers.kb.errors import KbError, Problem
from mktcareers.kb.fields import INVALID
from mktcareers.kb.location import (
    DERIVED_FILE,
    OCCUPATIONS_FILE,
    directory_problem,
    role_files,
)
from mktcareers.kb.names_check import name_collisions
from mktcareers.kb.occupations import load_occupations
from mktcareers.kb.questionfile import check_questions
from mktcareers.kb.quizfile import load_quiz
from mktcareers.kb.safefile import read_regular
from mktcareers.kb.schemas import DERIVED, FAMILIES, ROLE, RUBRIC, SKILLS, SOURCES
from mktcareers.models import (
    WORKFLOW_STAGES,
    Family,
    GettingStarted,
    KnowledgeBase,
    OnetLink,
    Remote,
    RemoteAdvantage,
    RemoteChallenge,
    RemoteFactor,
    RemoteRubric,
    Role,
    RoleSkill,
    RubricFactor,
    Skill,
    Source,
    WorkflowStep,
)
from mktcareers.names import did_you_mean
from mktcareers.remote import remote_score

MAX_ROLE_FILES = 20_000
# derived.yaml holds every role's numbers, so it grows with the knowledge base.
MAX_DERIVED_BYTES = 64_000_000


def load(
    root: Path | str,
    progress: Callable[[int, int], None] | None = None,
    *,
    strict: bool = False,
) -> KnowledgeBase:
    """Load and validate the knowledge base at `root`; raise KbError listing every problem.

    `progress(done, total)` is called as the files are read, for a progress bar. Derived
    numbers made for other O*NET codes than a role lists now are left out of the role
    (never shown as its numbers); with `strict` (kb validate) they are problems.
    """
    # The parsed files stay alive until the records are built: millions of small
    # containers that the cyclic garbage collector would walk again and again (half
    # the time of a first parse of 5,000 roles). The few cycles PyYAML's loaders
    # leave are collected once it is back on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(root), progress, strict)
    finally:
        if collecting:
            gc.enable()


def _load(root: Path, progress: Callable[[int, int], None] | None, strict: bool) -> KnowledgeBase:
    collector = Collector(root)
    problem = directory_problem(root)
    if problem is not None:
        raise KbError([Problem(str(root), None, "", problem)])
    families, _ = collector.read(root / "families.yaml", FAMILIES)
    skills, _ = collector.read(root / "skills.yaml", SKILLS)
    sources, _ = collector.read(root / "sources.yaml", SOURCES)
    rubric, _ = collector.read(root / "remote_rubric.yaml", RUBRIC)

    role_paths = role_files(root)
    if not role_paths:
        collector.add(root / "roles", None, "", "no role files (roles/*.yaml) found")
    if len(role_paths) > MAX_ROLE_FILES:
        collector.add(root / "roles", None, "", f"more than {MAX_ROLE_FILES:,} role files")
        role_paths = role_paths[:MAX_ROLE_FILES]
    steps = len(role_paths) + 1  # each role file, then the derived numbers
    roles = []
    for done, path in enumerate(role_paths, 1):
        roles.append((path, *collector.read(path, ROLE)))
        if progress is not None:
            progress(done, steps)

    derived_path = root / DERIVED_FILE
    derived = {}
    # Optional files, but a link that leads nowhere (or round in a loop) stands for one:
    # it is read, and refused with its name, never taken for an absent file.
    if os.path.lexists(derived_path):
        document_data, _ = collector.read(derived_path, DERIVED, MAX_DERIVED_BYTES)
        if document_data is not INVALID:
            derived = document_data["roles"]
    occupations_path = root / OCCUPATIONS_FILE
    occupations, title_words = (), None
    if os.path.lexists(occupations_path):
        occupations, title_words = load_occupations(occupations_path, collector)
    if progress is not None:
        progress(steps, steps)

    catalogue = _catalogues(collector, root, families, skills, sources, rubric)
    if catalogue is None:
        raise KbError(collector.problems)
    families_by_id, skills_by_id, sources_by_id, remote_rubric = catalogue

    built = _build_roles(
        collector, roles, families_by_id, skills_by_id, sources_by_id, remote_rubric
    )
    slugs = {role.slug for role in built}
    every_role_read = len(built) == len(roles) > 0  # with no roles, the one problem is that
    for slug in sorted(set(derived) - slugs) if every_role_read else ():
        collector.add(
            derived_path,
            None,
            f"roles.{slug}",
            "derived numbers for a role that does not exist (re-run scripts/build_derived.py)",
        )
    stale = _check_codes(collector, built, derived, derived_path, occupations, strict)
    if collector.problems:
        raise KbError(collector.problems)
    derived = {slug: entry for slug, entry in derived.items() if slug not in stale}
    built = tuple(attach_derived(role, derived.get(role.slug)) for role in built)
    return KnowledgeBase(
        roles=built,
        skills=skills_by_id,
        families=families_by_id,
        sources=sources_by_id,
        rubric=remote_rubric,
        root=str(root),
        occupations=occupations,
        title_words=title_words,
    )


def _check_codes(collector, roles, derived: dict, derived_path: Path, occupations, strict: bool):
    """The slugs of roles whose derived numbers were made for other O*NET codes or
    weights than their file lists now (they describe another job): problems when
    `strict`. Every code must be one of O*NET's (when generated/occupations.json is
    there to say so)."""
    known = {occupation.code for occupation in occupations}
    stale = set()
    for role in roles:
        entry = derived.get(role.slug)
        if entry is not None:
            made_for = sorted((item["code"], float(item["weight"])) for item in entry["onet"])
            listed = sorted((link.code, float(link.weight)) for link in role.onet)
            if made_for != listed:
                stale.add(role.slug)
                message = (
                    f"derived for {_links(made_for)}, but {Path(role.path).name} lists "
                    f"{_links(listed)}: re-run python scripts/build_derived.py"
                )
                if strict:
                    collector.add(derived_path, None, f"roles.{role.slug}.onet", message)
        for index, link in enumerate(role.onet if known else ()):
            if link.code not in known:
                collector.add(
                    Path(role.path),
                    None,
                    f"onet[{index}].code",
                    f"'{link.code}' is not one of O*NET's {len(known):,} occupation codes",
                )
    return stale


def _links(links: list[tuple[str, float]]) -> str:
    return ", ".join(f"{code} ({weight:g})" for code, weight in links)


def validate(root: Path | str) -> KnowledgeBase:
    """Load the knowledge base at `root` and check its quiz, the names its roles share
    and that its derived numbers fit the roles' O*NET codes too, as `kb validate` does;
    raise KbError listing every problem."""
    knowledge = load(root, strict=True)
    problems = name_collisions(knowledge.roles, Path(root))
    try:
        load_quiz(knowledge)
    except KbError as error:
        problems += error.problems
    problems += check_questions(knowledge)
    if problems:
        raise KbError(problems)
    return knowledge


def _unique(collector, path, items, label):
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item["id"] in seen:
            collector.add(path, None, f"{label}[{index}].id", f"duplicate id '{item['id']}'")
        seen[item["id"]] = index


def _catalogues(collector, root, families, skills, sources, rubric):
    if INVALID in (families, skills, sources, rubric):
        return None
    _unique(collector, root / "families.yaml", families["families"], "families")
    _unique(collector, root / "skills.yaml", skills["skills"], "skills")
    _unique(collector, root / "sources.yaml", sources["sources"], "sources")
    _unique(collector, root / "remote_rubric.yaml", rubric["factors"], "factors")
    total = sum(factor["weight"] for factor in rubric["factors"])
    if total != 100:
        collector.add(
            root / "remote_rubric.yaml", None, "factors", f"weights add up to {total}, not 100"
        )
    families_by_id = {
        item["id"]: Family(**{**item, "core_focus": tuple(item["core_focus"])})
        for item in families["families"]
    }
    skills_by_id = {item["id"]: Skill(**item) for item in skills["skills"]}
    sources_by_id = {item["id"]: Source(**item) for item in sources["sources"]}
    remote_rubric = RemoteRubric(
        factors=tuple(RubricFactor(**item) for item in rubric["factors"]),
        challenge_kinds=dict(rubric["challenge_kinds"]),
        advantage_kinds=dict(rubric.get("advantage_kinds", {})),
    )
    return families_by_id, skills_by_id, sources_by_id, remote_rubric


def _build_roles(collector, roles, families, skills, sources, rubric) -> list[Role]:
    built: list[Role] = []
    first_seen: dict[str, Path] = {}
    valid = [(path, data, document) for path, data, document in roles if data is not INVALID]
    # Slugs of files that failed validation still count as known, so one broken
    # file does not turn every reference to it into a second error.
    all_slugs = {slug for path, _, document in roles if (slug := _declared_slug(path, document))}
    for path, data, document in valid:

        def problem(field_path, message, path=path, document=document):
            collector.add_at(path, document, field_path, message)

        slug = data["slug"]
        if slug in first_seen:
            problem(
                ("slug",), f"duplicate slug '{slug}' (also in {collector.name(first_seen[slug])})"
            )
            continue
        first_seen[slug] = path
        if data["family"] not in families:
            problem(
                ("family",),
                f"unknown family '{data['family']}'{did_you_mean(data['family'], families)}",
            )
        role_skills = []
        for index, need in enumerate(data["skills"]):
            skill = skills.get(need["skill"])
            if skill is None:
                problem(
                    ("skills", index, "skill"),
                    f"unknown skill '{need['skill']}'{did_you_mean(need['skill'], skills)}",
                )
                continue
            if any(existing.id == skill.id for existing in role_skills):
                problem(("skills", index, "skill"), f"skill '{skill.id}' is listed twice")
                continue
            role_skills.append(RoleSkill(skill.id, skill.name, skill.type, need["level"]))
        for index, next_slug in enumerate(data["next_roles"]):
            if next_slug not in all_slugs:
                problem(
                    ("next_roles", index),
                    f"unknown role '{next_slug}'{did_you_mean(next_slug, all_slugs)}",
                )
            elif next_slug == slug:
                problem(("next_roles", index), "a role cannot be its own next role")
        for index, source_id in enumerate(data["sources"]):
            if source_id not in sources:
                problem(
                    ("sources", index),
                    f"unknown source '{source_id}'{did_you_mean(source_id, sources)}",
                )
        factor_specs = {factor.id: factor for factor in rubric.factors}
        factors = []
        for factor_id in data["remote"]["factors"]:
            if factor_id not in factor_specs:
                problem(
                    ("remote", "factors", factor_id),
                    f"unknown remote factor '{factor_id}'{did_you_mean(factor_id, factor_specs)}",
                )
        for factor_id, spec in factor_specs.items():
            rating = data["remote"]["factors"].get(factor_id)
            if rating is None:
                problem(("remote", "factors", factor_id), "missing rating for this remote factor")
                continue
            factors.append(
                RemoteFactor(factor_id, spec.name, spec.weight, rating["rating"], rating["reason"])
            )
        challenges = _kind_notes(
            problem, data["remote"]["challenges"], rubric.challenge_kinds, "challenge"
        )
        advantages = _kind_notes(
            problem, data["remote"].get("advantages", ()), rubric.advantage_kinds, "advantage"
        )
        workflow = _workflow(problem, data.get("workflow", ()))
        codes = [link["code"] for link in data["onet"]]
        if len(set(codes)) != len(codes):
            problem(("onet",), "an O*NET code is listed twice")
        total = sum(link["weight"] for link in data["onet"])
        if abs(total - 1.0) > 1e-6:
            problem(("onet",), f"weights add up to {total:g}, not 1")
        gs = data["getting_started"]
        built.append(
            Role(
                slug=slug,
                title=data["title"],
                family=data["family"],
                beginner_friendly=data["beginner_friendly"],
                aliases=tuple(data["aliases"]),
                summary=data["summary"],
                responsibilities=tuple(data["responsibilities"]),
                skills=tuple(role_skills),
                tools=tuple(data["tools"]),
                certifications=tuple(data["certifications"]),
                next_roles=tuple(data["next_roles"]),
                getting_started=GettingStarted(
                    tuple(gs["skills_to_build"]),
                    tuple(gs["portfolio"]),
                    tuple(gs["networking"]),
                    tuple(gs["job_search"]),
                ),
                remote=Remote(
                    remote_score(factors),
                    tuple(factors),
                    tuple(RemoteChallenge(kind, note) for kind, note in challenges),
                    tuple(RemoteAdvantage(kind, note) for kind, note in advantages),
                ),
                onet=tuple(
                    OnetLink(link["code"], link["weight"], link["reason"]) for link in data["onet"]
                ),
                sources=tuple(data["sources"]),
                path=collector.name(path),
                workflow=tuple(WorkflowStep(stage, note) for stage, note in workflow),
            )
        )
    return built


def _kind_notes(problem, items, kinds: dict[str, str], label: str) -> list[tuple[str, str]]:
    """(kind, note) of each of a role's remote `items` ("challenge" or "advantage"
    `label`), reporting every kind the rubric does not define and a kind listed twice."""
    noted = []
    for index, item in enumerate(items):
        kind = item["kind"]
        where = ("remote", f"{label}s", index, "kind")
        if kind not in kinds:
            defined = f" (remote_rubric.yaml defines no {label} kinds)" if not kinds else ""
            problem(where, f"unknown {label} kind '{kind}'{did_you_mean(kind, kinds)}{defined}")
        elif any(kind == seen for seen, _ in noted):
            problem(where, f"{label} kind '{kind}' is listed twice")
        noted.append((kind, item["note"]))
    return noted


def _workflow(problem, steps) -> list[tuple[str, str]]:
    """(stage, note) of each step of a role's workflow, reporting every stage that is
    not one of models.WORKFLOW_STAGES and a stage listed twice."""
    checked = []
    for index, step in enumerate(steps):
        stage = step["stage"]
        if stage not in WORKFLOW_STAGES:
            problem(
                ("workflow", index, "stage"),
                f"unknown workflow stage '{stage}'{did_you_mean(stage, WORKFLOW_STAGES)}; "
                f"stages: {', '.join(WORKFLOW_STAGES)}",
            )
        elif any(stage == seen for seen, _ in checked):
            problem(("workflow", index, "stage"), f"stage '{stage}' is listed twice")
        checked.append((stage, step["note"]))
    return checked


def _declared_slug(path: Path, document: yamldoc.Document | None) -> str | None:
    """The slug a role file declares, even when the file is invalid or unparsable."""
    if document is not None and isinstance(document.data, dict):
        slug = document.data.get("slug")
        return slug if isinstance(slug, str) else None
    try:
        text = read_regular(path, yamldoc.MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r"^slug:[ \t]*['\"]?([a-z0-9-]+)", text, flags=re.MULTILINE)
    return found.group(1) if found else None

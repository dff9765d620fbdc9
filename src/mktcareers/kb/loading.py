"""Find, read, validate and build the knowledge base.

A knowledge base is a directory:

    families.yaml  skills.yaml  sources.yaml  remote_rubric.yaml
    roles/*.yaml               one curated file per role
    generated/derived.yaml     numbers from scripts/build_derived.py (optional)
    quiz.yaml                  quiz items (optional: the bundled ones are used otherwise)

Every problem is collected as a Problem naming the file, line and field, and
raised together in one KbError, so `kb validate` can list them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from msgspec.structs import replace

from mktcareers.kb import fields as s
from mktcareers.kb import yamldoc
from mktcareers.kb.errors import KbError, Problem
from mktcareers.kb.location import (
    CORE_FILES,
    DERIVED_FILE,
    ENV_VAR,
    QUIZ_FILE,
    bundled_dir,
    regular_file,
    resolve_dir,
    role_files,
)
from mktcareers.models import (
    QUIZ_KINDS,
    QUIZ_MEASURES,
    RIASEC,
    Derived,
    Family,
    GettingStarted,
    ItOverlap,
    KnowledgeBase,
    OnetLink,
    Outlook,
    Pay,
    Quiz,
    QuizItem,
    Remote,
    RemoteChallenge,
    RemoteFactor,
    RemoteRubric,
    Role,
    RoleSkill,
    RubricFactor,
    Skill,
    Source,
)
from mktcareers.remote import remote_score

__all__ = [
    "CORE_FILES",
    "DERIVED_FILE",
    "ENV_VAR",
    "QUIZ_FILE",
    "KbError",
    "Problem",
    "bundled_dir",
    "load",
    "load_quiz",
    "resolve_dir",
    "validate",
]
MAX_ROLE_FILES = 20_000
# derived.yaml holds every role's numbers, so it grows with the knowledge base.
MAX_DERIVED_BYTES = 64_000_000


# ------------------------------------------------------------------ schemas


def _catalogue(key: str, max_items: int, **fields) -> s.Record:
    """A file holding one list of records under `key`."""
    return s.Record(**{key: s.ListOf(s.Record(**fields), 1, max_items)})


FAMILIES = _catalogue(
    "families",
    20,
    id=s.SLUG,
    name=s.Text(120),
    summary=s.Text(600),
    core_focus=s.ListOf(s.Text(200), 1, 10),
)
SKILLS = _catalogue(
    "skills",
    10_000,
    id=s.SLUG,
    name=s.Text(120),
    type=s.OneOf(("technical", "non-technical")),
    description=s.Text(600),
)
SOURCES = _catalogue(
    "sources",
    500,
    id=s.SLUG,
    title=s.Text(300),
    publisher=s.Text(300),
    version=s.Text(60),
    year=s.Integer(1900, 2100),
    licence=s.Text(200),
    url=s.Text(300),
)
RUBRIC = s.Record(
    factors=s.ListOf(
        s.Record(
            id=s.Text(60, r"[a-z_]+", "use lowercase letters and underscores"),
            name=s.Text(120),
            weight=s.Integer(0, 100),
            question=s.Text(400),
            anchors=s.MapOf(s.Integer(0, 4), s.Text(300)),
        ),
        1,
        20,
    ),
    challenge_kinds=s.MapOf(s.SLUG, s.Text(300)),
)
BULLETS = s.ListOf(s.Text(400), 1, 10)
ROLE = s.Record(
    slug=s.SLUG,
    title=s.Text(120),
    family=s.SLUG,
    beginner_friendly=s.boolean,
    aliases=s.ListOf(s.Text(120), 0, 50),
    summary=s.Text(800),
    responsibilities=s.ListOf(s.Text(400), 4, 8),
    skills=s.ListOf(s.Record(skill=s.SLUG, level=s.Integer(1, 5)), 1, 40),
    tools=s.ListOf(s.Text(120), 0, 60),
    certifications=s.ListOf(s.Text(200), 0, 20),
    next_roles=s.ListOf(s.SLUG, 0, 10),
    getting_started=s.Record(
        skills_to_build=BULLETS, portfolio=BULLETS, networking=BULLETS, job_search=BULLETS
    ),
    remote=s.Record(
        factors=s.MapOf(s.Text(60), s.Record(rating=s.Integer(0, 4), reason=s.Text(400))),
        challenges=s.ListOf(s.Record(kind=s.SLUG, note=s.Text(400)), 0, 10),
    ),
    onet=s.ListOf(
        s.Record(code=s.ONET_CODE, weight=s.Number(0.01, 1.0), reason=s.Text(400)), 1, 10
    ),
    sources=s.ListOf(s.SLUG, 1, 20),
)
ONET_DETAIL = s.Record(
    code=s.ONET_CODE,
    title=s.Text(200),
    weight=s.Number(0, 1),
    job_zone=s.Integer(1, 5),
    teleworkable=s.optional_boolean,
    teleworkable_status=s.Text(20),
)
DERIVED_ROLE = s.Record(
    onet=s.ListOf(ONET_DETAIL, 1, 10),
    riasec=s.Record(**{area: s.Number(1, 7) for area in RIASEC}),
    job_zone=s.Integer(1, 5),
    pay=s.Record(
        median=s.optional_number,
        p10=s.optional_number,
        p90=s.optional_number,
        top_coded=s.boolean,
        soc_codes=s.ListOf(s.Text(10), 1, 10),
    ),
    outlook=s.Record(
        growth_pct=s.optional_number,
        annual_openings=s.optional_number,
        openings_soc=s.Text(10),
        entry_education=s.any_text,
    ),
    teleworkable=s.optional_boolean,
    it_overlap=s.Record(
        score=s.Integer(0, 100),
        profile_similarity=s.Number(-1, 1),
        tool_category_similarity=s.Number(0, 1),
        gap_filled=s.MapOf(s.ONET_CODE, s.ListOf(s.ONET_CODE, 1, 50)),
    ),
)
DERIVED = s.Record(method=s.Text(200), roles=s.MapOf(s.SLUG, DERIVED_ROLE))
QUIZ = s.Record(
    scales=s.MapOf(s.SLUG, s.ListOf(s.Text(80), 5, 5)),
    items=s.ListOf(
        s.Record(
            id=s.SLUG,
            kind=s.OneOf(QUIZ_KINDS),
            text=s.Text(300),
            area=s.Field(s.OneOf(RIASEC), required=False),
            measures=s.Field(s.OneOf(QUIZ_MEASURES), required=False),
            skill=s.Field(s.SLUG, required=False),
            scale=s.Field(s.SLUG, required=False),
            short=s.Field(s.boolean, required=False),
        ),
        1,
        500,
    ),
)
# The scale each kind uses when an item names none.
DEFAULT_SCALES = {"interest": "like", "skill": "level"}


# ------------------------------------------------------------------ loading


class Collector:
    """Reads documents and gathers problems with file and line."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.name(path), line, field, message))

    def read(
        self, path: Path, checker, max_bytes: int = yamldoc.MAX_FILE_BYTES
    ) -> tuple[object, yamldoc.Document | None]:
        try:
            document = yamldoc.read(path, max_bytes)
        except FileNotFoundError:
            self.add(path, None, "", "file not found")
            return s.INVALID, None
        except OSError as error:
            self.add(path, None, "", f"cannot read file: {error.strerror or error}")
            return s.INVALID, None
        except yamldoc.YamlDocError as error:
            self.add(path, error.line, "", error.message)
            return s.INVALID, None
        if document.data is None:
            self.add(path, None, "", "file is empty")
            return s.INVALID, document

        def report(field_path, message):
            self.add(path, document.line_of(field_path), s.format_path(field_path), message)

        return checker(document.data, (), report), document


def load(root: Path | str, progress: Callable[[int, int], None] | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base at `root`; raise KbError listing every problem.

    `progress(done, total)` is called as the files are read, for a progress bar.
    """
    root = Path(root)
    collector = Collector(root)
    if not root.is_dir():
        raise KbError([Problem(str(root), None, "", "knowledge base directory not found")])
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
    if derived_path.exists():
        document_data, _ = collector.read(derived_path, DERIVED, MAX_DERIVED_BYTES)
        if document_data is not s.INVALID:
            derived = document_data["roles"]
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
    every_role_read = len(built) == len(roles)
    for slug in sorted(set(derived) - slugs) if every_role_read else ():
        collector.add(
            derived_path,
            None,
            f"roles.{slug}",
            "derived numbers for a role that does not exist (re-run scripts/build_derived.py)",
        )
    if collector.problems:
        raise KbError(collector.problems)
    built = tuple(_attach_derived(role, derived.get(role.slug)) for role in built)
    return KnowledgeBase(
        roles=built,
        skills=skills_by_id,
        families=families_by_id,
        sources=sources_by_id,
        rubric=remote_rubric,
        root=str(root),
    )


def validate(root: Path | str) -> list[Problem]:
    """Every problem in the knowledge base at `root`, its quiz included (empty when valid)."""
    try:
        knowledge = load(root)
    except KbError as error:
        return error.problems
    try:
        load_quiz(knowledge)
    except KbError as error:
        return error.problems
    return []


def load_quiz(knowledge: KnowledgeBase) -> Quiz:
    """The quiz of the knowledge base, or the bundled quiz when it has none.

    Skill items of the bundled quiz whose skill this knowledge base lacks are
    left out; in a knowledge base's own quiz they are problems.
    """
    root = Path(knowledge.root)
    own = (root / QUIZ_FILE).is_file()
    path = (root if own else bundled_dir()) / QUIZ_FILE
    collector = Collector(root if own else path.parent)
    data, document = collector.read(path, QUIZ)
    if data is s.INVALID:
        raise KbError(collector.problems)

    def problem(field_path, message):
        collector.add(path, document.line_of(field_path), s.format_path(field_path), message)

    scales = {name: tuple(labels) for name, labels in data["scales"].items()}
    items, seen = [], set()
    for index, item in enumerate(data["items"]):
        kind = item["kind"]
        if item["id"] in seen:
            problem(("items", index, "id"), f"duplicate id '{item['id']}'")
        seen.add(item["id"])
        needed = {"interest": "area", "preference": "measures", "skill": "skill"}[kind]
        for name in ("area", "measures", "skill"):
            if name == needed and name not in item:
                problem(("items", index, name), f"missing required field for a {kind} item")
            elif name != needed and name in item:
                problem(("items", index, name), f"only {_kind_of(name)} items have '{name}'")
        scale = item.get("scale", DEFAULT_SCALES.get(kind))
        if scale is None:
            problem(("items", index, "scale"), "missing required field for a preference item")
            continue
        if scale not in scales:
            problem(("items", index, "scale"), f"unknown scale '{scale}'{s.suggest(scale, scales)}")
            continue
        skill = item.get("skill")
        if skill is not None and skill not in knowledge.skills:
            if own:
                problem(
                    ("items", index, "skill"),
                    f"unknown skill '{skill}'{s.suggest(skill, knowledge.skills)}",
                )
            continue
        items.append(
            QuizItem(
                id=item["id"],
                kind=kind,
                text=item["text"],
                scale=scales[scale],
                area=item.get("area"),
                measures=item.get("measures"),
                skill=skill,
                short=item.get("short", False),
            )
        )
    for short in (False, True):
        chosen = [item for item in items if item.short or not short]
        missing = [area for area in RIASEC if not any(i.area == area for i in chosen)]
        if missing:
            quiz_name = "short quiz" if short else "quiz"
            problem(("items",), f"the {quiz_name} has no interest item for {', '.join(missing)}")
    if collector.problems:
        raise KbError(collector.problems)
    return Quiz(items=tuple(items), path=str(path))


def _kind_of(field_name: str) -> str:
    return {"area": "interest", "measures": "preference", "skill": "skill"}[field_name]


def _unique(collector, path, items, label):
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item["id"] in seen:
            collector.add(path, None, f"{label}[{index}].id", f"duplicate id '{item['id']}'")
        seen[item["id"]] = index


def _catalogues(collector, root, families, skills, sources, rubric):
    if s.INVALID in (families, skills, sources, rubric):
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
    )
    return families_by_id, skills_by_id, sources_by_id, remote_rubric


def _build_roles(collector, roles, families, skills, sources, rubric) -> list[Role]:
    built: list[Role] = []
    first_seen: dict[str, Path] = {}
    valid = [(path, data, document) for path, data, document in roles if data is not s.INVALID]
    # Slugs of files that failed validation still count as known, so one broken
    # file does not turn every reference to it into a second error.
    all_slugs = {slug for path, _, document in roles if (slug := _declared_slug(path, document))}
    for path, data, document in valid:

        def problem(field_path, message, path=path, document=document):
            collector.add(path, document.line_of(field_path), s.format_path(field_path), message)

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
                f"unknown family '{data['family']}'{s.suggest(data['family'], families)}",
            )
        role_skills = []
        for index, need in enumerate(data["skills"]):
            skill = skills.get(need["skill"])
            if skill is None:
                problem(
                    ("skills", index, "skill"),
                    f"unknown skill '{need['skill']}'{s.suggest(need['skill'], skills)}",
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
                    f"unknown role '{next_slug}'{s.suggest(next_slug, all_slugs)}",
                )
            elif next_slug == slug:
                problem(("next_roles", index), "a role cannot be its own next role")
        for index, source_id in enumerate(data["sources"]):
            if source_id not in sources:
                problem(
                    ("sources", index),
                    f"unknown source '{source_id}'{s.suggest(source_id, sources)}",
                )
        factor_specs = {factor.id: factor for factor in rubric.factors}
        factors = []
        for factor_id in data["remote"]["factors"]:
            if factor_id not in factor_specs:
                problem(
                    ("remote", "factors", factor_id),
                    f"unknown remote factor '{factor_id}'{s.suggest(factor_id, factor_specs)}",
                )
        for factor_id, spec in factor_specs.items():
            rating = data["remote"]["factors"].get(factor_id)
            if rating is None:
                problem(("remote", "factors", factor_id), "missing rating for this remote factor")
                continue
            factors.append(
                RemoteFactor(factor_id, spec.name, spec.weight, rating["rating"], rating["reason"])
            )
        challenges = []
        for index, challenge in enumerate(data["remote"]["challenges"]):
            if challenge["kind"] not in rubric.challenge_kinds:
                problem(
                    ("remote", "challenges", index, "kind"),
                    f"unknown challenge kind '{challenge['kind']}'"
                    f"{s.suggest(challenge['kind'], rubric.challenge_kinds)}",
                )
            challenges.append(RemoteChallenge(challenge["kind"], challenge["note"]))
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
                remote=Remote(remote_score(factors), tuple(factors), tuple(challenges)),
                onet=tuple(
                    OnetLink(link["code"], link["weight"], link["reason"]) for link in data["onet"]
                ),
                sources=tuple(data["sources"]),
                path=collector.name(path),
            )
        )
    return built


def _declared_slug(path: Path, document: yamldoc.Document | None) -> str | None:
    """The slug a role file declares, even when the file is invalid or unparsable."""
    if document is not None and isinstance(document.data, dict):
        slug = document.data.get("slug")
        return slug if isinstance(slug, str) else None
    try:
        regular_file(path)  # a FIFO or device must not block us here either
        with open(path, "rb") as stream:  # an oversize file is read only as far as a role's limit
            text = stream.read(yamldoc.MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r"^slug:[ \t]*['\"]?([a-z0-9-]+)", text, flags=re.MULTILINE)
    return found.group(1) if found else None


def _attach_derived(role: Role, data: dict | None) -> Role:
    if data is None:
        return role
    details = {item["code"]: item for item in data["onet"]}
    onet = tuple(
        OnetLink(
            link.code,
            link.weight,
            link.reason,
            title=details.get(link.code, {}).get("title"),
            job_zone=details.get(link.code, {}).get("job_zone"),
            teleworkable=details.get(link.code, {}).get("teleworkable"),
        )
        for link in role.onet
    )
    pay, outlook, overlap = data["pay"], data["outlook"], data["it_overlap"]
    derived = Derived(
        riasec={area: data["riasec"][area] for area in RIASEC},
        job_zone=data["job_zone"],
        pay=Pay(
            median=_int_or_none(pay["median"]),
            p10=_int_or_none(pay["p10"]),
            p90=_int_or_none(pay["p90"]),
            top_coded=pay["top_coded"],
            soc_codes=tuple(pay["soc_codes"]),
        ),
        outlook=Outlook(
            growth_pct=outlook["growth_pct"],
            annual_openings=_int_or_none(outlook["annual_openings"]),
            openings_soc=outlook["openings_soc"],
            entry_education=outlook["entry_education"],
        ),
        teleworkable=data["teleworkable"],
        it_overlap=ItOverlap(
            score=overlap["score"],
            profile_similarity=overlap["profile_similarity"],
            tool_category_similarity=overlap["tool_category_similarity"],
            gap_filled={
                code: tuple(relatives) for code, relatives in overlap["gap_filled"].items()
            },
        ),
    )
    return replace(role, onet=onet, derived=derived)


def _int_or_none(value: float | None) -> int | None:
    return None if value is None else round(value)

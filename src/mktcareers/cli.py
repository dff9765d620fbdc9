"""The mktcareers command line: parse, call the domain, hand the result to a view."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mktcareers import __version__, output
from mktcareers.formats import OutputFormat

CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="mktcareers",
    no_args_is_help=True,
    context_settings=CONTEXT,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _group(name: str, help_text: str) -> typer.Typer:
    group = typer.Typer(help=help_text, no_args_is_help=True, context_settings=CONTEXT)
    app.add_typer(group, name=name)
    return group


roles_app = _group("roles", "List and filter roles.")
role_app = _group("role", "Look at one role in depth.")
skills_app = _group("skills", "List the skill catalogue.")
skill_app = _group("skill", "Look at one skill and the roles that need it.")
kb_app = _group("kb", "Check the knowledge base.")
quiz_app = typer.Typer(no_args_is_help=False, invoke_without_command=True, context_settings=CONTEXT)
app.add_typer(quiz_app, name="quiz")

FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", help="Output format: a table for reading, or json, yaml, csv, md."
    ),
]


class Family(StrEnum):
    marketing = "marketing"
    it = "it"


class SkillType(StrEnum):
    technical = "technical"
    non_technical = "non-technical"


class SortKey(StrEnum):
    title = "title"
    remote = "remote"
    it_overlap = "it-overlap"
    pay = "pay"


def _version(value: bool) -> None:
    if value:
        output.write(f"mktcareers {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Knowledge base directory to use instead of the bundled one "
            "(also: MKTCAREERS_DATA).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Explore digital marketing and IT careers: roles, skills, remote work and pay.

    Numbers come from O*NET, the U.S. Bureau of Labor Statistics and
    Dingel & Neiman (2020); see 'mktcareers role show SLUG' for sources.

    Examples:

      mktcareers roles list --family marketing --sort remote

      mktcareers role show seo-specialist

      mktcareers role show "SEO Analyst" --format json
    """
    ctx.obj = data


def _load(ctx: typer.Context):
    """The knowledge base (cached when unchanged), or exit 1 listing its problems."""
    from mktcareers import cache, location
    from mktcareers.errors import KbError

    root = location.resolve_dir(ctx.obj)
    try:
        return cache.load(root, _parse)
    except KbError as problem:
        count = len(problem.problems)
        output.problems(
            f"the knowledge base at {root} has {count} problem{'s' if count != 1 else ''}:",
            problem.problems,
            f"run 'mktcareers kb validate {root}' after fixing them.",
        )
        raise typer.Exit(1) from None


def _parse(root: Path):
    from mktcareers import kb

    return kb.load(root)


def _resolve(name: str, knowledge):
    """The role `name` means, or exit 1 with suggestions."""
    from mktcareers.search import resolve_role

    match = resolve_role(name, knowledge.roles)
    if match.role is not None:
        return match.role
    if match.suggestions:
        output.error(f"Unknown role '{name}'. Did you mean: {', '.join(match.suggestions)}?")
    else:
        output.error(f"Unknown role '{name}'.", "run 'mktcareers roles list' to see every role.")
    raise typer.Exit(1)


def _present(fmt: OutputFormat, view, data) -> None:
    """Print a Rich view (`view(render)`) for tables, else `data()` in the machine format.

    Only the chosen path is imported: machine formats never load Rich.
    """
    if fmt is OutputFormat.table:
        from mktcareers import render

        output.show(view(render))
        return
    from mktcareers import formats

    output.write(formats.render(data(), fmt))


@roles_app.command("list")
def roles_list(
    ctx: typer.Context,
    family: Annotated[
        Family | None, typer.Option("--family", help="Only roles of this family.")
    ] = None,
    min_remote: Annotated[
        int,
        typer.Option(
            "--min-remote", min=0, max=100, help="Only roles with a remote score of at least N."
        ),
    ] = 0,
    beginner: Annotated[
        bool, typer.Option("--beginner", help="Only roles that suit beginners.")
    ] = False,
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Sort by title, or best first by the others.")
    ] = (SortKey.title),
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List roles with their remote score, IT overlap and median pay.

    Examples:

      mktcareers roles list

      mktcareers roles list --family marketing --min-remote 80 --sort pay

      mktcareers roles list --beginner --format csv > roles.csv
    """
    from mktcareers import records
    from mktcareers.catalogue import filter_roles, sort_roles

    knowledge = _load(ctx)
    chosen = filter_roles(
        knowledge.roles,
        family=family.value if family else None,
        min_remote=min_remote,
        beginner_only=beginner,
    )
    chosen = sort_roles(chosen, sort.value)
    if fmt is OutputFormat.table and not chosen:
        output.error("no roles match these filters.", "loosen --min-remote or drop --beginner.")
        raise typer.Exit(1)
    _present(
        fmt,
        lambda render: render.roles_table(chosen, output.width()),
        lambda: [records.role_row(role) for role in chosen],
    )


@role_app.command("show")
def role_show(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="A role's slug, title or alias, e.g. seo-specialist.")
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a role's full profile: work, skills, tools, remote work, pay and how to start.

    Examples:

      mktcareers role show seo-specialist

      mktcareers role show "SEO Analyst"

      mktcareers role show ppc --format json
    """
    from mktcareers import records

    knowledge = _load(ctx)
    role = _resolve(name, knowledge)
    _present(
        fmt,
        lambda render: render.role_profile(role, knowledge),
        lambda: records.role_detail(role, knowledge),
    )


@app.command("compare")
def compare(
    ctx: typer.Context,
    left: Annotated[str, typer.Argument(help="A family (marketing, it) or a role.")],
    right: Annotated[str, typer.Argument(help="A family (marketing, it) or a role.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Compare two fields, two roles, or a role with a field, side by side.

    Examples:

      mktcareers compare marketing it

      mktcareers compare seo-specialist web-developer

      mktcareers compare marketing-technologist it --format json
    """
    from mktcareers import compare as comparing
    from mktcareers import records

    knowledge = _load(ctx)
    sides = []
    for query in (left, right):
        side = comparing.resolve_side(query, knowledge)
        if isinstance(side, comparing.SideError):
            if side.suggestions:
                suggestions = ", ".join(side.suggestions)
                output.error(f"Unknown role or family '{query}'. Did you mean: {suggestions}?")
            else:
                output.error(
                    f"Unknown role or family '{query}'.",
                    f"use a family ({', '.join(knowledge.families)}) or a role from "
                    "'mktcareers roles list'.",
                )
            raise typer.Exit(1)
        sides.append(side)
    first, second = sides
    if first.family and second.family:
        result = comparing.compare_families(first.family, second.family, knowledge)
        record = records.family_comparison(result)
        view = lambda render: render.family_comparison(result, knowledge)  # noqa: E731
    elif first.role and second.role:
        result = comparing.compare_roles(first.role, second.role)
        record = records.role_comparison(result)
        view = lambda render: render.role_comparison(result)  # noqa: E731
    else:
        role, family = (first.role, second.family) if first.role else (second.role, first.family)
        result = comparing.compare_role_family(role, family, knowledge)
        record = records.role_family_comparison(result, role_first=first.role is not None)
        view = lambda render: render.role_family_comparison(result, knowledge)  # noqa: E731
    _present(fmt, view, lambda: record)


@app.command("path")
def path(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="The role you have now.")],
    target: Annotated[
        str | None,
        typer.Argument(metavar="TO", help="The role you want; leave out to list the closest."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="Closest moves to list.")
    ] = 5,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """What it takes to move from one role to another, or the closest moves from a role.

    Examples:

      mktcareers path copywriter seo-specialist

      mktcareers path it-support-specialist marketing-technologist --format json

      mktcareers path social-media-manager
    """
    from mktcareers import paths, records

    knowledge = _load(ctx)
    start = _resolve(source, knowledge)
    if target is None:
        found = paths.closest_moves(start, knowledge.roles, limit=limit)
        _present(
            fmt,
            lambda render: render.moves_table(start, found),
            lambda: records.moves(start, found),
        )
        return
    end = _resolve(target, knowledge)
    if end.slug == start.slug:
        output.error("FROM and TO are the same role.", "pick another TO, or leave it out.")
        raise typer.Exit(1)
    move = paths.transition(start, end)
    _present(fmt, lambda render: render.transition(move), lambda: records.transition(move))


@app.command("search")
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to look for: a title, skill or tool.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=500, help="Show at most N roles.")
    ] = 10,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Find roles by title, alias, skill or tool, forgiving typos.

    Examples:

      mktcareers search "google ads"

      mktcareers search python --limit 5

      mktcareers search "emial marketing" --format json
    """
    from mktcareers import records
    from mktcareers.search import search_roles

    knowledge = _load(ctx)
    hits = search_roles(query, knowledge.roles, limit=limit)
    if fmt is OutputFormat.table and not hits:
        output.error(f"nothing matches '{query}'.", "try fewer or different words.")
        raise typer.Exit(1)
    _present(
        fmt,
        lambda render: render.search_table(hits),
        lambda: [records.search_row(hit) for hit in hits],
    )


@skills_app.command("list")
def skills_list(
    ctx: typer.Context,
    skill_type: Annotated[
        SkillType | None, typer.Option("--type", help="Only skills of this type.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the skill catalogue, with how many roles need each skill.

    Examples:

      mktcareers skills list

      mktcareers skills list --type technical --format csv
    """
    from mktcareers import records
    from mktcareers.skills import usage_counts

    knowledge = _load(ctx)
    chosen = sorted(
        (
            skill
            for skill in knowledge.skills.values()
            if skill_type is None or skill.type == skill_type
        ),
        key=lambda skill: (skill.type, skill.name.lower()),
    )
    counts = usage_counts(knowledge)
    _present(
        fmt,
        lambda render: render.skills_table(chosen, counts),
        lambda: [records.skill_row(skill, counts[skill.id]) for skill in chosen],
    )


@skill_app.command("show")
def skill_show(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help='A skill\'s id or name, e.g. python or "Web analytics".')
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a skill and every role that needs it, at what level.

    Examples:

      mktcareers skill show python

      mktcareers skill show "web analytics" --format json
    """
    from mktcareers import records
    from mktcareers.skills import resolve_skill, skill_usage

    knowledge = _load(ctx)
    match = resolve_skill(name, knowledge.skills)
    if match.skill is None:
        if match.suggestions:
            output.error(f"Unknown skill '{name}'. Did you mean: {', '.join(match.suggestions)}?")
        else:
            output.error(
                f"Unknown skill '{name}'.", "run 'mktcareers skills list' to see every skill."
            )
        raise typer.Exit(1)
    uses = skill_usage(match.skill.id, knowledge.roles)
    _present(
        fmt,
        lambda render: render.skill_profile(match.skill, uses),
        lambda: records.skill_detail(match.skill, uses),
    )


@kb_app.command("validate")
def kb_validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Knowledge base directory (default: --data, MKTCAREERS_DATA or the bundled one)."
        ),
    ] = None,
) -> None:
    """Check a knowledge base and list every problem at once.

    Examples:

      mktcareers kb validate

      mktcareers kb validate ./my-roles
    """
    from mktcareers import kb

    root = kb.resolve_dir(directory or ctx.obj)
    problems = kb.validate(root)
    if problems:
        for problem in problems:
            output.note(f"{problem}")
        count = len(problems)
        output.error(f"{count} problem{'s' if count != 1 else ''} in {root}.")
        raise typer.Exit(1)
    knowledge = kb.load(root)
    output.write(
        f"OK: {root} has {len(knowledge.roles)} roles, {len(knowledge.skills)} skills, "
        f"{len(knowledge.sources)} sources.\n"
    )


# ------------------------------------------------------------------ quiz


def _load_quiz(knowledge):
    from mktcareers import kb

    try:
        return kb.load_quiz(knowledge)
    except kb.KbError as problem:
        output.problems("the quiz items cannot be used:", problem.problems)
        raise typer.Exit(1) from None


def _save_results(path: Path, record: dict) -> None:
    """Write results to `path` in the format its suffix names (JSON otherwise)."""
    from mktcareers import formats, state

    suffix = path.suffix.lower()
    fmt = {".yaml": OutputFormat.yaml, ".yml": OutputFormat.yaml, ".md": OutputFormat.md}.get(
        suffix, OutputFormat.json
    )
    try:
        state.write_atomic(path, formats.render(record, fmt))
    except OSError as error:
        output.error(
            f"cannot save the results to {path}: {error.strerror or error}",
            "choose a file in a folder you can write to.",
        )
        raise typer.Exit(1) from None
    output.note(f"Results saved to {path}.")


def _interactive_answers(quiz, short: bool, resume: bool) -> tuple[dict[str, int], int] | None:
    """Run the quiz in the terminal; the answers and how many items were asked.

    None when the person quit with q. Ctrl-C and end of input exit 130 after saving.
    """
    from mktcareers import interactive, state
    from mktcareers.quiz import ordered_items

    path = state.progress_path()
    try:
        saved = state.read_progress(path)
    except state.ProgressError as problem:
        try:
            moved = state.set_aside(path)
        except OSError as error:
            output.error(
                f"your saved quiz at {path} cannot be used ({problem}) "
                f"nor moved aside ({error.strerror or error}).",
                "move or delete that file, then try again.",
            )
            raise typer.Exit(1) from None
        output.note(f"Warning: your saved quiz at {path} cannot be used: {problem}.")
        output.note(f"It was kept as {moved}." + ("" if resume else " Starting a new quiz."))
        saved = None
    console = output.console(stderr=True)
    if resume and saved is None:
        output.error("there is no quiz in progress to resume.", "start one with 'mktcareers quiz'.")
        raise typer.Exit(1)
    if saved is not None and not resume:
        from rich.prompt import Confirm

        answered = len(saved.answers)
        try:
            resume = Confirm.ask(
                f"You have a quiz in progress ({answered} answered). Continue it?",
                console=console,
                default=True,
            )
        except (KeyboardInterrupt, EOFError):
            output.note("")
            raise typer.Exit(130) from None
    if resume and saved is not None:
        if short != saved.short and short:
            output.note("Continuing your saved full quiz (--short is ignored).")
        short = saved.short
        answers, position = saved.answers, saved.position
    else:
        answers, position = {}, 0
    items = ordered_items(quiz, short=short)
    known = {item.id for item in items}
    session = interactive.Session(
        items,
        {key: value for key, value in answers.items() if key in known},
        min(position, len(items)),
    )
    if not resume:
        console.print(
            f"mktcareers quiz: {len(items)} items, about {max(1, len(items) // 8)} minutes. "
            "Answer with 1-5; b goes back, s skips, q saves and quits.",
            markup=False,
        )

    def save(current) -> None:
        try:
            state.save_progress(
                path, state.Progress(short, dict(current.answers), current.position)
            )
        except OSError as error:
            output.note(f"Warning: cannot save progress to {path}: {error.strerror or error}")

    hint = "Continue with: mktcareers quiz --resume"
    try:
        finished = interactive.run(session, console, save)
    except interactive.Interrupted:
        output.note(f"{_paused(session)} {hint}")
        raise typer.Exit(130) from None
    if not finished:
        output.note(f"{_paused(session)} {hint}")
        return None
    state.clear_progress(path)
    return session.answers, len(items)


def _paused(session) -> str:
    return (
        f"Quiz paused at item {session.position + 1} of {len(session.items)} "
        f"({session.answered()} answered); progress saved."
    )


@quiz_app.callback()
def quiz(
    ctx: typer.Context,
    short: Annotated[
        bool, typer.Option("--short", help="The short quiz (18 items) instead of the full one.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the quiz you stopped.")
    ] = False,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Score a YAML or JSON file of item id -> 1..5 instead of asking.",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, max=100, help="How many roles to recommend.")
    ] = 5,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="Also write the results to FILE (.json, .yaml or .md).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Take a self-assessment and see which roles fit you, and why.

    Answer how much you would like a set of work activities, what you want from
    work, and (optionally) how good you are at some skills. The items are our own
    and are not a validated psychometric instrument; the scoring follows the
    method of the O*NET Interest Profiler.

    Examples:

      mktcareers quiz --short

      mktcareers quiz --resume

      mktcareers quiz --answers my-answers.yaml --format json

      mktcareers quiz items --format yaml
    """
    if ctx.invoked_subcommand is not None:
        return
    if answers_file is not None and resume:
        output.error("--answers and --resume cannot be used together.")
        raise typer.Exit(2)
    from mktcareers import quiz as scoring
    from mktcareers import records

    knowledge = _load(ctx.parent)
    items = _load_quiz(knowledge)
    if answers_file is not None:
        from mktcareers.answers import AnswersError, read_answers

        try:
            answers = read_answers(answers_file, items)
        except AnswersError as problem:
            output.problems(
                f"the answers in {answers_file} cannot be used:",
                problem.problems,
                "see the item ids with 'mktcareers quiz items'.",
            )
            raise typer.Exit(1) from None
        asked = len(items.items)
    else:
        taken = _interactive_answers(items, short, resume)
        if taken is None:
            return
        answers, asked = taken
    result = scoring.score(items, answers, knowledge.roles, limit=top, asked=asked)
    record = records.quiz_result(result)
    _present(fmt, lambda render: render.quiz_result(result), lambda: record)
    if save is not None:
        _save_results(save, record)


@quiz_app.command("items")
def quiz_items(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="Only the short quiz's items.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the quiz items (id, kind, area, text) in the order they are asked.

    Examples:

      mktcareers quiz items

      mktcareers quiz items --short --format json
    """
    from mktcareers import records
    from mktcareers.quiz import ordered_items

    knowledge = _load(ctx.parent.parent)
    chosen = ordered_items(_load_quiz(knowledge), short=short)
    _present(
        fmt,
        lambda render: render.quiz_items(chosen),
        lambda: [records.quiz_item(item) for item in chosen],
    )

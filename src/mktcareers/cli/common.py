"""What the subcommands share: the command group that suggests mistyped commands and
options, the help options, the --format option, the knowledge base, resolving a name
(role, skill, family) or failing with suggestions, and printing a result as a Rich
view or in a machine format. Every suggestion is names.suggest's."""

import contextlib
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

CONTEXT = {"help_option_names": ["-h", "--help"]}


class SuggestingGroup(TyperGroup):
    """A command group whose "did you mean" for a mistyped command or option is the
    one rule (names.suggest), not difflib's as in Typer and Click. Every command
    noun's `typer.Typer(..., **APP_SETTINGS)` uses it; the root's LazyGroup is one."""

    def resolve_command(self, ctx, args: list[str]):
        typed = args[0]
        known = self.list_commands(ctx)
        # Options (Click reports those while parsing) and completion go on as usual.
        if typed in known or typed.startswith("-") or ctx.resilient_parsing:
            return super().resolve_command(ctx, args)
        meant = _commands_meant(ctx, known, args)
        ctx.fail(f"No such command {typed!r}.{_did_you_mean(meant)}")

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        with _options_suggested():
            return super().parse_args(ctx, args)

    def invoke(self, ctx):
        # A subcommand's options are parsed here, when the group makes its context.
        with _options_suggested():
            return super().invoke(ctx)


class NameWordsCommand(TyperCommand):
    """A command whose name arguments may be typed without quotes: `role show seo
    specialist` is `role show "seo specialist"`. With one name argument the words
    left over are joined to it; with several (compare, path), the one way of
    splitting the words into names that all resolve (`names_resolve`) is taken, and
    a usage error asks for quotes when none or several do."""

    def shell_complete(self, ctx, incomplete: str) -> list:
        """Options as usual; a word after the name arguments are filled continues the
        last name typed without quotes (`role show seo spec` offers "specialist"), or
        is offered nothing."""
        items = super().shell_complete(ctx, incomplete)
        if incomplete.startswith("-"):
            return items
        slots = [param for param in self.get_params(ctx) if param.param_type_name == "argument"]
        kinds = getattr(slots[-1].type, "kinds", None) if slots else None
        last = ctx.params.get(slots[-1].name) if slots else None
        if not kinds or not isinstance(last, str):
            return items
        from mktcareers.cli.completion import next_words

        typed = [*last.split(), *ctx.args]
        return items + next_words(ctx, kinds, typed, incomplete)

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:  # completion: the words typed so far, as they are
            return super().parse_args(ctx, args)
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        slots = [param for param in self.get_params(ctx) if param.param_type_name == "argument"]
        given = [ctx.params[slot.name] for slot in slots if ctx.params.get(slot.name) is not None]
        words = [*given, *rest]
        if not rest:
            # `path web developer`: one name for FROM, not FROM web and TO developer,
            # when the words read only that way.
            fewer = self._fewer_names(ctx, slots, words)
            if fewer is None:
                return rest
            names = fewer
        else:
            names = [" ".join(words)] if len(slots) == 1 else self._split(ctx, slots, words)
        for slot, name in itertools.zip_longest(slots, names):
            ctx.params[slot.name] = None if name is None else slot.process_value(ctx, name)
        ctx.args = []
        return []

    # How one reading of the words is shown in a message: 'seo' vs 'it'.
    joiner = " and "

    def names_resolve(self, ctx, names: list[str]) -> bool:
        """Whether each of `names` (one per name argument, in order) means one thing
        exactly, by a name of it (no guess from some of its words)."""
        return self.loose_names(ctx, names) == 0

    def loose_names(self, ctx, names: list[str]) -> int | None:
        """How many of `names` (one per name argument, in order) mean one thing only
        by some of their words, as the quoted form reads them ("ppc" is the PPC
        Specialist); 0 when each is a name of its own; None when any means nothing or
        several things. A command of several names says; by default, none resolves."""
        return None

    def _fewer_names(self, ctx, slots, words: list[str]) -> list[str] | None:
        """The names of the one way of reading `words` as fewer names than words (an
        optional argument left out) when read a word a name they do not resolve, else
        None: the command then reports the names as they were given."""
        required = sum(slot.required for slot in slots)
        if len(slots) == 1 or len(words) <= required or self.names_resolve(ctx, words):
            return None
        readings = [
            names
            for count in range(required, len(words))
            for names in _splits(words, count)
            if self.names_resolve(ctx, names)
        ]
        return readings[0] if len(readings) == 1 else None

    def _split(self, ctx, slots, words: list[str]) -> list[str]:
        """The names `words` make for `slots`: of the splits whose names all resolve
        (`loose_names`), the one that reads the fewest names by some of their words
        alone; a usage error when no split, or several equally good, resolve."""
        required = sum(slot.required for slot in slots)
        loose = {
            tuple(names): self.loose_names(ctx, names)
            for count in range(required, len(slots) + 1)
            for names in _splits(words, count)
        }
        resolved = {names: count for names, count in loose.items() if count is not None}
        best = min(resolved.values(), default=None)
        readings = [list(names) for names, count in resolved.items() if count == best]
        if len(readings) == 1:
            return readings[0]
        metavars = " and ".join(slot.make_metavar(ctx) for slot in slots)
        typed = " ".join(words)
        if readings:
            ways = " or ".join(self.joiner.join(map(repr, names)) for names in readings)
            ctx.fail(f"'{typed}' could be read as {ways}: quote the names.")
        ctx.fail(
            f"{len(words)} words for {metavars}, which take a name each, and no way to "
            f"read them as known names: quote each name of several words, as in "
            f'"seo specialist".'
        )


def _splits(words: list[str], count: int) -> list[list[str]]:
    """Every way to cut `words` into `count` runs of at least one word, each joined."""
    if count == 1:
        return [[" ".join(words)]]
    return [
        [" ".join(words[:cut]), *rest]
        for cut in range(1, len(words) - count + 2)
        for rest in _splits(words[cut:], count - 1)
    ]


# What every command noun's typer.Typer takes besides its own settings.
# Shell completion is installed from the root command (mktcareers --install-completion);
# a subcommand offering it again only lengthens its help.
APP_SETTINGS = {"cls": SuggestingGroup, "context_settings": CONTEXT, "add_completion": False}


@contextlib.contextmanager
def _options_suggested():
    """Give a mistyped long option (--formt) the suggestion of names.suggest among
    the options of its command, instead of Click's list of "possible options"."""
    # Typer exports none of its Click's errors; _click is the Click it bundles.
    from typer._click.exceptions import NoSuchOption

    try:
        yield
    except NoSuchOption as error:
        # Click gives a long option a list (from difflib), a short one None; a
        # group nearer the command may have answered already, setting None.
        if error.possibilities is not None and error.ctx is not None:
            from mktcareers.names import suggest

            command = error.ctx.command
            options = [
                option
                for param in command.get_params(error.ctx)
                for option in (*param.opts, *param.secondary_opts)
                if option.startswith("--")
            ]
            error.possibilities = None
            close = suggest(error.option_name, options)
            if close:  # Click's message ends without a full stop
                error.message = f"{error.message}.{_did_you_mean(close)}"
        raise


def _commands_meant(ctx, known: list[str], args: list[str]) -> list[str]:
    """What a person typing `args` where `ctx`'s group expects one of its `known`
    commands meant, first rule that answers: 'help' is the --help option; 'version'
    (any option of the group, else of the root, typed without dashes) is that option; a command
    whose words are the ones typed but for a singular or plural (`role list` is
    'mktcareers roles list', `roles show` 'mktcareers role show'); the group's
    commands closest to the word (names.suggest: `rol` is 'role'); the commands that
    end with the word (`mktcareers list`); the closest commands of as many words."""
    from mktcareers.names import normalise, singular, suggest

    root = ctx.find_root()
    here = tuple(reversed([c.info_name for c in _parents(ctx) if c is not root]))
    typed = (*here, args[0], *[word for word in args[1:3] if not word.startswith("-")])
    if normalise(args[0]) == "help":
        return [f"{ctx.command_path} --help"]
    # a word that is one of the group's own options spelled without dashes
    # (`mktcareers version` is 'mktcareers --version')
    as_option = f"--{normalise(args[0]).replace(' ', '-')}"
    for group in (ctx, root):
        if any(as_option in param.opts for param in group.command.get_params(group)):
            return [f"{group.command_path} {as_option}"]

    def fold(words) -> tuple[str, ...]:
        return tuple(singular(normalise(word)) for word in words)

    paths = _command_paths(root)
    whole = [
        f"{root.info_name} {' '.join(path)}"
        for path in _longest(
            path
            for path in paths
            if len(path) > len(here) and fold(typed[: len(path)]) == fold(path)
        )
    ]
    if whole:
        return whole
    close = suggest(args[0], known)
    if close:
        return close
    ending = [
        path
        for path in paths
        if len(path) > len(here) + 1
        and path[: len(here)] == here
        and fold(path[-1:]) == fold(args[:1])
    ]
    if not ending:
        spelled = {" ".join(path): path for path in paths if len(path) == len(typed)}
        ending = suggest(" ".join(typed), spelled)
    return [f"{root.info_name} {' '.join(path)}" for path in ending]


def _parents(ctx):
    while ctx is not None:
        yield ctx
        ctx = ctx.parent


def _longest(paths) -> list[tuple[str, ...]]:
    """The longest of `paths` (tuples of words): the most of what was typed they explain."""
    paths = list(paths)
    most = max(map(len, paths), default=0)
    return [path for path in paths if len(path) == most]


def _command_paths(root) -> list[tuple[str, ...]]:
    """The words of every command and group under `root`'s command (`("roles",
    "list")`, `("quiz",)`), in help's order: only for an error, so building every
    command's module is fine."""
    paths: list[tuple[str, ...]] = []
    pending = [((), root.command)]
    while pending:
        path, command = pending.pop(0)
        if path:
            paths.append(path)
        if hasattr(command, "list_commands"):
            pending += [
                ((*path, name), command.get_command(root, name))
                for name in command.list_commands(root)
            ]
    return paths


def _did_you_mean(suggestions: Sequence[str]) -> str:
    """ " Did you mean 'a', 'b'?" for a usage error, or "" with no suggestions."""
    return f" Did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="FORMAT",
        help="Output format: table (for reading), json, yaml, csv or md.",
    ),
]


def number_option(*names: str, low: int, high: int, help: str):
    """The typer.Option of a whole number from `low` to `high` (a usage error outside):
    metavar N, and the range in words at the end of `help` ("1-100"), not as Typer's
    "[1<=x<=100]", which a narrow --help folds mid-word."""

    def in_range(value: int | None) -> int | None:
        if value is not None and not low <= value <= high:
            raise typer.BadParameter(f"{value} is not from {low} to {high}.")
        return value

    return typer.Option(*names, metavar="N", help=f"{help} ({low}-{high})", callback=in_range)


def store(ctx: typer.Context):
    """The knowledge base chosen by --data (compiled when unchanged), or exit 1 listing
    its problems; opened once per command line (NameWordsCommand may look at names
    before the command does), so a part decoded for one is there for the other."""
    from mktcareers.kb import location
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.store import Store

    opened_by = ctx.find_root().meta
    if "mktcareers.store" in opened_by:
        return opened_by["mktcareers.store"]
    root = location.resolve_dir(ctx.obj)
    try:
        opened = Store.open(root, _parse)
    except KbError as problem:
        count = len(problem.problems)
        output.problems(
            f"the knowledge base at {root} has {count} problem{'s' if count != 1 else ''}:",
            problem.problems,
            f"run 'mktcareers kb validate {root}' after fixing them.",
        )
        raise typer.Exit(1) from None
    opened_by["mktcareers.store"] = opened
    return opened


def _parse(root):
    """Parse the YAML (no cache yet, or an edit since): a progress bar on a terminal
    when that is slow, and how long it took when over a second."""
    from mktcareers.kb.loading import load
    from mktcareers.views.progress import LoadFeedback

    feedback = LoadFeedback()
    try:
        knowledge = load(root, progress=feedback)
    except BaseException:
        feedback.finish(None)  # its problems are reported instead
        raise
    feedback.finish(f"the knowledge base at {root} ({len(knowledge.roles):,} roles)")
    return knowledge


# ------------------------------------------------------------------ names

# The longest name or query a command takes: the longest role title is under 60
# characters, and scoring a query costs time with every word it has.
MAX_NAME_CHARS = 200


def within_name_limit(value: str | None) -> str | None:
    """The callback of every name or query a command takes (role, skill, family,
    compare's sides, path's roles, search's words): a usage error when `value` is
    longer than MAX_NAME_CHARS, which the message does not repeat, or has no letter
    or digit to look up (empty, spaces, punctuation)."""
    if value is None:
        return value
    if len(value) > MAX_NAME_CHARS:
        raise typer.BadParameter(
            f"the name is {len(value):,} characters long; at most {MAX_NAME_CHARS:,}."
        )
    from mktcareers.names import normalise

    if not normalise(value):
        raise typer.BadParameter(f"{value!r} has no letter or digit to look up.")
    return value


def noun_app(summary: str) -> typer.Typer:
    """The Typer app of a command noun whose subcommands are its verbs (`role show`,
    `kb validate`): `summary` is its one line of help."""
    app = typer.Typer(no_args_is_help=True, **APP_SETTINGS)
    app.callback(help=summary)(lambda: None)
    return app


def name_argument(metavar: str, help: str, completes: tuple[str, ...] = ()):
    """The typer.Argument of a name or query (a role, a skill, compare's sides, path's
    roles, search's words): its metavar, its help and the one length limit; with
    `completes` (kinds of cli.completion: ROLE, SIDE ...), its values complete on Tab."""
    if not completes:
        return typer.Argument(metavar=metavar, help=help, callback=within_name_limit)
    from mktcareers.cli.completion import NameType

    return typer.Argument(
        metavar=metavar, help=help, callback=within_name_limit, click_type=NameType(completes)
    )


def unknown(
    kind: str, name: str, suggestions: Sequence[str], hint: str, *, hint_too: bool = False
) -> NoReturn:
    """Exit 1 with "Unknown KIND 'NAME'. Did you mean: a, b?", or, when nothing is
    close, "Unknown KIND 'NAME'." and `hint` (what to run or type instead); with
    `hint_too`, the hint follows the suggestions as well."""
    if suggestions:
        message = f"Unknown {kind} '{name}'. Did you mean: {', '.join(suggestions)}?"
        output.error(message, hint if hint_too else None)
    else:
        output.error(f"Unknown {kind} '{name}'.", hint)
    raise typer.Exit(1)


# Candidates an ambiguous name lists before "and N more" ("teacher" names 25 occupations).
MAX_CANDIDATES = 30


def ambiguous(name: str, candidates: Sequence[str], hint: str) -> NoReturn:
    """Exit 1 with "'NAME' could mean any of N:" and one candidate a line (at most
    MAX_CANDIDATES, then how many more), and `hint`: a shared name is never resolved by
    picking one of its owners."""
    lines = list(candidates[:MAX_CANDIDATES])
    more = len(candidates) - MAX_CANDIDATES
    if more > 0:
        lines.append(f'and {more} more (mktcareers search "{name}" ranks them)')
    output.problems(f"'{name}' could mean any of {len(candidates)}:", lines, hint)
    raise typer.Exit(1)


def alternate_title_note(name: str, what: str) -> None:
    """Say on stderr that `name` was found as an O*NET alternate title of `what` (an
    occupation's label): O*NET files some titles under jobs people would not expect
    ("IT Technician" under office machine repairers), so the choice is shown."""
    output.note(
        f"Note: '{name}' is an O*NET alternate title of {what}; for other jobs of that "
        f'name: mktcareers search "{name}"'
    )


def exit_on_code_problem(titles, name: str) -> None:
    """Exit 1 when `name` is meant as an O*NET-SOC code (occupations.code_problem) but
    is written wrongly or is no occupation's, with the closest codes when there are."""
    from mktcareers.occupations import code_problem

    problem = code_problem(titles, name)
    if problem is not None and not len(titles):
        exit_without_occupations()
    if problem is not None:
        message, close = problem
        hint = (
            f"did you mean: {'; '.join(close)}?"
            if close
            else 'find it with: mktcareers search "JOB TITLE"'
        )
        output.error(message, hint)
        raise typer.Exit(1)


def exit_without_occupations() -> NoReturn:
    """Exit 1: this knowledge base holds no O*NET occupations (its
    generated/occupations.json is missing), so no code or job title can be looked up."""
    output.error(
        "this knowledge base has no O*NET occupations (generated/occupations.json is missing).",
        "make it with 'python scripts/build_occupations.py', or leave out --data to use the "
        "bundled knowledge base.",
    )
    raise typer.Exit(1)


def same_on_both_sides(sides: str, kind: str, name: str, hint: str) -> NoReturn:
    """Exit 1 with "SIDES are the same KIND (NAME)." and `hint`: a command that sets
    two things side by side (compare, path) has nothing to say about one."""
    output.error(f"{sides} are the same {kind} ({name}).", hint)
    raise typer.Exit(1)


def resolve_role(finder, name: str, titles: Callable[[], object] | None = None) -> int:
    """The position (in `finder.roles`) of the role `name` means (search.RoleFinder's
    order: exact, other forms, words); else exit 1 listing the roles that share the
    name, or with the closest roles' slugs. With `titles` (giving the occupations'
    titles.Titles) a name that is an O*NET occupation says so, the roles built on it
    and where to look, and suggestions come from roles and occupations both."""
    match = finder.exact(name) or finder.by_form(name) or finder.by_words(name)
    if match is not None and match.candidates:
        labels = [_role_label(finder, slug) for slug in match.candidates]
        ambiguous(name, labels, "give the slug of the one you mean.")
    if match is not None and match.position is not None:
        return match.position
    close = match.suggestions if match is not None else ()
    if titles is None:
        hint = "run 'mktcareers roles list' to see every role."
        unknown("role", name, close or finder.suggest(name), hint)
    _not_a_role(finder, titles(), name, close)


def side_looseness(name: str, knowledge, finder) -> int | None:
    """How compare.resolve_side (the quoted form) reads `name`: 0 when it is one
    family (id or name, any case) of `knowledge` or one role by a name of it
    (search.RoleFinder's exact and by_form); 1 when one role only by some of its words
    (by_words: "ppc"); None when it means no role or family, or several roles."""
    from mktcareers.names import find_named

    if find_named(name, knowledge.families) is not None:
        return 0
    match = finder.exact(name) or finder.by_form(name)
    if match is not None:
        return 0 if match.position is not None else None
    match = finder.by_words(name)
    return 1 if match is not None and match.position is not None else None


def _role_label(finder, slug: str) -> str:
    from mktcareers.resolution import role_label

    return role_label(finder, finder.position(slug))


def _not_a_role(finder, titles, name: str, close: Sequence[str]) -> NoReturn:
    """Exit 1 for a name no role has: what it is when it is an occupation (and the roles
    built on it), else `close` (the roles a vague name fits) or the closest roles and
    occupations (roles first)."""
    from mktcareers.occupations import label
    from mktcareers.resolution import OCCUPATION, resolve_name, suggest_any

    found = resolve_name(finder, titles, name, roles=False)
    if found.kind == OCCUPATION:
        code = titles.codes[found.position]
        built = [finder.roles[link.role].slug for link in titles.role_links(found.position)]
        on_it = (
            f", which {', '.join(built)} {'is' if len(built) == 1 else 'are'} built on"
            if built
            else ", not one of our roles"
        )
        hint = (
            f"it is the O*NET occupation {label(titles, found.position)}{on_it}: see "
            f"'mktcareers occupation show {code}', or the roles closest to it with "
            f"'mktcareers path {code}'."
        )
        unknown("role", name, built, hint, hint_too=True)
    if found.candidates:
        hint = (
            f"it names {len(found.candidates)} O*NET occupations: "
            f"try 'mktcareers search \"{name}\"'."
        )
        unknown("role", name, close, hint, hint_too=True)
    if not close:
        suggested = suggest_any(finder, titles, name)
        roles = tuple(slug for slug in suggested if finder.position(slug) is not None)
        close = roles or suggested
    unknown("role", name, close, "run 'mktcareers roles list' to see every role.")


def resolve_named(kind: str, records: Mapping, name: str, hint: str):
    """The record of `records` (id -> a models.Skill, Family ...) that `name` (an id or
    name, any case) means, or exit 1 with the closest ids, or with `hint`."""
    from mktcareers.names import find_named, spellings, suggest

    found = find_named(name, records)
    if found is None:
        unknown(kind, name, suggest(name, spellings(records)), hint)
    return found


def present(fmt: OutputFormat, view, data) -> None:
    """Print the Rich view `view()` for tables, else `data()` in the machine format.

    Only the chosen path runs: machine formats never load Rich.
    """
    if fmt is OutputFormat.table:
        output.show(view())
        return
    from mktcareers.views import formats

    output.write(formats.render(data(), fmt))


# ------------------------------------------------------------------ role filters
# The filters that more than one command offers over the roles (roles list, map).


def filtered_roles(opened, family: str | None, *, min_remote: int = 0, beginner: bool = False):
    """(every role summary, those that pass the filters roles list and map offer):
    `family` an id or name of the knowledge base's (exit 1 with suggestions when it is
    none), `min_remote` a 0-100 remote score, `beginner` only beginner-friendly roles."""
    from mktcareers.roles import filter_roles

    summaries = opened.summaries()
    chosen = filter_roles(
        summaries,
        family=None if family is None else family_id(opened, summaries, family),
        min_remote=min_remote,
        beginner_only=beginner,
    )
    return summaries, chosen


def exit_if_none_match(fmt: OutputFormat, chosen, given: dict[str, object]) -> None:
    """When the filters leave no role: machine formats still print their empty document
    (so a pipeline reads valid JSON or CSV), then, in every format, exit 1 naming the
    filters that were given (`given`: option -> value, None/False/0 when not given)."""
    if chosen:
        return
    if fmt is not OutputFormat.table:
        from mktcareers.views import formats

        output.write(formats.render([], fmt))
    named = [
        option if value is True else f"{option} {value}"
        for option, value in given.items()
        if value not in (None, False, 0)
    ]
    output.error(
        f"no roles match {', '.join(named)}." if named else "no roles to list.",
        "loosen or drop one of them." if len(named) > 1 else "loosen it or drop it." * bool(named),
    )
    raise typer.Exit(1)


def _family_names():
    """The Click type that completes family ids on Tab (cli.completion)."""
    from mktcareers.cli.completion import FAMILY, NameType

    return NameType(FAMILY)


FamilyOption = Annotated[
    str | None,
    typer.Option(
        "--family",
        help="Only roles of this family: an id or name from the knowledge base's "
        "families.yaml (bundled: marketing, it).",
        metavar="FAMILY",
        show_default=False,
        callback=within_name_limit,
        click_type=_family_names(),
    ),
]

BeginnerOption = Annotated[bool, typer.Option("--beginner", help="Only roles that suit beginners.")]


def family_id(opened, summaries: Sequence, name: str) -> str:
    """The id of the family `name` means, or exit 1 with suggestions.

    Each role summary names its family, so the usual answer (the id of a family
    with roles, in any case) needs nothing more than the summaries; a family's
    name, or a family without roles, is looked up among the knowledge base's
    families.
    """
    from mktcareers.names import normalise

    wanted = normalise(name)
    for summary in summaries:
        if normalise(summary.family) == wanted:
            return summary.family
    families = opened.catalogues().families
    return resolve_named("family", families, name, f"use one of: {', '.join(families)}.").id

"""Shell completion of the names commands take: role slugs, O*NET-SOC codes, skill and
family ids, in bash, zsh and fish (mktcareers --install-completion).

Each name argument's type is a NameType, whose shell_complete Click (Typer's own)
calls on Tab. It runs on every Tab, so it reads one small part of the compiled
knowledge base (kb.store's "completion" part), never the roles or the occupations'
titles; a knowledge base not compiled yet is compiled first, as any command would.
The prefix typed is matched as names.fold reads it: any case, full-width or
accented (a full-width "SEO" completes seo-specialist). A name typed as words without quotes
completes word by word (`role show seo spec` offers "specialist"). A broken
completion request (a COMP_CWORD that is no number, an unknown instruction) offers
nothing or says so on stderr, never a traceback (`complete`).
"""

import os
import sys

from typer._click.types import StringParamType  # the Click Typer bundles: no `click`

# What each kind of argument completes: parts of the compiled "completion" part.
ROLE = ("roles",)
SIDE = ("families", "roles")  # compare's sides, path's TO
START = ("roles", "codes")  # path's FROM: a role or an occupation
OCCUPATION = ("codes",)
SKILL = ("skills",)
FAMILY = ("families",)


class NameType(StringParamType):
    """A name typed as text (Click's STRING) that completes from the knowledge base:
    `kinds` are the parts of kb.store's completion names it offers, in order."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds

    def shell_complete(self, ctx, param, incomplete: str) -> list:
        """The names of `kinds` that start with `incomplete` in any case, each with its
        title as help (zsh and fish show it). O*NET-SOC codes are offered only once a
        digit is typed, where roles are offered too (1,016 codes would bury them)."""
        from typer.core import CompletionItem

        return [
            CompletionItem(name, help=title)
            for name, title in completion_names(ctx, self.kinds, incomplete)
        ]


def completion_names(ctx, kinds: tuple[str, ...], incomplete: str) -> list[tuple[str, str]]:
    """(name, title) of the `kinds` of the knowledge base `ctx` names (--data, else
    MKTCAREERS_DATA, else the bundled one) that start with `incomplete`, case-folded;
    [] when the knowledge base cannot be opened (a Tab press says nothing)."""
    from mktcareers.names import fold

    wanted = fold(incomplete)
    if len(kinds) > 1 and not wanted[:1].isdigit():
        kinds = tuple(kind for kind in kinds if kind != "codes")
    opened = _open(ctx)
    if opened is None:
        return []
    found, seen = [], set()
    for kind in kinds:
        for name, title in opened.completion_names(kind):
            if fold(name).startswith(wanted) and name not in seen:
                seen.add(name)
                found.append((name, title))
    return found


def _open(ctx):
    """The compiled knowledge base --data names (ctx's root has parsed it), or None."""
    from mktcareers.kb import location
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.store import Store

    data = ctx.find_root().params.get("data") if ctx is not None else None
    try:
        return Store.open(location.resolve_dir(data), _load)
    except (KbError, OSError, ValueError):  # a broken or missing knowledge base
        return None


def _load(root):
    """Parse the knowledge base at `root` without a progress bar (it would draw over
    the shell's prompt): only when it has no compiled file yet, or was edited."""
    from mktcareers.kb.loading import load  # YAML: not on a Tab press that has the cache

    return load(root)


def next_words(ctx, kinds: tuple[str, ...], typed: list[str], incomplete: str) -> list:
    """The next word of the names of `kinds` whose words ('-' or spaces apart) begin
    with the words `typed` (a name typed without quotes, so far) and go on with one
    that starts with `incomplete`: `seo spec` -> "specialist" (of seo-specialist)."""
    from typer.core import CompletionItem

    from mktcareers.names import fold

    before = [fold(word) for word in typed]
    wanted = fold(incomplete)
    offered: dict[str, str] = {}
    for name, title in completion_names(ctx, kinds, before[0] if before else wanted):
        words = fold(name).replace("-", " ").split()
        if len(words) > len(before) and words[: len(before)] == before:
            following = words[len(before)]
            if following.startswith(wanted):
                offered.setdefault(following, title)
    return [CompletionItem(word, help=title) for word, title in offered.items()]


KNOWN_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def complete(command, ctx_args, prog_name: str, complete_var: str | None) -> None:
    """Answer the shell's completion request in `complete_var` (_MKTCAREERS_COMPLETE)
    when it is set, and exit: Typer's own answer, but an instruction that is not
    source_SHELL or complete_SHELL is a usage error (exit 2, said on stderr), and a
    request the shell sent wrongly (COMP_CWORD not a number, a variable missing)
    offers nothing (exit 1) instead of a traceback."""
    var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
    instruction = os.environ.get(var)
    if not instruction:
        return
    action, _, shell = instruction.partition("_")
    if action not in ("source", "complete") or shell not in KNOWN_SHELLS:
        sys.stderr.write(
            f"Error: {var}={instruction!r} is no completion request: shells set it to "
            f"complete_SHELL or source_SHELL ({', '.join(KNOWN_SHELLS)}). "
            f"Install completion with '{prog_name} --install-completion'.\n"
        )
        sys.exit(2)
    from typer.completion import shell_complete

    if shell == "zsh":
        _offer_no_files_in_zsh()
    try:
        code = shell_complete(command, ctx_args, prog_name, var, instruction)
    except (ValueError, KeyError, IndexError):  # COMP_CWORD=abc, COMP_WORDS unset
        sys.exit(1)
    sys.exit(code)


def _offer_no_files_in_zsh() -> None:
    """Register, in place of Typer's zsh completion, one that offers nothing when
    nothing completes a word that is no option's value, where Typer's offers the
    folder's files (`role show seo xyz<TAB>`): no argument of ours takes a file, while
    the value of an option (`--answers`, `--data`) may be one."""
    # Typer exports neither its completion classes nor its Click: their private modules
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import ZshComplete, completion_init

    class NoFilesZshComplete(ZshComplete):
        def complete(self) -> str:
            answer = super().complete()
            args, _ = self.get_completion_args()
            after_option = bool(args) and args[-1].startswith("-")
            return "" if answer == "_files" and not after_option else answer

    completion_init()  # Typer's classes first, then ours over its zsh
    add_completion_class(NoFilesZshComplete, "zsh")

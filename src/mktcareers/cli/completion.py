"""Shell completion of the names commands take: role slugs, O*NET-SOC codes, skill and
family ids, in bash, zsh and fish (mktcareers --install-completion).

Each name argument's type is a NameType, whose shell_complete Click (Typer's own)
calls on Tab. It runs on every Tab, so it reads one small part of the compiled
knowledge base (kb.store's "completion" part), never the roles or the occupations'
titles; a knowledge base not compiled yet is compiled first, as any command would.
The prefix typed is matched in any case ("SEO" completes seo-specialist).
"""

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
    wanted = incomplete.casefold()
    if len(kinds) > 1 and not wanted[:1].isdigit():
        kinds = tuple(kind for kind in kinds if kind != "codes")
    opened = _open(ctx)
    if opened is None:
        return []
    found, seen = [], set()
    for kind in kinds:
        for name, title in opened.completion_names(kind):
            if name.casefold().startswith(wanted) and name not in seen:
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

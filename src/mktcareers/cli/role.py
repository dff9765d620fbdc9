"""mktcareers role show."""

from typing import Annotated

import typer

from mktcareers.cli import completion
from mktcareers.cli.common import (
    FormatOption,
    NameWordsCommand,
    name_argument,
    noun_app,
    present,
    resolve_role,
    store,
)
from mktcareers.views.formats import OutputFormat

app = noun_app("Look at one role in depth.")


@app.command("show", cls=NameWordsCommand)
def role_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        name_argument(
            "NAME", "A role's slug, title or alias, e.g. seo-specialist.", completion.ROLE
        ),
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a role's full profile: work, skills, tools, remote work, pay and how to start.

    Examples:

      mktcareers role show seo-specialist

      mktcareers role show "SEO Analyst"

      mktcareers role show ppc --format json
    """
    from mktcareers.families import IT_FAMILY
    from mktcareers.views import role as role_view

    knowledge = store(ctx)
    finder = knowledge.finder()
    chosen = knowledge.role(resolve_role(finder, name, knowledge.titles))
    sources = knowledge.catalogues().sources
    same_pay = _same_pay(chosen, knowledge.summaries())
    others = [
        family.name.lower()
        for family in knowledge.catalogues().families.values()
        if family.id != IT_FAMILY
    ]
    present(
        fmt,
        lambda: role_view.role_profile(
            chosen, sources, finder.titles(chosen.next_roles), same_pay, others
        ),
        lambda: role_view.role_detail(chosen, sources, same_pay),
    )


def _same_pay(role, summaries) -> list[str]:
    """The other roles whose pay comes from the same BLS occupations as `role`'s."""
    from mktcareers.models import soc_shares
    from mktcareers.roles import same_pay_as

    return same_pay_as(role.slug, soc_shares(role.onet) if role.derived else (), summaries)

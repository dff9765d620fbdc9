"""The numbers scripts/build_derived.py derives for each role, joined to the role."""

from __future__ import annotations

from msgspec.structs import replace

from mktcareers.models import RIASEC, Derived, ItOverlap, OnetLink, Outlook, Pay, Role


def attach_derived(role: Role, data: dict | None) -> Role:
    """`role` with its checked entry of generated/derived.yaml (unchanged without one)."""
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
            role_skill_similarity=overlap.get("role_skill_similarity"),
            shared_skills=tuple(overlap.get("shared_skills", ())),
            onet_score=overlap.get("onet_score"),
        ),
    )
    return replace(role, onet=onet, derived=derived)


def _int_or_none(value: float | None) -> int | None:
    return None if value is None else round(value)

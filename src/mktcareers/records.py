"""Roles as plain, JSON-ready records: the single shape every output format starts from."""

from __future__ import annotations

from dataclasses import asdict

from mktcareers.models import KnowledgeBase, Role


def role_row(role: Role) -> dict:
    """The summary record `roles list` prints."""
    derived = role.derived
    return {
        "slug": role.slug,
        "title": role.title,
        "family": role.family,
        "remote_score": role.remote.score,
        "teleworkable": derived.teleworkable if derived else None,
        "it_overlap": role.it_overlap,
        "pay_median": role.pay_median,
        "job_zone": derived.job_zone if derived else None,
        "growth_pct": derived.outlook.growth_pct if derived else None,
        "annual_openings": derived.outlook.annual_openings if derived else None,
        "riasec": dict(derived.riasec) if derived else None,
        "beginner_friendly": role.beginner_friendly,
        "onet_codes": [link.code for link in role.onet],
    }


def role_detail(role: Role, kb: KnowledgeBase) -> dict:
    """Everything known about one role, for `role show --format json`."""
    derived = role.derived
    return {
        **role_row(role),
        "aliases": list(role.aliases),
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "skills": [
            {"id": skill.id, "name": skill.name, "level": skill.level, "type": skill.type}
            for skill in role.skills
        ],
        "tools": list(role.tools),
        "certifications": list(role.certifications),
        "next_roles": list(role.next_roles),
        "getting_started": {
            key: list(value) for key, value in asdict(role.getting_started).items()
        },
        "remote": {
            "score": role.remote.score,
            "factors": [asdict(factor) for factor in role.remote.factors],
            "challenges": [asdict(challenge) for challenge in role.remote.challenges],
        },
        "pay": _pay(role),
        "outlook": asdict(derived.outlook) if derived else None,
        "it_overlap_detail": _overlap(role),
        "onet": [asdict(link) for link in role.onet],
        "sources": [asdict(kb.sources[source_id]) for source_id in role.sources],
    }


def _pay(role: Role) -> dict | None:
    if role.derived is None:
        return None
    pay = asdict(role.derived.pay)
    pay["soc_codes"] = list(pay["soc_codes"])
    return pay


def _overlap(role: Role) -> dict | None:
    if role.derived is None:
        return None
    overlap = role.derived.it_overlap
    return {
        "score": overlap.score,
        "profile_similarity": overlap.profile_similarity,
        "tool_category_similarity": overlap.tool_category_similarity,
        "gap_filled": {code: list(relatives) for code, relatives in overlap.gap_filled.items()},
    }


def search_row(hit) -> dict:
    return {
        "slug": hit.role.slug,
        "title": hit.role.title,
        "family": hit.role.family,
        "score": hit.score,
        "matches": [{"field": match.field, "text": match.text} for match in hit.matches],
    }


def skill_row(skill, role_count: int) -> dict:
    return {"id": skill.id, "name": skill.name, "type": skill.type, "roles": role_count}


def skill_detail(skill, uses) -> dict:
    return {
        "id": skill.id,
        "name": skill.name,
        "type": skill.type,
        "description": skill.description,
        "roles": [
            {
                "slug": use.role.slug,
                "title": use.role.title,
                "family": use.role.family,
                "level": use.level,
            }
            for use in uses
        ],
    }

"""Roles as plain, JSON-ready records: the single shape every output format starts from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from msgspec.structs import asdict

from mktcareers.models import RoleSummary

if TYPE_CHECKING:
    from mktcareers.models import Role, Source


def role_row(summary: RoleSummary) -> dict:
    """The record `roles list` prints for a role's summary (`RoleSummary.of(role)`)."""
    return {
        "slug": summary.slug,
        "title": summary.title,
        "family": summary.family,
        "remote_score": summary.remote_score,
        "teleworkable": summary.teleworkable,
        "it_overlap": summary.it_overlap,
        "pay_median": summary.pay_median,
        "job_zone": summary.job_zone,
        "growth_pct": summary.growth_pct,
        "annual_openings": summary.annual_openings,
        "riasec": None if summary.riasec is None else dict(summary.riasec),
        "beginner_friendly": summary.beginner_friendly,
        "onet_codes": list(summary.onet_codes),
    }


def role_detail(role: Role, sources: Mapping[str, Source]) -> dict:
    """Everything known about one role, for `role show --format json`; `sources` by id."""
    derived = role.derived
    return {
        **role_row(RoleSummary.of(role)),
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
        "sources": [asdict(sources[source_id]) for source_id in role.sources],
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


def _family_summary(summary) -> dict:
    def spread(value):
        return (
            None
            if value is None
            else {"low": value.low, "median": value.median, "high": value.high}
        )

    return {
        "family": summary.family.id,
        "name": summary.family.name,
        "core_focus": list(summary.family.core_focus),
        "roles": len(summary.roles),
        "teleworkable_share": summary.teleworkable_share,
        "teleworkable_rated": summary.teleworkable_rated,
        "remote_score": spread(summary.remote),
        "it_overlap": spread(summary.it_overlap),
        "pay_median": spread(summary.pay_median),
        "growth_pct_median": summary.growth_median,
        "top_skills": [{"skill": skill, "share": share} for skill, share in summary.top_skills],
        "top_tools": [{"tool": tool, "share": share} for tool, share in summary.top_tools],
    }


def _similarity(value) -> dict:
    return {
        "score": value.score,
        "skills": value.skills,
        "interests": value.interests,
        "job_zone": value.job_zone,
        "method": value.method,
    }


def family_comparison(comparison) -> dict:
    return {
        "kind": "family-family",
        "left": _family_summary(comparison.left),
        "right": _family_summary(comparison.right),
        "shared_skills": list(comparison.shared_skills),
        "shared_tools": list(comparison.shared_tools),
        "bridge_roles": [
            {
                "slug": bridge.role.slug,
                "it_overlap": bridge.it_overlap,
                "technical_skills": list(bridge.technical_skills),
                "it_codes": list(bridge.it_codes),
            }
            for bridge in comparison.bridges
        ],
        "similarity": {
            "score": comparison.similarity,
            "method": "mean role-to-role similarity over every pair of one role from each side",
        },
        "verdict": list(comparison.verdict),
    }


def _skill_pair(pair) -> dict:
    return {
        "skill": pair.id,
        "name": pair.name,
        "type": pair.type,
        "left_level": pair.left_level,
        "right_level": pair.right_level,
    }


def role_comparison(comparison) -> dict:
    def side(role) -> dict:
        return {
            **role_row(RoleSummary.of(role)),
            "summary": role.summary,
            "remote_factors": {factor.id: factor.rating for factor in role.remote.factors},
        }

    return {
        "kind": "role-role",
        "left": side(comparison.left),
        "right": side(comparison.right),
        "shared_skills": [_skill_pair(pair) for pair in comparison.shared_skills],
        "only_left_skills": [_skill_pair(pair) for pair in comparison.only_left],
        "only_right_skills": [_skill_pair(pair) for pair in comparison.only_right],
        "shared_tools": list(comparison.shared_tools),
        "only_left_tools": list(comparison.only_left_tools),
        "only_right_tools": list(comparison.only_right_tools),
        "similarity": _similarity(comparison.similarity),
    }


def role_family_comparison(comparison, role_first: bool) -> dict:
    role_side, family_side = (
        role_row(RoleSummary.of(comparison.role)),
        _family_summary(comparison.family),
    )
    left, right = (role_side, family_side) if role_first else (family_side, role_side)
    return {
        "kind": "role-family" if role_first else "family-role",
        "left": left,
        "right": right,
        "similarity": {
            "score": comparison.similarity,
            "method": "mean similarity to each of the family's roles (see role-role similarity)",
        },
        "closest_roles": [
            {"slug": role.slug, "similarity": score} for role, score in comparison.closest
        ],
        "missing_typical_skills": list(comparison.missing_typical),
        "unusual_skills": list(comparison.unusual),
    }


def _gap(gap) -> dict:
    return {
        "skill": gap.id,
        "name": gap.name,
        "type": gap.type,
        "current_level": gap.current_level,
        "target_level": gap.target_level,
        "priority": gap.priority,
    }


def transition(move) -> dict:
    target = move.target
    return {
        "from": role_row(RoleSummary.of(move.source)),
        "to": role_row(RoleSummary.of(target)),
        "similarity": _similarity(move.similarity),
        "size": move.size,
        "job_zone_change": move.job_zone_change,
        "skills_you_bring": [_gap(gap) for gap in move.skills_you_bring],
        "skills_to_build": [_gap(gap) for gap in move.skills_to_build],
        "certifications": list(target.certifications),
        "getting_started": {
            key: list(value) for key, value in asdict(target.getting_started).items()
        },
    }


def moves(source, found) -> dict:
    return {
        "from": role_row(RoleSummary.of(source)),
        "moves": [
            {
                "slug": move.target.slug,
                "title": move.target.title,
                "family": move.target.family,
                "similarity": move.similarity.score,
                "size": move.size,
                "skills_to_build": len(move.skills_to_build),
            }
            for move in found
        ],
    }


def quiz_item(item) -> dict:
    """One quiz item, for `quiz items`."""
    return {
        "id": item.id,
        "kind": item.kind,
        "area": item.area,
        "measures": item.measures,
        "skill": item.skill,
        "short": item.short,
        "text": item.text,
        "scale": list(item.scale),
    }


def quiz_result(result) -> dict:
    """Quiz results: the profile, the Holland code and the best matches with why."""
    from mktcareers.quiz.scoring import DISCLAIMER, WEIGHTS, reasons

    return {
        "profile": {
            area: None if value is None else round(value, 2)
            for area, value in result.profile.items()
        },
        "holland_code": result.holland_code,
        "status": result.status,
        "message": result.message,
        "answered": result.answered,
        "asked": result.asked,
        "matches": [
            {
                "slug": match.role.slug,
                "title": match.role.title,
                "fit": match.fit,
                "interest_r": None if match.correlation is None else round(match.correlation, 3),
                "preferences": None if match.preferences is None else round(match.preferences, 3),
                "readiness": None if match.readiness is None else round(match.readiness, 3),
                "reasons": reasons(match),
                "skills_to_build": [
                    {"skill": gap.id, "name": gap.name, "have": gap.have, "need": gap.need}
                    for gap in match.skills_to_build
                ],
            }
            for match in result.matches
        ],
        "weights": dict(WEIGHTS),
        "disclaimer": DISCLAIMER,
    }

"""Generate a large knowledge base for benchmarks (not committed): N roles, M skills.

The bundled roles are the templates: each generated role is a copy of one with a
new slug and title, a few generated skills and the template's derived numbers,
so every command works on it. Deterministic for a given N and M.

    python benchmarks/make_kb.py /tmp/big-kb --roles 5000 --skills 2000
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mktcareers.kb.location import CORE_FILES, bundled_dir

WORDS = [
    "audience",
    "brand",
    "campaign",
    "channel",
    "cloud",
    "content",
    "conversion",
    "data",
    "design",
    "email",
    "funnel",
    "growth",
    "identity",
    "insight",
    "lifecycle",
    "local",
    "mobile",
    "network",
    "partner",
    "pricing",
    "product",
    "retention",
    "search",
    "security",
    "social",
    "sponsorship",
    "support",
    "video",
    "web",
]


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes shared values out in full: a real knowledge base has no anchors."""

    def ignore_aliases(self, data) -> bool:
        return True


def make(target: Path, roles: int, skills: int, seed: int = 1) -> Path:
    source = bundled_dir()
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "roles").mkdir(parents=True)
    (target / "generated").mkdir()
    for name in CORE_FILES:
        if name != "skills.yaml":
            shutil.copy(source / name, target / name)
    catalogue = yaml.load((source / "skills.yaml").read_text(), Loader=yaml.CSafeLoader)
    extra = []
    for index in range(max(0, skills - len(catalogue["skills"]))):
        words = rng.sample(WORDS, 2)
        extra.append(
            {
                "id": f"{words[0]}-{words[1]}-{index}",
                "name": f"{words[0].title()} {words[1]} {index}",
                "type": rng.choice(["technical", "non-technical"]),
                "description": f"Generated skill number {index} for benchmarks.",
            }
        )
    catalogue["skills"] += extra
    (target / "skills.yaml").write_text(yaml.dump(catalogue, Dumper=Dumper, sort_keys=False))

    derived = yaml.load(
        (source / "generated" / "derived.yaml").read_text(), Loader=yaml.CSafeLoader
    )
    templates = [
        yaml.load(path.read_text(), Loader=yaml.CSafeLoader)
        for path in sorted((source / "roles").glob("*.yaml"))
    ]
    generated = {}
    for template in templates:  # the bundled roles themselves, so next_roles resolve
        (target / "roles" / f"{template['slug']}.yaml").write_text(
            yaml.dump(template, Dumper=Dumper, sort_keys=False)
        )
        generated[template["slug"]] = derived["roles"][template["slug"]]
    for index in range(roles - len(templates)):
        template = templates[index % len(templates)]
        role = dict(template)
        role["slug"] = f"{template['slug']}-{index:05d}"
        role["title"] = f"{template['title']} {rng.choice(WORDS).title()} {index}"
        role["aliases"] = [*template["aliases"], f"{rng.choice(WORDS)} {rng.choice(WORDS)} lead"]
        used = {need["skill"] for need in template["skills"]}
        picks = [
            skill for skill in rng.sample(extra, min(5, len(extra))) if skill["id"] not in used
        ]
        role["skills"] = [
            *template["skills"],
            *({"skill": skill["id"], "level": rng.randint(1, 5)} for skill in picks),
        ]
        (target / "roles" / f"{role['slug']}.yaml").write_text(
            yaml.dump(role, Dumper=Dumper, sort_keys=False)
        )
        generated[role["slug"]] = derived["roles"][template["slug"]]
    (target / "generated" / "derived.yaml").write_text(
        yaml.dump({"method": derived["method"], "roles": generated}, Dumper=Dumper)
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--roles", type=int, default=5000)
    parser.add_argument("--skills", type=int, default=2000)
    arguments = parser.parse_args()
    make(arguments.target, arguments.roles, arguments.skills)
    print(f"wrote {arguments.roles} roles and {arguments.skills} skills to {arguments.target}")


if __name__ == "__main__":
    main()

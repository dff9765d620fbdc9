"""Derive the occupations dataset (every O*NET-SOC occupation) from the extracts in data/raw/.

Writes data/generated/occupations.json: per O*NET-SOC 2019 code, its title and
alternate titles, job zone, RIASEC profile, BLS pay and outlook (the BLS
occupation named), entry education, Dingel & Neiman's teleworkable flag, O*NET
skill and knowledge levels and importance, technology categories, BLS's
"computers and information technology" percentile and the IT overlap score,
measured against the IT roles exactly as build_derived.py measures a role. Numbers and names only:
O*NET's descriptions and task statements are sentences and are not read.

    python scripts/build_occupations.py            # rewrite the dataset
    python scripts/build_occupations.py --check    # exit 1 if the committed file is stale

JSON, not YAML: the dataset is about 60 times the size of derived.yaml, and the
standard library reads JSON in C, tens of times faster than PyYAML reads YAML.
One occupation per line keeps diffs readable. The gap-filling rule is build_derived's
own (docs/method.md). The file ends with the word index of every title, made by the
package's own titles.index_words (so by the normalisation search uses), which spares a
first run the work; the package reads it only when made by its normalisation from
exactly the titles in the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "src"))
import msgspec
from build_derived import (
    DATA,
    ONET29,
    RAW,
    RIASEC_AREAS,
    BuildError,
    ItReference,
    command_line,
    fill_importance,
    it_overlap,
    it_reference,
    load_crosswalks,
    load_importance,
    load_interests,
    load_job_zones,
    load_tech_categories,
    load_titles,
    parse_number,
    read_csv,
    read_tsv,
    role_profiles,
    round_to,
    soc6,
)

from mktcareers.titles import index_words

OUTPUT = RAW.parent / "generated" / "occupations.json"
ONET29_2 = RAW / "onet_29_2_text"
ONET30_FULL = RAW / "onet_30_1_full"
EP = RAW / "bls_ep_2024_34"
# The two O*NET domains rated per occupation, and the scales kept: LV level
# (0-7), IM importance (1-5).
DOMAINS = {"skills": "Skills", "knowledge": "Knowledge"}
SCALES = {"LV": "levels", "IM": "importance"}
IT_PERCENTILE_COLUMN = "Computers and information technology"
SOURCES = {
    "titles, job zone, RIASEC, alternate titles, technology categories": "O*NET 30.1",
    "skills and knowledge": "O*NET 29.2",
    "pay": "BLS OEWS May 2025, national, all industries",
    "outlook, entry education, computers and IT percentile": "BLS Employment Projections 2024-34",
    "teleworkable": "Dingel & Neiman (2020), O*NET-SOC 2010 flags via O*NET's 2010-2019 crosswalk",
    "IT overlap": "O*NET 29.2 importance and 30.1 technology categories against the IT roles",
}


# ---------------------------------------------------------------- readers


def load_element_names() -> dict[str, dict[str, str]]:
    """Element ID -> name per domain, from the 29.0 extract (29.2 ratings are the same)."""
    return {
        domain: {row["Element ID"]: row["Element Name"] for row in read_tsv(ONET29 / f"{name}.tsv")}
        for domain, name in DOMAINS.items()
    }


def load_ratings(domain: str) -> dict[str, dict[str, dict[str, float]]]:
    """Scale -> code -> element ID -> value, from O*NET 29.2."""
    ratings: dict[str, dict[str, dict[str, float]]] = {scale: {} for scale in SCALES}
    for row in read_tsv(ONET29_2 / f"{DOMAINS[domain]}.txt"):
        if row["Scale ID"] in SCALES:
            by_code = ratings[row["Scale ID"]].setdefault(row["O*NET-SOC Code"], {})
            by_code[row["Element ID"]] = float(row["Data Value"])
    return ratings


def load_alternate_titles() -> dict[str, list[str]]:
    titles: dict[str, list[str]] = {}
    for row in read_tsv(ONET30_FULL / "Alternate Titles.txt"):
        names = titles.setdefault(row["O*NET-SOC Code"], [])
        for name in (row["Alternate Title"], row["Short Title"]):
            if name != "n/a" and name not in names:
                names.append(name)
    return titles


def load_technology_categories() -> dict[str, list[str]]:
    categories: dict[str, set[str]] = {}
    for row in read_tsv(ONET30_FULL / "Technology Skills.txt"):
        categories.setdefault(row["O*NET-SOC Code"], set()).add(row["Commodity Title"])
    return {code: sorted(names) for code, names in categories.items()}


def load_bls_table(name: str) -> dict[str, list[str]]:
    """An EP table's rows by National Employment Matrix code (column 2)."""
    rows = {}
    for row in read_csv(EP / name):
        values = list(row.values())
        rows[values[1].strip()] = values
    return rows


def load_oews_all() -> dict[str, dict]:
    wages = {}
    for row in read_csv(RAW / "bls_oews_may2025" / "oews_national_all_occupations.csv"):
        code = row["occ_code"]
        wages[f"{code[:2]}-{code[2:]}"] = {
            "title": row["occ_title"],
            "detailed": row["display_level"] == "3",
            # "-": BLS publishes only an hourly wage (footnote 4).
            "median": parse_number(row["a_median"].replace("-", "")),
            "p10": parse_number(row["a_pct10"].replace("-", "")),
            "p90": parse_number(row["a_pct90"].replace("-", "")),
        }
    return wages


def load_teleworkable_all() -> dict[str, dict]:
    path = RAW / "dingel_neiman" / "derived_teleworkable_onetsoc2019_all.csv"
    flags = {}
    for row in read_csv(path):
        flag = row["dn_teleworkable"]
        flags[row["onetsoc2019_code"]] = {
            "flag": None if flag == "" else flag == "1",
            "status": row["status"],
            "codes_2010": [code for code in row["onetsoc2010_codes"].split(";") if code],
        }
    return flags


# ---------------------------------------------------------------- build


def bls_match(code: str, table: dict, detailed: set[str], onet_socs: set[str]) -> str | None:
    """The BLS occupation reporting on `code`: its own SOC code, else the one BLS aggregate.

    BLS publishes some SOC occupations only together (13-1021..13-1023 as 13-1020
    "Buyers and purchasing agents"); that aggregate shares the SOC broad group
    (first six characters) and is not itself an O*NET occupation's SOC code.
    """
    own = soc6(code)
    if own in table:
        return own
    aggregates = [
        other
        for other in table
        if other[:6] == own[:6] and other in detailed and other not in onet_socs
    ]
    return aggregates[0] if len(aggregates) == 1 else None


def ratings_for(code, domains_ratings, element_ids):
    """Levels and importance in element order, gap-filled like build_derived (method.md)."""
    result, filled_from = {}, None
    for domain, ratings in domains_ratings.items():
        for scale, field in SCALES.items():
            vector, relatives = fill_importance(code, ratings[scale])
            if relatives != [code]:
                filled_from = relatives
            result[f"{domain}_{field}"] = [
                round(vector[element], 2) for element in element_ids[domain]
            ]
    return result, filled_from


def role_it_reference() -> tuple[ItReference, dict[str, str]]:
    """The IT roles' reference, exactly as build_derived.py builds it (from its own
    O*NET 29.0 extract; docs/method.md compares it with 29.2), and the IT role
    each code is the whole crosswalk of."""
    crosswalks = load_crosswalks(DATA / "roles")
    vectors, _, tech = role_profiles(crosswalks, load_importance(), load_tech_categories())
    reference = it_reference(crosswalks, vectors, tech)
    role_of_code: dict[str, str] = {}
    for crosswalk in crosswalks:  # in slug order: the first IT role of a code is left out
        if len(crosswalk.codes) == 1 and crosswalk.slug in reference.vectors:
            role_of_code.setdefault(crosswalk.codes[0][0], crosswalk.slug)
    return reference, role_of_code


def build() -> dict:
    titles = load_titles()
    interests, zones = load_interests(), load_job_zones()
    alternates, categories = load_alternate_titles(), load_technology_categories()
    wages, telework = load_oews_all(), load_teleworkable_all()
    projections = load_bls_table("ep_table_1_2_all_occupations_2024_34.csv")
    separations = load_bls_table("ep_table_1_10_all_occupations_2024_34.csv")
    education = load_bls_table("ep_table_5_4_all_occupations_2024.csv")
    skills_path = EP / "ep_table_6_5_all_occupations_2024.csv"
    header = next(iter(read_csv(skills_path))).keys()
    it_index = list(header).index(IT_PERCENTILE_COLUMN)
    it_percentiles = load_bls_table(skills_path.name)

    names = load_element_names()
    domains_ratings = {domain: load_ratings(domain) for domain in DOMAINS}
    element_ids = {}
    for domain, ratings in domains_ratings.items():
        ids = sorted({element for vector in ratings["LV"].values() for element in vector})
        if set(ids) != set(names[domain]):
            raise BuildError(f"O*NET 29.2 {domain} elements differ from the 29.0 names")
        element_ids[domain] = ids

    importance = {}  # code -> skill and knowledge element ID -> importance, O*NET 29.2
    for ratings in domains_ratings.values():
        for code, vector in ratings["IM"].items():
            importance.setdefault(code, {}).update(vector)
    reference, role_of_code = role_it_reference()

    onet_socs = {soc6(code) for code in titles}
    oews_detailed = {code for code, wage in wages.items() if wage["detailed"]}
    ep_detailed = {code for code, row in projections.items() if row[2] == "Line item"}
    occupations = {}
    for code in sorted(titles):
        record: dict = {"title": titles[code], "alternate_titles": alternates.get(code, [])}
        record["job_zone"] = zones.get(code)
        record["riasec"] = (
            {area: round(interests[code][area], 2) for area in RIASEC_AREAS.values()}
            if code in interests
            else None
        )
        pay_code = bls_match(code, wages, oews_detailed, onet_socs)
        wage = wages.get(pay_code)
        record["pay"] = wage and {
            "bls_code": pay_code,
            "bls_title": wage["title"],
            **{key: round_to(wage[key], 10) for key in ("median", "p10", "p90")},
        }
        ep_code = bls_match(code, projections, ep_detailed, onet_socs)
        if ep_code:
            row = projections[ep_code]
            record["outlook"] = {
                "bls_code": ep_code,
                "bls_title": row[0].strip(),
                "growth_pct": parse_number(row[8]),
                # The table is in thousands of jobs.
                "annual_openings": round(parse_number(row[10]) * 1000),
                # Table 1.10: the share of workers leaving for another occupation each year.
                "transfer_rate_pct": parse_number(separations[ep_code][8]),
            }
            study = education.get(ep_code)
            record["entry_education"] = study and {
                "education": study[2].strip(),
                "work_experience": study[3].strip(),
                "on_the_job_training": study[4].strip(),
            }
            percentiles = it_percentiles.get(ep_code)
            record["bls_computers_it_percentile"] = percentiles and int(percentiles[it_index])
        else:
            record["outlook"] = record["entry_education"] = None
            record["bls_computers_it_percentile"] = None
        flag = telework.get(code, {"flag": None, "status": "none", "codes_2010": []})
        record["teleworkable"] = flag["flag"]
        record["teleworkable_source"] = {
            "codes_2010": flag["codes_2010"],
            "status": flag["status"],
        }
        # Only data-level occupations (with a job zone) are rated or gap-filled;
        # O*NET's "All Other" residual codes carry no ratings at all.
        if code in zones:
            ratings, filled_from = ratings_for(code, domains_ratings, element_ids)
            record.update(ratings)
            record["ratings_gap_filled_from"] = filled_from
            # Scored like the IT role this code is the whole crosswalk of, that role left
            # out of the reference as build_derived leaves it out of its own score.
            vector, _ = fill_importance(code, importance)
            tools = set(categories.get(code, []))
            record["it_overlap"] = it_overlap(vector, tools, reference, role_of_code.get(code))
        else:
            record["ratings_gap_filled_from"] = record["it_overlap"] = None
        record["technology_categories"] = categories.get(code, [])
        occupations[code] = record
    texts = [
        text
        for record in occupations.values()
        for text in (record["title"], *record["alternate_titles"])
    ]
    return {
        "method": "docs/method.md",
        "sources": SOURCES,
        "elements": {domain: [names[domain][e] for e in element_ids[domain]] for domain in DOMAINS},
        "occupations": occupations,
        # The words of every title, normalised and indexed as search reads them, so a
        # first run need not (titles.index_words; arrays little-endian, base64).
        "title_index": _as_record(index_words(texts)),
    }


def _as_record(words) -> dict:
    """A models.TitleWords as a JSON object, its arrays in base64 (as msgspec reads them)."""
    return {name: msgspec.to_builtins(getattr(words, name)) for name in words.__struct_fields__}


def render(document: dict) -> str:
    """Stable JSON, one occupation per line."""

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    lines = [
        f"{dumps(key)}:{dumps(value)},"
        for key, value in document.items()
        if key not in ("occupations", "title_index")
    ]
    occupations = [
        f"{dumps(code)}:{dumps(record)}" for code, record in document["occupations"].items()
    ]
    index = [f"{dumps(key)}:{dumps(value)}" for key, value in document["title_index"].items()]
    return (
        "{\n"
        + "\n".join(lines)
        + '\n"occupations":{\n'
        + ",\n".join(occupations)
        + '\n},\n"title_index":{\n'
        + ",\n".join(index)
        + "\n}}\n"
    )


def main(argv: list[str] | None = None) -> int:
    return command_line(argv, __doc__.splitlines()[0], build, render, OUTPUT, "build_occupations")


if __name__ == "__main__":
    sys.exit(main())

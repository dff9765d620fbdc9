"""Record Dingel & Neiman's teleworkable flag for every O*NET-SOC 2019 occupation.

Dingel & Neiman (2020) flag O*NET-SOC 2010 occupations; their files are GPL-3.0 and
stay out of this repository. This one-off join reads them from the shared source
folder, follows O*NET's 2010 -> 2019 crosswalk and writes one row per 2019 code
(a cited fact per occupation, our own table), in the layout of
data/raw/dingel_neiman/derived_teleworkable_onetsoc2019_targets.csv:

    python scripts/extract_teleworkable.py SHARED_RAW_FOLDER OUTPUT_CSV

status: "agree" when every rated 2010 source has the same flag, "mixed" when they
differ (flag left empty), "none" when no source is rated.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    shared, output = Path(argv[0]), Path(argv[1])
    with (shared / "dingel_neiman" / "occupations_workathome.csv").open(encoding="utf-8") as f:
        flags = {row["onetsoccode"]: row["teleworkable"] for row in csv.DictReader(f)}
    crosswalk_path = shared / "onet_crosswalk" / "2010_to_2019_Crosswalk.csv"
    sources: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    with crosswalk_path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            sources.setdefault(row["soc2019_code"], []).append(row["soc2010_code"])
            titles[row["soc2019_code"]] = row["soc2019_title"]
    occupations = shared / "onet_30_1_text" / "Occupation Data.txt"
    with occupations.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            titles.setdefault(row["O*NET-SOC Code"], row["Title"])
    with output.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(
            [
                "onetsoc2019_code",
                "title_2019",
                "onetsoc2010_codes",
                "dn_teleworkable_by_2010_code",
                "dn_teleworkable",
                "status",
            ]
        )
        for code in sorted(titles):
            codes_2010 = sorted(set(sources.get(code, [])))
            rated = [(old, flags[old]) for old in codes_2010 if old in flags]
            values = {flag for _, flag in rated}
            status = "none" if not values else "agree" if len(values) == 1 else "mixed"
            writer.writerow(
                [
                    code,
                    titles[code],
                    ";".join(codes_2010),
                    ";".join(f"{old}={flag}" for old, flag in rated),
                    values.pop() if status == "agree" else "",
                    status,
                ]
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

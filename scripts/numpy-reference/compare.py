#!/usr/bin/env python3
"""Compares corecast's JSON export with corecast_ref.py's, statistic by statistic.

    compare.py corecast.json ref.json

For each mean it prints both values, their difference and the difference in
units of the combined Monte Carlo standard error (sd/sqrt(N) of each, an upper
bound under LHS); for the two probabilities, the binomial standard error.
Differences within about 3 standard errors are what two correct
implementations with different random numbers give.
"""

import json
import math
import sys


def table(doc, name):
    for t in doc["tables"]:
        if t["name"] == name:
            cols = [c if isinstance(c, str) else c["name"] for c in t["columns"]]
            return [dict(zip(cols, r)) for r in t["rows"]]
    raise KeyError(name)


def main():
    cc = json.load(open(sys.argv[1]))
    ref = json.load(open(sys.argv[2]))
    n_cc = len(table(cc, "distribution"))
    n_ref = len(table(ref, "distribution"))
    print(f"{'statistic':<28}{'corecast':>12}{'numpy':>12}{'diff':>10}{'diff/se':>9}")
    cc_sum = {r["output"]: r for r in table(cc, "summary")}
    ref_sum = {r["output"]: r for r in table(ref, "summary")}
    worst = 0.0
    for k in ("total_cost", "total_need", "national_need", "local_need", "total_programme",
              "present_value", "core_by_target"):
        a, b = cc_sum[k], ref_sum[k]
        se = math.hypot(a["sd"] / math.sqrt(n_cc), b["sd"] / math.sqrt(n_ref))
        z = (a["mean"] - b["mean"]) / se if se else 0.0
        worst = max(worst, abs(z))
        print(f"{'mean ' + k:<28}{a['mean']:>12.2f}{b['mean']:>12.2f}{a['mean'] - b['mean']:>10.2f}{z:>9.2f}")
    cc_head = {r["measure"]: r["value"] for r in table(cc, "headline")}
    ref_head = {r["measure"]: r["value"] for r in table(ref, "headline")}
    # corecast's P(within plan) is of the plan window's spend, which the
    # reference does not model; the share of iterations whose whole
    # programme is within the plan total is made from corecast's
    # Distribution instead, as the reference makes it.
    plan = cc_head["Plan total, £m"]
    dist = table(cc, "distribution")
    cc_head["P(programme within plan)"] = sum(r["total_programme"] <= plan for r in dist) / n_cc
    for label, kc, kr in (("P(all core by target)", "P(all trusts core", "p_all_core_by_target"),
                          ("P(programme within plan)", "P(programme within plan)", "p_programme_within_plan")):
        a = next(v for k, v in cc_head.items() if k.startswith(kc))
        b = ref_head[kr]
        se = math.hypot(math.sqrt(a * (1 - a) / n_cc), math.sqrt(b * (1 - b) / n_ref))
        z = (a - b) / se if se else 0.0
        worst = max(worst, abs(z))
        print(f"{label:<28}{a:>12.5f}{b:>12.5f}{a - b:>10.5f}{z:>9.2f}")
    for q in ("P10", "P50", "P90"):
        a = cc_head["Year all trusts core, " + q]
        b = ref_head["all_core_year_" + q.lower()]
        print(f"{'year all core, ' + q:<28}{a:>12}{b:>12}")
    cc_years = table(cc, "by_year")
    ref_years = table(ref, "by_year")
    for a, b in zip(cc_years, ref_years):
        print(f"{'core mean ' + str(b['year']):<28}{a['core_mean']:>12.2f}{b['core_mean']:>12.2f}"
              f"{a['core_mean'] - b['core_mean']:>10.2f}")
    print(f"largest |diff/se| among the means and probabilities: {worst:.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""An independent numpy implementation of corecast's reference model.

It follows DESIGN.md §5 (steps 1-6) from the text alone, vectorised over
iterations the way a numpy user would write it, for two uses: a check that
corecast agrees with a second implementation within Monte Carlo error, and a
comparator for DESIGN §10's whole-process performance target. It is not part
of corecast or of its tests. See README.md beside it.

It reads a workbook as `corecast sample` writes it (sheets Trusts and Funding
with their canonical column names, via openpyxl), or a directory holding
trusts.csv and funding.csv with the same columns. It does not apply the
import rules of DESIGN §3 (aliases, units, totals rows, ...): give it clean
input. The scenario is the baseline of DESIGN §4; --capacity, --uplift,
--target, --priority, --iterations and --seed change it.

Writes a JSON document with the tables summary, headline, by_year, by_trust
and distribution (one row per iteration), and prints one summary line on
stderr.
"""

import argparse
import csv
import json
import os
import sys
import time

import numpy as np
from scipy import special  # betaincinv, ndtri: far quicker to import than scipy.stats

# The baseline scenario of DESIGN §4.
BASE_YEAR = 2019
TARGET_YEAR = 2023
HORIZON_YEAR = 2029
CORE_THRESHOLD = 75.0
LOCAL_SHARE = 0.5
CAPACITY_STARTS = 80
ENVELOPE_AFTER_M = 1200.0
PLAN_TOTAL_M = 8100.0
DISCOUNT_RATE = 0.035
TRUST_SIGMA = 0.35
REF_OPEX_M = 500.0
INCLUDE_PLANNED = False
COUNTED = {"received", "committed"}
EPSILON = 1e-9  # £m of rounding the envelope comparison allows

TYPES = ["acute", "mental health", "community", "ambulance", "specialist"]
TYPE_KEYS = ["acute", "mental_health", "community", "ambulance", "specialist"]

# Scenario-level inputs in the order of the distribution table: name, kind, parameters.
INPUTS = [
    ("unit_cost.acute", "pert", (1.0, 1.8, 3.5)),
    ("unit_cost.mental_health", "pert", (0.5, 0.9, 1.8)),
    ("unit_cost.community", "pert", (0.4, 0.7, 1.4)),
    ("unit_cost.ambulance", "pert", (0.5, 0.9, 1.8)),
    ("unit_cost.specialist", "pert", (0.8, 1.4, 2.8)),
    ("size_elasticity", "uniform", (0.5, 0.9)),
    ("optimism_bias", "pert", (0.10, 0.30, 1.00)),
    ("duration_bias", "uniform", (0.0, 0.3)),
    ("inflation", "normal", (0.02, 0.01)),
]
INFLATION_DOMAIN = (-0.1, 0.3)  # normal draws are clamped to the input's domain (§4)
DEPLOY_YEARS = (1.0, 2.0, 3.5)  # triangular min, mode, max

NEVER = np.iinfo(np.int32).max  # completion of a trust never started


def year_of(text):
    """Reads a financial year written "2019-20" (or a number) as its first calendar year."""
    if isinstance(text, (int, float)):
        return int(text)
    return int(str(text).strip()[:4])


def read_rows(path):
    """Returns the Trusts and Funding rows as lists of dicts keyed by lower-case column name."""
    if os.path.isdir(path):
        out = []
        for name in ("trusts.csv", "funding.csv"):
            with open(os.path.join(path, name), newline="", encoding="utf-8-sig") as f:
                out.append([{k.strip().lower(): v for k, v in r.items()} for r in csv.DictReader(f)])
        return out
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = []
    for sheet in ("Trusts", "Funding"):
        rows = wb[sheet].iter_rows(values_only=True)
        header = [str(h).strip().lower() if h is not None else "" for h in next(rows)]
        out.append([dict(zip(header, r)) for r in rows if any(v not in (None, "") for v in r)])
    wb.close()
    return out


def load(path):
    trusts, funding = read_rows(path)
    code = [str(r["code"]).strip() for r in trusts]
    index = {c.upper(): i for i, c in enumerate(code)}
    ttype = np.array([TYPES.index(str(r["type"]).strip().lower()) for r in trusts])
    region = [str(r["region"]).strip() for r in trusts]
    opex = np.array([float(r["opex_m"]) for r in trusts])
    maturity = np.array([float(r["maturity"]) for r in trusts])
    committed = np.zeros(len(trusts))
    national_rows = {}  # year -> counted national_m, for every year with a NATIONAL row
    for r in funding:
        status = str(r["status"]).strip().lower()
        counted = status in COUNTED or (INCLUDE_PLANNED and status == "planned")
        nat = float(r.get("national_m") or 0)
        loc = float(r.get("local_m") or 0)
        c = str(r["code"]).strip().upper()
        if c == "NATIONAL":
            y = year_of(r["year"])
            national_rows[y] = national_rows.get(y, 0.0) + (nat if counted else 0.0)
        elif counted:
            committed[index[c]] += nat + loc
    return dict(code=code, type=ttype, region=region, opex=opex, maturity=maturity,
                committed=committed, national_rows=national_rows)


def envelope(national_rows, years, uplift):
    """Step 5's envelope E_y for each modelled year."""
    last = max(national_rows) if national_rows else None
    e = np.array([national_rows.get(y, 0.0) if last is not None and y <= last else ENVELOPE_AFTER_M
                  for y in years])
    return e + uplift


def quantile(kind, params, u):
    if kind == "pert":
        lo, mode, hi = params
        a = 1 + 4 * (mode - lo) / (hi - lo)
        b = 1 + 4 * (hi - mode) / (hi - lo)
        return lo + (hi - lo) * special.betaincinv(a, b, u)
    if kind == "uniform":
        lo, hi = params
        return lo + (hi - lo) * u
    if kind == "normal":
        mean, sd = params
        return np.clip(mean + sd * special.ndtri(u), *INFLATION_DOMAIN)
    raise ValueError(kind)


def draw_inputs(rng, n, sampling):
    """Step 1: the nine scenario-level inputs, LHS (or random), then Iman-Conover."""
    cols = len(INPUTS)
    x = np.empty((n, cols))
    for j, (_, kind, params) in enumerate(INPUTS):
        if sampling == "lhs":
            u = (rng.permutation(n) + rng.random(n)) / n
        else:
            u = rng.random(n)
        x[:, j] = quantile(kind, params, u)
    # Target rank correlation: the five unit costs pairwise 0.6, identity elsewhere.
    target = np.eye(cols)
    target[:5, :5] = 0.6
    np.fill_diagonal(target, 1.0)
    scores = special.ndtri(np.arange(1, n + 1) / (n + 1))
    s = np.column_stack([rng.permutation(scores) for _ in range(cols)])
    p = np.linalg.cholesky(target)
    q = np.linalg.cholesky(np.corrcoef(s, rowvar=False))
    t = s @ np.linalg.inv(q).T @ p.T
    # Pair the marginal values as the ranks of t say; the values are unchanged.
    ranks = np.argsort(np.argsort(t, axis=0), axis=0)
    return np.take_along_axis(np.sort(x, axis=0), ranks, axis=0)


def priority_order(trusts, rule):
    """A fixed walk order over trusts (lowest-cost is per iteration and handled by the caller)."""
    t = len(trusts["code"])
    code = trusts["code"]
    mat = trusts["maturity"]
    if rule == "lowest-maturity":
        return np.array(sorted(range(t), key=lambda i: (mat[i], code[i])))
    if rule == "largest-gap":
        gap = np.maximum(0, CORE_THRESHOLD - mat)
        return np.array(sorted(range(t), key=lambda i: (-gap[i], code[i])))
    if rule == "region-balanced":
        by_region = {}
        for i in sorted(range(t), key=lambda i: (mat[i], code[i])):
            by_region.setdefault(trusts["region"][i], []).append(i)
        queues = [by_region[r] for r in sorted(by_region)]
        out = []
        while any(queues):
            for qu in queues:
                if qu:
                    out.append(qu.pop(0))
        return np.array(out)
    raise ValueError(rule)


def simulate(trusts, n, seed, sampling="lhs", capacity=CAPACITY_STARTS, uplift=0.0,
             target=TARGET_YEAR, priority="lowest-maturity"):
    rng = np.random.default_rng(seed)
    years = np.arange(BASE_YEAR, HORIZON_YEAR + 1)
    ny = len(years)
    theta = draw_inputs(rng, n, sampling)
    unit_cost, beta, ob, db, g = theta[:, :5], theta[:, 5], theta[:, 6], theta[:, 7], theta[:, 8]

    # Step 2. Trust-level draws for every trust and iteration, as (trusts, iterations),
    # with the arithmetic done in place on the large arrays.
    nt = len(trusts["code"])
    eps = rng.standard_normal((nt, n))
    eps *= TRUST_SIGMA
    eps -= TRUST_SIGMA ** 2 / 2
    np.exp(eps, out=eps)
    deploy = rng.triangular(*DEPLOY_YEARS, (nt, n))
    gap = np.maximum(0.0, CORE_THRESHOLD - trusts["maturity"])
    cost = np.log(trusts["opex"] / REF_OPEX_M)[:, None] * beta[None, :]
    np.exp(cost, out=cost)  # (opex / ref_opex_m)^β
    cost *= unit_cost.T[trusts["type"]]
    cost *= gap[:, None]
    cost *= eps
    cost *= (1 + ob)[None, :]
    del eps

    # Step 3.
    need = cost - trusts["committed"][:, None]
    np.maximum(need, 0.0, out=need)
    national = (1 - LOCAL_SHARE) * need
    local = LOCAL_SHARE * need

    # Step 4.
    deploy *= (1 + db)[None, :]
    np.ceil(deploy, out=deploy)
    length = np.maximum(deploy, 1).astype(np.int32)
    del deploy
    completion = np.full((nt, n), NEVER, dtype=np.int32)
    completion[gap == 0, :] = BASE_YEAR - 1
    funded = (gap[:, None] > 0) & (need == 0)
    completion[funded] = (BASE_YEAR + length - 1)[funded]

    # Step 5. Scheduling, year by year, trusts in priority order, vectorised over iterations.
    env = envelope(trusts["national_rows"], years, uplift)
    used = np.zeros((ny, n))
    spent_local = np.zeros((ny, n))
    unstarted = (gap[:, None] > 0) & (need > 0)
    share_nat = national / length
    share_loc = local / length
    cols = np.arange(n)
    if priority == "lowest-cost":
        # This iteration's need ascending, ties by code: one order per iteration.
        code_rank = np.argsort(np.argsort(np.array(trusts["code"])))
        order = np.lexsort((np.broadcast_to(code_rank[:, None], need.shape), need), axis=0)
    else:
        order = priority_order(trusts, priority)
    for yi, y in enumerate(years):
        starts = np.zeros(n, dtype=np.int32)
        for rank in range(nt):
            if priority == "lowest-cost":
                i = order[rank]  # one trust per iteration
                cand = unstarted[i, cols] & (starts < capacity) & (y + length[i, cols] - 1 <= HORIZON_YEAR)
                idx = np.flatnonzero(cand)
                ti = i[idx]
            else:
                i = order[rank]
                cand = unstarted[i] & (starts < capacity) & (y + length[i] - 1 <= HORIZON_YEAR)
                idx = np.flatnonzero(cand)
                ti = i
            if idx.size == 0:
                continue
            # Work on the iterations where the trust could start this year.
            li, sn, sl = length[ti, idx], share_nat[ti, idx], share_loc[ti, idx]
            ok = np.ones(idx.size, dtype=bool)
            for k in range(int(li.max())):
                ok &= (k >= li) | (used[yi + k, idx] + sn <= env[yi + k] + EPSILON)
            idx, li, sn, sl = idx[ok], li[ok], sn[ok], sl[ok]
            if idx.size == 0:
                continue
            for k in range(int(li.max())):
                m = k < li
                used[yi + k, idx[m]] += sn[m]
                spent_local[yi + k, idx[m]] += sl[m]
            starts[idx] += 1
            tj = ti if priority != "lowest-cost" else ti[ok]
            completion[tj, idx] = y + li - 1
            unstarted[tj, idx] = False

    # Step 6.
    total_cost = cost.sum(0)
    total_need = need.sum(0)
    national_need = national.sum(0)
    local_need = local.sum(0)
    total_programme = trusts["committed"].sum() + total_need
    spend = used + spent_local
    offset = (years - BASE_YEAR)[:, None]
    nominal = spend * (1 + g[None, :]) ** offset
    present_value = (spend / (1 + DISCOUNT_RATE) ** offset).sum(0)
    core_by_year = (completion[None, :, :] <= years[:, None, None]).sum(1)
    all_core_year = completion.max(0)
    core_by_target = (completion <= target).sum(0)
    return dict(
        theta=theta, total_cost=total_cost, total_need=total_need, national_need=national_need,
        local_need=local_need, total_programme=total_programme, present_value=present_value,
        core_by_target=core_by_target, all_core_year=all_core_year, core_by_year=core_by_year,
        national_spend=used, local_spend=spent_local, nominal_spend=nominal, env=env, years=years,
        cost=cost, need=need, completion=completion, target=target,
    )


def describe(x):
    p = np.percentile(x, [5, 10, 25, 50, 75, 90, 95])
    sd = float(np.std(x, ddof=1))
    return [float(np.mean(x)), sd, sd / np.sqrt(len(x))] + [float(v) for v in p]


def lower_percentile(years, q):
    """A percentile of years: whole years, the lower of the two when between."""
    return int(np.percentile(years, q, method="lower"))


def tables(trusts, r):
    n = len(r["total_need"])
    out = []
    stat_cols = ["output", "mean", "sd", "mc_se", "p5", "p10", "p25", "p50", "p75", "p90", "p95"]
    rows = [[k] + describe(r[k]) for k in
            ("total_cost", "total_need", "national_need", "local_need", "total_programme",
             "present_value", "core_by_target")]
    out.append({"name": "summary", "columns": stat_cols, "rows": rows})
    p_core = float(np.mean(r["all_core_year"] <= r["target"]))
    p_plan = float(np.mean(r["total_programme"] <= PLAN_TOTAL_M))
    rows = [
        ["p_all_core_by_target", p_core, float(np.sqrt(p_core * (1 - p_core) / n))],
        # The whole programme (all years) within plan_total_m: corecast's
        # P(within plan) counts only the plan's window, which this script
        # does not model; compare.py makes this one from corecast's
        # Distribution.
        ["p_programme_within_plan", p_plan, float(np.sqrt(p_plan * (1 - p_plan) / n))],
    ]
    for q in (10, 50, 90):
        y = lower_percentile(r["all_core_year"], q)
        rows.append([f"all_core_year_p{q}", f"after {HORIZON_YEAR}-{(HORIZON_YEAR + 1) % 100:02d}"
                     if y == NEVER else f"{y}-{(y + 1) % 100:02d}", None])
    out.append({"name": "headline", "columns": ["measure", "value", "mc_se"], "rows": rows})
    rows = []
    for yi, y in enumerate(r["years"]):
        core = r["core_by_year"][yi]
        rows.append([f"{y}-{(y + 1) % 100:02d}", float(r["env"][yi]), float(core.mean()),
                     float(np.percentile(core, 10)), float(np.percentile(core, 90)),
                     float(r["national_spend"][yi].mean()), float(r["local_spend"][yi].mean()),
                     float(r["nominal_spend"][yi].mean())])
    out.append({"name": "by_year", "columns": ["year", "envelope_m", "core_mean", "core_p10", "core_p90",
                                                "national_spend_m", "local_spend_m", "nominal_spend_m"],
                "rows": rows})
    cost_p = np.percentile(r["cost"], [10, 50, 90], axis=1)
    p_core_trust = (r["completion"] <= r["target"]).mean(1)
    completion_p50 = np.percentile(r["completion"], 50, axis=1, method="lower")
    rows = []
    for i, code in enumerate(trusts["code"]):
        c = int(completion_p50[i])
        rows.append([code, float(r["cost"][i].mean()), float(cost_p[0, i]), float(cost_p[1, i]),
                     float(cost_p[2, i]), float(r["need"][i].mean()), float(p_core_trust[i]),
                     None if c == NEVER else c])
    out.append({"name": "by_trust", "columns": ["code", "cost_mean", "cost_p10", "cost_p50", "cost_p90",
                                                 "need_mean", "p_core_by_target", "completion_p50"],
                "rows": rows})
    dist = np.column_stack([r["theta"], r["total_cost"], r["total_need"], r["national_need"],
                            r["local_need"], r["total_programme"], r["present_value"],
                            r["core_by_target"]])
    out.append({"name": "distribution",
                "columns": [k for k, _, _ in INPUTS] + ["total_cost", "total_need", "national_need",
                                                         "local_need", "total_programme",
                                                         "present_value", "core_by_target"],
                "rows": dist.tolist()})
    return out, p_core


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True, help="workbook (.xlsx) or CSV directory")
    ap.add_argument("--out", required=True, help="JSON file to write, or - for stdout")
    ap.add_argument("--iterations", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--sampling", choices=["lhs", "random"], default="lhs")
    ap.add_argument("--capacity", type=int, default=CAPACITY_STARTS, help="capacity_starts")
    ap.add_argument("--uplift", type=float, default=0.0, help="envelope_uplift_m, every year")
    ap.add_argument("--target", type=int, default=TARGET_YEAR, help="target year, e.g. 2023 for 2023-24")
    ap.add_argument("--priority", default="lowest-maturity",
                    choices=["lowest-maturity", "largest-gap", "lowest-cost", "region-balanced"])
    ap.add_argument("--timings", action="store_true", help="print the time of each phase on stderr")
    a = ap.parse_args()
    t0 = time.perf_counter()
    trusts = load(a.input)
    t1 = time.perf_counter()
    r = simulate(trusts, a.iterations, a.seed, a.sampling, a.capacity, a.uplift, a.target, a.priority)
    t2 = time.perf_counter()
    out, p_core = tables(trusts, r)
    doc = {"format": "corecast-ref", "tables": out}
    text = json.dumps(doc)  # one shot: the C encoder (json.dump streams through the Python one)
    if a.out == "-":
        sys.stdout.write(text)
    else:
        with open(a.out, "w") as f:
            f.write(text)
    t3 = time.perf_counter()
    need = r["total_need"]
    print(f"numpy reference: total need £{need.mean():,.0f}m ± {need.std(ddof=1) / np.sqrt(len(need)):.0f} "
          f"(P10 £{np.percentile(need, 10):,.0f}m – P90 £{np.percentile(need, 90):,.0f}m); "
          f"P(all core by {a.target}-{(a.target + 1) % 100:02d}) {100 * p_core:.1f}%; "
          f"{a.iterations:,} iterations, {len(trusts['code'])} trusts", file=sys.stderr)
    if a.timings:
        print(f"load {t1 - t0:.3f} s, simulate {t2 - t1:.3f} s, tables and JSON {t3 - t2:.3f} s",
              file=sys.stderr)


if __name__ == "__main__":
    main()

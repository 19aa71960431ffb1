#!/usr/bin/env python3
"""Independent recomputation of the sample model's golden CSVs.

Reads the sample's readable source (examples/sample-model/*.csv, not the .xlsx and not
the TypeScript engine), applies the formulas of spec section 3 as written, and compares
every key and every number with test/golden/sample/*.csv. Python standard library only.

    /usr/bin/python3 test/golden/recompute_sample.py        # exit 0: every figure agrees

Keys, row sets, peak hours and statuses must match exactly, and every number must be the
same IEEE double as the golden one: the script sums in the spec's nesting order (DMCs,
then transaction rows; hours 0 to 23), left to right, as the engine does.
"""
import csv
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SOURCE = os.path.join(ROOT, "examples", "sample-model")
GOLDEN = os.path.join(ROOT, "test", "golden", "sample")
HOURS = range(24)


def rows(name, folder=SOURCE):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(text, default=None):
    text = (text or "").strip()
    return default if text == "" else float(text)


def fold(text):
    return text.strip().casefold()


def recompute():
    settings = {r["Setting"]: r["Value"] for r in rows("Settings.csv")}
    contingency = num(settings.get("Contingency"), 0.0)
    burst = num(settings.get("BurstFactor"), 1.0)
    phases = sorted(rows("Phases.csv"), key=lambda p: p["StartDate"])  # ISO dates sort as text
    providers = [p["Provider"] for p in rows("Providers.csv")]
    dmcs = rows("DMCs.csv")
    profiles = {fold(p["Profile"]): [float(p["H%02d" % h]) for h in HOURS] for p in rows("Profiles.csv")}
    transactions = rows("Transactions.csv")
    volumes = {(fold(v["Phase"]), fold(v["DMC"])): v for v in rows("Volumes.csv")}
    overrides = {(fold(o["DMC"]), fold(o["Transaction"])): float(o["Rate"]) for o in rows("Overrides.csv")}
    levels = rows("PerformanceLevels.csv")

    driver_column = {"Traffic": "Population", "Migration": "MigrationsPerDay", "Install": "InstallsPerDay"}
    # (transaction, stream) series in order of their first row
    series = []
    for t in transactions:
        key = (fold(t["Transaction"]), t["Stream"])
        if key not in [s[0] for s in series]:
            series.append((key, t["Transaction"], t["Stream"]))

    hourly, by_dmc, by_tx, summary = {}, {}, {}, []
    for phase in phases:
        P = phase["Phase"]
        for p in providers:
            total = [0.0] * 24
            for d in dmcs:
                v = volumes.get((fold(P), fold(d["DMC"])))
                dmc_hours = [0.0] * 24
                for t in transactions:
                    if t["Generation"] not in (d["Generation"], "All"):
                        continue
                    driver = num(v[driver_column[t["Stream"]]], 0.0) if v else 0.0
                    rate = overrides.get((fold(d["DMC"]), fold(t["Transaction"])), float(t["Rate"]))
                    daily = driver * rate * (1 + contingency)
                    route = num(t.get(p), 0.0)
                    shares = profiles[fold(t["Profile"])]
                    skey = (fold(t["Transaction"]), t["Stream"])
                    tx_hours = by_tx.setdefault((P, p, skey), [0.0] * 24)
                    for h in HOURS:
                        load = daily * shares[h] * route
                        dmc_hours[h] += load
                        tx_hours[h] += load
                by_dmc[(P, p, d["DMC"])] = dmc_hours
                for h in HOURS:
                    total[h] += dmc_hours[h]
            hourly[(P, p)] = total
            peak_hour = max(HOURS, key=lambda h: (total[h], -h))
            peak = total[peak_hour]
            level = next((l for l in levels if l["Provider"] == p and l["Phase"] == P), None) or next(
                (l for l in levels if l["Provider"] == p and l["Phase"].strip() == ""), None)
            headroom = num(level["Headroom"], 0.0) if level else 0.0
            capacity = num(level["CapacityPerHour"]) if level else None
            cap_second = num(level["PeakPerSecond"]) if level else None
            peak_second = peak / 3600 * burst
            required, required_second = peak * (1 + headroom), peak_second * (1 + headroom)
            if capacity is None:
                status, utilisation = "NO_LEVEL", None
            else:
                utilisation = required / capacity
                ok = required <= capacity and (cap_second is None or required_second <= cap_second)
                status = "PASS" if ok else "FAIL"
            daily = 0.0
            for x in total:  # left to right, hours 0 to 23 (sum() compensates on Python 3.12+)
                daily += x
            summary.append([P, p, daily, peak_hour, peak, peak_second, required, required_second,
                            capacity, cap_second, utilisation, status])

    out = {"provider-summary.csv": summary, "provider-hourly.csv": [], "rates-by-dmc.csv": [], "rates-by-transaction.csv": []}
    for phase in phases:
        P = phase["Phase"]
        for p in providers:
            for h in HOURS:
                out["provider-hourly.csv"].append([P, p, h, hourly[(P, p)][h], hourly[(P, p)][h] / 3600])
            for d in dmcs:
                hours = by_dmc[(P, p, d["DMC"])]
                if any(x != 0 for x in hours):
                    out["rates-by-dmc.csv"] += [[P, p, d["DMC"], h, hours[h]] for h in HOURS]
            for skey, name, stream in series:
                hours = by_tx.get((P, p, skey), [0.0] * 24)
                if any(x != 0 for x in hours):
                    out["rates-by-transaction.csv"] += [[P, p, name, stream, h, hours[h]] for h in HOURS]
    return out


def agrees(mine, golden):
    if mine is None:
        return golden == ""
    if isinstance(mine, str):
        return mine == golden
    if golden == "":
        return False
    return mine == float(golden)


def main():
    problems, checked = [], 0
    for name, mine in recompute().items():
        golden = [list(r.values()) for r in rows(name, GOLDEN)]
        if len(golden) != len(mine):
            problems.append("%s: %d rows, golden has %d" % (name, len(mine), len(golden)))
            continue
        for i, (m, g) in enumerate(zip(mine, golden)):
            for c, (mv, gv) in enumerate(zip(m, g)):
                checked += 1
                if not agrees(mv if not isinstance(mv, int) else str(mv), gv):
                    problems.append("%s row %d column %d: recomputed %r, golden %r" % (name, i + 2, c + 1, mv, gv))
    issues = rows("issues.csv", GOLDEN)
    if issues:
        problems.append("issues.csv: the sample should have no issues, golden has %d" % len(issues))
    for p in problems[:20]:
        print(p)
    print("%d values checked, %d disagree" % (checked, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

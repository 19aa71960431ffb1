#!/usr/bin/env python3
"""The comparison pipeline for `npm run bench`: the same five CSV files as `sctvm compute`,
made the way an analyst would make them with pandas (read_excel's engine, openpyxl, for the
tables; merges and NumPy arrays for the formulas of spec section 3; DataFrame.to_csv).

    /usr/bin/python3 bench/pandas_pipeline.py <model.xlsx> <outDir>

It assumes a valid model (it does no validation: issues.csv is written with its header only)
whose tables are Excel tables (ListObjects), as the bench model is. Numbers are summed by
NumPy, so a figure may differ from sctvm's in its last bits; run-bench compares the files
(same columns, same keys in the same order, figures within 1e-9 relative) before it reports
a time. Debian's python3-pandas (pandas 1.5, NumPy 1.24).
"""
import json
import os
import resource
import sys
import time

import numpy as np
import openpyxl
import pandas as pd

STARTED = time.time()  # after the imports: pandas and NumPy load in ~0.5 s, counted by the parent's wall time
HOURS = [f"H{h:02d}" for h in range(24)]
DRIVER = {"Traffic": "Population", "Migration": "MigrationsPerDay", "Install": "InstallsPerDay"}


def read_tables(path):
    """Every Excel table of the workbook as a DataFrame, by folded table name."""
    book = openpyxl.load_workbook(path, data_only=True)
    frames = {}
    for sheet in book.worksheets:
        for name, ref in sheet.tables.items():
            cells = sheet[ref]
            header = [str(c.value).strip() for c in cells[0]]
            data = [[c.value for c in row] for row in cells[1:]]
            frames[name.casefold()] = pd.DataFrame(data, columns=header)
    return frames


def fold(series):
    return series.astype(str).str.strip().str.casefold()


def compute(frames):
    settings = frames.get("settings")
    setting = dict(zip(settings["Setting"], settings["Value"])) if settings is not None else {}
    contingency = float(setting.get("Contingency") or 0.0)
    burst = float(setting.get("BurstFactor") or 1.0)
    phases = frames["phases"].reset_index().sort_values(["StartDate", "index"], kind="stable")["Phase"].tolist()
    providers = frames["providers"]["Provider"].tolist()
    dmcs = frames["dmcs"][["DMC", "Generation"]].copy()
    dmcs["dmc_key"] = fold(dmcs["DMC"])
    dmcs["dmc_order"] = np.arange(len(dmcs))
    tx = frames["transactions"].copy()
    tx["tx_key"] = fold(tx["Transaction"])
    tx["profile_key"] = fold(tx["Profile"])
    tx[providers] = tx[providers].fillna(0).astype(float)
    series = tx.drop_duplicates(["tx_key", "Stream"])[["tx_key", "Stream", "Transaction"]].reset_index(drop=True)
    series["series_order"] = np.arange(len(series))
    tx = tx.merge(series[["tx_key", "Stream", "series_order"]], on=["tx_key", "Stream"])
    profiles = frames["profiles"].copy()
    profiles["profile_key"] = fold(profiles["Profile"])
    volumes = frames["volumes"].copy()
    volumes["phase_key"], volumes["dmc_key"] = fold(volumes["Phase"]), fold(volumes["DMC"])
    volumes[list(DRIVER.values())] = volumes.reindex(columns=list(DRIVER.values())).fillna(0).astype(float)

    # every (DMC, transaction row) pair whose generations agree, with its rate
    pairs = pd.concat([
        dmcs.merge(tx, on="Generation"),
        dmcs.merge(tx[tx["Generation"] == "All"].drop(columns="Generation"), how="cross"),
    ])
    overrides = frames.get("overrides")
    if overrides is not None and len(overrides):
        o = pd.DataFrame({"dmc_key": fold(overrides["DMC"]), "tx_key": fold(overrides["Transaction"]), "override": overrides["Rate"].astype(float)})
        pairs = pairs.merge(o, on=["dmc_key", "tx_key"], how="left")
        pairs["Rate"] = pairs["override"].fillna(pairs["Rate"])
    pairs = pairs.merge(profiles[["profile_key"] + HOURS], on="profile_key").sort_values(["dmc_order", "series_order"], kind="stable")
    shares = pairs[HOURS].to_numpy(float)

    levels = frames["performancelevels"].copy()
    summary, hourly, by_dmc, by_tx = [], [], [], []
    for phase in phases:
        v = volumes[volumes["phase_key"] == phase.strip().casefold()].set_index("dmc_key")
        driver = np.zeros(len(pairs))
        for stream, column in DRIVER.items():
            mask = (pairs["Stream"] == stream).to_numpy()
            driver[mask] = v[column].reindex(pairs["dmc_key"][mask]).fillna(0).to_numpy()
        daily = driver * pairs["Rate"].to_numpy(float) * (1 + contingency)
        for provider in providers:
            load = (daily * pairs[provider].to_numpy())[:, None] * shares
            frame = pd.DataFrame(load, columns=HOURS)
            frame["dmc_order"], frame["series_order"] = pairs["dmc_order"].to_numpy(), pairs["series_order"].to_numpy()
            per_dmc = frame.groupby("dmc_order", sort=True)[HOURS].sum()
            per_dmc = per_dmc[(per_dmc != 0).any(axis=1)]
            long = per_dmc.stack().reset_index()
            by_dmc.append(pd.DataFrame({"phase": phase, "provider": provider, "dmc": dmcs["DMC"].to_numpy()[long["dmc_order"]],
                                        "hour": np.tile(np.arange(24), len(per_dmc)), "per_hour": long[0].to_numpy()}))
            per_tx = frame.groupby("series_order", sort=True)[HOURS].sum()
            per_tx = per_tx[(per_tx != 0).any(axis=1)]
            long = per_tx.stack().reset_index()
            by_tx.append(pd.DataFrame({"phase": phase, "provider": provider, "transaction": series["Transaction"].to_numpy()[long["series_order"]],
                                       "stream": series["Stream"].to_numpy()[long["series_order"]],
                                       "hour": np.tile(np.arange(24), len(per_tx)), "per_hour": long[0].to_numpy()}))
            total = frame[HOURS].sum().to_numpy()
            hourly.append(pd.DataFrame({"phase": phase, "provider": provider, "hour": np.arange(24), "per_hour": total, "per_second": total / 3600}))
            summary.append(summary_row(levels, phase, provider, total, burst))
    columns = ["phase", "provider", "daily_total", "peak_hour", "peak_per_hour", "peak_per_second", "required_per_hour",
               "required_per_second", "capacity_per_hour", "capacity_per_second", "utilisation", "status"]
    return {
        "provider-summary.csv": pd.DataFrame(summary, columns=columns),
        "provider-hourly.csv": pd.concat(hourly),
        "rates-by-dmc.csv": pd.concat(by_dmc),
        "rates-by-transaction.csv": pd.concat(by_tx),
        "issues.csv": pd.DataFrame(columns=["severity", "code", "table", "cell", "message"]),
    }


def summary_row(levels, phase, provider, total, burst):
    mine = levels[(levels["Provider"] == provider) & (levels["Phase"].fillna("") == phase)]
    if mine.empty:
        mine = levels[(levels["Provider"] == provider) & (levels["Phase"].fillna("").astype(str).str.strip() == "")]
    level = mine.iloc[0] if len(mine) else None
    peak_hour = int(np.argmax(total))
    peak = float(total[peak_hour])
    peak_second = peak / 3600 * burst
    headroom = float(level.get("Headroom") or 0.0) if level is not None else 0.0
    capacity = float(level["CapacityPerHour"]) if level is not None else None
    cap_second = level.get("PeakPerSecond") if level is not None else None
    cap_second = None if cap_second is None or pd.isna(cap_second) else float(cap_second)
    required, required_second = peak * (1 + headroom), peak_second * (1 + headroom)
    if capacity is None:
        status, utilisation = "NO_LEVEL", None
    else:
        utilisation = required / capacity
        status = "PASS" if required <= capacity and (cap_second is None or required_second <= cap_second) else "FAIL"
    return [phase, provider, float(total.sum()), peak_hour, peak, peak_second, required, required_second, capacity, cap_second, utilisation, status]


def main(path, out):
    os.makedirs(out, exist_ok=True)
    for name, frame in compute(read_tables(path)).items():
        frame.to_csv(os.path.join(out, name), index=False, lineterminator="\n")
    # the bench's child report (bench/child-report.ts): peak RSS, CPU and wall time of this process
    usage = resource.getrusage(resource.RUSAGE_SELF)
    wall_ms = (time.time() - STARTED) * 1000
    report = {"maxRssKb": usage.ru_maxrss, "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "uptimeMs": wall_ms}
    sys.stderr.write("@@sctvm-bench " + json.dumps(report) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

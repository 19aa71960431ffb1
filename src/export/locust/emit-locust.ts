import { formatNumber, type Schedule } from "../../engine";
import type { Emitted } from "../export-format";
import { headerLines } from "../header-lines";
import { pyString } from "../literals";
import { concurrencyFor, pathOf, stepTotals } from "../schedule-tables";

const n = formatNumber;

/**
 * A Locust 2.12+ locustfile. Locust is a closed model, so the shape sets per-step user
 * counts sized for the step's rate, and each user paces itself: it earns request credit at
 * (total rate ÷ users) per second and spends one credit per request, so the users together
 * deliver the schedule's rate whatever the response time (while it stays under users ÷
 * rate). Which transaction each request is comes from a smooth weighted round robin over
 * the step's current rates, so the per-hour mix is reproduced exactly per process.
 * Distributed: the shape runs on the master, users spread over the workers, each worker
 * paces its users against the same totals.
 */
export function emitLocust(s: Schedule, base: string): Emitted {
  const totals = stepTotals(s);
  const users = totals.map((t) => concurrencyFor(Math.max(t.start, t.end), s.options.responseTimeSeconds, s.options.engines));
  const maxUsers = Math.max(...users);
  const lines = [
    ...headerLines(s, "Locust locustfile (LoadTestShape)").map((l) => `# ${l}`),
    "#",
    "# Alone:       locust -f " + base + ".locustfile.py --headless --only-summary --csv " + base,
    `# Distributed: locust -f ${base}.locustfile.py --headless --master --expect-workers ${s.options.engines} --csv ${base}`,
    `#              and on each of ${s.options.engines} generators: locust -f ${base}.locustfile.py --worker --master-host <master>`,
    "# The shape (on the master) sets user counts; rates below are for all workers together.",
    "import random",
    "import time",
    "",
    "import gevent",
    "from locust import HttpUser, LoadTestShape, constant, events, task",
    "",
    `TARGET = ${pyString(s.options.target)}`,
    `NAMES = [${s.series.map((x) => pyString(x.name)).join(", ")}]`,
    `PATHS = [${s.series.map((x) => pyString(pathOf(s, x.url))).join(", ")}]`,
    "# Per step: start second, duration, users.",
    `STEP_START = [${s.steps.map((st) => n(st.startSeconds)).join(", ")}]`,
    `STEP_DURATION = [${s.steps.map((st) => n(st.durationSeconds)).join(", ")}]`,
    `STEP_USERS = [${users.join(", ")}]`,
    "# RATES[series][step] = (rate per second at the step's start, at its end), all generators together.",
    "RATES = [",
    ...s.series.map((x) => `    [${x.rates.map((r) => `(${n(r.ratePerSecond)}, ${n(r.endRatePerSecond)})`).join(", ")}],`),
    "]",
    `TOTAL_SECONDS = ${n(s.totals.durationSeconds)}`,
    `SPAWN_RATE = ${maxUsers * 10}`,
    "MAX_SLEEP = 1.0",
    "",
    "_t0 = None",
    "_credit = [0.0] * len(NAMES)",
    "",
    "",
    "@events.test_start.add_listener",
    "def _on_test_start(**_kwargs):",
    "    global _t0",
    "    if _t0 is None:",
    "        _t0 = time.perf_counter()",
    "",
    "",
    "def _clock():",
    "    global _t0",
    "    if _t0 is None:",
    "        _t0 = time.perf_counter()",
    "    return time.perf_counter() - _t0",
    "",
    "",
    "def _step_at(t):",
    "    for k in range(len(STEP_START) - 1, -1, -1):",
    "        if t >= STEP_START[k]:",
    "            return k",
    "    return 0",
    "",
    "",
    "def _rates_at(k, t):",
    "    f = min(1.0, max(0.0, (t - STEP_START[k]) / STEP_DURATION[k]))",
    "    return [a + (b - a) * f for (a, b) in (series[k] for series in RATES)]",
    "",
    "",
    "def _pick(rates):",
    "    total = sum(rates)",
    "    best = 0",
    "    for i, w in enumerate(rates):",
    "        _credit[i] += w",
    "        if _credit[i] > _credit[best]:",
    "            best = i",
    "    _credit[best] -= total",
    "    return best",
    "",
    "",
    "class ScheduledUser(HttpUser):",
    "    host = TARGET",
    "    wait_time = constant(0)",
    "",
    "    def on_start(self):",
    "        self.credit = random.random()",
    "",
    "    @task",
    "    def next_request(self):",
    "        t = _clock()",
    "        if t >= TOTAL_SECONDS:",
    "            gevent.sleep(MAX_SLEEP)",
    "            return",
    "        k = _step_at(t)",
    "        if self.credit >= 1.0:",
    "            rates = _rates_at(k, t)",
    "            if sum(rates) > 0:",
    "                self.credit -= 1.0",
    "                i = _pick(rates)",
    "                self.client.get(PATHS[i], name=NAMES[i])",
    "                return",
    "        per_user = sum(_rates_at(k, t)) / STEP_USERS[k]",
    "        step_end = STEP_START[k] + STEP_DURATION[k]",
    "        wait = MAX_SLEEP if per_user <= 0 else (1.0 - self.credit) / per_user",
    "        wait = max(0.001, min(wait, MAX_SLEEP, step_end - t))",
    "        gevent.sleep(wait)",
    "        t1 = min(_clock(), step_end)",
    "        if t1 > t:",
    "            # Credit earned over [t, t1]: the integral of this user's share of the rate.",
    "            self.credit += (sum(_rates_at(k, t)) + sum(_rates_at(k, t1))) / 2 * (t1 - t) / STEP_USERS[k]",
    "",
    "",
    "class ScheduleShape(LoadTestShape):",
    "    def tick(self):",
    "        t = self.get_run_time()",
    "        if t >= TOTAL_SECONDS:",
    "            return None",
    "        return (STEP_USERS[_step_at(t)], SPAWN_RATE)",
    "",
  ];
  return {
    files: [{ suffix: ".locustfile.py", text: lines.join("\n") }],
    notes: [`users per step ${Math.min(...users)}-${maxUsers} (sized for ${n(s.options.responseTimeSeconds)} s responses)`],
  };
}

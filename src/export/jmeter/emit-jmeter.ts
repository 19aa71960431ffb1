import { formatNumber, type Schedule } from "../../engine";
import type { Emitted } from "../export-format";
import { headerLines } from "../header-lines";
import { integerCounts } from "../integer-counts";
import { xmlText } from "../literals";
import { stepTotals } from "../schedule-tables";

/**
 * JMeter compiles `${…}` in any property (names included) as a function call; in a string
 * that holds one, `\` escapes `$`, `,` and `\`. Strings without `${` are taken literally.
 */
function jmeterLiteral(text: string): string {
  return text.includes("${") ? text.replace(/[\\$,]/g, (c) => `\\${c}`) : text;
}

/** XML-escaped text of a JMeter string property. */
const prop = (text: string): string => xmlText(jmeterLiteral(text));

/** A plain decimal with up to 6 places (JMeter's schedule parser takes no exponents). */
function plain(x: number): string {
  const t = x.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  return t === "-0" ? "0" : t;
}

function jmeterDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? `${ms / 1000} sec` : `${ms} ms`;
}

/** The Open Model Thread Group schedule of one series (per engine): rates per minute. */
function scheduleString(rates: Schedule["series"][number]["rates"], steps: Schedule["steps"], engines: number): string {
  const parts: string[] = [];
  rates.forEach((r, k) => {
    const a = plain((r.ratePerSecond * 60) / engines);
    const b = plain((r.endRatePerSecond * 60) / engines);
    parts.push(`rate(${a}/min) random_arrivals(${jmeterDuration(steps[k]?.durationSeconds ?? 0)}) rate(${b}/min)`);
  });
  return parts.join(" ");
}

/** The Throughput Shaping Timer `load_profile` (jmeter-plugins): whole requests per second, per engine. */
export function throughputShapingProfile(s: Schedule): string {
  const totals = stepTotals(s);
  const N = s.options.engines;
  // Whole seconds per step whose running totals follow the exact ones.
  const seconds = integerCounts(s.steps.map((st) => st.durationSeconds));
  return totals
    .map((t, k) => {
      const a = Math.round(t.start / N);
      const b = Math.round(t.end / N);
      const d = seconds[k] ?? 0;
      return a === b ? `const(${a},${d}s)` : `line(${a},${b},${d}s)`;
    })
    .join(" ");
}

/**
 * A JMeter 5.5+ test plan: one Open Model Thread Group per transaction series (built into
 * JMeter, no plug-ins), each with its schedule string and one HTTP sampler labelled with the
 * series name. Remote engines (`jmeter -n -t plan.jmx -R h1,h2,…`) each run the whole plan,
 * so the plan carries 1/engines of the load.
 */
export function emitJmeter(s: Schedule, base: string): Emitted {
  const N = s.options.engines;
  const target = new URL(s.options.target);
  const basePath = target.pathname.replace(/\/+$/, "");
  const profile = throughputShapingProfile(s);
  const comment = (l: string): string => `<!-- ${l.replace(/--/g, "- -").replace(/-$/, "- ")} -->`;
  const testname = `${s.phase} ${s.provider} load profile`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...headerLines(s, "JMeter 5.5+ test plan (Open Model Thread Group per transaction)").map(comment),
    comment(`This plan carries 1/${N} of the load: each remote engine runs the whole plan.`),
    comment(`Alone:       jmeter -n -t ${base}.jmx -l ${base}.jtl`),
    comment(`Distributed: jmeter -n -t ${base}.jmx -l ${base}.jtl -R host1,...,host${N}`),
    comment(`Throughput Shaping Timer (jmeter-plugins) equivalent, per engine: load_profile=${profile}`),
    '<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">',
    "  <hashTree>",
    `    <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="${prop(testname)}">`,
    `      <stringProp name="TestPlan.comments">${prop(`sctvm export; model fingerprint ${s.model.fingerprint}`)}</stringProp>`,
    '      <boolProp name="TestPlan.functional_mode">false</boolProp>',
    '      <boolProp name="TestPlan.serialize_threadgroups">false</boolProp>',
    '      <elementProp name="TestPlan.user_defined_variables" elementType="Arguments" guiclass="ArgumentsPanel" testclass="Arguments" testname="User Defined Variables">',
    '        <collectionProp name="Arguments.arguments"/>',
    "      </elementProp>",
    "    </TestPlan>",
    "    <hashTree>",
    '      <ConfigTestElement guiclass="HttpDefaultsGui" testclass="ConfigTestElement" testname="HTTP Request Defaults">',
    '        <elementProp name="HTTPsampler.Arguments" elementType="Arguments" guiclass="HTTPArgumentsPanel" testclass="Arguments" testname="User Defined Variables">',
    '          <collectionProp name="Arguments.arguments"/>',
    "        </elementProp>",
    `        <stringProp name="HTTPSampler.domain">${prop(target.hostname)}</stringProp>`,
    `        <stringProp name="HTTPSampler.port">${prop(target.port)}</stringProp>`,
    `        <stringProp name="HTTPSampler.protocol">${prop(target.protocol.replace(":", ""))}</stringProp>`,
    "      </ConfigTestElement>",
    "      <hashTree/>",
    ...s.series.flatMap((x) => [
      `      <OpenModelThreadGroup guiclass="OpenModelThreadGroupGui" testclass="OpenModelThreadGroup" testname="${prop(x.name)}">`,
      '        <elementProp name="ThreadGroup.main_controller" elementType="OpenModelThreadGroupController"/>',
      '        <stringProp name="ThreadGroup.on_sample_error">continue</stringProp>',
      `        <stringProp name="OpenModelThreadGroup.schedule">${prop(scheduleString(x.rates, s.steps, N))}</stringProp>`,
      '        <stringProp name="OpenModelThreadGroup.random_seed"></stringProp>',
      "      </OpenModelThreadGroup>",
      "      <hashTree>",
      `        <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="${prop(x.name)}">`,
      '        <elementProp name="HTTPsampler.Arguments" elementType="Arguments" guiclass="HTTPArgumentsPanel" testclass="Arguments" testname="User Defined Variables">',
      '          <collectionProp name="Arguments.arguments"/>',
      "        </elementProp>",
      `          <stringProp name="HTTPSampler.path">${prop(basePath + x.url.slice(s.options.target.length))}</stringProp>`,
      '          <stringProp name="HTTPSampler.method">GET</stringProp>',
      '          <boolProp name="HTTPSampler.follow_redirects">true</boolProp>',
      '          <boolProp name="HTTPSampler.use_keepalive">true</boolProp>',
      "        </HTTPSamplerProxy>",
      "        <hashTree/>",
      "      </hashTree>",
    ]),
    "    </hashTree>",
    "  </hashTree>",
    "</jmeterTestPlan>",
    "",
  ];
  return {
    files: [{ suffix: ".jmx", text: lines.join("\n") }],
    notes: [`${s.series.length} Open Model Thread Groups, per engine (1/${N}); Throughput Shaping Timer load_profile=${profile}`, `expected ${formatNumber(s.totals.expectedCount / N)} requests per engine`],
  };
}

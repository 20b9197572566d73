// `npm run labelled`: the precision/recall table on the labelled real plans, then every finding
// that matched no labelled problem and every must-fix problem that was missed, for reading.
import path from "node:path";
import { formatTable, measureFile, readLabelledSet, tally } from "./labelled-set.js";

const dir = process.argv[2] ?? path.resolve("test/fixtures/formats/files");
const results = readLabelledSet(dir).map((file) => measureFile(file));
process.stdout.write(`${formatTable(results)}\n\n`);
for (const r of results) {
  const noise = r.findings.filter((f) => !r.matchedFindings.includes(f));
  if (noise.length === 0 && r.missedMustFix.length === 0 && (r.file.isPlan ? r.readAsPlan && r.detected === r.file.format : !r.readAsPlan)) continue;
  process.stdout.write(`${r.file.file} (labelled ${r.file.isPlan ? r.file.format : "non-plan"}, read as ${r.readAsPlan ? r.detected : "non-plan"})\n`);
  for (const f of noise) process.stdout.write(`  unmatched ${f.line} ${f.severity} ${f.rule}: ${f.message.slice(0, 150)}\n`);
  for (const p of r.missedMustFix) process.stdout.write(`  missed ${p.line} ${p.kind}: ${p.why.slice(0, 150)}\n`);
}
const t = tally(results);
process.stdout.write(`\nprecision ${t.matched}/${t.findings}, recall ${t.found}/${t.mustFix}, findings on non-plans ${t.nonPlanFindings}\n`);

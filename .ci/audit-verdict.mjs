// Reads `npm audit --omit=dev --json` output and docs/security.md; exits 1 on a high or critical advisory
// that its "Accepted audit findings" section does not name (by GHSA id), 0 otherwise. An
// answer that is not an audit report (the registry's audit endpoint is unreachable or refuses,
// as some mirrors do) is a loud skip, not a failure: CI must not depend on that endpoint.
import { readFileSync } from 'node:fs';

const [reportPath, findingsPath] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  report = undefined;
}
if (!report || typeof report !== 'object' || !report.auditReportVersion || !report.vulnerabilities) {
  const why = report && typeof report.message === 'string' ? report.message.split('\n')[0] : 'no audit report';
  console.log(`ci: npm audit SKIPPED: the registry's audit endpoint did not answer (${why})`);
  process.exit(0);
}

const doc = readFileSync(findingsPath, 'utf8');
const section = /#+ Accepted audit findings\n([\s\S]*?)(?=\n#+ |$)/.exec(doc)?.[1] ?? '';
const accepted = new Set(section.match(/GHSA-[\w-]+/g) ?? []);

const findings = new Map();
for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
  for (const via of vulnerability.via ?? []) {
    if (typeof via !== 'object' || !['high', 'critical'].includes(via.severity)) continue;
    const id = /GHSA-[\w-]+/.exec(via.url ?? '')?.[0] ?? String(via.source);
    findings.set(`${id} ${name}`, { id, name, severity: via.severity, title: via.title ?? '' });
  }
}
const open = [...findings.values()].filter((f) => !accepted.has(f.id));
for (const f of findings.values()) {
  const mark = accepted.has(f.id) ? `accepted (${findingsPath})` : 'NOT EXPLAINED';
  console.log(`ci: npm audit: ${f.severity} ${f.id} in ${f.name}: ${f.title} [${mark}]`);
}
if (open.length > 0) {
  console.log(
    `ci: npm audit FAILED: ${open.length} high/critical finding(s) in production dependencies; upgrade, or explain under "Accepted audit findings" in ${findingsPath}`,
  );
  process.exit(1);
}
console.log(`ci: npm audit passed (${findings.size} accepted high/critical finding(s))`);

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** .ci/audit-verdict.mjs, run the way .ci/run runs it, on reports written here. */
describe('CI audit verdict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mmd-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const readme =
    '# X\n\n## Security\n\n### Accepted audit findings\n\n- `find-my-way` GHSA-rrr8-f88r-h8q6: why.\n\n## Next\nGHSA-aaaa-bbbb-cccc is not in the section\n';
  const advisory = (name: string, id: string, severity: string) => ({
    [name]: { name, severity, via: [{ source: 1, name, title: `${name} problem`, url: `https://github.com/advisories/${id}`, severity }] },
  });

  function run(report: unknown): Promise<{ code: number; out: string }> {
    const reportPath = join(dir, `r-${Math.random()}.json`);
    const readmePath = join(dir, 'security.md');
    writeFileSync(reportPath, typeof report === 'string' ? report : JSON.stringify(report));
    writeFileSync(readmePath, readme);
    return new Promise((resolve) => {
      execFile(process.execPath, [join(__dirname, '../../.ci/audit-verdict.mjs'), reportPath, readmePath], (err, stdout) =>
        resolve({ code: err ? Number(err.code) : 0, out: stdout }),
      );
    });
  }

  it('skips loudly, without failing, when the audit endpoint did not answer', async () => {
    const res = await run({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/SKIPPED.*405/);
    expect((await run('')).code).toBe(0);
  });

  it('fails on a high or critical finding docs/security.md does not explain', async () => {
    const high = await run({ auditReportVersion: 2, vulnerabilities: advisory('evil', 'GHSA-aaaa-bbbb-cccc', 'high') });
    expect(high.code).toBe(1);
    expect(high.out).toMatch(/GHSA-aaaa-bbbb-cccc in evil.*NOT EXPLAINED/);
    const critical = await run({ auditReportVersion: 2, vulnerabilities: advisory('worse', 'GHSA-dddd-eeee-ffff', 'critical') });
    expect(critical.code).toBe(1);
  });

  it('passes on findings explained in docs/security.md, and on moderate ones', async () => {
    const res = await run({
      auditReportVersion: 2,
      vulnerabilities: {
        ...advisory('find-my-way', 'GHSA-rrr8-f88r-h8q6', 'high'),
        ...advisory('send', 'GHSA-m6fv-jmcg-4jfg', 'moderate'),
        restify: { name: 'restify', severity: 'high', via: ['find-my-way'] },
      },
    });
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/accepted \(.*security\.md\)/);
  });
});

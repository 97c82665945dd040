/**
 * README's roles table is the use-case table in words (issue 19): every use case appears once,
 * in the row of the role src/bot/use-cases.ts gives it, and every role is granted by the
 * variables the configuration schema has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USE_CASES, type UseCaseName } from '../../src/bot/use-cases';
import { ROLES, type Role } from '../../src/config/roles';
import { variables } from '../../src/config/variables';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The rows of the table under "## Roles": role, the use cases named in backticks, the granting variables. */
function rolesTable(): { role: string; useCases: string[]; grantedBy: string[] }[] {
  const section = readme.split(/^## Roles$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z-]+` \|/.test(line))
    .map((line) => {
      const [role = '', may = '', granted = ''] = line.split('|').slice(1, -1);
      const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      return { role: ticks(role)[0]!, useCases: ticks(may), grantedBy: ticks(granted) };
    });
}

describe("README's roles table", () => {
  const rows = rolesTable();

  it('has one row per role, in order', () => {
    expect(rows.map((r) => r.role)).toEqual([...ROLES]);
  });

  it('puts every use case in the row of the role it needs, once', () => {
    const byRole = new Map<Role, string[]>(ROLES.map((role) => [role, []]));
    for (const [name, useCase] of Object.entries(USE_CASES)) byRole.get(useCase.role)!.push(name);
    for (const row of rows) expect([...row.useCases].sort()).toEqual(byRole.get(row.role as Role)!.sort());
    const all = rows.flatMap((r) => r.useCases);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual((Object.keys(USE_CASES) as UseCaseName[]).sort());
  });

  it('names only variables the configuration schema has', () => {
    const keys = new Set(Object.keys(variables.shape));
    const named = rows.flatMap((r) => r.grantedBy);
    expect(named.length).toBeGreaterThanOrEqual(6);
    for (const variable of named) expect(keys).toContain(variable);
  });
});

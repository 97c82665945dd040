// Lint: typescript-eslint's type-checked recommended rules (they read the types through the
// TypeScript project service: a dropped promise or a needless cast is caught here, not in production);
// `any` is an error in src/ (types at the edges);
// the import rules below keep the layers of src/ (README, "Architecture") pointing one way.
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/*
 * The layers, top to bottom; each may import only from layers below it:
 *   app -> {teams, tab, core} -> bot -> notify -> cards -> protocol -> {state, mmd, graph} -> {http, storage} -> {intents, config, log, catalog}
 * Folders on one level do not import each other (SIDEWAYS lists exceptions; none today).
 * src/emulator (the built-in fake MMD/Graph/token service) is a world of its own: only
 * intents, config, log, catalog (the category lists its sample data shares with the forms) and server (its restify server). src/server is transport: only config and log (and botbuilder).
 */
const LEVELS = [
  ['app.ts', 'index.ts'],
  // core.ts: everything behind the Turn port; app.ts puts the Teams edge and the server in front.
  ['teams', 'tab', 'core.ts'],
  ['bot'],
  // The notifier: the bot's handlers use its stores, it renders cards; it never calls the bot.
  ['notify'],
  ['cards'],
  ['protocol'],
  ['state', 'mmd', 'graph'],
  ['http', 'storage'],
  ['intents', 'config', 'log', 'catalog', 'version.ts', 'health', 'telemetry'],
];
const SIDEWAYS = {
  // Config registers the secrets it reads, so logs scrub them by value (src/log/secrets.ts).
  config: ['log'],
  // The Teams edge answers the transport's handler type (src/server: HttpAnswer, InboundActivity).
  teams: ['server'],
  // The tab's routes mount on the transport's restify server and read bodies with its reader.
  tab: ['server'],
  // Health checks log their findings once, with the fix.
  health: ['log'],
  telemetry: ['log'],
  // Sandbox mode: the core starts the built-in emulator (loaded only then).
  'core.ts': ['emulator'],
};
const ALL = [...LEVELS.flat(), 'emulator', 'server'];
const ONLY = { emulator: ['intents', 'config', 'log', 'catalog', 'server'], server: ['config', 'log', 'intents'] };

const path = (name) => `./src/${name}`;
const zones = [];
LEVELS.forEach((level, rank) => {
  const below = LEVELS.slice(rank + 1).flat();
  for (const name of level) {
    if (rank === 0) continue; // the composition root may import anything
    const allowed = new Set([name, ...below, ...(SIDEWAYS[name] ?? [])]);
    const from = ALL.filter((other) => !allowed.has(other)).map(path);
    zones.push({ target: path(name), from, message: `src/${name} may not import this: layers point down (eslint.config.mjs).` });
  }
});
for (const [name, allowed] of Object.entries(ONLY)) {
  const from = ALL.filter((other) => other !== name && !allowed.includes(other)).map(path);
  zones.push({ target: path(name), from, message: `src/${name} may import only ${allowed.join(', ')}.` });
}

const SDK = ['botbuilder', 'botbuilder-*', 'botframework-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each .ts file is checked with the tsconfig.json nearest to it (the root one, or tab/tsconfig.json).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Named here, though recommendedTypeChecked has them, because they are why the lint reads types.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // Off: an `async` method without `await` is how a class implements a Promise-returning port
      // (Storage, Lease, handlers, fakes) so that a throw inside it becomes a rejection, which is what
      // callers handle; dropping `async` to please the rule would turn those into synchronous throws.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      // The resolver reads the imported files; they are TypeScript. (Import cycles, type-only ones
      // included, are scripts/no-cycle.mjs's.)
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      // The Teams SDK stays at the edge, so moving to the Microsoft 365 Agents SDK touches one folder.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: SDK, message: 'The Teams SDK is imported only in src/teams, src/server and src/app.ts.' }] },
      ],
    },
  },
  {
    files: ['src/teams/**/*.ts', 'src/server/**/*.ts', 'src/app.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Plain JavaScript (this file, jest.config.js, bin/, scripts/*.mjs) is in no tsconfig: untyped rules only.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests only (src/ keeps them): `expect(fake.method).toHaveBeenCalled...` passes methods unbound
      // by design, and `expect.any(...)`, `expect.objectContaining(...)` and `await res.json()` are `any`
      // in jest's and fetch's own types; checking those would add casts, not safety.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);

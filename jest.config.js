// Two projects: `unit` (everything that runs on loopback in seconds, including the bot's real
// /api/messages against the emulator) and `e2e` (the Agents Playground in headless Chromium).
// @swc/jest only transpiles (no type check: `npm run typecheck` is the type check), in native code,
// so a run without jest's cache (a fresh clone, CI) does not load TypeScript in every worker.
// strip-bom 5 (a dependency of @microsoft/app-manifest, used by the app package tests) is ESM
// only: node requires it natively, jest's module system needs it transpiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads this file as CommonJS
const { availableParallelism } = require('node:os');

/** What tsc would emit for tsconfig.json (ES2022, CommonJS, esModuleInterop), with source maps. */
const swc = (syntax) => [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: { parser: { syntax }, target: 'es2022', transform: { useDefineForClassFields: true } },
    module: { type: 'commonjs' },
  },
];

const esmOnly = ['strip-bom'];
const transformIgnorePatterns = [`/node_modules/(?!(?:@microsoft/app-manifest/node_modules/)?(?:${esmOnly.join('|')})/)`];
const transform = {
  [`/node_modules/(?:@microsoft/app-manifest/node_modules/)?(?:${esmOnly.join('|')})/.+\\.js$`]: swc('ecmascript'),
  '^.+\\.ts$': swc('typescript'),
};

module.exports = {
  // Loopback suites start emulators, bots and Azurite; on a busy 2-core machine 5 s is too tight
  // for a beforeEach. Timing is never asserted by a timeout: this only stops a hung test.
  testTimeout: 20_000,
  // Two workers per core (jest's default leaves a core idle): many suites wait on loopback I/O,
  // child processes or a lease, and the other workers run while they wait.
  // (A number: jest reads a percentage over 100% as that many workers.)
  maxWorkers: availableParallelism() * 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transformIgnorePatterns,
      testPathIgnorePatterns: ['<rootDir>/test/e2e/', '/node_modules/'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};

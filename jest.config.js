// Two projects: `unit` (everything that runs on loopback in seconds, including the bot's real
// /api/messages against the emulator) and `e2e` (the Agents Playground in headless Chromium).
// ts-jest only transpiles (isolated modules, no diagnostics): `npm run typecheck` is the type check.
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: { isolatedModules: true, target: 'ES2022', module: 'commonjs', esModuleInterop: true, resolveJsonModule: true, sourceMap: true },
      diagnostics: false,
    },
  ],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
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

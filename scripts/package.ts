/** `npm run package`: writes build/appPackage.zip, or explains why not and exits 1. */
import 'dotenv/config';
import { buildAppPackage } from './app-package/build-package';

buildAppPackage({ env: process.env })
  .then((result) => {
    if (result.ok) return;
    console.error(`App package NOT written: the manifest has ${result.problems.length} problem(s):`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  })
  .catch((err: unknown) => {
    console.error(`App package NOT written: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });

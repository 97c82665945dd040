/** `npm run package` without the process around it: lines out, problems on the error stream, an exit code. */
import { buildAppPackage, type PackageOptions } from './build-package';

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function packageCommand(options: Omit<PackageOptions, 'log'>, io: CommandIo): Promise<number> {
  try {
    const result = await buildAppPackage({ ...options, log: io.out });
    if (result.ok) return 0;
    io.err(`App package NOT written: the manifest has ${result.problems.length} problem(s):`);
    for (const problem of result.problems) io.err(`  - ${problem}`);
    return 1;
  } catch (err) {
    io.err(`App package NOT written: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** `npm run package`: writes build/appPackage.zip, or lists why not and exits 1. */
import 'dotenv/config';
import { packageCommand } from './app-package/package-command';

void packageCommand({ env: process.env }, { out: (line) => console.log(line), err: (line) => console.error(line) }).then((code) => {
  process.exitCode = code;
});

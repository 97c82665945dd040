/** `npm run icons`: manifest/icon.svg -> manifest/color.png and manifest/outline.png. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderIcons } from './app-package/render-icons';
import { repoRoot } from './app-package/repo-root';

const manifestDir = join(repoRoot(), 'manifest');
const icons = renderIcons(readFileSync(join(manifestDir, 'icon.svg'), 'utf8'));
writeFileSync(join(manifestDir, 'color.png'), icons.color);
writeFileSync(join(manifestDir, 'outline.png'), icons.outline);
console.log(`Wrote ${join(manifestDir, 'color.png')} and ${join(manifestDir, 'outline.png')} from icon.svg`);

/** Teams' icon rules: color 192x192, outline 32x32 white on transparent. */
import { PNG } from 'pngjs';
import { COLOR_SIZE, OUTLINE_SIZE } from './render-icons';

function decode(name: string, png: Buffer, problems: string[]): PNG | undefined {
  try {
    return PNG.sync.read(png);
  } catch {
    problems.push(`${name} is not a PNG`);
    return undefined;
  }
}

function sizeRule(name: string, image: PNG, size: number, problems: string[]): void {
  if (image.width !== size || image.height !== size)
    problems.push(`${name} is ${image.width}x${image.height}; Teams wants ${size}x${size}`);
}

/** Problems with the two icons; empty when Teams would take them. */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const colorImage = decode('color.png', color, problems);
  if (colorImage) sizeRule('color.png', colorImage, COLOR_SIZE, problems);
  const outlineImage = decode('outline.png', outline, problems);
  if (outlineImage) {
    sizeRule('outline.png', outlineImage, OUTLINE_SIZE, problems);
    const d = outlineImage.data;
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) transparent++;
      else if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) coloured++;
    }
    if (coloured > 0) problems.push(`outline.png has ${coloured} pixels that are neither white nor transparent`);
    if (transparent === 0) problems.push('outline.png has no transparent pixels; it must be white on transparent');
  }
  return problems;
}

/** The committed Teams icons: sizes, colour vs transparency, and that they are what icon.svg renders to. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { iconProblems } from '../../scripts/app-package/icon-rules';
import { outlineSvg, renderIcons } from '../../scripts/app-package/render-icons';

const dir = join(__dirname, '..', '..', 'manifest');
const committed = { color: readFileSync(join(dir, 'color.png')), outline: readFileSync(join(dir, 'outline.png')) };
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');

function pixels(png: Buffer): { width: number; height: number; rgba: number[][] } {
  const image = PNG.sync.read(png);
  const rgba: number[][] = [];
  for (let i = 0; i < image.data.length; i += 4) rgba.push([...image.data.subarray(i, i + 4)]);
  return { width: image.width, height: image.height, rgba };
}

test('color.png is 192x192, opaque and in full colour', () => {
  const { width, height, rgba } = pixels(committed.color);
  expect([width, height]).toEqual([192, 192]);
  expect(rgba.every(([, , , a]) => a === 255)).toBe(true);
  const colours = new Set(rgba.map(([r, g, b]) => `${r},${g},${b}`));
  expect(colours.has('15,108,189')).toBe(true); // the accent colour, #0F6CBD
  expect(colours.has('255,255,255')).toBe(true); // the white glyph
  expect(rgba.some(([r, g, b]) => r !== g || g !== b)).toBe(true); // not greyscale
});

test('outline.png is 32x32, only white or transparent pixels, with both a glyph and transparency', () => {
  const { width, height, rgba } = pixels(committed.outline);
  expect([width, height]).toEqual([32, 32]);
  expect(rgba.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
  const transparent = rgba.filter(([, , , a]) => a === 0).length;
  const solid = rgba.filter(([, , , a]) => a === 255).length;
  expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
  expect(solid).toBeGreaterThan(32 * 32 * 0.15);
});

test('the committed PNGs are what npm run icons renders from icon.svg', () => {
  const rendered = renderIcons(svg);
  expect(pixels(committed.color)).toEqual(pixels(rendered.color));
  expect(pixels(committed.outline)).toEqual(pixels(rendered.outline));
});

test('the packager accepts the committed icons and refuses wrong ones', () => {
  expect(iconProblems(committed.color, committed.outline)).toEqual([]);
  expect(iconProblems(committed.outline, committed.color)).toEqual([
    'color.png is 32x32; Teams wants 192x192',
    'outline.png is 192x192; Teams wants 32x32',
    expect.stringMatching(/^outline.png has \d+ pixels that are neither white nor transparent$/),
    'outline.png has no transparent pixels; it must be white on transparent',
  ]);
  expect(iconProblems(Buffer.from('not a png'), committed.outline)).toEqual(['color.png is not a PNG']);
});

test('the outline drops the background and crops to the glyph', () => {
  const outline = outlineSvg(svg);
  expect(outline).not.toContain('id="background"');
  expect(outline).toContain('viewBox="14 14 68 68"');
  expect(() => outlineSvg('<svg viewBox="0 0 1 1"/>')).toThrow(/id="background"/);
});

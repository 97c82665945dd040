/**
 * The two Teams icons from one SVG (manifest/icon.svg): `color.png` 192x192 as drawn, and
 * `outline.png` 32x32, the glyph alone as white on transparent. resvg (Rust, shipped as a
 * registry package with its binary) rasterises; pngjs re-encodes the outline after forcing every
 * pixel white, so anti-aliased edges stay white with partial alpha as Teams asks.
 */
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

export interface Icons {
  color: Buffer;
  outline: Buffer;
}

const BACKGROUND = /<rect id="background"[^>]*\/>/;
const OUTLINE_VIEWBOX = /data-outline-viewbox="([\d.\s-]+)"/;

function rasterise(svg: string, size: number): Buffer {
  const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  if (rendered.width !== size || rendered.height !== size) {
    throw new Error(`icon.svg must be square: rendered ${rendered.width}x${rendered.height} for ${size}x${size}`);
  }
  return rendered.asPng();
}

/** The glyph without its background, cropped to the outline's view box. */
export function outlineSvg(svg: string): string {
  const viewBox = OUTLINE_VIEWBOX.exec(svg)?.[1];
  if (!BACKGROUND.test(svg) || viewBox === undefined) {
    throw new Error('icon.svg needs <rect id="background" .../> and a data-outline-viewbox attribute');
  }
  return svg.replace(BACKGROUND, '').replace(/viewBox="[^"]*"/, `viewBox="${viewBox}"`);
}

function whiteOnly(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = 255;
    image.data[i + 1] = 255;
    image.data[i + 2] = 255;
  }
  return PNG.sync.write(image, { colorType: 6 });
}

export function renderIcons(svg: string): Icons {
  return {
    color: rasterise(svg, COLOR_SIZE),
    outline: whiteOnly(rasterise(outlineSvg(svg), OUTLINE_SIZE)),
  };
}

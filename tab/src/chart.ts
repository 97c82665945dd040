/**
 * Horizontal bar charts in plain SVG. Each is an image with a text alternative (the same numbers
 * as a sentence), and the numbers are printed beside the bars so nobody needs the colours.
 */
import { h } from './dom';

export interface Slice {
  label: string;
  count: number;
  /** The chat cards' colour of this value (Good, Attention, Accent, Default): bars say what chat says. */
  color?: string;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

function describe(title: string, slices: Slice[]): string {
  if (!slices.length) return `${title}: none.`;
  return `${title}: ${slices.map((s) => `${s.label} ${s.count}`).join(', ')}.`;
}

export function barChart(title: string, slices: Slice[], palette = 'series'): HTMLElement {
  const rowHeight = 28;
  const labelWidth = 120;
  const width = 360;
  const max = Math.max(1, ...slices.map((s) => s.count));
  const height = Math.max(1, slices.length) * rowHeight + 8;
  const text = describe(title, slices);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': text,
    class: 'chart',
    preserveAspectRatio: 'xMinYMin meet',
  });
  chart.appendChild(svg('title', {}, text));
  slices.forEach((slice, i) => {
    const y = 4 + i * rowHeight;
    const barWidth = Math.max(2, ((width - labelWidth - 50) * slice.count) / max);
    chart.appendChild(svg('text', { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', class: 'chart-label' }, slice.label));
    chart.appendChild(
      svg('rect', {
        x: labelWidth,
        y: y + 4,
        width: barWidth,
        height: rowHeight - 10,
        rx: 3,
        class: slice.color ? `bar color-${slice.color}` : `bar ${palette}-${i % 6}`,
        'data-label': slice.label,
        'data-count': slice.count,
      }),
    );
    chart.appendChild(svg('text', { x: labelWidth + barWidth + 6, y: y + 18, class: 'chart-value' }, String(slice.count)));
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), chart);
}

// @ts-check
/// <reference lib="dom" />
/* exported svg, chartBox, chartRoot, chartAxes */
// SVG helpers the chart webviews (credit history, usage) load after webviewDom.js and
// before their own script (classic scripts: these are globals). Elements are built one
// by one with attributes and textContent: no markup string ever reaches the page.

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {string} [text]
 */
function svg(tag, attrs, text) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A chart's size and the margins its axes' labels take.
 * @typedef {{ width: number, height: number, pad: { left: number, right: number, top: number, bottom: number } }} ChartBox
 */

/**
 * Both charts are as wide as the panel's column; their height and margins are their own.
 * @param {number} height @param {ChartBox['pad']} pad @returns {ChartBox}
 */
function chartBox(height, pad) {
  return { width: 640, height, pad };
}

/**
 * The scalable image a chart draws in, named for screen readers (`label`).
 * @param {ChartBox} box @param {string} label
 */
function chartRoot(box, label) {
  return svg('svg', { class: 'chart', viewBox: `0 0 ${box.width} ${box.height}`, role: 'img', 'aria-label': label });
}

/**
 * The axes both charts draw: the baseline, the value axis when asked, and the highest and
 * lowest values written left of the plot (`topOffset`: how far below the top the highest sits).
 * @param {SVGElement} root @param {ChartBox} box
 * @param {{ top: string, bottom: string, topOffset: number, valueAxis?: boolean }} values
 */
function chartAxes(root, box, values) {
  const { width, height, pad } = box;
  const base = height - pad.bottom;
  root.appendChild(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: base, y2: base }));
  if (values.valueAxis) {
    root.appendChild(svg('line', { class: 'axis', x1: pad.left, x2: pad.left, y1: pad.top, y2: base }));
  }
  const tick = (/** @type {number} */ y, /** @type {string} */ text) =>
    root.appendChild(svg('text', { class: 'tick', x: pad.left - 6, y, 'text-anchor': 'end' }, text));
  tick(pad.top + values.topOffset, values.top);
  tick(base, values.bottom);
}

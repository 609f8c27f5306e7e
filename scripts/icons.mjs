#!/usr/bin/env node
// Renders public/icons/icon.svg to the PNG icons the web app manifest lists:
//   icon-192.png, icon-512.png (transparent corners) and icon-maskable-512.png (full bleed, with the
//   artwork inside the maskable safe zone, the centre circle of 80% diameter).
// The PNGs are committed, so builds don't need this script; run it after changing the SVG:
//   npm run icons        (needs `npm ci` and Chromium, both installed by `make test`)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { launchOptions } from './chromium.mjs';

const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BRAND = '#1d3557';

const svg = await readFile(`${iconsDir}icon.svg`);
const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;

/** One PNG: the SVG drawn at `scale` of a `size`-pixel square on `background`. */
function page(size, scale, background) {
  const inner = Math.round(size * scale);
  return `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;
    display:grid;place-items:center;background:${background}">
    <img src="${src}" width="${inner}" height="${inner}" alt=""></body></html>`;
}

const outputs = [
  { file: 'icon-192.png', size: 192, scale: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, scale: 1, background: 'transparent' },
  // The shield spans about 58% of the SVG; at 80% it stays well inside the safe zone.
  { file: 'icon-maskable-512.png', size: 512, scale: 0.8, background: BRAND },
];

const browser = await chromium.launch(launchOptions());
try {
  for (const { file, size, scale, background } of outputs) {
    const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    await tab.setContent(page(size, scale, background));
    await tab.locator('img').evaluate((img) => img.decode());
    await tab.screenshot({ path: `${iconsDir}${file}`, omitBackground: background === 'transparent' });
    await context.close();
    console.log(`wrote public/icons/${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}

// Renders report charts off the main thread: vega-lite spec → vega → SVG → PNG (resvg).
// A plain ES module on purpose: vega is ESM with top-level await, which neither ts-jest's
// CommonJS output nor a transpiled `import()` can load; a worker thread imports it natively
// under jest, tsx and the compiled build alike. Messages: { id, spec, fontFiles, fontFamily,
// scale } in; { id, svg, png } or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

async function render({ spec, fontFiles, fontFamily, scale }) {
  const { spec: vegaSpec } = vegaLite.compile(spec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      // Only the given files: system font discovery may pick a font without Vietnamese letters.
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: fontFamily },
    });
    return { svg, png: resvg.render().asPng() };
  } finally {
    view.finalize();
  }
}

parentPort.on('message', (message) => {
  render(message).then(
    ({ svg, png }) => {
      const bytes = new Uint8Array(png);
      parentPort.postMessage({ id: message.id, svg, png: bytes }, [bytes.buffer]);
    },
    (error) => {
      parentPort.postMessage({ id: message.id, error: String(error?.stack ?? error) });
    },
  );
});

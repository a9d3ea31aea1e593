/**
 * `npm run bench:report-samples`: writes a sample chart (`bench/out/bao-cao-mau.png`) and a sample
 * Excel export (`bench/out/bao-cao-mau.xlsx`) for review, made the way a manager gets them: the
 * real app on a temp data dir seeded through the real stores (a small city: 2,000 people, 5,000
 * results), `/baocao` and `/xuatexcel` over HTTP, then the signed links downloaded.
 *
 * Options: --people 2000 --results 5000 --unit CT
 */
import fs from 'node:fs';
import path from 'node:path';
import { fmt, option, ROOT } from './bench-support';
import { ADMIN_ID, ask, fetchRetry, startSeededApp } from './reports';

const OUT_DIR = path.join(ROOT, 'bench', 'out');

async function download(link: string, file: string): Promise<number> {
  const res = await fetchRetry(link.replace('//localhost:', '//127.0.0.1:'));
  if (res.status !== 200) throw new Error(`download ${link}: HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  fs.writeFileSync(file, bytes);
  return bytes.length;
}

async function main(): Promise<void> {
  const unit = option('unit', 'CT');
  const seeded = await startSeededApp({
    people: Number(option('people', '2000')),
    results: Number(option('results', '5000')),
  });
  try {
    const url = seeded.app.server.url;
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const summary = JSON.stringify(await ask(url, ADMIN_ID, `/baocao ${unit}`));
    const chart = /"type":"Image","url":"([^"]+)"/.exec(summary)?.[1];
    if (!chart) throw new Error(`no chart in the /baocao reply: ${summary.slice(0, 500)}`);
    const png = path.join(OUT_DIR, 'bao-cao-mau.png');
    const pngBytes = await download(chart, png);

    const exported = JSON.stringify(await ask(url, ADMIN_ID, `/xuatexcel ${unit}`));
    const link = /\((http:\/\/localhost:\d+\/files\/[^)\\]+)\)/.exec(exported)?.[1];
    if (!link) throw new Error(`no link in the /xuatexcel reply: ${exported.slice(0, 500)}`);
    const xlsx = path.join(OUT_DIR, 'bao-cao-mau.xlsx');
    const xlsxBytes = await download(link, xlsx);

    fs.writeFileSync(path.join(OUT_DIR, 'bao-cao-mau.card.json'), `${summary}\n`);
    console.log(`${path.relative(ROOT, png)} (${fmt(pngBytes / 1024)} KB)`);
    console.log(`${path.relative(ROOT, xlsx)} (${fmt(xlsxBytes / 1024)} KB)`);
    console.log(`${path.relative(ROOT, path.join(OUT_DIR, 'bao-cao-mau.card.json'))} (the card)`);
  } finally {
    await seeded.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * `npm run ingest`: validates `knowledge/`, builds the index (and embeddings when configured) into
 * the data directory's cache, with a progress bar and a summary.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { ProgressPhase } from '../knowledge';
import { openForCli, reportCliError } from './open-cli';

const LABELS: Record<ProgressPhase, string> = {
  load: 'Đọc tài liệu  ',
  analyze: 'Phân tích     ',
  embed: 'Tạo vector    ',
};

async function main(): Promise<void> {
  let bar: SingleBar | undefined;
  let phase: ProgressPhase | undefined;
  const kb = await openForCli((next, done, total) => {
    if (next !== phase) {
      bar?.stop();
      phase = next;
      bar = new SingleBar(
        { format: `${LABELS[next]} [{bar}] {value}/{total}`, stream: process.stderr },
        Presets.shades_classic,
      );
      bar.start(total, done);
    } else {
      bar?.update(done);
    }
  });
  bar?.stop();
  const s = kb.stats;
  console.log(
    `documents ${s.documents}  sections ${s.sections}  tokens ${s.tokens}  vocabulary ${s.vocabulary}  ` +
      `${s.buildMs} ms${s.fromCache ? ' (from cache)' : ''}${s.dense ? '  dense vectors on' : ''}`,
  );
}

if (require.main === module) main().catch(reportCliError);

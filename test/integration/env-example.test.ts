import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { loadConfig } from '../../src/config';

describe('.env.example', () => {
  const root = path.join(__dirname, '..', '..');
  const example = dotenv.parse(fs.readFileSync(path.join(root, '.env.example')));
  const configSource = fs.readFileSync(path.join(root, 'src', 'config.ts'), 'utf8');
  const variables = [...configSource.matchAll(/^ {2}(\w+): (?:z\.|bool|optionalString)/gm)].map(
    (m) => m[1]!,
  );

  it('documents exactly the variables config.ts reads', () => {
    expect(variables.length).toBeGreaterThan(10);
    expect(Object.keys(example).sort()).toEqual([...variables].sort());
  });

  it('loads as the same configuration as an empty environment', () => {
    expect(loadConfig(example, '/srv/bot')).toEqual(loadConfig({}, '/srv/bot'));
  });
});

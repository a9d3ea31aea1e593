import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';

describe('.env.example', () => {
  const root = path.join(__dirname, '..', '..');
  const lines = fs.readFileSync(path.join(root, '.env.example'), 'utf8').split('\n');
  /** The documented `# NAME=default` lines. */
  const documented = Object.fromEntries(
    lines
      .map((l) => /^# (\w+)=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const configSource = fs.readFileSync(path.join(root, 'src', 'config.ts'), 'utf8');
  const variables = [...configSource.matchAll(/^ {2}(\w+): (?:z\b|bool\b|optionalString\b)/gm)].map(
    (m) => m[1]!,
  );

  it('documents exactly the variables config.ts reads, each with a comment above it', () => {
    expect(variables.length).toBeGreaterThan(10);
    expect(Object.keys(documented).sort()).toEqual([...variables].sort());
    for (const name of variables) {
      const at = lines.findIndex((l) => l.startsWith(`# ${name}=`));
      expect(lines[at - 1]).toMatch(/^# \S/);
      expect(lines[at - 1]).not.toMatch(/^# \w+=/);
    }
  });

  it('documents values the configuration accepts', () => {
    expect(() => loadConfig(documented, '/srv/bot')).not.toThrow();
  });
});

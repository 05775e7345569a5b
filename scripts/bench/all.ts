// `npm run bench`: the browser benchmark (./main.ts) with the arguments given, then the import
// benchmark (../bench-import.ts). A runner of its own because npm appends `-- <args>` to the end
// of a script: with `main.ts && npm run bench:import` they reached the import benchmark, which
// refused them, and the browser benchmark ran with its defaults.
import { spawnSync } from 'node:child_process';

function run(script: string, args: readonly string[] = []): number {
  const r = spawnSync('npx', ['tsx', script, ...args], { stdio: 'inherit' });
  return r.status ?? 1;
}

const status = run('scripts/bench/main.ts', process.argv.slice(2));
process.exit(status === 0 ? run('scripts/bench-import.ts') : status);

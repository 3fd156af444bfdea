// `rollwatch run` in a child process, asynchronously: the tests serve their sites from this
// process, and spawnSync would block the very server the run is crawling.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '../../bin/rollwatch.js');

export function runCli(
  config: string,
  onSpawn?: (kill: () => void) => void,
): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', '--config', config, '--quiet'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    onSpawn?.(() => child.kill('SIGKILL'));
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}

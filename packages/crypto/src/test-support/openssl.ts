import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Result of one OpenSSL command. */
export interface OpensslResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs /usr/bin/openssl with `args` in `cwd`, without a shell. */
export function openssl(args: string[], cwd: string): OpensslResult {
  const result = spawnSync('/usr/bin/openssl', args, { cwd, encoding: 'utf8' });

  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding the given files; call `remove` when done. */
export async function tempFolder(files: Record<string, string | Uint8Array>): Promise<{
  path: string;
  write: (name: string, content: string | Uint8Array) => Promise<void>;
  remove: () => Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), 'orgcard-crypto-'));
  const write = (name: string, content: string | Uint8Array) =>
    writeFile(join(path, name), content);
  for (const [name, content] of Object.entries(files)) {
    await write(name, content);
  }

  return { path, write, remove: () => rm(path, { recursive: true, force: true }) };
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

export interface NodeProcessOptions {
  cwd?: string;
  /** A nice value for the process (Linux and macOS), e.g. to take only a core others leave idle. */
  nice?: number;
}

/**
 * Runs Node (this one, `process.execPath`) with `args` in a child process. Resolves with what it
 * printed when it exits with 0; otherwise rejects with `failure` and that output. The child is
 * stopped if this process exits first (a build that fails early leaves nothing running).
 */
export function runNode(args: string[], failure: string, options: NodeProcessOptions = {}): Promise<string> {
  return runProcess(process.execPath, args, failure, options);
}

/** Runs a program as runNode runs Node; `onStart` gets its process id. */
export function runProcess(
  command: string,
  args: string[],
  failure: string,
  { cwd, nice, onStart }: NodeProcessOptions & { onStart?: (pid: number) => () => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (nice !== undefined && child.pid !== undefined) {
      try {
        setPriority(child.pid, nice);
      } catch {
        // Not allowed here: it runs at this process's priority.
      }
    }
    const started = child.pid !== undefined ? onStart?.(child.pid) : undefined;
    const stop = () => child.kill();
    process.once('exit', stop);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      process.off('exit', stop);
      started?.();
      reject(error);
    });
    child.on('close', (code) => {
      process.off('exit', stop);
      started?.();
      if (code === 0) resolve(output);
      else reject(new Error(`${failure} (exit ${code}): ${output.trim()}`));
    });
  });
}

/**
 * A memory figure of a running process, in bytes, from /proc/<pid>/status (Linux): `VmRSS`, its
 * resident set now, or `VmHWM`, the most it has held. Undefined elsewhere or once it has exited.
 */
export function processMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const kb = new RegExp(`${field}:\\s*(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

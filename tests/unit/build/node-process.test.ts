import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processMemory, runNode } from '../../../src/build/node-process';

describe('runNode', () => {
  it('resolves with what the child printed, on both streams', async () => {
    await expect(runNode(['-e', 'console.log("out"); console.error("err")'], 'not run')).resolves.toBe('out\nerr\n');
  });

  it('rejects with the given failure, the exit code and what the child printed', async () => {
    await expect(runNode(['-e', 'console.error("the reason"); process.exit(3)'], 'the step failed')).rejects.toThrow(
      'the step failed (exit 3): the reason',
    );
  });
});

describe('processMemory', () => {
  it.runIf(process.platform === 'linux')('reads a running process\'s resident set and its peak, and nothing of one that is gone', async () => {
    // A child that holds ~64 MB, then frees it and waits to be read.
    const child = spawn(process.execPath, ['-e', 'let b = Buffer.alloc(64 * 2 ** 20, 1); b = null; global.gc?.(); console.log("ready"); setTimeout(() => {}, 10000)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await once(child.stdout!, 'data');
    const rss = processMemory(child.pid!, 'VmRSS');
    const peak = processMemory(child.pid!, 'VmHWM');
    expect(rss).toBeGreaterThan(10 * 2 ** 20);
    expect(peak).toBeGreaterThanOrEqual(64 * 2 ** 20);
    expect(peak).toBeGreaterThanOrEqual(rss!);
    child.kill();
    await once(child, 'exit');
    expect(processMemory(child.pid!, 'VmRSS')).toBeUndefined();
  });
});

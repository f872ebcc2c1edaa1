import { describe, expect, it } from 'vitest';
import { runNode } from '../../../src/lib/node-process';

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

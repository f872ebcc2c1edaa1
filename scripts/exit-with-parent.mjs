/**
 * Preloaded (`node --import`) into the servers that `npm run cms` and the tests start. Their
 * stdin is a pipe from the process that started them; the system closes that pipe when the
 * starter ends, however it ends (SIGKILL included), and the server then ends too instead of
 * running on as an orphan that keeps its port. Without a pipe on stdin this does nothing.
 */
import { fstatSync } from 'node:fs';

const stdin = fstatSync(0);
// Node's child_process makes such a pipe as a Unix socket pair; a shell pipe is a FIFO.
if (stdin.isSocket() || stdin.isFIFO()) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  // Read (and drop) whatever arrives, so the end of the pipe is seen; unref'd, so the pipe
  // alone never keeps a server alive that would otherwise end.
  process.stdin.resume();
  process.stdin.unref();
}

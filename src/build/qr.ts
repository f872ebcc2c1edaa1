import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { stockBuild } from './mode.ts';
import { BACKGROUND_NICE } from './thread-priority';

/**
 * A QR code of a URL as SVG markup, made at build time (no request to any QR service), for
 * sharing a page into WeChat, which most Chinese readers use.
 *
 * The codes are made on a worker thread. Pages are rendered on one thread, and a large site has
 * tens of thousands of codes (most of each one's time is the standard's choice of mask); the
 * worker makes them on the other core while the pages go on, at a lower priority than the
 * rendering thread.
 */
export function qrSvg(url: string): Promise<string> {
  // The stock build (src/build/mode.ts) makes them in the rendering thread, with the same code.
  return stockBuild ? qrInThread(url) : qrWorker().make(url);
}

const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } };

async function qrInThread(url: string): Promise<string> {
  const QRCode = createRequire(import.meta.url)('qrcode') as { toString(segments: unknown, options: unknown): Promise<string> };
  const svg = await QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], QR_OPTIONS);
  return svg.slice(svg.indexOf('<svg'));
}

// One byte-mode segment (the UTF-8 bytes): with a bare string the library searches the cheapest
// mix of numeric, alphanumeric and byte segments (a shortest-path search, a third of its time)
// to save a few bits that a page URL rarely needs. The mask is still chosen by the standard's
// penalty rules. Only the <svg> element is kept, without the XML prolog, to inline in the page.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Below the rendering thread (src/build/thread-priority.ts): Linux, by this thread's id.
try {
  require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), workerData.nice);
} catch {}
const QRCode = require(workerData.qrcode);
const options = ${JSON.stringify(QR_OPTIONS)};
parentPort.on('message', ({ id, url }) => {
  QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], options).then(
    (svg) => parentPort.postMessage({ id, svg: svg.slice(svg.indexOf('<svg')) }),
    (error) => parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) }),
  );
});
`;

interface Reply {
  id: number;
  svg?: string;
  error?: string;
}

class QrWorker {
  #worker: Worker;
  #next = 0;
  #pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();

  constructor() {
    const qrcode = createRequire(import.meta.url).resolve('qrcode');
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { qrcode, nice: BACKGROUND_NICE } });
    // Idle, it does not keep the process alive; with codes to make, it does.
    this.#worker.unref();
    this.#worker.on('message', ({ id, svg, error }: Reply) => {
      const request = this.#pending.get(id);
      if (!request) return;
      this.#pending.delete(id);
      if (this.#pending.size === 0) this.#worker.unref();
      if (svg !== undefined) request.resolve(svg);
      else request.reject(new Error(`QR code not made: ${error}`));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`the QR code worker stopped (exit ${code})`)));
  }

  make(url: string): Promise<string> {
    const id = this.#next++;
    return new Promise<string>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, url });
    });
  }

  #failAll(error: Error) {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    // Only this one: a new worker may already have taken its place.
    if (worker === this) worker = undefined;
  }
}

let worker: QrWorker | undefined;
function qrWorker(): QrWorker {
  worker ??= new QrWorker();
  return worker;
}

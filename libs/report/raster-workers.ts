/**
 * resvg in worker threads. Rendering a page-high chart and encoding it as a
 * PNG takes tens of milliseconds of CPU, most of it in the encoding, which
 * resvg-js does on the calling thread: at 10,000 indicators (some 240 chart
 * images) that was most of the main thread's time. A worker lays out, renders
 * and encodes while the main thread writes the workbooks, pages and
 * documents. The worker is plain JavaScript: it loads resvg-js and nothing of
 * ours, so it starts alike from source, from the build and under jest.
 */
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * A rendered image holds its pixels (11 MB for a page-high chart) outside the
 * JavaScript heap until its small wrapper is collected, which a worker that
 * allocates little would put off for hundreds of images: each is collected
 * as soon as it is encoded (V8's gc, exposed to this thread alone).
 */
const RASTERISE = `
const { parentPort, workerData } = require('node:worker_threads');
require('node:v8').setFlagsFromString('--expose-gc');
const collect = require('node:vm').runInNewContext('gc');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    parentPort.postMessage({ id, png: new Resvg(svg, options).render().asPng() });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
  collect();
});
`;

interface Reply {
  id: number;
  png?: Uint8Array;
  error?: string;
}

class RasterWorker {
  private readonly worker = new Worker(RASTERISE, {
    eval: true,
    workerData: { resvg: require.resolve('@resvg/resvg-js') },
  });
  private readonly pending = new Map<number, { resolve(png: Buffer): void; reject(e: Error): void }>();
  private next = 0;

  constructor() {
    // Idle, the worker keeps no process alive (a caller that never disposes of it); busy, it does.
    this.worker.unref();
    this.worker.on('message', ({ id, png, error }: Reply) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      if (error !== undefined || !png) waiting?.reject(new Error(`The chart could not be rasterised: ${error}`));
      else waiting?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`The chart rasteriser stopped (exit code ${code})`)));
  }

  get load(): number {
    return this.pending.size;
  }

  png(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, svg, options });
    });
  }

  private fail(e: Error): void {
    for (const { reject } of this.pending.values()) reject(e);
    this.pending.clear();
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/** `count` workers, started when the first image is asked for; each image goes to the least busy. */
export class RasterWorkers {
  private workers: RasterWorker[] = [];

  constructor(private readonly count: number) {}

  png(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
    if (this.workers.length === 0) this.workers = Array.from({ length: this.count }, () => new RasterWorker());
    const idlest = this.workers.reduce((a, b) => (b.load < a.load ? b : a));
    return idlest.png(svg, options);
  }

  async terminate(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

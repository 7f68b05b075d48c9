/**
 * The pane's feed to its analysis worker (src/taskpane/runner.ts), with a stand-in Worker: parts
 * go to the worker as they are read, and once the feed is cancelled or the worker has failed the
 * next part is refused, so that a read of a full sheet stops at its next chunk.
 */
import { CancelledError, openPaneRun, WorkerError } from '../../src/taskpane/runner';
import { packPart } from '../../src/excel/packedTable';

/** What the stand-in worker was sent, and a way to fail it. */
class FakeWorker {
  static last: FakeWorker;
  readonly sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
beforeAll(() => void ((globalThis as { Worker?: unknown }).Worker = FakeWorker));
afterAll(() => void ((globalThis as { Worker?: unknown }).Worker = realWorker));

const part = () => packPart([['a', 1]], 2);

describe('the run feed', () => {
  it('sends parts until cancelled, then refuses the next one as cancelled', async () => {
    const feed = openPaneRun('worker.js');
    FakeWorker.last.onmessage?.({ data: { type: 'ready' } });
    await feed.part(part());
    expect(FakeWorker.last.sent).toHaveLength(1);
    feed.cancel();
    expect(FakeWorker.last.terminated).toBe(true);
    await expect(feed.part(part())).rejects.toBeInstanceOf(CancelledError);
    expect(FakeWorker.last.sent).toHaveLength(1);
  });

  it('refuses the next part with the worker\'s failure once it has failed', async () => {
    const feed = openPaneRun('worker.js');
    FakeWorker.last.onerror?.({ message: 'worker.js: 404' });
    const refused = feed.part(part());
    await expect(refused).rejects.toBeInstanceOf(WorkerError);
    await expect(refused).rejects.toThrow('worker.js: 404');
    expect(FakeWorker.last.sent).toHaveLength(0);
  });
});

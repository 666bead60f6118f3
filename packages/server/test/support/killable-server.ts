/**
 * A `mailpat serve` that a test SIGKILLs and restarts on the same data, while clients follow it
 * from one incarnation (generation) to the next.
 * @module
 */
import { once } from 'node:events';
import { startMailpat } from './mailpat-process.js';
import type { MailpatProcess, StartOptions } from './mailpat-process.js';

/** One incarnation of the server: its process and how many restarts came before it. */
export interface Incarnation {
  server: MailpatProcess;
  generation: number;
}

/**
 * The server under test. Between a kill and `publish` there is no live incarnation: clients
 * waiting in `liveAfter` are held, so a check can run on the restarted server undisturbed.
 */
export class KillableServer {
  #live: Incarnation | undefined;
  #generation = 0;
  #waiters: (() => void)[] = [];
  #final = false;

  private constructor(
    readonly options: StartOptions & { dataDir: string; databaseUrl: string | undefined },
    server: MailpatProcess,
  ) {
    this.#publishServer(server);
  }

  /** Starts the first incarnation; restarts reuse its data, database, credentials and env. */
  static async start(options: StartOptions): Promise<KillableServer> {
    const server = await startMailpat(options);
    const credentials = {
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
    };
    const fixed = { ...options, dataDir: server.dataDir, databaseUrl: server.databaseUrl };
    return new KillableServer({ ...fixed, credentials }, server);
  }

  /** The live incarnation after `generation` (any live one by default); waits for it if needed. */
  async liveAfter(generation = -1): Promise<Incarnation> {
    for (;;) {
      const live = this.#live;
      if (live !== undefined && (live.generation > generation || this.#final)) return live;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** The live incarnation, which must exist (outside a kill-restart window). */
  get live(): Incarnation {
    if (this.#live === undefined) throw new Error('no live incarnation');
    return this.#live;
  }

  /** SIGKILLs the live process and resolves once it is gone. */
  async kill(): Promise<void> {
    const { server } = this.live;
    this.#live = undefined;
    const closed = once(server.child, 'close');
    server.child.kill('SIGKILL');
    await closed;
  }

  /**
   * Starts a process on the same data and SIGKILLs it `delayMs` after the spawn, most often
   * before it listens; it never becomes live. True when it was killed before listening.
   */
  async killWhileStarting(delayMs: number): Promise<boolean> {
    let closed: Promise<unknown> | undefined;
    const starting = startMailpat({
      ...this.options,
      onSpawn: (child) => {
        closed = once(child, 'close');
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      },
    });
    const listened = await starting.then(
      () => true,
      (error: unknown) => {
        if (closed === undefined) throw error;
        return false;
      },
    );
    await closed;
    return !listened;
  }

  /** Starts the next process on the same data; not live for clients until `publish`. */
  restart(): Promise<MailpatProcess> {
    return startMailpat(this.options);
  }

  /** Makes `server` the live incarnation and wakes the clients waiting for it. */
  publish(server: MailpatProcess): void {
    this.#publishServer(server);
  }

  /** From now on `liveAfter` answers with the live incarnation whatever the generation asked. */
  finish(): void {
    this.#final = true;
    this.#wake();
  }

  #publishServer(server: MailpatProcess): void {
    this.#live = { server, generation: this.#generation++ };
    this.#wake();
  }

  #wake(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }
}

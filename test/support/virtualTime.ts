/**
 * Virtual time for simulations: `sleep` parks a promise until `run()` advances the clock to
 * it. Waits of seconds (Retry-After, backoff) cost no real time, and runs are repeatable.
 */
export class VirtualTime {
  now = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Lets every promise that can settle now do so (the in-process server answers this way too). */
  async drain(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Runs timers in time order until none is left or `limitMs` of virtual time has passed. */
  async run(limitMs = Number.POSITIVE_INFINITY): Promise<void> {
    const end = this.now + limitMs;
    await this.drain();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.now = Math.max(this.now, next.at);
      next.resolve();
      await this.drain();
    }
    if (Number.isFinite(end)) this.now = Math.max(this.now, end);
  }

  get pending(): number {
    return this.timers.length;
  }
}

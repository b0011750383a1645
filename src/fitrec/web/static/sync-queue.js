// A durable outbox: requests wait in localStorage until the server acknowledges them,
// so a reload or a dropped connection loses nothing. Every request is an idempotent PUT
// (or an idempotent POST) keyed by a client id, so sending one twice duplicates nothing.

const RETRYABLE = new Set([0, 408, 425, 429, 500, 502, 503, 504]);
const MAX_BACKOFF_MS = 30000;

export class SyncQueue {
  /** `key`: localStorage key; `csrf`: token for the X-CSRF-Token header; hooks for the page. */
  constructor(key, csrf, hooks = {}) {
    this.key = key;
    this.csrf = csrf;
    this.hooks = hooks;
    this.flushing = false;
    this.wake = null;
    window.addEventListener("online", () => this.kick());
  }

  items() {
    try {
      return JSON.parse(localStorage.getItem(this.key) || "[]");
    } catch {
      return [];
    }
  }

  save(items) {
    localStorage.setItem(this.key, JSON.stringify(items));
    if (this.hooks.onChange) this.hooks.onChange(items);
  }

  /** Add a request ({id, method, url, body, kind}) unless one with its id is already queued. */
  enqueue(item) {
    const items = this.items();
    if (!items.some((i) => i.id === item.id)) items.push(item);
    this.save(items);
    this.flush();
  }

  remove(id) {
    this.save(this.items().filter((i) => i.id !== id));
  }

  /** Wake a waiting retry now (back online, or the user asked). */
  kick() {
    if (this.wake) this.wake();
    else this.flush();
  }

  sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => {
      this.wake = null;
    });
  }

  async send(item) {
    try {
      const response = await fetch(item.url, {
        method: item.method,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": this.csrf },
        body: JSON.stringify(item.body),
      });
      let payload = null;
      try {
        payload = await response.json();
      } catch {
        payload = null;
      }
      return { status: response.status, payload };
    } catch {
      return { status: 0, payload: null };
    }
  }

  /** Send queued requests in order, one at a time, retrying with backoff until acknowledged. */
  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    let backoff = 1000;
    try {
      for (;;) {
        const item = this.items()[0];
        if (!item) break;
        const { status, payload } = await this.send(item);
        if (status >= 200 && status < 300) {
          this.remove(item.id);
          backoff = 1000;
          if (this.hooks.onAck) this.hooks.onAck(item, payload);
        } else if (RETRYABLE.has(status)) {
          if (this.hooks.onRetry) this.hooks.onRetry(item, status);
          await this.sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        } else {
          // The server refused it for good (bad input, no such session): keep the page honest.
          this.remove(item.id);
          if (this.hooks.onReject) this.hooks.onReject(item, status, payload);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

// Where the live page's outbox lives: IndexedDB (through idb), not localStorage, so queued
// writes survive a reload, a closed tab and a page served offline by the service worker.
// Items keep the order they were queued in (an auto-increment sequence number) and are
// unique by their client id: queueing the same request twice keeps one.
import { openDB } from "./vendor/idb/index.js";

const DB_NAME = "fitrec";
const STORE = "outbox";

let opened = null;

function database() {
  if (!opened) {
    opened = openDB(DB_NAME, 1, {
      upgrade(db) {
        const store = db.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
        store.createIndex("id", "id", { unique: true });
        store.createIndex("queue", "queue");
      },
    });
  }
  return opened;
}

export class OutboxStore {
  /** One named queue (e.g. one per session) inside the shared object store. */
  constructor(queue) {
    this.queue = queue;
  }

  /** The queued items, oldest first. */
  async all() {
    const db = await database();
    const items = await db.getAllFromIndex(STORE, "queue", this.queue);
    return items.sort((a, b) => a.seq - b.seq);
  }

  /** Queue `item` ({id, method, url, body, ...}) unless one with its id is queued already. */
  async add(item) {
    const db = await database();
    const tx = db.transaction(STORE, "readwrite");
    if ((await tx.store.index("id").getKey(item.id)) === undefined) {
      await tx.store.add({ ...item, queue: this.queue });
    }
    await tx.done;
  }

  /** Change a queued item in place (it keeps its place in the order); false if not queued. */
  async update(id, change) {
    const db = await database();
    const tx = db.transaction(STORE, "readwrite");
    const found = await tx.store.index("id").get(id);
    if (found) await tx.store.put({ ...found, ...change(found), seq: found.seq, id: found.id });
    await tx.done;
    return Boolean(found);
  }

  /** Drop the item with client id `id` (acknowledged, refused or undone before it left). */
  async remove(id) {
    const db = await database();
    const tx = db.transaction(STORE, "readwrite");
    const key = await tx.store.index("id").getKey(id);
    if (key !== undefined) await tx.store.delete(key);
    await tx.done;
    return key !== undefined;
  }
}

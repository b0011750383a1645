// The live post-exhaust workout: walks the blocks set by set, times the transition rest
// and the rest after each round, and logs every set through a durable outbox. It reads and
// writes the session through /api/v1 (`data-api`), signed in by the cookie + X-CSRF-Token.
import { buildSteps, resumeIndex, slotKey } from "./live-plan.js";
import { problemText } from "./problem.js";
import { SyncQueue } from "./sync-queue.js";

const root = document.getElementById("live");
const api = root.dataset.api;
const sessionId = root.dataset.sessionId;
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
const stateKey = `fitrec.live.${sessionId}`;
const $ = (id) => document.getElementById(id);

let session = null;
let steps = [];
let cursor = 0;
let local = loadLocal();
let ticker = null;
let alarmed = false;
let audio = null;

const queue = new SyncQueue(`fitrec.queue.${sessionId}`, csrf, {
  onChange: showSync,
  onRetry: () => showSync(queue.items(), true),
  onAck: (item) => {
    // Keep the local copy of the session whole once the outbox lets go of an item.
    if (item.kind === "set" && !session.sets.some((s) => s.id === item.id)) session.sets.push({ id: item.id, ...item.body });
    if (item.kind === "feedback") session.feedback = [...(session.feedback || []), { block_label: feedbackBlock(item), ...item.body }];
    if (item.kind === "finish") reloadSession().then(showSummary);
  },
  onReject: (item, status, payload) => {
    showError(`The server refused ${describe(item)}: ${problemText(status, payload)}.`);
  },
});

function loadLocal() {
  try {
    return JSON.parse(localStorage.getItem(stateKey) || "{}");
  } catch {
    return {};
  }
}

function saveLocal() {
  localStorage.setItem(stateKey, JSON.stringify(local));
}

function describe(item) {
  if (item.kind === "set") return `set ${item.body.block_label}${item.body.position} #${item.body.set_index}`;
  if (item.kind === "feedback") return `feedback for block ${feedbackBlock(item)}`;
  return "the finish";
}

function showError(message) {
  const box = $("live-error");
  box.textContent = message;
  box.hidden = !message;
}

function showSync(items = queue.items(), retrying = false) {
  const status = $("sync-status");
  const waiting = items.length;
  status.classList.toggle("pending", waiting > 0);
  if (!waiting) status.textContent = "All sets saved.";
  else if (retrying || !navigator.onLine) status.textContent = `${waiting} waiting to sync — offline, retrying.`;
  else status.textContent = `Saving ${waiting}…`;
}

/** Sets known to the server plus those still queued, so nothing shows twice. */
function allSets() {
  const byId = new Map((session.sets || []).map((s) => [s.id, s]));
  for (const item of queue.items()) if (item.kind === "set") byId.set(item.id, { id: item.id, ...item.body });
  return [...byId.values()];
}

/** The block a queued feedback is for: it travels in the URL (items queued before: the body). */
function feedbackBlock(item) {
  return item.block || item.body.block_label;
}

function feedbackBlocks() {
  const labels = new Set((session.feedback || []).map((f) => f.block_label));
  for (const item of queue.items()) if (item.kind === "feedback") labels.add(feedbackBlock(item));
  return labels;
}

function lastSetTime() {
  const times = allSets().map((s) => Date.parse(s.performed_at)).filter((t) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : Date.now();
}

async function reloadSession() {
  const response = await fetch(api, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) {
    const payload = await response.json().catch(() => null);
    throw new Error(`could not load session ${sessionId}: ${problemText(response.status, payload)}`);
  }
  session = await response.json();
  session.sets = session.sets || [];
  session.feedback = session.feedback || [];
  return session;
}

function hideAll() {
  for (const id of ["set-panel", "rest-panel", "feedback-panel", "finish-panel", "summary-panel"]) $(id).hidden = true;
}

function exerciseLine(step) {
  return `${step.block.label}${step.entry.position} · ${step.entry.name}, set ${step.setIndex} of ${step.entry.sets}`;
}

function render() {
  stopTicker();
  hideAll();
  if (session.finished_at) return showSummary();
  const step = steps[cursor];
  if (step.kind === "set") renderSet(step);
  else if (step.kind === "rest") renderRest(step);
  else if (step.kind === "feedback") renderFeedback(step);
  else if (queue.items().some((i) => i.kind === "finish")) $("sync-status").textContent = "Finishing…";
  else $("finish-panel").hidden = false;
}

function previousSetOf(step) {
  const same = allSets().filter((s) => s.block_label === step.block.label && s.position === step.entry.position);
  return same.sort((a, b) => a.set_index - b.set_index).at(-1);
}

function renderSet(step) {
  const { entry } = step;
  $("set-label").textContent = `${step.block.label}${entry.position}`;
  $("set-count").textContent = `Set ${step.setIndex} of ${entry.sets}`;
  $("set-heading").textContent = entry.name;
  const reps = entry.reps_min === entry.reps_max ? `${entry.reps_max}` : `${entry.reps_min}–${entry.reps_max}`;
  const parts = [`${reps} reps`];
  if (entry.target_weight != null) parts.push(`@ ${entry.target_weight} ${session.unit}`);
  if (entry.target_rir != null) parts.push(`${entry.target_rir} RIR`);
  $("set-target").textContent = `Target: ${parts.join(" ")}`;
  $("set-last").textContent = lastTimeText(entry, step.setIndex);
  const before = previousSetOf(step);
  $("set-weight").value = before ? before.weight : (entry.target_weight ?? "");
  $("set-reps").value = before ? before.reps : entry.reps_max;
  $("set-rir").value = "";
  $("set-panel").hidden = false;
  $("set-weight").focus();
}

/** "Last time: 80 kg × 8 @ 2 RIR (2 Dec)": the same set of the last session with this exercise. */
function lastTimeText(entry, setIndex) {
  const last = entry.last_time;
  if (!last || !last.sets.length) return "";
  const done = last.sets.find((s) => s.set_index === setIndex) || last.sets.at(-1);
  const effort = done.rpe != null ? ` @ RPE ${done.rpe}` : done.rir != null ? ` @ ${done.rir} RIR` : "";
  const day = new Date(last.started_at).toLocaleDateString(undefined, { day: "numeric", month: "short" });
  return `Last time: ${done.weight} ${done.unit} × ${done.reps}${effort} (${day})`;
}

function formatClock(seconds) {
  const s = Math.abs(Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function renderRest(step) {
  const next = steps.slice(cursor + 1).find((s) => s.kind === "set");
  $("rest-heading").textContent = step.rest === "transition" ? "Transition rest" : "Rest after the round";
  $("rest-kind").textContent = step.rest === "transition" ? "Go straight to the isolation when it hits zero." : "Recover before the next round.";
  $("rest-next").textContent = next ? `Next: ${exerciseLine(next)}` : "";
  $("rest-panel").hidden = false;
  if (step.feedbackFor && !feedbackBlocks().has(step.feedbackFor)) renderFeedback(step);
  const started = lastSetTime();
  alarmed = Date.now() - started >= step.seconds * 1000;
  const tick = () => {
    const remaining = step.seconds - (Date.now() - started) / 1000;
    const timer = $("rest-timer");
    timer.textContent = remaining >= 0 ? formatClock(Math.ceil(remaining)) : `+${formatClock(-remaining)}`;
    timer.classList.toggle("overtime", remaining < 0);
    if (remaining <= 0 && !alarmed) {
      alarmed = true;
      alarm();
    }
  };
  tick();
  ticker = setInterval(tick, 250);
  $("rest-done").focus();
}

function renderFeedback(step) {
  $("feedback-heading").textContent = `How was pair ${step.feedbackFor}?`;
  $("feedback-form").reset();
  $("feedback-form").dataset.block = step.feedbackFor;
  $("feedback-panel").hidden = false;
}

function stopTicker() {
  if (ticker) clearInterval(ticker);
  ticker = null;
}

/** Beep twice and vibrate: the rest is over. */
function alarm() {
  if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
  if (!audio) return;
  const now = audio.currentTime;
  for (const offset of [0, 0.3]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.3, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + offset);
    osc.stop(now + offset + 0.2);
  }
}

/** Audio may only start from a user gesture: create the context on the first tap. */
function unlockAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!audio && Context) audio = new Context();
  if (audio && audio.state === "suspended") audio.resume();
}

let wakeLock = null;
async function keepScreenOn() {
  if (!("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  try {
    wakeLock = await navigator.wakeLock.request("screen");
  } catch {
    wakeLock = null; // refused (battery saver, no permission): the workout still works
  }
}
document.addEventListener("visibilitychange", () => {
  if (!wakeLock || wakeLock.released) keepScreenOn();
});

function advance() {
  cursor = Math.min(cursor + 1, steps.length - 1);
  render();
}

$("set-form").addEventListener("submit", (event) => {
  event.preventDefault();
  unlockAudio();
  const step = steps[cursor];
  const weight = Number($("set-weight").value);
  const reps = Number($("set-reps").value);
  const rirText = $("set-rir").value.trim();
  if (!Number.isFinite(weight) || $("set-weight").value === "" || weight < 0) return showError("Enter the weight you lifted.");
  if (!Number.isInteger(reps) || reps < 0) return showError("Enter the reps as a whole number.");
  showError("");
  const id = crypto.randomUUID();
  const body = {
    exercise_slug: step.entry.exercise_slug,
    block_label: step.block.label,
    position: step.entry.position,
    set_index: step.setIndex,
    weight,
    unit: session.unit,
    reps,
    rir: rirText === "" ? null : Number(rirText),
    rest_before_s: local.restTaken?.[step.key] ?? null,
    set_type: "working",
    performed_at: new Date().toISOString(),
  };
  queue.enqueue({ id, kind: "set", method: "PUT", url: `${api}/sets/${id}`, body });
  advance();
});

$("rest-done").addEventListener("click", () => {
  unlockAudio();
  const next = steps.slice(cursor + 1).find((s) => s.kind === "set");
  if (next) {
    local.restEndedFor = next.key;
    local.restTaken = { ...(local.restTaken || {}), [next.key]: Math.round((Date.now() - lastSetTime()) / 1000) };
    saveLocal();
  }
  advance();
});

$("feedback-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const pump = Number(form.get("pump"));
  const exhaustion = Number(form.get("exhaustion"));
  if (!pump || !exhaustion) return showError("Choose a pump and an exhaustion rating (1–5).");
  showError("");
  const block = event.target.dataset.block;
  queue.enqueue({
    id: `feedback-${block}`,
    kind: "feedback",
    block,
    method: "PUT",
    url: `${api}/feedback/${block}`,
    body: { pump, exhaustion },
  });
  $("feedback-panel").hidden = true;
  if (steps[cursor].kind === "feedback") advance();
});

$("finish-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const note = $("finish-note").value.trim();
  queue.enqueue({ id: "finish", kind: "finish", method: "POST", url: `${api}/finish`, body: { note: note || null } });
  $("finish-panel").hidden = true;
  $("sync-status").textContent = "Finishing…";
});

function showSummary() {
  stopTicker();
  hideAll();
  const rows = new Map();
  for (const s of allSets()) {
    const row = rows.get(s.exercise_slug) || { name: nameOf(s.exercise_slug), sets: 0, best: null, volume: 0 };
    row.sets += 1;
    row.volume += s.weight * s.reps;
    if (!row.best || s.weight > row.best.weight || (s.weight === row.best.weight && s.reps > row.best.reps)) row.best = s;
    rows.set(s.exercise_slug, row);
  }
  const body = $("summary-table").querySelector("tbody");
  body.replaceChildren(
    ...[...rows.values()].map((row) => {
      const tr = document.createElement("tr");
      for (const text of [row.name, row.sets, `${row.best.weight} ${session.unit} × ${row.best.reps}`, `${Math.round(row.volume)} ${session.unit}`]) {
        const td = document.createElement("td");
        td.textContent = String(text);
        tr.append(td);
      }
      return tr;
    }),
  );
  const targets = (session.next_targets || []).filter((t) => t.weight != null);
  $("next-targets").replaceChildren(
    ...(targets.length ? targets : [null]).map((t) => {
      const li = document.createElement("li");
      li.textContent = t
        ? `${t.name}: ${t.reps === t.reps_max ? t.reps_max : `${t.reps}–${t.reps_max}`} reps @ ${t.weight} ${t.unit || session.unit}${t.note ? ` — ${t.note}` : ""}`
        : "Targets for next time appear once the workout is saved.";
      return li;
    }),
  );
  $("summary-panel").hidden = false;
  $("sync-status").textContent = session.finished_at ? "Workout saved." : $("sync-status").textContent;
}

function nameOf(slug) {
  for (const block of session.blocks || []) for (const e of block.entries) if (e.exercise_slug === slug) return e.name;
  return slug;
}

async function start() {
  try {
    await reloadSession();
  } catch (error) {
    $("sync-status").textContent = "";
    return showError(`${error.message}. Check your connection and reload.`);
  }
  $("live-title").textContent = [session.program, session.workout].filter(Boolean).join(" — ") || "Workout";
  for (const el of document.querySelectorAll(".unit")) el.textContent = session.unit;
  steps = buildSteps(session);
  const logged = new Set(allSets().map((s) => slotKey(s.block_label, s.position, s.set_index)));
  cursor = resumeIndex(steps, logged, feedbackBlocks(), local.restEndedFor);
  showSync();
  render();
  keepScreenOn();
  queue.flush();
}

start();

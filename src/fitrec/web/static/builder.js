// The program builder: a structured "add a block" form that writes notation, the text itself,
// and the linter's findings shown beside the block they concern (each with its fix).
// It lints and searches through /api/v1, signed in by the session cookie + X-CSRF-Token.
import { problemText } from "./problem.js";

const root = document.getElementById("builder");
const text = document.getElementById("program-text");
const blocksList = document.getElementById("blocks");
const others = document.getElementById("findings");
const status = document.getElementById("findings-status");
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
let timer = null;
let latest = 0;

function findingItem(f) {
  const li = document.createElement("li");
  li.className = `finding ${f.severity}`;
  li.dataset.code = f.code;
  const head = document.createElement("strong");
  head.textContent = `${f.severity} · ${f.code}`;
  const message = document.createElement("p");
  message.textContent = f.entry ? `${f.entry}: ${f.message}` : f.message;
  li.append(head, message);
  if (f.fix) {
    const fix = document.createElement("p");
    fix.className = "fix";
    fix.textContent = `Fix: ${f.fix}`;
    li.append(fix);
  }
  return li;
}

function show(blocks, findings) {
  const used = new Set();
  blocksList.replaceChildren(
    ...blocks.map((b) => {
      const li = document.createElement("li");
      li.className = "block";
      li.dataset.block = b.label;
      const head = document.createElement("h3");
      head.textContent = `${b.workout} · ${b.label}: ${b.entries.map((e, i) => `${b.label}${i + 1} ${e.name}`).join(" → ")}`;
      const mine = findings.filter((f) => f.block === b.label && f.workout === b.workout);
      mine.forEach((f) => used.add(f));
      const list = document.createElement("ul");
      list.className = "findings";
      list.append(...mine.map(findingItem));
      li.append(head, moveButtons(b, blocks), list);
      if (!mine.length) {
        const ok = document.createElement("p");
        ok.className = "hint";
        ok.textContent = "No findings for this block.";
        li.append(ok);
      }
      return li;
    }),
  );
  others.replaceChildren(...findings.filter((f) => !used.has(f)).map(findingItem));
  status.textContent = findings.length ? `${findings.length} finding(s).` : "No findings: the program follows the article's rules.";
}

/** "Move up" / "Move down" for a block, within its workout. */
function moveButtons(block, blocks) {
  const siblings = blocks.filter((b) => b.workout === block.workout);
  const at = siblings.indexOf(block);
  const row = document.createElement("div");
  row.className = "block-moves";
  for (const [step, word] of [[-1, "up"], [1, "down"]]) {
    if (at + step < 0 || at + step >= siblings.length) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = `Move ${block.label} ${word}`;
    button.addEventListener("click", () => {
      text.value = moveBlock(text.value, block.workout, at, at + step);
      lint();
    });
    row.append(button);
  }
  return row;
}

/** The text with the workout's block `from` moved to `to`, blocks relabelled A, B, C… */
export function moveBlock(source, workout, from, to) {
  const lines = source.split("\n");
  let start = lines.findIndex((l) => l.trim() === `## ${workout}`);
  start = start === -1 ? 0 : start + 1;
  let end = lines.findIndex((l, i) => i >= start && l.startsWith("## "));
  if (end === -1) end = lines.length;
  const prefix = [];
  const chunks = [];
  let letter = null;
  for (const line of lines.slice(start, end)) {
    const m = line.match(/^([A-Z])\d+\./);
    if (m && m[1] !== letter) {
      letter = m[1];
      chunks.push([]);
    }
    (chunks.length ? chunks[chunks.length - 1] : prefix).push(line);
  }
  const [moved] = chunks.splice(from, 1);
  chunks.splice(to, 0, moved);
  const relabelled = chunks.flatMap((chunk, i) =>
    chunk.map((line) => line.replace(/^[A-Z](\d+\.)/, `${String.fromCharCode(65 + i)}$1`)),
  );
  return [...lines.slice(0, start), ...prefix, ...relabelled, ...lines.slice(end)].join("\n");
}

async function lint() {
  const ticket = ++latest;
  try {
    const response = await fetch(root.dataset.lintUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ text: text.value }),
    });
    if (ticket !== latest) return; // a newer edit is already on its way
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      status.textContent = `The program could not be checked: ${problemText(response.status, payload)}`;
      return;
    }
    show(payload.blocks || [], payload.findings || []);
  } catch {
    if (ticket === latest) status.textContent = "Offline: the program will be checked when the connection is back.";
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(lint, 300);
}

/** The next free block letter of the last workout in the text. */
function nextLabel() {
  const lines = text.value.split("\n");
  let last = "@";
  for (const line of lines) {
    if (line.startsWith("## ")) last = "@";
    const m = line.match(/^([A-Z])\d+\./);
    if (m && m[1] > last) last = m[1];
  }
  return String.fromCharCode(last.charCodeAt(0) + 1);
}

function entryLine(label, n, name, sets, reps, load) {
  const at = load.trim() ? ` @ ${load.trim()}` : "";
  return `${label}${n}. ${name.trim()}: ${sets}×${reps.trim()}${at}`;
}

const value = (id) => document.getElementById(id).value;

document.getElementById("add-block").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!value("a1-name").trim()) return document.getElementById("a1-name").focus();
  const label = nextLabel();
  const lines = [entryLine(label, 1, value("a1-name"), value("a1-sets"), value("a1-reps"), value("a1-load"))];
  if (value("a2-name").trim()) {
    lines.push(`→ Rest ${Number(value("transition")) || 0} seconds`);
    lines.push(entryLine(label, 2, value("a2-name"), value("a2-sets"), value("a2-reps"), value("a2-load")));
  }
  if (Number(value("rest-after"))) lines.push(`→ Rest ${Number(value("rest-after"))} seconds`);
  if (!/^## /m.test(text.value)) lines.unshift("## Day A");
  text.value = `${text.value.replace(/\s*$/, "")}\n${lines.join("\n")}\n`;
  event.target.reset();
  lint();
});

let searchTimer = null;
async function search(query) {
  const url = `${root.dataset.searchUrl}?q=${encodeURIComponent(query.slice(0, 100))}&limit=12`;
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const { items } = await response.json();
  document.getElementById("exercise-options").replaceChildren(
    ...items.map((e) => {
      const option = document.createElement("option");
      option.value = e.name;
      option.label = `${e.name} (${e.mechanic})`;
      return option;
    }),
  );
}
for (const id of ["a1-name", "a2-name"]) {
  document.getElementById(id).addEventListener("input", (event) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search(event.target.value), 200);
  });
}

text.addEventListener("input", schedule);
lint();

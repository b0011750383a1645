// The program builder: the program text is linted as it is typed and each finding is
// listed with its location and its fix.

const root = document.getElementById("builder");
const text = document.getElementById("program-text");
const list = document.getElementById("findings");
const status = document.getElementById("findings-status");
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
let timer = null;
let latest = 0;

function where(finding) {
  const parts = [finding.workout, finding.block && `block ${finding.block}`].filter(Boolean);
  if (finding.line) parts.push(`line ${finding.line}`);
  return parts.join(", ");
}

function show(findings) {
  list.replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement("li");
      li.className = f.severity;
      const head = document.createElement("strong");
      head.textContent = `${f.severity} · ${f.code}`;
      const place = document.createElement("span");
      place.className = "hint";
      place.textContent = where(f) ? ` (${where(f)})` : "";
      const message = document.createElement("p");
      message.textContent = f.message;
      li.append(head, place, message);
      if (f.fix) {
        const fix = document.createElement("p");
        fix.textContent = `Fix: ${f.fix}`;
        li.append(fix);
      }
      return li;
    }),
  );
  status.textContent = findings.length ? `${findings.length} finding(s).` : "No findings: the program follows the article's rules.";
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
      status.textContent = payload?.detail?.message || `The program could not be checked (${response.status}).`;
      return;
    }
    show(payload.findings || []);
  } catch {
    if (ticket === latest) status.textContent = "Offline: the program will be checked when the connection is back.";
  }
}

text.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(lint, 300);
});
lint();

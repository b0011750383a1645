// Every page: register the Workbox service worker (served at /sw.js, scope "/") and, when a
// new release's worker is waiting, offer a reload instead of leaving this page on old files.
import { Workbox } from "./vendor/workbox-window.prod.mjs";

function offerReload(wb) {
  const banner = document.getElementById("update-banner");
  const button = document.getElementById("update-reload");
  if (!banner || !button) return;
  banner.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    // Reload once the new worker has taken over, so the page and its files match.
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  }, { once: true });
}

// Logging out forgets the signed-in pages the worker cached (queued writes stay queued).
const PRIVATE_CACHES = ["fitrec-pages", "fitrec-session"];
for (const form of document.querySelectorAll("form[action$='/logout']")) {
  form.addEventListener("submit", () => {
    if ("caches" in window) PRIVATE_CACHES.forEach((name) => caches.delete(name));
  });
}

const workerUrl = document.querySelector('meta[name="service-worker"]')?.content;
if ("serviceWorker" in navigator && workerUrl) {
  const wb = new Workbox(workerUrl, { scope: "/" });
  wb.addEventListener("waiting", () => offerReload(wb));
  wb.register().catch(() => {
    // No worker (private mode, http on a LAN address): the site still works online.
  });
}

// The page's side of the rest notification: ask for the permission at the first workout,
// and hand each rest's end to the service worker, which notifies if the page is hidden then.
// Without the permission (refused, or no worker) the caller keeps to sound and vibration.

export function notificationsAllowed() {
  return "Notification" in window && Notification.permission === "granted";
}

// Ask once (the browser remembers the answer); resolves to whether notifications may show.
export async function askForNotifications() {
  if (!("Notification" in window) || !("serviceWorker" in navigator)) return false;
  if (Notification.permission === "default") {
    try {
      await Notification.requestPermission();
    } catch {
      return false;
    }
  }
  return notificationsAllowed();
}

async function worker() {
  if (!("serviceWorker" in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration("/");
  return registration ? registration.active : null;
}

// Tell the worker that rest `id` ends at `endsAt` (ms since the epoch).
export async function scheduleRestAlert(id, endsAt, title, body) {
  if (!notificationsAllowed()) return false;
  const active = await worker();
  if (!active) return false;
  active.postMessage({ type: "rest-alert", id, endsAt, title, body, url: window.location.pathname });
  return true;
}

// The rest ended on screen (next set started): no notification for it.
export async function cancelRestAlert(id) {
  const active = await worker();
  if (active) active.postMessage({ type: "rest-cancel", id });
}

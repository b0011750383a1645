// Our own part of the service worker (Workbox does the caching): the rest-timer
// notification, and a notification tap that brings the workout's tab forward.
//
// The live page posts {type: "rest-alert", id, endsAt, title, body, url} when a rest starts
// and {type: "rest-cancel", id} when it ends early. At endsAt the worker shows a system
// notification, unless a window of the site is visible (the page then beeps and vibrates).
const pending = new Map();

function restOver(alert) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((list) => {
    if (pending.get(alert.id) !== alert) return undefined;
    pending.delete(alert.id);
    if (list.some((client) => client.visibilityState === "visible")) return undefined;
    return self.registration.showNotification(alert.title, {
      body: alert.body,
      tag: "fitrec-rest",
      renotify: true,
      requireInteraction: false,
      vibrate: [200, 100, 200],
      data: { url: alert.url },
    });
  });
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "rest-cancel") {
    pending.delete(data.id);
    return;
  }
  if (data.type !== "rest-alert" || typeof data.endsAt !== "number") return;
  const alert = { id: String(data.id), title: String(data.title || "Rest over"),
    body: String(data.body || ""), url: String(data.url || "/") };
  pending.set(alert.id, alert);
  const wait = Math.max(0, data.endsAt - Date.now());
  // waitUntil keeps the worker alive until the rest ends (rests are minutes, not hours).
  event.waitUntil(new Promise((resolve) => setTimeout(resolve, wait)).then(() => restOver(alert)));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((list) => {
      const path = new URL(url, self.location.origin).pathname;
      const open = list.find((client) => new URL(client.url).pathname === path);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});

// Build the web app's generated browser files into src/fitrec/web/static/vendor/:
// third-party modules copied from node_modules, the icons rasterised from one SVG,
// the web app manifest and the Workbox service worker. Run by `make web-assets`.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Resvg } from "@resvg/resvg-js";
import { generateSW } from "workbox-build";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const staticDir = join(root, "src/fitrec/web/static");
const vendor = join(staticDir, "vendor");
const modules = join(root, "node_modules");

// The theme colour of the manifest, equal to the header's background in app.css.
const THEME = "#1a1a1a";

const COPIES = [
  ["chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
  ["chartjs-adapter-date-fns/dist/chartjs-adapter-date-fns.bundle.min.js",
    "chartjs-adapter-date-fns.bundle.min.js"],
  ["chartjs-plugin-annotation/dist/chartjs-plugin-annotation.min.js",
    "chartjs-plugin-annotation.min.js"],
  ["chart.js/LICENSE.md", "LICENSE.md"],
  ["workbox-window/build/workbox-window.prod.mjs", "workbox-window.prod.mjs"],
  ["idb/build/index.js", "idb/index.js"],
  ["idb/LICENSE", "idb/LICENSE"],
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist/LICENSE", "swagger-ui-LICENSE"],
];

async function copyModules() {
  for (const [from, to] of COPIES) {
    await mkdir(dirname(join(vendor, to)), { recursive: true });
    await copyFile(join(modules, from), join(vendor, to));
  }
}

async function icons() {
  const svg = await readFile(join(staticDir, "favicon.svg"));
  await mkdir(join(vendor, "icons"), { recursive: true });
  const made = [];
  for (const [size, purpose] of [[192, "any"], [512, "any"], [512, "maskable"]]) {
    // A maskable icon is cropped to a circle or squircle: fill its corners with the theme.
    const options = { fitTo: { mode: "width", value: size } };
    if (purpose === "maskable") options.background = THEME;
    const png = new Resvg(svg, options).render().asPng();
    const name = `icon-${size}${purpose === "maskable" ? "-maskable" : ""}.png`;
    await writeFile(join(vendor, "icons", name), png);
    made.push({ src: `/static/vendor/icons/${name}`, sizes: `${size}x${size}`, type: "image/png", purpose });
  }
  return made;
}

async function manifest(iconList) {
  const body = {
    name: "fitrec",
    short_name: "fitrec",
    description: "Build, check and track post-exhaust training.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: THEME,
    background_color: "#ffffff",
    icons: iconList,
  };
  await writeFile(join(vendor, "manifest.webmanifest"), JSON.stringify(body, null, 2) + "\n");
}

async function serviceWorker() {
  // Served at /sw.js (scope "/"), so the Workbox runtime is inlined rather than a sibling file.
  const { count, size, warnings } = await generateSW({
    swDest: join(vendor, "sw.js"),
    globDirectory: staticDir,
    globPatterns: ["*.{css,js,svg}", "vendor/*.mjs", "vendor/idb/*.js", "vendor/icons/*.png"],
    globIgnores: ["vendor/sw.js", "vendor/chart*.js"],
    modifyURLPrefix: { "": "/static/" },
    inlineWorkboxRuntime: true,
    mode: "production",
    sourcemap: false,
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: false,
    importScripts: ["/static/sw-extra.js"],
    runtimeCaching: [
      {
        // Today: the network when there is one (it changes with every finished workout),
        // else the last copy.
        urlPattern: ({ request, url }) => request.mode === "navigate" && url.pathname === "/",
        handler: "NetworkFirst",
        options: { cacheName: "fitrec-pages", networkTimeoutSeconds: 4, expiration: { maxEntries: 5 } },
      },
      {
        // The live workout's page is a shell that reads the session itself: the cached copy
        // at once, refreshed behind it for the next visit.
        urlPattern: ({ request, url }) => request.mode === "navigate" && url.pathname.startsWith("/workout/"),
        handler: "StaleWhileRevalidate",
        options: { cacheName: "fitrec-pages", expiration: { maxEntries: 20 } },
      },
      {
        // The current session's data, read by the live page.
        urlPattern: ({ request, url }) =>
          request.method === "GET" &&
          url.pathname.startsWith("/api/v1/sessions/"),
        handler: "NetworkFirst",
        options: { cacheName: "fitrec-session", networkTimeoutSeconds: 4, expiration: { maxEntries: 20 } },
      },
    ],
  });
  for (const warning of warnings) console.warn(warning);
  console.log(`service worker: ${count} files precached, ${size} bytes`);
}

await mkdir(vendor, { recursive: true });
await copyModules();
await manifest(await icons());
await serviceWorker();

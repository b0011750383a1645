// The interactive API explorer: Swagger UI (from npm, see package.json) on the app's
// OpenAPI document. A file of its own, as the Content-Security-Policy allows no inline script.
const root = document.getElementById("swagger-ui");
window.SwaggerUIBundle({ url: root.dataset.openapi, dom_id: "#swagger-ui" });

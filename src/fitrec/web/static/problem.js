// The API's errors are RFC 9457 problem documents: `detail`, and for bad input `errors`,
// one {field, message} per field ("body.weight"). This says them to the lifter.

/** A field path as a lifter reads it: "body.weight" -> "weight", "path.block_label" -> "block label". */
export function fieldName(field) {
  return String(field || "")
    .replace(/^(body|path|query)\.?/, "")
    .replace(/_/g, " ");
}

/** What went wrong, in words: each field and why, else the document's detail. */
export function problemText(status, payload) {
  const errors = Array.isArray(payload?.errors) ? payload.errors : [];
  const named = errors.filter((e) => e && e.message).map((e) => (fieldName(e.field) ? `${fieldName(e.field)}: ${e.message}` : e.message));
  if (named.length) return named.join("; ");
  if (payload && typeof payload.detail === "string") return payload.detail;
  return `HTTP ${status}`;
}

// The import page: the preview and the import are sent with the file kept in the page
// (no second choice of the file), with the progress shown once a request takes a second.
(function () {
  "use strict";

  const uploadForm = document.getElementById("import-upload");
  const result = document.getElementById("import-result");
  const progressBox = document.getElementById("import-progress");
  const progressText = document.getElementById("import-progress-text");
  const progressBar = document.getElementById("import-progress-bar");
  if (!uploadForm || !result || !progressBox) return;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const maxBytes = Number(uploadForm.dataset.maxBytes);
  const fileInput = document.getElementById("import-file");
  let kept = null; // the File last previewed
  let busy = false;

  function mib(bytes) {
    return (bytes / 1048576).toFixed(1) + " MiB";
  }

  function showError(message) {
    result.replaceChildren();
    const p = document.createElement("p");
    p.className = "error";
    p.id = "import-error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    result.append(p);
  }

  function setProgress(text, value, max) {
    progressText.textContent = text;
    if (max > 0) {
      progressBar.max = max;
      progressBar.value = Math.min(value, max);
    } else {
      progressBar.removeAttribute("value");
    }
  }

  function showPage(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fresh = doc.getElementById("import-result");
    result.replaceChildren(...(fresh ? fresh.childNodes : []));
    bindConfirm();
    const heading = result.querySelector("h2, .error");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  // One request: the form's fields plus the kept file; progress lines, then the page.
  function send(form, submitter, file) {
    if (busy) return;
    busy = true;
    result.setAttribute("aria-busy", "true");
    const data = new FormData(form, submitter);
    data.set("file", file, file.name);
    const xhr = new XMLHttpRequest();
    // getAttribute: a field named "action" (the submit buttons) shadows form.action.
    xhr.open("POST", form.getAttribute("action"));
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("X-Import-Progress", "ndjson");
    let seen = 0;
    let total = 0;
    let final = null;
    const timer = window.setTimeout(function () {
      progressBox.hidden = false;
    }, 1000);
    setProgress("Sending " + file.name + " (" + mib(file.size) + ")…", 0, file.size);
    xhr.upload.addEventListener("progress", function (event) {
      setProgress("Sending " + file.name + ": " + mib(event.loaded) + " of " + mib(file.size),
        event.loaded, file.size);
    });
    function readLines() {
      const text = xhr.responseText;
      let end = text.indexOf("\n", seen);
      while (end !== -1) {
        const line = text.slice(seen, end);
        seen = end + 1;
        end = text.indexOf("\n", seen);
        let item;
        try {
          item = JSON.parse(line);
        } catch (error) {
          continue;
        }
        if ("total" in item) {
          total = item.total;
          setProgress("Reading the rows…", 0, total);
        } else if ("rows" in item) {
          const saving = total > 0 && item.rows >= total - 1;
          setProgress(saving ? "Read " + item.rows.toLocaleString() + " rows; saving…"
            : "Read " + item.rows.toLocaleString() + " of about " + total.toLocaleString() + " rows",
          item.rows, total);
        } else if ("html" in item) {
          final = item;
        }
      }
    }
    xhr.addEventListener("progress", readLines);
    xhr.addEventListener("loadend", function () {
      window.clearTimeout(timer);
      busy = false;
      result.removeAttribute("aria-busy");
      progressBox.hidden = true;
      readLines();
      if (final) {
        showPage(final.html);
      } else if (xhr.getResponseHeader("Content-Type") &&
                 xhr.getResponseHeader("Content-Type").startsWith("text/html")) {
        showPage(xhr.responseText);
      } else if (xhr.status === 0) {
        showError("The server could not be reached; nothing was imported. Try again.");
      } else {
        showError("The import failed (the server answered " + xhr.status + "); nothing was imported.");
      }
    });
    xhr.send(data);
  }

  function bindConfirm() {
    const form = document.getElementById("import-confirm");
    if (!form || !kept) return;
    const again = form.querySelector(".reupload");
    if (again) again.remove();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(form, event.submitter, kept);
    });
  }

  uploadForm.addEventListener("submit", function (event) {
    const file = fileInput.files[0];
    if (!file) return;
    event.preventDefault();
    if (file.size > maxBytes) {
      showError(file.name + ": the file is " + mib(file.size) + ", larger than the " +
        mib(maxBytes) + " limit of an import; nothing was imported.");
      return;
    }
    if (file.size === 0) {
      showError(file.name + ": the file is empty.");
      return;
    }
    kept = file;
    send(uploadForm, event.submitter, file);
  });
})();

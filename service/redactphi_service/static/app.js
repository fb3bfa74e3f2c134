// RedactPHI web page: talks only to this service; builds the DOM with textContent (never
// innerHTML), so nothing in a note can become markup.
"use strict";

(function () {
  const KEY_STORE = "redactphi.apiKey";
  const COLOURED = new Set([
    "PERSON", "PROVIDER", "DATE", "AGE", "LOCATION", "ORGANIZATION",
    "PHONE_NUMBER", "EMAIL_ADDRESS", "URL", "IP_ADDRESS",
  ]);
  const $ = (id) => document.getElementById(id);
  let mode = "paste";
  let lastResults = [];

  function typeClass(type) {
    return COLOURED.has(type) ? "t-" + type : "t-other";
  }

  function setStatus(kind, message) {
    const el = $("status");
    el.className = "status" + (kind ? " " + kind : "");
    el.textContent = message || "";
  }

  function apiKey() {
    const key = $("api-key").value.trim();
    if ($("remember-key").checked && key) sessionStorage.setItem(KEY_STORE, key);
    return key;
  }

  function selectTab(next) {
    mode = next;
    for (const name of ["paste", "upload"]) {
      const active = name === next;
      $("tab-" + name).classList.toggle("active", active);
      $("tab-" + name).setAttribute("aria-selected", String(active));
      $("pane-" + name).hidden = !active;
    }
  }

  function highlighted(text, entities) {
    const box = document.createElement("div");
    box.className = "output";
    let cursor = 0;
    const spans = [...entities].sort((a, b) => a.redacted_start - b.redacted_start);
    for (const e of spans) {
      if (e.redacted_start < cursor) continue;
      box.appendChild(document.createTextNode(text.slice(cursor, e.redacted_start)));
      const mark = document.createElement("mark");
      mark.className = "entity " + typeClass(e.type);
      mark.title = e.type;
      mark.dataset.type = e.type;
      mark.textContent = text.slice(e.redacted_start, e.redacted_end);
      box.appendChild(mark);
      cursor = e.redacted_end;
    }
    box.appendChild(document.createTextNode(text.slice(cursor)));
    return box;
  }

  function showResults(results) {
    lastResults = results;
    const outputs = $("outputs");
    outputs.replaceChildren();
    const counts = {};
    results.forEach((r, i) => {
      for (const e of r.entities) counts[e.type] = (counts[e.type] || 0) + 1;
      if (results.length > 1) {
        const title = document.createElement("div");
        title.className = "output-title";
        title.textContent = "File " + (i + 1);
        outputs.appendChild(title);
      }
      const box = highlighted(r.text, r.entities);
      box.id = "output-" + i;
      outputs.appendChild(box);
    });
    const legend = $("legend");
    legend.replaceChildren();
    for (const type of Object.keys(counts).sort()) {
      const chip = document.createElement("span");
      chip.className = "chip " + typeClass(type);
      chip.textContent = type + " \u00d7 " + counts[type];
      legend.appendChild(chip);
    }
    $("results").hidden = false;
  }

  async function call(path, init) {
    const key = apiKey();
    if (!key) throw new Error("Enter an API key first (redactphi apikey create).");
    const headers = Object.assign({ Authorization: "Bearer " + key }, init.headers || {});
    const response = await fetch(path, Object.assign({}, init, { headers }));
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      const err = body && body.error ? body.error : { code: String(response.status), message: response.statusText };
      throw new Error(err.message + " (" + err.code + ", HTTP " + response.status + ")");
    }
    return body;
  }

  async function redact() {
    const button = $("redact-button");
    button.disabled = true;
    setStatus("", "Redacting\u2026");
    const policy = $("policy").value;
    const scope = $("scope").value.trim();
    try {
      let results;
      if (mode === "paste") {
        const text = $("note-text").value;
        if (!text.trim()) throw new Error("Paste a note first.");
        const payload = { text, policy };
        if (scope) payload.scope = scope;
        const body = await call("/v1/redact", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(payload),
        });
        results = [{ text: body.text, entities: body.entities }];
      } else {
        const files = $("note-files").files;
        if (!files.length) throw new Error("Choose one or more files first.");
        const form = new FormData();
        for (const f of files) form.append("file", f);
        form.append("policy", policy);
        if (scope) form.append("scope", scope);
        const body = await call("/v1/redact/files", { method: "POST", body: form });
        results = body.files.map((f) => ({ text: f.text, entities: f.entities }));
      }
      showResults(results);
      const total = results.reduce((n, r) => n + r.entities.length, 0);
      setStatus("ok", "Redacted " + total + " identifier" + (total === 1 ? "" : "s") + ".");
    } catch (err) {
      setStatus("error", err.message);
    } finally {
      button.disabled = false;
    }
  }

  function download() {
    lastResults.forEach((r, i) => {
      const blob = new Blob([r.text], { type: "text/plain;charset=utf-8" });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = lastResults.length > 1 ? "redacted-" + String(i + 1).padStart(3, "0") + ".txt" : "redacted.txt";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
  }

  async function copy() {
    const text = lastResults.map((r) => r.text).join("\n\n");
    try {
      await navigator.clipboard.writeText(text);
      setStatus("ok", "Copied the redacted text.");
    } catch (_) {
      setStatus("error", "The browser refused clipboard access; select the text instead.");
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const saved = sessionStorage.getItem(KEY_STORE);
    if (saved) { $("api-key").value = saved; $("remember-key").checked = true; }
    $("remember-key").addEventListener("change", (e) => {
      if (!e.target.checked) sessionStorage.removeItem(KEY_STORE);
      else apiKey();
    });
    $("tab-paste").addEventListener("click", () => selectTab("paste"));
    $("tab-upload").addEventListener("click", () => selectTab("upload"));
    $("note-files").addEventListener("change", () => {
      const list = $("file-list");
      list.replaceChildren();
      for (const f of $("note-files").files) {
        const li = document.createElement("li");
        li.textContent = f.name + " (" + Math.ceil(f.size / 1024) + " KB)";
        list.appendChild(li);
      }
    });
    $("redact-button").addEventListener("click", redact);
    $("download-button").addEventListener("click", download);
    $("copy-button").addEventListener("click", copy);
  });
})();

// The explorer's talk with `pactgraph serve`: JSON requests, their errors, and the completion
// widget of the search boxes. Every API error is {"error": {status, code, message}}; Api.get
// and Api.post turn it into a thrown ApiError whose message is the server's, so the page can
// show it as it is.
"use strict";

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const Api = {
  async request(url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (e) {
      throw new ApiError(0, "Network", "the explorer's server does not answer (stopped?)");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      throw new ApiError(response.status, "BadReply", `HTTP ${response.status}: not JSON`);
    }
    if (!response.ok || body.error) {
      const err = body.error || {};
      throw new ApiError(err.status || response.status, err.code || "Error",
                         err.message || `HTTP ${response.status}`);
    }
    return body;
  },

  get(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
    }
    const qs = query.toString();
    return Api.request(qs ? `${path}?${qs}` : path, {headers: {Accept: "application/json"}});
  },

  post(path, body) {
    return Api.request(path, {
      method: "POST",
      headers: {"Content-Type": "application/json", Accept: "application/json"},
      body: JSON.stringify(body),
    });
  },
};

// Completion over names and aliases (GET /api/search) for one text input. `onPick(node)` is
// called with {id, name, kind, ...} when the user picks an entry (click, Enter) — Enter
// without an open list picks the first match of what was typed.
class Completion {
  constructor(input, list, onPick) {
    this.input = input;
    this.list = list;
    this.onPick = onPick;
    this.items = [];
    this.active = -1;
    this.seq = 0;
    this.picked = null;  // the node picked last (for path endpoints)
    input.addEventListener("input", () => { this.picked = null; this.refresh(); });
    input.addEventListener("keydown", (e) => this.key(e));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    input.addEventListener("focus", () => { if (this.input.value) this.refresh(); });
  }

  async refresh() {
    const q = this.input.value.trim();
    const seq = ++this.seq;
    if (!q) return this.close();
    let reply;
    try {
      reply = await Api.get("/api/search", {q, limit: 12});
    } catch (e) {
      return this.close();
    }
    if (seq !== this.seq) return;  // a later keystroke's answer wins
    this.items = reply.results;
    this.active = this.items.length ? 0 : -1;
    this.render();
  }

  render() {
    this.list.textContent = "";
    if (!this.items.length) return this.close();
    this.items.forEach((item, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      if (i === this.active) li.className = "active";
      li.append(item.name);
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = item.kind || "";
      li.append(kind);
      if (item.match) {
        const alias = document.createElement("div");
        alias.className = "alias";
        alias.textContent = `alias: ${item.match}`;
        li.append(alias);
      }
      li.addEventListener("mousedown", (e) => { e.preventDefault(); this.pick(item); });
      this.list.append(li);
    });
    this.list.hidden = false;
  }

  close() {
    this.list.hidden = true;
    this.list.textContent = "";
  }

  pick(item) {
    this.picked = item;
    this.input.value = item.name;
    this.close();
    this.onPick(item);
  }

  async key(e) {
    const open = !this.list.hidden && this.items.length;
    if (e.key === "ArrowDown" && open) {
      this.active = (this.active + 1) % this.items.length;
      this.render();
      e.preventDefault();
    } else if (e.key === "ArrowUp" && open) {
      this.active = (this.active - 1 + this.items.length) % this.items.length;
      this.render();
      e.preventDefault();
    } else if (e.key === "Escape") {
      this.close();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (open && this.active >= 0) return this.pick(this.items[this.active]);
      const q = this.input.value.trim();
      if (!q) return;
      try {
        const reply = await Api.get("/api/search", {q, limit: 1});
        if (reply.results.length) this.pick(reply.results[0]);
        else Page.status(`no actor named or aliased "${q}…"`, true);
      } catch (err) {
        Page.status(err.message, true);
      }
    }
  }
}

// The explorer page: tabs (neighbourhood, path, Cypher), the filters, and what a click does.
// State lives in the GraphView (what is drawn) and in Page (filters, the current tab); the
// location hash (#node=ID, #path=FROM|TO) lets a view be reloaded or shared.
"use strict";

const Page = {
  info: null,
  view: null,
  dates: [],  // the sorted distinct first/last dates of the gathered relationships
  types: new Set(),   // shown relationship types (all when the filter is untouched)
  kinds: new Set(),   // shown node kinds
  typeNames: [],      // every relationship type and node kind of the database (/api/info)
  kindNames: [],

  status(text, isError) {
    const s = document.getElementById("status");
    s.textContent = text || "";
    s.className = isError ? "error" : "";
  },

  async init() {
    Page.view = new GraphView(document.getElementById("graph"), {
      node: (n) => Page.clickNode(n),
      edge: (r) => Page.showRelationship(r.id),
    });
    new Completion(document.getElementById("search"), document.getElementById("search-list"),
                   (n) => Page.openNode(n.id, true));
    const [fromInput, toInput] = ["path-from", "path-to"].map((id) => document.getElementById(id));
    Page.fromBox = new Completion(fromInput, fromInput.nextElementSibling, () => toInput.focus());
    Page.toBox = new Completion(toInput, toInput.nextElementSibling, () => {});
    for (const b of document.querySelectorAll("#tabs button")) {
      b.addEventListener("click", () => Page.tab(b.dataset.tab));
    }
    document.getElementById("path-form").addEventListener("submit", (e) => {
      e.preventDefault();
      Page.findPath();
    });
    document.getElementById("query-form").addEventListener("submit", (e) => {
      e.preventDefault();
      Page.runQuery();
    });
    document.getElementById("query-text").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); Page.runQuery(); }
    });
    document.getElementById("clear-view").addEventListener("click", () => {
      Page.view.clear();
      Page.redraw();
      Panels.show();
      history.replaceState(null, "", "#");
    });
    for (const id of ["date-from", "date-to", "filter-undated"]) {
      document.getElementById(id).addEventListener("input", () => Page.redraw());
    }
    document.getElementById("export-svg").addEventListener("click", () =>
        Page.download(new Blob([Page.view.exportSvg()], {type: "image/svg+xml"}), "svg"));
    document.getElementById("export-png").addEventListener("click", () =>
        Page.view.exportPng().then((b) => Page.download(b, "png"),
                                   (e) => Page.status(e.message, true)));
    try {
      Page.info = await Api.get("/api/info");
    } catch (e) {
      return Page.status(e.message, true);
    }
    const i = Page.info;
    document.getElementById("db-info").textContent =
        `${i.database} · ${i.nodes} nodes · ${i.relationships} relationships · ` +
        `${i.articles} articles${i.read_only ? " · read-only" : ""}`;
    Page.typeNames = Object.keys(i.types).sort();
    Page.kindNames = Object.keys(i.labels).sort();
    Page.buildFilters();
    Page.redraw();
    Page.fromHash();
  },

  buildFilters() {
    const box = (container, counts, set, colour) => {
      container.textContent = "";
      for (const name of Object.keys(counts).sort()) {
        set.add(name);
        const input = el("input", {type: "checkbox", checked: "", value: name});
        input.addEventListener("change", () => {
          if (input.checked) set.add(name); else set.delete(name);
          Page.redraw();
        });
        container.append(el("label", {}, input,
            colour ? el("span", {class: "swatch", "data-kind": name}) : null, name,
            el("span", {class: "muted"}, ` ${counts[name]}`)));
      }
    };
    box(document.getElementById("filter-types"), Page.info.types, Page.types, false);
    box(document.getElementById("filter-kinds"), Page.info.labels, Page.kinds, true);
    for (const s of document.querySelectorAll(".swatch")) {
      s.style.background = KindColor(s.dataset.kind);
    }
  },

  filter() {
    const from = document.getElementById("date-from"), to = document.getElementById("date-to");
    const lo = Page.dates[Math.min(+from.value, +to.value)];
    const hi = Page.dates[Math.max(+from.value, +to.value)];
    const undated = document.getElementById("filter-undated").checked;
    const known = (set, name, all) => set.has(name) || !all.includes(name);
    return {
      node: (n) => known(Page.kinds, n.kind, Page.kindNames),
      rel: (r) => {
        if (!known(Page.types, r.type, Page.typeNames)) return false;
        if (!r.first_date) return undated;
        return lo === undefined || (r.last_date >= lo && r.first_date <= hi);
      },
    };
  },

  // Recomputes the date slider's stops (keeping a moved slider where it was) and redraws.
  redraw() {
    const from = document.getElementById("date-from"), to = document.getElementById("date-to");
    const wasFull = +from.value === 0 && +to.value === +to.max;
    const [oldLo, oldHi] = [Page.dates[+from.value], Page.dates[+to.value]];
    const dates = new Set();
    for (const r of Page.view.rels.values()) {
      if (r.first_date) { dates.add(r.first_date); dates.add(r.last_date); }
    }
    Page.dates = [...dates].sort();
    const max = Math.max(0, Page.dates.length - 1);
    from.max = to.max = max;
    if (wasFull || oldLo === undefined) {
      from.value = 0;
      to.value = max;
    } else {
      from.value = Math.max(0, Page.dates.findIndex((d) => d >= oldLo));
      const hi = Page.dates.findIndex((d) => d > oldHi);
      to.value = hi < 0 ? max : Math.max(0, hi - 1);
    }
    document.getElementById("date-from-text").textContent = Page.dates[+from.value] || "—";
    document.getElementById("date-to-text").textContent = Page.dates[+to.value] || "—";
    const shown = Page.view.render(Page.filter());
    document.getElementById("empty-hint").hidden = shown.nodes > 0;
    document.getElementById("view-summary").textContent =
        shown.nodes ? `${shown.nodes} nodes, ${shown.rels} relationships drawn` : "";
    const kinds = [...new Set([...Page.view.nodes.values()].map((n) => n.kind))].sort();
    const legend = document.getElementById("legend");
    legend.textContent = "";
    for (const k of kinds) {
      const sw = el("span", {class: "swatch"});
      sw.style.background = KindColor(k);
      legend.append(el("span", {}, sw, k || "(no label)"));
    }
    if (shown.rels) legend.append(el("span", {class: "muted"}, "— actual · - - committed · ··· planned"));
  },

  tab(name) {
    for (const b of document.querySelectorAll("#tabs button")) {
      b.classList.toggle("active", b.dataset.tab === name);
    }
    for (const c of document.querySelectorAll(".tab-controls")) c.hidden = c.dataset.for !== name;
    Page.current = name;
    if (name === "path") document.getElementById("path-from").focus();
    if (name === "query") document.getElementById("query-text").focus();
  },

  // Search picked an actor: a fresh neighbourhood around it.
  async openNode(id, fresh) {
    Page.tab("neighbourhood");
    if (fresh) Page.view.clear();
    Page.view.marks.center = id;
    await Page.expand(id);
    Page.view.fit();
    history.replaceState(null, "", `#node=${id}`);
  },

  async expand(id) {
    const params = {id, limit: 60};
    if (Page.types.size < Page.typeNames.length) params.types = [...Page.types].join(",");
    try {
      const reply = await Api.get("/api/neighbours", params);
      for (const n of reply.nodes) Page.view.addNode(n);
      for (const r of reply.relationships) Page.view.addRel(r);
      Page.view.expanded.add(id);
      Page.view.fixedLayout = null;
      Page.redraw();
      Page.status(reply.truncated ? `${reply.center.name}: the ${reply.relationships.length} ` +
          `best-attested of ${reply.matched} relationships drawn` : "");
      await Page.showNode(id);
    } catch (e) {
      Page.status(e.message, true);
    }
  },

  // A click on a node: expand it the first time, show its panel every time.
  clickNode(n) {
    Page.view.marks.selected = n.id;
    if (!Page.view.expanded.has(n.id) && !Page.view.fixedLayout) return Page.expand(n.id);
    Page.redraw();
    return Page.showNode(n.id);
  },

  async showNode(id) {
    try {
      const reply = await Api.get(`/api/node/${id}`);
      Page.lastPanel = () => Page.showNode(id);
      Panels.node(reply, Page.actions);
    } catch (e) {
      Page.status(e.message, true);
    }
  },

  async showRelationship(id) {
    Page.view.marks.selectedRel = id;
    Page.redraw();
    try {
      const reply = await Api.get(`/api/relationship/${id}`);
      Page.lastPanel = () => Page.showRelationship(id);
      Panels.relationship(reply, Page.actions);
    } catch (e) {
      Page.status(e.message, true);
    }
  },

  async showArticle(id) {
    const back = Page.lastPanel;
    try {
      Panels.article(await Api.get(`/api/article/${id}`), back);
    } catch (e) {
      Page.status(e.message, true);
    }
  },

  async findPath() {
    const from = document.getElementById("path-from").value.trim();
    const to = document.getElementById("path-to").value.trim();
    if (!from || !to) return Page.status("name both actors", true);
    // A picked completion names the node exactly (by id); typed text is resolved by name.
    const id = (box, text) => box.picked && box.picked.name === text ? String(box.picked.id) : text;
    const params = {from: id(Page.fromBox, from), to: id(Page.toBox, to),
                    mode: document.getElementById("path-mode").value,
                    k: document.getElementById("path-k").value,
                    max_hops: document.getElementById("path-hops").value};
    if (Page.types.size < Page.typeNames.length) params.types = [...Page.types].join(",");
    Page.status("searching…");
    try {
      const reply = await Api.get("/api/path", params);
      Page.status(reply.paths.length ? "" : reply.message, !reply.paths.length);
      Page.drawPaths(reply);
      Panels.paths(reply, Page.actions);
      Page.lastPanel = () => Panels.paths(reply, Page.actions);
      history.replaceState(null, "", `#path=${encodeURIComponent(from)}|${encodeURIComponent(to)}`);
    } catch (e) {
      Page.status(e.message, true);
    }
  },

  // The paths laid out from the first actor (left) to the second (right), one row each; a
  // node on several paths sits at the mean of its places on them.
  drawPaths(reply) {
    const v = Page.view;
    v.clear();
    const {width, height} = v.size();
    const rows = Math.max(1, reply.paths.length);
    const places = new Map();
    reply.paths.forEach((p, row) => {
      const y = rows === 1 ? height / 2 : 80 + (row * (height - 160)) / (rows - 1);
      p.nodes.forEach((n, i) => {
        v.addNode(n);
        const x = 80 + (i * (width - 160)) / Math.max(1, p.nodes.length - 1);
        if (!places.has(n.id)) places.set(n.id, []);
        places.get(n.id).push([x, y]);
      });
      for (const h of p.hops) { v.addRel(h.relationship); v.marks.pathRels.add(h.relationship.id); }
    });
    const layout = {};
    for (const [id, list] of places) {
      layout[id] = [d3.mean(list, (p) => p[0]), d3.mean(list, (p) => p[1])];
    }
    v.addNode(reply.from);
    v.addNode(reply.to);
    layout[reply.from.id] = [80, height / 2];
    layout[reply.to.id] = [width - 80, height / 2];
    v.marks.endpoints = new Set([reply.from.id, reply.to.id]);
    v.fixedLayout = layout;
    Page.redraw();
    v.fit();
  },

  async runQuery() {
    const query = document.getElementById("query-text").value;
    Page.status("running…");
    try {
      const reply = await Api.post("/api/query", {query});
      Page.status("");
      if (reply.graph) {
        Page.view.clear();
        for (const n of reply.graph.nodes) Page.view.addNode(n);
        for (const r of reply.graph.relationships) Page.view.addRel(r);
        Page.redraw();
        Page.view.fit();
      }
      Panels.table(reply);
    } catch (e) {
      Page.status(`${e.code}: ${e.message}`, true);
    }
  },

  download(blob, ext) {
    const a = el("a", {href: URL.createObjectURL(blob), download: `pactgraph-view.${ext}`});
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },

  fromHash() {
    const h = decodeURIComponent(location.hash.slice(1));
    if (h.startsWith("node=")) {
      const id = parseInt(h.slice(5), 10);
      if (id > 0) Page.openNode(id, true);
    } else if (h.startsWith("path=")) {
      const [from, to] = h.slice(5).split("|");
      Page.tab("path");
      document.getElementById("path-from").value = from || "";
      document.getElementById("path-to").value = to || "";
      if (from && to) Page.findPath();
    }
  },
};

Page.actions = {
  select: (n) => { Page.view.marks.selected = n.id; Page.redraw(); Page.showNode(n.id); },
  expand: (n) => { if (!Page.view.nodes.has(n.id)) Page.view.addNode(n); Page.expand(n.id); },
  article: (id) => Page.showArticle(id),
  // The completion box remembers the node, so a name two nodes share still means this one.
  pathFrom: (n) => { Page.tab("path"); Page.fromBox.input.value = n.name; Page.fromBox.picked = n; },
  pathTo: (n) => { Page.tab("path"); Page.toBox.input.value = n.name; Page.toBox.picked = n; },
};

document.addEventListener("DOMContentLoaded", () => Page.init());

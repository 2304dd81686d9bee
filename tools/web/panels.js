// The explorer's side panel: a node (properties, aliases, degree by type, the articles that
// mention it), a relationship with its evidence, an article's text, the hops of paths with
// their evidence, and query results as a table. Built with DOM calls only (never innerHTML
// with data), so names and sentences from the database cannot inject markup.
"use strict";

// el("div", {class: "x", onclick: f}, child, "text", ...) -> Element
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function ValueText(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") {
    if (v.id !== undefined && v.name !== undefined) return `(${v.kind || ""} ${v.name})`;
    if (v.id !== undefined && v.type !== undefined) return `[${v.type} ${v.id}]`;
    return JSON.stringify(v);
  }
  return String(v);
}

function DateRange(r) {
  if (!r.first_date) return "undated";
  return r.first_date === r.last_date ? r.first_date : `${r.first_date} – ${r.last_date}`;
}

const Panels = {
  body: () => document.getElementById("panel-body"),

  show(...children) {
    const b = Panels.body();
    b.textContent = "";
    b.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    b.scrollTop = 0;
  },

  nodeLink(n, onClick) {
    return el("a", {class: "link", "data-node": n.id, onclick: () => onClick(n)}, n.name);
  },

  node(reply, actions) {
    const n = reply.node;
    const props = Object.entries(n.properties).filter(([k]) => k !== "aliases");
    const degree = reply.degree.by_type.map((d) =>
        el("tr", {}, el("td", {}, d.type), el("td", {}, d.out), el("td", {}, d.in)));
    const articles = reply.articles.map((a) => el("li", {},
        el("a", {class: "link", onclick: () => actions.article(a.id)}, a.title || `article ${a.id}`),
        el("div", {class: "muted"}, [a.date, a.source].filter(Boolean).join(" · "),
           ` · ${a.evidence} sentence(s)`)));
    Panels.show(
        el("h2", {}, n.name),
        el("div", {}, n.labels.map((l) => el("span", {class: "tag"}, l)), ` node ${n.id}`),
        el("div", {class: "actions"},
           el("button", {onclick: () => actions.expand(n)}, "Expand"), " ",
           el("button", {onclick: () => actions.pathFrom(n)}, "Path from here"), " ",
           el("button", {onclick: () => actions.pathTo(n)}, "Path to here")),
        n.aliases.length ? el("h3", {}, "Aliases") : null,
        n.aliases.length ? el("div", {}, n.aliases.map((a) => el("span", {class: "tag"}, a)))
                         : null,
        el("h3", {}, "Properties"),
        el("table", {}, props.map(([k, v]) =>
            el("tr", {}, el("th", {}, k), el("td", {}, ValueText(v))))),
        el("h3", {}, `Degree: ${reply.degree.total}`),
        el("table", {}, el("tr", {}, el("th", {}, "type"), el("th", {}, "out"),
                           el("th", {}, "in")), degree),
        el("h3", {}, `Articles (${reply.articles_total})`),
        reply.articles.length ? el("ul", {}, articles) : el("div", {class: "muted"}, "none"),
        reply.scan_partial ? el("div", {class: "muted"},
            "(a hub: only its first relationships were looked at)") : null);
  },

  evidenceList(evidence, total, actions) {
    const items = evidence.map((e) => el("div", {class: "evidence"},
        el("div", {class: "sentence"}, `“${e.sentence}”`),
        el("div", {class: "source"},
           e.article ? el("a", {class: "link", onclick: () => actions.article(e.article_id)},
                          e.article.title || `article ${e.article_id}`) : `article ${e.article_id}`,
           [e.date || (e.article && e.article.date), e.article && e.article.source,
            e.modality].filter(Boolean).map((s) => ` · ${s}`))));
    if (!items.length) items.push(el("div", {class: "muted"}, "no evidence sentences stored"));
    if (total > evidence.length) {
      items.push(el("div", {class: "muted"}, `… and ${total - evidence.length} more`));
    }
    return items;
  },

  relationship(reply, actions) {
    const r = reply.relationship;
    Panels.show(
        el("h2", {}, Panels.nodeLink(reply.start, actions.select), ` —${r.type}→ `,
           Panels.nodeLink(reply.end, actions.select)),
        el("div", {}, el("span", {class: "tag"}, r.modality || "actual"), " ", DateRange(r),
           ` · relationship ${r.id}`),
        el("h3", {}, `Evidence (${reply.evidence.length})`),
        Panels.evidenceList(reply.evidence, reply.evidence.length, actions),
        el("h3", {}, "Properties"),
        el("table", {}, Object.entries(r.properties).map(([k, v]) =>
            el("tr", {}, el("th", {}, k), el("td", {}, ValueText(v))))));
  },

  article(reply, back) {
    const a = reply.article;
    Panels.show(
        back ? el("a", {class: "link", onclick: back}, "← back") : null,
        el("h2", {}, a.title || `article ${a.id}`),
        el("div", {class: "muted"}, [a.date, a.source, a.file].filter(Boolean).join(" · ")),
        el("p", {class: "article-text"}, a.text),
        a.text_truncated ? el("div", {class: "muted"}, "(text cut short)") : null);
  },

  paths(reply, actions) {
    if (!reply.paths.length) {
      Panels.show(el("h2", {}, "No path"), el("div", {}, reply.message || ""));
      return;
    }
    const blocks = reply.paths.map((p, i) => {
      const nodes = new Map(p.nodes.map((n) => [n.id, n]));
      const hops = p.hops.map((h) => {
        const r = h.relationship;
        const from = nodes.get(h.from), to = nodes.get(h.to);
        // The hop reads from the first actor towards the second; the arrow shows the stored
        // direction (← when the relationship was stated the other way round).
        const arrow = h.forward ? ` —${r.type}→ ` : ` ←${r.type}— `;
        return el("div", {class: "hop"},
            el("div", {class: "hop-title"}, Panels.nodeLink(from, actions.select), arrow,
               Panels.nodeLink(to, actions.select)),
            el("div", {class: "muted"}, `${r.modality || "actual"} · ${DateRange(r)}`),
            Panels.evidenceList(h.evidence, h.evidence_total, actions));
      });
      const cost = p.cost !== undefined && p.cost !== p.length ? `, cost ${p.cost}` : "";
      return el("div", {class: "path"},
          el("h3", {}, `Path ${i + 1}: ${p.length} hop${p.length === 1 ? "" : "s"}${cost}`), hops);
    });
    Panels.show(el("h2", {}, `${reply.from.name} → ${reply.to.name}`), blocks,
                reply.truncated ? el("div", {class: "muted"}, "(more paths exist)") : null);
  },

  table(reply) {
    const head = el("tr", {}, reply.columns.map((c) => el("th", {}, c)));
    const rows = reply.rows.map((row) =>
        el("tr", {}, row.map((v) => el("td", {}, ValueText(v)))));
    Panels.show(
        el("h2", {}, `${reply.row_count} row${reply.row_count === 1 ? "" : "s"}`),
        el("div", {class: "muted"}, `${reply.elapsed_ms.toFixed(1)} ms`,
           reply.truncated ? ` · showing the first ${reply.rows.length}` : "",
           reply.summary ? ` · ${reply.summary}` : "",
           reply.graph ? ` · drawn: ${reply.graph.nodes.length} nodes, ` +
               `${reply.graph.relationships.length} relationships` : ""),
        el("div", {class: "result-table"}, el("table", {}, head, rows)));
  },
};

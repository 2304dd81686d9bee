// The explorer's drawing: a d3 force layout (or, for paths, a fixed left-to-right layout) of
// the nodes and relationships the page has gathered, in svg#graph.
//
// GraphView keeps the gathered graph (nodes and relationships by id; nodes are
// {id, name, kind, labels}, relationships are the API's {id, type, start, end, first_date,
// last_date, modality, evidence_count}) and redraws what a filter lets through. Nodes are
// coloured by kind, edges carry their type, an arrow for the stored direction, and a dash
// pattern for modality (solid: actual, dashed: committed, dotted: planned). Several
// relationships between one pair are drawn as separate arcs. Export writes the whole drawing
// (not only what is scrolled into view) as SVG, with the drawing's CSS rules embedded, or as
// PNG rendered from that SVG.
"use strict";

const KindColors = {
  Nation: "#2f81f7", Country: "#2f81f7", Organization: "#e36209", Program: "#1a7f37",
  Person: "#8250df", Place: "#bf8700", Article: "#6e7781",
};
const ExtraColors = ["#cf222e", "#0598bc", "#a475f9", "#57606a", "#d4a72c", "#116329"];

function KindColor(kind) {
  if (KindColors[kind]) return KindColors[kind];
  let h = 0;
  for (const c of kind || "?") h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return ExtraColors[h % ExtraColors.length];
}

class GraphView {
  constructor(svgElement, handlers) {
    this.svg = d3.select(svgElement);
    this.handlers = handlers;  // {node(n), edge(rel)}
    this.nodes = new Map();
    this.rels = new Map();
    this.expanded = new Set();
    this.marks = {center: null, selected: null, selectedRel: null, endpoints: new Set(),
                  pathRels: new Set()};
    this.fixedLayout = null;  // {id: [x, y]} for the path view
    this.positions = new Map();  // kept across redraws so expanding does not reshuffle
    this.svg.append("defs").append("marker")
        .attr("id", "arrow").attr("viewBox", "0 -5 10 10").attr("refX", 10)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 12).attr("markerHeight", 12)
        .attr("orient", "auto")
        .append("path").attr("d", "M0,-5L10,0L0,5Z");
    this.root = this.svg.append("g").attr("class", "root");
    this.edgeLayer = this.root.append("g").attr("class", "edges");
    this.nodeLayer = this.root.append("g").attr("class", "nodes");
    this.zoom = d3.zoom().scaleExtent([0.1, 6])
        .on("zoom", () => this.root.attr("transform", d3.event.transform));
    this.svg.call(this.zoom).on("dblclick.zoom", null);
    this.simulation = d3.forceSimulation()
        .force("link", d3.forceLink().id((d) => d.id).distance(110))
        .force("charge", d3.forceManyBody().strength(-320))
        .force("collide", d3.forceCollide(28))
        .on("tick", () => this.tick());
    this.simulation.stop();
  }

  clear() {
    this.nodes.clear();
    this.rels.clear();
    this.expanded.clear();
    this.positions.clear();
    this.marks = {center: null, selected: null, selectedRel: null, endpoints: new Set(),
                  pathRels: new Set()};
    this.fixedLayout = null;
  }

  addNode(n) {
    const old = this.nodes.get(n.id);
    this.nodes.set(n.id, Object.assign(old || {}, {id: n.id, name: n.name, kind: n.kind,
                                                    labels: n.labels}));
  }

  addRel(r) { this.rels.set(r.id, r); }

  // Redraws what `filter` ({node(n) -> bool, rel(r) -> bool}) lets through; returns the counts.
  render(filter) {
    const shownRels = [...this.rels.values()].filter((r) =>
        this.nodes.has(r.start) && this.nodes.has(r.end) && filter.rel(r) &&
        filter.node(this.nodes.get(r.start)) && filter.node(this.nodes.get(r.end)));
    const linked = new Set();
    for (const r of shownRels) { linked.add(r.start); linked.add(r.end); }
    const keep = (n) => linked.has(n.id) || n.id === this.marks.center ||
        this.expanded.has(n.id) || this.marks.endpoints.has(n.id);
    const shownNodes = [...this.nodes.values()].filter((n) => keep(n) && filter.node(n));
    const ids = new Set(shownNodes.map((n) => n.id));
    const edges = shownRels.filter((r) => ids.has(r.start) && ids.has(r.end))
        .map((r) => ({rel: r, source: r.start, target: r.end}));
    this.arcOffsets(edges);
    const degree = new Map();
    for (const e of edges) {
      degree.set(e.source, (degree.get(e.source) || 0) + 1);
      degree.set(e.target, (degree.get(e.target) || 0) + 1);
    }
    const data = shownNodes.map((n) => {
      const p = this.positions.get(n.id) || this.nearPosition(n.id, edges);
      const d = Object.assign(p, {node: n, id: n.id, r: 9 + Math.min(10, 2 * Math.sqrt(
          degree.get(n.id) || 0))});
      this.positions.set(n.id, d);
      if (this.fixedLayout && this.fixedLayout[n.id]) {
        [d.fx, d.fy] = this.fixedLayout[n.id];
        d.x = d.fx;
        d.y = d.fy;
      } else {
        d.fx = d.fy = null;
      }
      return d;
    });
    this.drawEdges(edges);
    this.drawNodes(data);
    this.simulation.nodes(data);
    this.simulation.force("link").links(edges);
    const {width, height} = this.size();
    this.simulation.force("center", this.fixedLayout ? null : d3.forceCenter(width / 2, height / 2));
    this.simulation.alpha(this.fixedLayout ? 0.01 : 0.7).restart();
    if (this.fixedLayout) this.tick();
    return {nodes: data.length, rels: edges.length};
  }

  size() {
    const box = this.svg.node().getBoundingClientRect();
    return {width: box.width || 800, height: box.height || 600};
  }

  // A new node starts beside a drawn neighbour (so expansion grows outward), else the middle.
  nearPosition(id, edges) {
    for (const e of edges) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      const p = other !== null && this.positions.get(other);
      if (p && p.x !== undefined) {
        return {x: p.x + (Math.random() - 0.5) * 60, y: p.y + (Math.random() - 0.5) * 60};
      }
    }
    const {width, height} = this.size();
    return {x: width / 2 + (Math.random() - 0.5) * 40, y: height / 2 + (Math.random() - 0.5) * 40};
  }

  // Relationships sharing a pair of nodes get distinct curvatures.
  arcOffsets(edges) {
    const groups = new Map();
    for (const e of edges) {
      const key = Math.min(e.source, e.target) + ":" + Math.max(e.source, e.target);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const group of groups.values()) {
      group.forEach((e, i) => {
        const lo = Math.min(e.source, e.target);
        const sign = e.source === lo ? 1 : -1;  // same bend for either stored direction
        e.offset = (i - (group.length - 1) / 2) * 28 * sign;
      });
    }
  }

  drawEdges(edges) {
    const sel = this.edgeLayer.selectAll("g.edge").data(edges, (e) => e.rel.id);
    sel.exit().remove();
    const enter = sel.enter().append("g")
        .on("click", (e) => { d3.event.stopPropagation(); this.handlers.edge(e.rel); });
    enter.append("path").attr("marker-end", "url(#arrow)");
    enter.append("text").attr("text-anchor", "middle");
    enter.append("title");
    this.edgeSel = enter.merge(sel);
    this.edgeSel
        .attr("class", (e) => ["edge", e.rel.modality || "actual",
            this.marks.pathRels.has(e.rel.id) ? "on-path" : "",
            this.marks.selectedRel === e.rel.id ? "selected" : ""].join(" ").trim())
        .attr("data-id", (e) => e.rel.id);
    this.edgeSel.select("text").text((e) => e.rel.type);
    this.edgeSel.select("title").text((e) => {
      const r = e.rel;
      const dates = r.first_date ? ` ${r.first_date}${r.last_date !== r.first_date ?
          " – " + r.last_date : ""}` : "";
      return `${r.type} (${r.modality || "actual"})${dates}, ${r.evidence_count || 0} sentence(s)`;
    });
  }

  drawNodes(data) {
    const sel = this.nodeLayer.selectAll("g.node").data(data, (d) => d.id);
    sel.exit().remove();
    const enter = sel.enter().append("g")
        .on("click", (d) => { d3.event.stopPropagation(); this.handlers.node(d.node); })
        .call(d3.drag()
            .on("start", (d) => {
              if (!d3.event.active && !this.fixedLayout) this.simulation.alphaTarget(0.2).restart();
              d.fx = d.x; d.fy = d.y;
            })
            .on("drag", (d) => { d.fx = d3.event.x; d.fy = d3.event.y; if (this.fixedLayout) {
              d.x = d.fx; d.y = d.fy; this.tick(); } })
            .on("end", (d) => {
              if (!d3.event.active) this.simulation.alphaTarget(0);
              if (!this.fixedLayout) { d.fx = null; d.fy = null; }
            }));
    enter.append("circle");
    enter.append("text").attr("dy", "0.35em");
    enter.append("title");
    this.nodeSel = enter.merge(sel);
    const m = this.marks;
    this.nodeSel
        .attr("class", (d) => ["node", d.id === m.center ? "center" : "",
            d.id === m.selected ? "selected" : "", m.endpoints.has(d.id) ? "endpoint" : "",
            this.expanded.has(d.id) ? "expanded" : ""].join(" ").replace(/ +/g, " ").trim())
        .attr("data-id", (d) => d.id)
        .attr("data-name", (d) => d.node.name);
    this.nodeSel.select("circle").attr("r", (d) => d.r).attr("fill", (d) => KindColor(d.node.kind));
    // In the path view names go under the nodes, clear of the arrows entering them.
    const under = !!this.fixedLayout;
    this.nodeSel.select("text").text((d) => d.node.name)
        .attr("x", (d) => under ? 0 : d.r + 4).attr("y", (d) => under ? d.r + 12 : 0)
        .attr("text-anchor", under ? "middle" : "start");
    this.nodeSel.select("title").text((d) => `${d.node.name} (${d.node.kind || "node"} ${d.id})`);
  }

  tick() {
    if (!this.edgeSel || !this.nodeSel) return;
    this.edgeSel.select("path").attr("d", (e) => this.edgePath(e));
    this.edgeSel.select("text").attr("transform", (e) => {
      const [x, y] = this.edgeMid(e);
      return `translate(${x},${y - 3})`;
    });
    this.nodeSel.attr("transform", (d) => `translate(${d.x},${d.y})`);
  }

  ends(e) {
    const s = typeof e.source === "object" ? e.source : this.positions.get(e.source);
    const t = typeof e.target === "object" ? e.target : this.positions.get(e.target);
    return [s, t];
  }

  // The control point of the edge's quadratic curve (perpendicular to the chord by offset).
  control(s, t, offset) {
    const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
    return [(s.x + t.x) / 2 - (dy / len) * offset, (s.y + t.y) / 2 + (dx / len) * offset];
  }

  edgePath(e) {
    const [s, t] = this.ends(e);
    if (!s || !t) return "";
    if (s === t) {  // a self-loop: a small circle above the node
      return `M${s.x},${s.y - s.r}a12,12 0 1,1 ${s.r},${s.r}`;
    }
    const [cx, cy] = this.control(s, t, e.offset || 0);
    // End the arrow at the target's rim, along the curve's final tangent.
    const dx = t.x - cx, dy = t.y - cy, len = Math.hypot(dx, dy) || 1;
    const ex = t.x - (dx / len) * (t.r + 2), ey = t.y - (dy / len) * (t.r + 2);
    return `M${s.x},${s.y}Q${cx},${cy} ${ex},${ey}`;
  }

  edgeMid(e) {
    const [s, t] = this.ends(e);
    if (!s || !t) return [0, 0];
    if (s === t) return [s.x + s.r, s.y - s.r - 14];
    const [cx, cy] = this.control(s, t, e.offset || 0);
    return [0.25 * s.x + 0.5 * cx + 0.25 * t.x, 0.25 * s.y + 0.5 * cy + 0.25 * t.y];
  }

  fit() {
    const box = this.root.node().getBBox();
    if (!box.width && !box.height) return;
    const {width, height} = this.size();
    const scale = Math.min(2, 0.9 / Math.max(box.width / width, box.height / height));
    const tx = width / 2 - scale * (box.x + box.width / 2);
    const ty = height / 2 - scale * (box.y + box.height / 2);
    this.svg.transition().duration(300)
        .call(this.zoom.transform, d3.zoomIdentity.translate(tx, ty).scale(scale));
  }

  // The whole drawing as a standalone SVG document (styles embedded).
  exportSvg() {
    const box = this.root.node().getBBox();
    const pad = 20;
    const clone = this.svg.node().cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.setAttribute("viewBox", `${box.x - pad} ${box.y - pad} ${box.width + 2 * pad} ` +
                       `${box.height + 2 * pad}`);
    clone.setAttribute("width", Math.ceil(box.width + 2 * pad));
    clone.setAttribute("height", Math.ceil(box.height + 2 * pad));
    clone.querySelector("g.root").removeAttribute("transform");
    const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = "svg#graph { background: #fff; font-family: sans-serif; }\n" +
        ExportStyles();
    clone.insertBefore(style, clone.firstChild);
    const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    bg.setAttribute("x", box.x - pad);
    bg.setAttribute("y", box.y - pad);
    bg.setAttribute("width", box.width + 2 * pad);
    bg.setAttribute("height", box.height + 2 * pad);
    bg.setAttribute("fill", "#fff");
    clone.insertBefore(bg, clone.querySelector("g.root"));
    return new XMLSerializer().serializeToString(clone);
  }

  // Resolves to a PNG Blob of exportSvg() at twice its size.
  exportPng() {
    const text = this.exportSvg();
    const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml"}));
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = img.width * 2;
        canvas.height = img.height * 2;
        const ctx = canvas.getContext("2d");
        ctx.scale(2, 2);
        ctx.drawImage(img, 0, 0);
        URL.revokeObjectURL(url);
        canvas.toBlob((blob) => blob ? resolve(blob) : reject(new Error("PNG export failed")),
                      "image/png");
      };
      img.onerror = () => { URL.revokeObjectURL(url); reject(new Error("PNG export failed")); };
      img.src = url;
    });
  }
}

// The CSS rules that style the drawing, from the page's own stylesheet.
function ExportStyles() {
  const out = [];
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (e) { continue; }
    for (const rule of rules) {
      if (rule.selectorText && rule.selectorText.startsWith("svg#graph")) out.push(rule.cssText);
    }
  }
  return out.join("\n");
}

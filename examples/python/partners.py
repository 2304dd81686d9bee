#!/usr/bin/env python3
"""From news to a picture of who partners with whom, in the style of a notebook.

Reads the sample articles into a fresh database, lists the partnerships the extractor found,
explains how two actors are connected, draws the neighbourhood of one actor with matplotlib
into a PNG, and ranks every actor with PageRank into a pandas DataFrame.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/partners.py [--out partners.png]
        [--articles data/articles] [--actor Rwanda]

Needs pandas, networkx and matplotlib (Debian: python3-pandas python3-networkx
python3-matplotlib).
"""

import argparse
import os
import tempfile

import matplotlib

matplotlib.use("Agg")  # draw to a file; no display needed
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402

import pactgraph  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", default=os.path.join(HERE, "..", "..", "data", "articles"))
    ap.add_argument("--actor", default="Rwanda", help="whose neighbourhood to draw")
    ap.add_argument("--out", default="partners.png")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp, pactgraph.open(os.path.join(tmp, "news.db")) as db:
        # 1. Read the news. Every article is one transaction; the summary says what changed.
        summary = db.ingest(args.articles, progress=False)
        print(f"ingested {summary.articles_read} articles: {summary}\n")

        # 2. Who partners with whom? Cypher, straight into a DataFrame.
        partners = db.query("""
            MATCH (a)-[r]->(b)
            WHERE type(r) IN ['MOU', 'AGREEMENT', 'COOPERATION', 'FUND', 'INVEST']
            RETURN a.name AS actor, type(r) AS tie, b.name AS partner,
                   r.evidence_count AS sentences, r.first_date AS since
            ORDER BY sentences DESC, actor, partner
        """).to_df()
        print("partnerships found in the news:")
        print(partners.to_string(index=False), "\n")

        # 3. How is Kenya connected to Japan, and on what evidence?
        for path in db.path("Kenya", "Japan", explain=True):
            print(path, "\n")

        # 4. The neighbourhood of one actor, drawn with matplotlib.
        g = db.to_networkx()
        (center,) = [n for n, name in g.nodes(data="name") if name == args.actor]
        near = nx.ego_graph(g.to_undirected(as_view=True), center, radius=1)
        draw(g.subgraph(near.nodes), center, args.out)
        print(f"drew the {near.number_of_nodes() - 1} neighbours of {args.actor} "
              f"into {args.out}\n")

        # 5. Who is central? PageRank into a DataFrame.
        ranks = db.algo("pagerank")
        print("most central actors (PageRank):")
        print(ranks.head(8)[["name", "labels", "pagerank"]].to_string(index=False))


def draw(sub, center, out):
    colours = {"Nation": "#4c72b0", "Organization": "#dd8452", "Program": "#55a868",
               "Person": "#c44e52", "Place": "#8172b3"}
    pos = nx.spring_layout(sub, seed=7, k=1.2)
    fig, ax = plt.subplots(figsize=(10, 8))
    node_colours = [colours.get((sub.nodes[n]["labels"] or ["?"])[0], "#999999")
                    for n in sub.nodes]
    sizes = [1600 if n == center else 700 for n in sub.nodes]
    nx.draw_networkx_nodes(sub, pos, node_color=node_colours, node_size=sizes, ax=ax)
    nx.draw_networkx_labels(sub, pos, {n: sub.nodes[n].get("name", n) for n in sub.nodes},
                            font_size=8, ax=ax)
    nx.draw_networkx_edges(sub, pos, alpha=0.5, arrows=True, connectionstyle="arc3,rad=0.08",
                           ax=ax)
    edge_labels = {}  # one label per pair of actors, naming every tie between them
    for u, v, d in sub.edges(data=True):
        key = (u, v) if (v, u) not in edge_labels else (v, u)
        edge_labels[key] = ", ".join(filter(None, [edge_labels.get(key), d["type"]]))
    nx.draw_networkx_edge_labels(sub, pos, edge_labels, font_size=6, ax=ax)
    ax.set_title(f"Partnerships around {sub.nodes[center]['name']} in the sample news")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    main()

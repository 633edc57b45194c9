#!/usr/bin/python3
"""Reads a GraphML file with networkx and with python-igraph (Debian's
python3-networkx and python3-igraph) and prints what each read as JSON:
directed, node and edge counts, and every node's and edge's attributes, so
tests/monitoring/diagram_test.cpp can check that both read Samen's export."""
import json
import math
import sys

import igraph
import networkx


def clean(attrs):
    # igraph gives NaN (numbers) or None for a missing <data>; networkx leaves it out.
    return {k: v for k, v in attrs.items() if v is not None and not (isinstance(v, float) and math.isnan(v))}


def main(path):
    nx = networkx.read_graphml(path)
    ig = igraph.Graph.Read_GraphML(path)
    ids = ig.vs["id"]
    print(json.dumps({
        "networkx": {
            "directed": nx.is_directed(), "nodes": nx.number_of_nodes(), "edges": nx.number_of_edges(),
            "node": {n: clean(a) for n, a in nx.nodes(data=True)},
            "edge": sorted([[s, t, clean(a)] for s, t, a in nx.edges(data=True)], key=lambda e: (e[0], e[1])),
        },
        "igraph": {
            "directed": ig.is_directed(), "nodes": ig.vcount(), "edges": ig.ecount(),
            "node": {v["id"]: clean({k: v[k] for k in ig.vs.attributes() if k != "id"}) for v in ig.vs},
            "edge": sorted([[ids[e.source], ids[e.target], clean(e.attributes())] for e in ig.es],
                           key=lambda e: (e[0], e[1])),
        },
    }))


if __name__ == "__main__":
    main(sys.argv[1])

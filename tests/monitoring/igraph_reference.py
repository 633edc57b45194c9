#!/usr/bin/python3
"""Reference figures for `samen network-metrics`, computed with python-igraph
(Debian's python3-igraph) from the same edge list, printed as the same JSON.
Used by tests/monitoring/network_metrics_cli_test.cpp (compared figure by
figure) and bench/network.sh (timed beside samen).

usage: igraph_reference.py FILE.csv [--directed] [--weight COLUMN]
                           [--exact-up-to NODES] [--cutoff LENGTH] [--networkx]

Betweenness and closeness as samen computes them: exact up to --exact-up-to
nodes (10,000 by default), above it igraph's cutoff versions counting only
paths of length up to --cutoff (2 by default); "path_cutoff" says which.

--networkx adds "networkx": the figures networkx computes for the same
definitions (an independent implementation), for the test to compare too.
Where igraph answers NaN (no connected triple, a node reaching nobody, fewer
than 2 or 3 nodes) the figure is 0, as samen documents it.
"""
import csv
import json
import math
import sys

import igraph


def read(path, weight_column):
    ids, index, edges, weights = [], {}, [], []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pair = []
            for name in (row["source"].strip(), row["target"].strip()):
                if name not in index:
                    index[name] = len(ids)
                    ids.append(name)
                pair.append(index[name])
            edges.append(tuple(pair))
            if weight_column:
                weights.append(float(row[weight_column]))
    return ids, edges, (weights if weight_column else None)


def zero_if_nan(x):
    return 0.0 if math.isnan(x) else x


def closeness_works_with_cutoff():
    """Debian's python-igraph 0.10.2 hands closeness's cutoff and normalized to
    the C core in swapped order (python-igraph issue 811, fixed in 2025 by pull
    request 812): any cutoff then counts paths of length 1 only. True when this
    python-igraph gets a path a -> b -> c right (c at distance 2: 1 / 1.5)."""
    g = igraph.Graph(n=3, edges=[(0, 1), (1, 2)], directed=True)
    return abs(g.closeness(mode="out", cutoff=2)[0] - 2 / 3) < 1e-12


def closeness_with_cutoff(g, weights, cutoff):
    """igraph's closeness_cutoff (mode out, normalized): 1 / the mean distance
    to the nodes reached within `cutoff`, NaN when none is. Unweighted: from
    the number of nodes at each distance (igraph's neighborhood_size, all
    nodes at once); weighted: from each node's distances (small networks)."""
    if closeness_works_with_cutoff():
        return g.closeness(mode="out", weights=weights, normalized=True, cutoff=cutoff)
    n = g.vcount()
    reached, total = [0] * n, [0.0] * n
    if weights is None:
        for k in range(1, int(math.floor(cutoff)) + 1):
            at_k = g.neighborhood_size(order=k, mode="out", mindist=k)
            for i in range(n):
                reached[i] += at_k[i]
                total[i] += k * at_k[i]
    else:
        for i in range(n):
            distances = g.distances(source=[i], mode="out", weights=weights)[0]
            for j, d in enumerate(distances):
                if j != i and d <= cutoff:
                    reached[i] += 1
                    total[i] += d
    return [reached[i] / total[i] if reached[i] else math.nan for i in range(n)]


def igraph_figures(ids, edges, weights, directed, cutoff):
    n = len(ids)
    g = igraph.Graph(n=n, edges=edges, directed=directed)
    simple = g.as_undirected(mode="collapse") if directed else g
    degrees = simple.degree()
    centralization = 0.0
    if n >= 3:
        top = max(degrees)
        centralization = sum(top - d for d in degrees) / ((n - 1) * (n - 2))
    network = {
        "nodes": n,
        "edges": g.ecount(),
        "density": zero_if_nan(g.density(loops=False)) if n >= 2 else 0.0,
        "transitivity": zero_if_nan(simple.transitivity_undirected(mode="zero")),
        "components": len(g.connected_components(mode="weak")),
        "degree_centralization": centralization,
        "mean_degree": (sum(g.degree()) / n) if n else 0.0,
    }
    if directed:
        network["reciprocity"] = zero_if_nan(g.reciprocity(ignore_loops=True, mode="default")) if edges else 0.0
    # cutoff None: exact (every shortest path).
    betweenness = g.betweenness(directed=True, weights=weights, cutoff=cutoff)
    if cutoff is None:
        closeness = g.closeness(mode="out", weights=weights, normalized=True)
    else:
        closeness = closeness_with_cutoff(g, weights, cutoff)
    degree, in_degree, out_degree = g.degree(), g.degree(mode="in"), g.degree(mode="out")
    nodes = []
    for i, name in enumerate(ids):
        nodes.append({
            "id": name,
            "degree": degree[i],
            "in_degree": in_degree[i],
            "out_degree": out_degree[i],
            "betweenness": betweenness[i],
            "closeness": zero_if_nan(closeness[i]),
        })
    return {"network": network, "nodes": nodes, "path_cutoff": cutoff}


def networkx_figures(ids, edges, weights, directed):
    """The figures networkx defines the same way (closeness is left out: its
    scaling for unreachable nodes differs)."""
    import networkx as nx
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(ids)))
    for k, (s, t) in enumerate(edges):
        g.add_edge(s, t, length=(weights[k] if weights else 1.0))
    out = {
        "density": nx.density(g),
        "transitivity": nx.transitivity(g.to_undirected()),
        "components": nx.number_weakly_connected_components(g) if directed else nx.number_connected_components(g),
        "betweenness": list(nx.betweenness_centrality(g, normalized=False,
                                                      weight=("length" if weights else None)).values()),
    }
    if directed:
        out["reciprocity"] = nx.overall_reciprocity(g)
    return out


def main(argv):
    path, directed, weight_column, with_networkx = None, False, None, False
    exact_up_to, cutoff = 10000, 2.0
    args = iter(argv)
    for a in args:
        if a == "--directed":
            directed = True
        elif a == "--weight":
            weight_column = next(args)
        elif a == "--exact-up-to":
            exact_up_to = int(next(args))
        elif a == "--cutoff":
            cutoff = float(next(args))
        elif a == "--networkx":
            with_networkx = True
        else:
            path = a
    ids, edges, weights = read(path, weight_column)
    result = igraph_figures(ids, edges, weights, directed, cutoff if len(ids) > exact_up_to else None)
    if with_networkx:
        result["networkx"] = networkx_figures(ids, edges, weights, directed)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])

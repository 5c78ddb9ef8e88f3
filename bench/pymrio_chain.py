#!/usr/bin/python3
"""pymrio's calculation chain, ported to plain numpy, as the baseline for `bench engine`.

pymrio itself cannot be installed here (no PyPI), so this follows its iomath functions step by
step on numpy arrays (pandas, which pymrio adds on top, would only make it slower):
calc_x, calc_A, calc_L (np.linalg.inv of I - A), calc_S, calc_M, and calc_accounts with Y
block-diagonalised by ioutil.diagonalize_blocks (n x R*S), x_diag = L Y_diag, then D_cba,
D_pba, D_imp and D_exp.

usage: pymrio_chain.py BUNDLE_DIR [REPS]
       pymrio_chain.py --raw DIR [REPS]   Z.f64, Y.f64 (by region), F.f64 and dims.txt ("n nr ns
                                          domestic"), column-major float64 as the bench writes them
prints one line: the median wall time in ms of the chain (one warm-up run first, then REPS,
default 5), the BLAS library numpy has actually loaded (threadpoolctl: internal_api, file,
threads, architecture: the kernels OpenBLAS chose for this CPU), e.g. "27.8123 openblas
/usr/lib/.../libopenblasp-r0.3.21.so 2 Haswell". numpy.show_config() only names the build-time
"blas"; what runs is decided by the libblas.so.3 alternative.
"""
import csv
import os
import sys
import time

import numpy as np


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load(bundle):
    regions = read(os.path.join(bundle, "regions.csv"))
    dom = [r["code"] for r in regions if r.get("kind", "domestic") != "external"]
    every = [r["code"] for r in regions]
    sectors = [s["code"] for s in read(os.path.join(bundle, "sectors.csv"))]
    ns = len(sectors)
    node = {(r, s): i * ns + j for i, r in enumerate(dom) for j, s in enumerate(sectors)}
    n = len(node)
    Z = np.zeros((n, n))
    for row in read(os.path.join(bundle, "Z.csv")):
        Z[node[row["from_region"], row["from_sector"]], node[row["to_region"], row["to_sector"]]] = float(row["value"])
    Y = np.zeros((n, len(every)))  # aggregated over categories, one column per region
    for row in read(os.path.join(bundle, "Y.csv")):
        Y[node[row["from_region"], row["from_sector"]], every.index(row["to_region"])] += float(row["value"])
    F = np.zeros((1, n))
    for row in read(os.path.join(bundle, "F.csv")):
        F[0, node[row["region"], row["sector"]]] = float(row["value"])
    return Z, Y, F, ns, len(dom)


def load_raw(folder):
    with open(os.path.join(folder, "dims.txt"), encoding="utf-8") as f:
        n, nr, ns, nd = (int(v) for v in f.read().split())

    def mat(name, rows, cols):
        a = np.fromfile(os.path.join(folder, name), dtype="<f8")
        return a.reshape((cols, rows)).T.copy()  # column-major on disk

    return mat("Z.f64", n, n), mat("Y.f64", n, nr), mat("F.f64", 1, n), ns, nd


def loaded_blas():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown", "-", 0, "-"
    for lib in threadpool_info():
        if lib.get("user_api") == "blas":
            return (lib.get("internal_api", "unknown"), lib.get("filepath", "-"),
                    lib.get("num_threads", 0), lib.get("architecture") or "-")
    # Debian's reference libblas is not a library threadpoolctl knows: report it as such.
    return "reference", "-", 1, "-"


def diagonalize_blocks(arr, blocksize):
    # ioutil.diagonalize_blocks: every column is cut into blocks of `blocksize` rows, each
    # block spread on a diagonal: n x m input -> n x (m * blocksize).
    nr_col = arr.shape[1]
    nr_row = arr.shape[0]
    nr_blocks = nr_row // blocksize
    out = np.zeros((nr_row, nr_col * blocksize))
    for c in range(nr_col):
        for b in range(nr_blocks):
            rows = slice(b * blocksize, (b + 1) * blocksize)
            out[rows, c * blocksize:(c + 1) * blocksize] = np.diag(arr[rows, c])
    return out


def chain(Z, Y, F, ns, nr):
    x = Z.sum(axis=1) + Y.sum(axis=1)                          # calc_x
    recix = np.divide(1, x, out=np.zeros_like(x), where=x != 0)
    A = Z * recix                                               # calc_A (broadcast, as pymrio)
    L = np.linalg.inv(np.eye(A.shape[0]) - A)                   # calc_L
    S = F * recix                                               # calc_S
    M = S @ L                                                   # calc_M
    Y_diag = diagonalize_blocks(Y, ns)                          # calc_accounts
    x_diag = L @ Y_diag
    x_tot = x_diag.sum(axis=1)
    D_cba = np.vstack([S[:, r * ns:(r + 1) * ns] @ x_diag[r * ns:(r + 1) * ns] for r in range(nr)])
    D_pba = S * x_tot
    x_trade = x_diag.copy()
    for r in range(nr):                                        # domestic blocks set to zero
        x_trade[r * ns:(r + 1) * ns, r * ns:(r + 1) * ns] = 0
    D_imp = np.vstack([S[:, r * ns:(r + 1) * ns] @ x_trade[r * ns:(r + 1) * ns] for r in range(nr)])
    D_exp = S * x_trade.sum(axis=1)
    return M, D_cba, D_pba, D_imp, D_exp


def main():
    args = sys.argv[1:]
    raw = bool(args) and args[0] == "--raw"
    if raw:
        args = args[1:]
    reps = int(args[1]) if len(args) > 1 else 5
    Z, Y, F, ns, nr = load_raw(args[0]) if raw else load(args[0])
    chain(Z, Y, F, ns, nr)  # warm-up: first-touch pages, BLAS thread start-up
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        chain(Z, Y, F, ns, nr)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    api, path, threads, arch = loaded_blas()
    print(f"{times[len(times) // 2]:.4f} {api} {path} {threads} {arch}")


if __name__ == "__main__":
    main()

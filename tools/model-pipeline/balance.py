"""Biproportional balancing (RAS) used twice: the national table is fitted to the provincial
output totals (step 2), and each sector's gravity trade matrix to its supply and demand (step 5).
"""


from operator import mul


class BalanceError(Exception):
    pass


def ras_national(Z, FD, X, primary_ratio, tol=1e-13, max_iter=10000):
    """Fits the national domestic table to new gross outputs X.

    Z[i][j] intermediate flows, FD[i] final-demand rows (lists, one value per category),
    primary_ratio[j] = share of sector j's input that is value added or imports (kept fixed).
    Finds r, s with Z'[i][j] = r_i Z[i][j] s_j and FD'[i] = r_i FD[i] such that
    rows: sum_j Z'[i][j] + sum FD'[i] = X_i, columns: sum_i Z'[i][j] = (1 - primary_ratio_j) X_j.
    Returns (Z', FD', r, s, iterations).
    """
    n = len(X)
    fd_total = [sum(row) for row in FD]
    col_target = [(1.0 - primary_ratio[j]) * X[j] for j in range(n)]
    r, s = [1.0] * n, [1.0] * n
    for it in range(1, max_iter + 1):
        r = [X[i] / (sum(Z[i][j] * s[j] for j in range(n)) + fd_total[i]) for i in range(n)]
        s = [col_target[j] / sum(r[i] * Z[i][j] for i in range(n)) for j in range(n)]
        err = max(abs(r[i] * (sum(Z[i][j] * s[j] for j in range(n)) + fd_total[i]) - X[i]) / X[i]
                  for i in range(n))
        if err < tol:
            break
    else:
        raise BalanceError(f"national RAS did not converge (relative row error {err:.3g})")
    Zb = [[r[i] * Z[i][j] * s[j] for j in range(n)] for i in range(n)]
    FDb = [[r[i] * v for v in FD[i]] for i in range(n)]
    return Zb, FDb, r, s, it


def ipf(seed, row_target, col_target, tol=1e-12, max_iter=100000):
    """Doubly-constrained fit t[p][q] = a_p * seed[p][q] * b_q with the given row and column sums.

    Ends with a column step, so column sums are exact to rounding and row sums within `tol`
    (relative to the total). Returns (t, iterations, final relative row error).
    """
    m, n = len(row_target), len(col_target)  # rectangular seeds too (step 3's exports)
    total = sum(row_target)
    if abs(total - sum(col_target)) > 1e-9 * total:
        raise BalanceError(f"row and column totals differ: {total} vs {sum(col_target)}")
    b = [1.0] * n
    a = [0.0] * m
    err = float("inf")
    # map(mul, ...) sums in the same order as the plain loops, only faster.
    cols = [list(c) for c in zip(*seed)]
    for it in range(1, max_iter + 1):
        for p in range(m):
            denom = sum(map(mul, seed[p], b))
            a[p] = row_target[p] / denom if row_target[p] > 0 else 0.0
        for q in range(n):
            denom = sum(map(mul, a, cols[q]))
            b[q] = col_target[q] / denom if col_target[q] > 0 else 0.0
        err = max(abs(a[p] * sum(map(mul, seed[p], b)) - row_target[p])
                  for p in range(m)) / total
        if err < tol:
            break
    else:
        raise BalanceError(f"trade IPF did not converge (relative row error {err:.3g})")
    t = [[a[p] * seed[p][q] * b[q] for q in range(n)] for p in range(m)]
    return t, it, err

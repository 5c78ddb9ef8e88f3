"""Step 4: inter-provincial trade per sector by a gravity model with home bias.

The seed of the flow of product i from province p to province q is
    (d_pq / d_ref) ** -beta          for p != q  (great-circle distance between capitals),
    home_bias                        for p == q  (goods),
    home_bias * services_home_factor for p == q  (construction, transport, services),
and for electricity the seed between provinces of different power grids is multiplied by
grid_factor. The seed is then fitted (balance.ipf) to each province's supply (output minus
exports) and demand (intermediate plus domestic final), i.e. a doubly-constrained gravity model.
"""

import math

EARTH_RADIUS_KM = 6371.0
SERVICES = ("CONS", "TRANS", "SERV")
ELECTRICITY = "POWER"


def great_circle_km(lat1, lon1, lat2, lon2):
    """Haversine distance in km, rounded to 0.1 km so that it does not hinge on libm's last bit."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return round(2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h)), 1)


def distances(provinces):
    return [[0.0 if p is q else great_circle_km(p["capital_lat"], p["capital_lon"],
                                                 q["capital_lat"], q["capital_lon"])
             for q in provinces] for p in provinces]


def seed(sector, dist, grids, params):
    """The gravity seed matrix (provinces x provinces) of one reduced sector."""
    beta = params["distance_exponent"]
    home = params["home_bias"]
    if sector in SERVICES:
        home *= params["services_home_factor"]
    d_ref = params["reference_distance_km"]
    m = len(dist)
    out = [[0.0] * m for _ in range(m)]
    for p in range(m):
        for q in range(m):
            if p == q:
                out[p][q] = home
            else:
                v = math.exp(-beta * math.log(dist[p][q] / d_ref))
                if sector == ELECTRICITY and grids[p] != grids[q]:
                    v *= params["grid_factor"]
                out[p][q] = v
    return out

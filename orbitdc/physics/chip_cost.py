"""Chip price from wafer economics: gross dies per wafer, die yield, good-die cost.

Part of :mod:`orbitdc.physics.compute` (which re-exports every public name here): gross
dies per wafer (:func:`dies_per_wafer`), die yield (:func:`die_yield`, Murphy or negative
binomial; :func:`defect_density_from_yield`), and good-die cost plus packaging, memory and
test, plus margin (:func:`chip_price_from_wafer`).

References
----------
.. [5] Hennessy, J. L. and Patterson, D. A. (2012), "Computer Architecture: A Quantitative
   Approach", 5th ed., Morgan Kaufmann, section 1.6 (dies per wafer, die yield, die cost).
.. [6] Murphy, B. T. (1964), "Cost-size optima of monolithic integrated circuits",
   Proc. IEEE 52(12), 1537-1545.
.. [7] Cunningham, J. A. (1990), "The use and evaluation of yield models in integrated
   circuit manufacturing", IEEE Trans. Semicond. Manuf. 3(2), 60-71.
"""

from __future__ import annotations

import numpy as np

from ..errors import ScenarioError, require
from ..kernels.chip_cost import chip_price as _k_price
from ..kernels.chip_cost import die_yield as _k_yield
from ..kernels.chip_cost import dies_per_wafer as _k_dies_per_wafer
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import out as _out
from ._compute_checks import _fraction, _nonneg, _positive

__all__ = ["dies_per_wafer", "die_yield", "defect_density_from_yield", "chip_price_from_wafer"]

_YIELD_MODELS = ("poisson", "murphy", "negative_binomial")


# ------------------------------------------------------------------- wafer economics -----
@accepts(die_area="m^2", wafer_diameter="m", edge_exclusion="m")
def dies_per_wafer(die_area, wafer_diameter=0.3, edge_exclusion=0.0):
    """Gross dies per wafer: whole dies that fit on a round wafer, with edge loss.

    Parameters
    ----------
    die_area : float or array [m2]
        Area of one die including its share of the scribe lane (858 mm2 = 26 mm x 33 mm is
        the lithographic reticle limit).
    wafer_diameter : float or array [m], default 0.3
        Wafer diameter (300 mm is the production standard; SEMI M1).
    edge_exclusion : float or array [m], default 0
        Unusable ring at the wafer edge (2-3 mm in production); the usable diameter is
        ``wafer_diameter - 2 edge_exclusion``.

    Returns
    -------
    float or array [-]
        Gross dies per wafer as a continuous estimate (take ``floor`` for a count). Not
        yet reduced by yield.

    Notes
    -----
    With usable diameter d and die area A [5]_:

        DPW = pi (d/2)^2 / A  -  pi d / sqrt(2 A)

    The first term is wafer area over die area; the second counts the partial dies lost
    along the circumference.  Hennessy & Patterson's Fig. 1.15 compares it with a real
    wafer: 282 estimated vs 280 whole Sandy Bridge dies of 216 mm2 on 300 mm.

    Raises
    ------
    ScenarioError
        Non-positive area or diameter, edge exclusion beyond the radius, or a die so large
        that not one whole die fits (DPW < 1).

    References
    ----------
    .. [1] Hennessy, J. L. and Patterson, D. A. (2012), "Computer Architecture: A
       Quantitative Approach", 5th ed., section 1.6 and Fig. 1.15.
    .. [2] de Vries, D. K. (2005), "Investigation of gross die per wafer formulas",
       IEEE Trans. Semicond. Manuf. 18(1), 136-139.
    """
    _positive("die_area", die_area, "a die has a positive area")
    _positive("wafer_diameter", wafer_diameter, "a wafer has a positive diameter")
    _nonneg("edge_exclusion", edge_exclusion, "an edge exclusion is a width")
    a = _arr(die_area)
    d = _arr(wafer_diameter) - 2.0 * _arr(edge_exclusion)
    require(
        d > 0,
        "edge_exclusion",
        edge_exclusion,
        "< wafer_diameter / 2",
        "the edge exclusion ring would cover the whole wafer",
    )
    dpw = _k_dies_per_wafer(a, d)
    require(
        dpw >= 1.0,
        "die_area",
        die_area,
        "small enough for at least one whole die on the wafer",
        "not one whole die fits on the usable wafer area",
    )
    return _out(dpw)


@accepts(die_area="m^2", defect_density="1/m^2")
def die_yield(die_area, defect_density, model="murphy", clustering=3.0):
    """Fraction of dies free of killer defects, from the defect density.

    Parameters
    ----------
    die_area : float or array [m2]
        Die area A.
    defect_density : float or array [1/m2]
        Killer-defect density D0 (0.1 /cm2 = 1000 /m2 is typical of a mature node).
    model : {"murphy", "poisson", "negative_binomial"}, default "murphy"
        Yield model (a string, one per call).
    clustering : float or array [-], default 3
        Cluster parameter alpha of the negative-binomial model (2-5 is usual; alpha -> inf
        gives Poisson).  Ignored by the other models.

    Returns
    -------
    float or array [-]
        Die yield Y in (0, 1].

    Notes
    -----
    With x = A D0:

    * Poisson (uniform random defects):  Y = exp(-x)
    * Murphy (triangular distribution of D around D0) [6]_:  Y = ((1 - exp(-x)) / x)^2
    * Negative binomial (clustered defects, Stapper) [7]_:  Y = (1 + x / alpha)^(-alpha)

    Murphy's and the negative-binomial yield are never below Poisson's for the same x.

    References
    ----------
    .. [1] Murphy, B. T. (1964), Proc. IEEE 52(12), 1537-1545.
    .. [2] Cunningham, J. A. (1990), IEEE Trans. Semicond. Manuf. 3(2), 60-71.
    .. [3] Hennessy, J. L. and Patterson, D. A. (2012), "Computer Architecture: A
       Quantitative Approach", 5th ed., section 1.6 (negative-binomial die yield).
    """
    if model not in _YIELD_MODELS:
        raise ScenarioError(
            "model", model, "one of " + ", ".join(repr(m) for m in _YIELD_MODELS), "unknown die-yield model"
        )
    _positive("die_area", die_area, "a die has a positive area")
    _nonneg("defect_density", defect_density, "a defect density is a count per area")
    x = _arr(die_area) * _arr(defect_density)
    if model == "negative_binomial":
        _positive("clustering", clustering, "the cluster parameter alpha is positive")
    y = _k_yield(x, model, _arr(clustering))
    require(
        y > 0,
        "defect_density",
        defect_density,
        "low enough for a non-zero yield",
        "the yield underflows to zero: no good dies",
    )
    return _out(y)


@accepts(die_area="m^2")
def defect_density_from_yield(yield_fraction, die_area):
    """Defect density implied by a reported yield on a die of given area (Poisson model).

    Parameters
    ----------
    yield_fraction : float or array [-]
        Reported die yield, in (0, 1] (e.g. the seed documents' 0.40-0.45 for Samsung SF2 and
        > 0.70 for TSMC N2).
    die_area : float or array [m2]
        Area of the die the yield refers to.

    Returns
    -------
    float or array [1/m2]
        D0 = -ln(Y) / A.

    References
    ----------
    .. [1] Cunningham, J. A. (1990), IEEE Trans. Semicond. Manuf. 3(2), 60-71.
    """
    _fraction("yield_fraction", yield_fraction, low_open=True, reason="a yield is a fraction of dies, above 0")
    _positive("die_area", die_area, "a die has a positive area")
    return _out(-np.log(_arr(yield_fraction)) / _arr(die_area))


@accepts(
    wafer_cost="USD",
    die_area="m^2",
    wafer_diameter="m",
    edge_exclusion="m",
    packaging_cost="USD",
    memory_cost="USD",
    test_cost="USD",
)
def chip_price_from_wafer(
    wafer_cost,
    die_area,
    yield_fraction,
    wafer_diameter=0.3,
    edge_exclusion=0.0,
    dies_per_package=1.0,
    packaging_cost=0.0,
    memory_cost=0.0,
    test_cost=0.0,
    gross_margin=0.0,
):
    """Price of one packaged accelerator built from wafer cost, dies per wafer and yield.

    Parameters
    ----------
    wafer_cost : float or array [USD]
        Price of one processed wafer (press reports: about 30,000 USD for TSMC N2, 2025).
    die_area : float or array [m2]
        Area of one logic die.
    yield_fraction : float or array [-]
        Die yield in (0, 1] (given, or from :func:`die_yield`).
    wafer_diameter, edge_exclusion : float or array [m]
        As in :func:`dies_per_wafer`.
    dies_per_package : float or array [-], default 1
        Logic dies per accelerator (2 for a B200-style dual-die package).
    packaging_cost : float or array [USD], default 0
        Package, interposer / advanced packaging and assembly per accelerator.
    memory_cost : float or array [USD], default 0
        Memory (HBM or LPDDR stacks) per accelerator.
    test_cost : float or array [USD], default 0
        Test and burn-in per accelerator.
    gross_margin : float or array [-], default 0
        Seller's gross margin m in [0, 1): price = cost / (1 - m).  0 for a chip made for
        the operator's own use.

    Returns
    -------
    float or array [USD]
        Price per accelerator.

    Notes
    -----
    [5]_:

        cost_die  = wafer_cost / (DPW * Y)
        cost_chip = n_die * cost_die + packaging + memory + test
        price     = cost_chip / (1 - m)

    Packaging yield is taken as 1 (fold it into ``packaging_cost``).

    References
    ----------
    .. [1] Hennessy, J. L. and Patterson, D. A. (2012), "Computer Architecture: A
       Quantitative Approach", 5th ed., section 1.6 (cost of an integrated circuit).
    """
    _nonneg("wafer_cost", wafer_cost, "a price cannot be negative")
    _fraction("yield_fraction", yield_fraction, low_open=True, reason="a yield is a fraction of dies, above 0")
    _positive("dies_per_package", dies_per_package, "an accelerator holds at least part of one die")
    for name, v in (("packaging_cost", packaging_cost), ("memory_cost", memory_cost), ("test_cost", test_cost)):
        _nonneg(name, v, "a price cannot be negative")
    _fraction("gross_margin", gross_margin, high_open=True, reason="a margin of 100 % or more has no finite price")
    dpw = _arr(dies_per_wafer.__wrapped__(die_area, wafer_diameter, edge_exclusion))
    return _out(
        _k_price(
            _arr(wafer_cost),
            dpw,
            _arr(yield_fraction),
            _arr(dies_per_package),
            _arr(packaging_cost),
            _arr(memory_cost),
            _arr(test_cost),
            _arr(gross_margin),
        )
    )

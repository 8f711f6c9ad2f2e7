"""Unit-free kernels: the numerical core that the pipeline stages call.

Plain functions of SI floats or numpy arrays, broadcasting everywhere, with no argument
checks, no units library and no I/O (poliastro's ``core`` is the model). The checked,
documented user API with unit handling is :mod:`orbitdc.physics`, whose public functions
validate their arguments and then call these same kernels; the stages of
:mod:`orbitdc.sections` call the kernels directly because the scenario layer has already
bounded every field. ``tests/test_layers.py`` fails if a kernel module imports pint,
:mod:`orbitdc.units`, a physics module, a stage or the app.

Modules: :mod:`~orbitdc.kernels.compute` (serving roofline, payload sizing, degradation),
:mod:`~orbitdc.kernels.chip_cost` (wafer economics), :mod:`~orbitdc.kernels.finance` (capital
recovery, cost of delay, gas LCOE), :mod:`~orbitdc.kernels.architecture_costs` (the
satellite's, the data center's and the fleet's costs).
"""

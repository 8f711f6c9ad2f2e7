"""Unit-free kernels: the numerical core that the pipeline stages call.

Plain functions of SI floats or numpy arrays, broadcasting everywhere, with no argument
checks, no units library and no I/O (poliastro's ``core`` is the model). The checked,
documented user API with unit handling is :mod:`orbitdc.physics`, whose public functions
validate their arguments and then call these same kernels; the stages of
:mod:`orbitdc.sections` call the kernels directly because the scenario layer has already
bounded every field. ``tests/test_layers.py`` fails if a kernel module imports pint,
:mod:`orbitdc.units`, a physics module, a stage or the app.

Modules:

* :mod:`~orbitdc.kernels.compute` -- serving roofline, payload sizing, degradation;
* :mod:`~orbitdc.kernels.chip_cost` -- wafer economics;
* :mod:`~orbitdc.kernels.finance` -- capital recovery, cost of delay, gas LCOE;
* :mod:`~orbitdc.kernels.architecture_costs` -- the satellite's, the data center's and the
  fleet's costs;
* :mod:`~orbitdc.kernels.links` -- link geometry, the RF link budget, the optical
  inter-satellite link and the link-limited request rate;
* :mod:`~orbitdc.kernels.dvbs2x` -- the DVB-S2/S2X MODCOD table and the best MODCOD at an
  Es/N0;
* :mod:`~orbitdc.kernels.launch` -- manoeuvres, payload to orbit, the mass roll-up,
  launches, replacement and deployment rate;
* :mod:`~orbitdc.kernels.atmosphere` -- the NRLMSISE-00 density table, drag, decay and
  orbital lifetime;
* :mod:`~orbitdc.kernels.orbit` -- two-body period, J2 node drift, sun-synchronous
  inclination, the node of an LTAN given in seconds, Earth's shadow and the annual
  beta-angle and eclipse statistics;
* :mod:`~orbitdc.kernels.thermal` -- Earth view factors, absorbed loads, sink temperature,
  the heat-pump optimum and the radiator sizing;
* :mod:`~orbitdc.kernels.power` -- the solar-array panel balance and cell temperature, the
  battery's cycles and depth of discharge, the array and battery per watt of load and the
  power system's mass per watt (shared by the power stage and the thermal stage's heat-pump
  trade; :mod:`orbitdc.physics.power_system` maps the scenario's SI values to their
  arguments).

Each kernel documents its formula and units in one line or two and points to the checked
function that carries the full docstring (parameters, equation, references). Results that
the checked API returns as named tuples come back from the kernels as plain tuples in the
same order (the layer imports no :mod:`typing`); the stages wrap them when they want names.
"""

"""Pure physics: functions of SI floats or numpy arrays, no units library, no I/O.

Modules: ``orbit`` and ``ephemeris`` (geometry), ``solar`` (array and battery), ``thermal``
(radiators), ``atmosphere`` and ``launch`` (drag, mass, launches), ``links`` and ``dvbs2x``
(link budgets), ``compute`` and ``accelerators`` (serving), ``ground_solar`` (pvlib baseline).
Public functions also accept pint quantities through :func:`orbitdc.units.accepts`.
Import the submodules explicitly (``from orbitdc.physics import orbit``); nothing heavy is
imported here.
"""

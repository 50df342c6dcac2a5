"""Test support for users of azx-core: factories, hypothesis strategies, a pytest plugin.

Nothing in the runtime imports this package. `factories` needs nothing beyond the runtime
dependencies; `strategies` and the pytest plugin need the ``testing`` extra
(``pip install azx-core[testing]``).
"""

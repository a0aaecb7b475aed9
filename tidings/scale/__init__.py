"""Analysis beyond one process: worker processes on this machine (``workers``), a Dask cluster
(``cluster``), and the order-keeping map they share (``ordered``). The analysis itself is the pure
``Pipeline.analyze_many``; only where it runs changes, never what it computes or the order results
arrive in."""

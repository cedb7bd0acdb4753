"""Bridges to other libraries (Dask); each module is imported only when used."""

"""Pure core: no file, network or process I/O happens in this package."""

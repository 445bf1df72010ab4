"""Use cases: one module per command, plain arguments in, plain data out."""

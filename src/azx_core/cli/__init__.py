"""The ``azx`` command line. Argument parsing and exit codes only; no business logic."""

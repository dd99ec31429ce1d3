"""Wrappers for the external programs the engine runs, one module per program.

Each follows the same rules: keyword-only arguments, always a timeout, the program's stderr
logged under its name, and every failure turned into :class:`~workers.engine.errors.RenderError`
with the original exception as ``__cause__``.
"""

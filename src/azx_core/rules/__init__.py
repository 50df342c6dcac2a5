"""The rules: the registry, the engine, and one module per rule family.

A rule's metadata (name, severity, kinds, titles, messages, references) lives in the
family's catalogue file in ``catalogue/``; its logic is a small pure function in the
family's module, registered under the same id. `registry.all_rules` lists them and
`engine.Engine` runs the ones a profile selects.
"""

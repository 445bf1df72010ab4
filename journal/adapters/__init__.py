"""Adapters: the vault's files, the index, git, templates and the watcher."""

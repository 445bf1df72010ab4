"""journal: a plain-text SMART-goal journal toolkit."""

__version__ = "0.6.13"

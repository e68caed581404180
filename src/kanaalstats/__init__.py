"""kanaalstats: compute, print and check the figures of a key-figures table."""

__version__ = "0.1.0"

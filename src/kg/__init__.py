"""kg: a knowledge graph of actors, the proposals they support or reject, and the evidence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

"""gkaudit: audit Chinese government websites' information-disclosure duties."""
from auditor.core import __version__

__all__ = ["__version__"]

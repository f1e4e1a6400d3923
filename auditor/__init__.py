"""gkaudit: audit Chinese government websites' information-disclosure duties."""
__version__ = "0.1.0"

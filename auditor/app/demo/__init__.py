"""gkaudit demo: the bundled sample site served on loopback."""

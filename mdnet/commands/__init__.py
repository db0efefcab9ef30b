"""Commands that live in their own modules (each one registered in mdnet.cli)."""

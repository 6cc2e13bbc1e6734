"""Extraction: from article text to statements (actor, stance, proposal, evidence)."""

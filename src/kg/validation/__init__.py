"""The parts of SHACL validation; the public entry point is kg.validate."""

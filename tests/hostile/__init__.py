"""Hostile input, crashes, the endpoint and pages under attack, load, and fuzzing (issue 8)."""

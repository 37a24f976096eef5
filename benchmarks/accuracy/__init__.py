"""Accuracy sets built from real text (`python -m benchmarks.accuracy --help`)."""

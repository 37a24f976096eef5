"""Family logic of engine v2 that the shared components call through small hooks."""

"""Family modules of engine v2: each turns its triggers and roles into events."""

"""Family modules of engine v2: each turns its family's triggers and roles into Protos."""

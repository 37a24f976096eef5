"""`streams dashboard`: a live map of events and the workers' throughput (a Kafka consumer)."""

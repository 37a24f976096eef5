"""streams: news articles in, typed and normalized events out, on Apache Kafka."""

from streams.errors import StreamsError

__version__ = "0.1.0"

__all__ = ["StreamsError", "__version__"]

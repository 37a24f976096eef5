"""The project's exception tree, with one root.

StreamsError
├── ConfigError        bad or missing configuration
├── BrokerError        the local Kafka broker could not be started / stopped / reached
│   └── ToolMissingError   java or mvn is not installed
├── PublishError       an article could not be read or sent
├── LexiconError       a data file of the extraction is invalid
└── DumpError          a GeoNames dump could not be read or indexed
"""


class StreamsError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(StreamsError):
    """Configuration is missing or invalid."""


class BrokerError(StreamsError):
    """The local Kafka broker could not be managed or reached."""


class ToolMissingError(BrokerError):
    """A program the local broker needs (java, mvn) is not installed."""


class PublishError(StreamsError):
    """An article could not be read from its file or sent to Kafka."""


class LexiconError(StreamsError):
    """A lexicon / dictionary data file failed validation on load."""


class DumpError(StreamsError):
    """A GeoNames dump given to `streams gazetteer import` could not be read or indexed."""

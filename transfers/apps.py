from django.apps import AppConfig


class TransfersConfig(AppConfig):
    """Handing a young person over to another unit on the same installation (e.g. the 25+
    unit): the record follows the youth, the sender keeps only what it made and must keep."""

    name = "transfers"

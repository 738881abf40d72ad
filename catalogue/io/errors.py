"""The one error every importer raises for a file it cannot read as a whole."""


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (nothing in it is); the message says why and what to do."""

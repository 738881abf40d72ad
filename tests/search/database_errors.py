"""Database errors as Django raises them from each driver, for tests of what the full-text layer lets pass."""

import sqlite3

from django.db import DatabaseError, connection


def locked_database_error() -> DatabaseError:
    """The error a briefly locked database gives (SQLite busy, a PostgreSQL lock timeout), wrapped by Django."""
    if connection.vendor == "postgresql":
        from psycopg import errors

        driver_error = errors.LockNotAvailable("canceling statement due to lock timeout")
    else:
        driver_error = sqlite3.OperationalError("database is locked")
        driver_error.sqlite_errorcode = sqlite3.SQLITE_BUSY
    try:
        with connection.wrap_database_errors:
            raise driver_error
    except DatabaseError as error:
        return error
    raise AssertionError("Django did not wrap the driver's error")


def raising(error: Exception):
    """A stand-in for a method that fails with `error`."""

    def fail(*args, **kwargs):
        raise error

    return fail

"""
Where a benchmark's catalogue lives: SQLite files by default, or databases on the PostgreSQL server that
DATABASE_URL names (`bin/with-postgres` sets one; the role needs CREATEDB), one per grown catalogue.
"""

import os
import shutil
import subprocess
from pathlib import Path

SERVER_URL = os.environ.get("DATABASE_URL", "")
POSTGRES = SERVER_URL.startswith("postgres")
ENGINE = "PostgreSQL" if POSTGRES else "SQLite"


def database_url(database: Path | str) -> str:
    """SQLite: a file path; PostgreSQL: a database name on the server DATABASE_URL names."""
    if POSTGRES:
        return SERVER_URL.rsplit("/", 1)[0] + f"/{database}"
    return f"sqlite:///{database}"


def database_named(directory: Path, name: str) -> Path | str:
    """A database for `name`: a file in `directory` on SQLite, a database of that name on PostgreSQL."""
    return name if POSTGRES else directory / f"{name}.sqlite3"


def exists(database: Path | str) -> bool:
    if not POSTGRES:
        return Path(database).exists()
    found = subprocess.run(
        ["psql", SERVER_URL, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{database}'"],
        check=True,
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() == "1"


def create_empty(database: Path | str) -> None:
    if not POSTGRES:
        Path(database).unlink(missing_ok=True)
        return
    psql(f'DROP DATABASE IF EXISTS "{database}"')
    psql(f'CREATE DATABASE "{database}"')


def copy_database(source: Path | str, target: Path | str) -> None:
    if not POSTGRES:
        shutil.copyfile(source, target)
        return
    psql(f'DROP DATABASE IF EXISTS "{target}"')
    psql(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def psql(statement: str) -> None:
    subprocess.run(["psql", SERVER_URL, "-q", "-v", "ON_ERROR_STOP=1", "-c", statement], check=True)

"""
Numpy arrays written one after another into a file and mapped back into memory, not read: the search snapshot's
masks and orders (about 10 MB at 100,000 entries). A web process that loads the worker's snapshot then copies
nothing (unpickling them took most of the 8 ms the first request after a new snapshot spent loading it), and
every web process on a server shares the same pages of the operating system's file cache rather than each
holding its own copy. The arrays come back read-only: nothing may write into a snapshot.
"""

import mmap
from typing import BinaryIO

import numpy as np

ALIGNMENT = 64  # each array starts on a cache line, as numpy's own allocations do


def write_arrays(out: BinaryIO, arrays: dict[str, np.ndarray]) -> dict[str, tuple[str, tuple[int, ...], int]]:
    """Write each array's bytes to `out`; returns name -> (dtype, shape, offset), what `map_arrays` needs."""
    index, offset = {}, 0
    for name, array in arrays.items():
        data = np.ascontiguousarray(array)
        padding = -offset % ALIGNMENT
        out.write(b"\0" * padding)
        offset += padding
        out.write(data.tobytes())
        index[name] = (data.dtype.str, data.shape, offset)
        offset += data.nbytes
    return index


def map_arrays(path, index: dict[str, tuple[str, tuple[int, ...], int]]) -> dict[str, np.ndarray]:
    """
    The arrays `write_arrays` wrote to the file at `path`, read-only views of it mapped into memory. ValueError if
    the file is shorter than the arrays it should hold.
    """
    sizes = {name: int(np.prod(shape, dtype=np.int64)) for name, (_, shape, _) in index.items()}
    end = max(
        (offset + sizes[name] * np.dtype(dtype).itemsize for name, (dtype, _, offset) in index.items()), default=0
    )
    with open(path, "rb") as source:
        length = source.seek(0, 2)
        if length < end:
            raise ValueError(f"{path} holds {length} bytes of the {end} its arrays need")
        mapped = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ) if length else None  # mapped while used
    arrays = {}
    for name, (dtype, shape, offset) in index.items():
        if sizes[name] == 0:
            arrays[name] = _empty(dtype, shape)
        else:
            arrays[name] = np.frombuffer(mapped, dtype=np.dtype(dtype), count=sizes[name], offset=offset).reshape(shape)
    return arrays


def _empty(dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    empty = np.zeros(shape, dtype=np.dtype(dtype))
    empty.flags.writeable = False
    return empty

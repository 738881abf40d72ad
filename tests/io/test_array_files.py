"""Arrays written by `write_arrays` come back from `map_arrays` equal, whatever their type and shape, and read-only."""

import numpy as np
import pytest

from catalogue.io.array_files import map_arrays, write_arrays

ARRAYS = {
    "ids": np.array([3, 5, 8, 13], dtype=np.int64),
    "order": np.array([2, 0, 3, 1], dtype=np.int32),
    "masks": np.array([[True, False, True, False], [False, False, False, True]]),
    "stamps": np.array([7, 1, 2, 9], dtype=np.uint64),
    "none": np.zeros((0, 4), dtype=bool),  # a facet with no values yet
    "strided": np.arange(10, dtype=np.int32)[::3],  # not contiguous in memory
}


def test_arrays_come_back_equal_and_read_only(tmp_path):
    path = tmp_path / "snapshot.arrays"
    with path.open("wb") as out:
        index = write_arrays(out, ARRAYS)
    mapped = map_arrays(path, index)
    assert mapped.keys() == ARRAYS.keys()
    for name, array in ARRAYS.items():
        assert mapped[name].dtype == array.dtype and mapped[name].shape == array.shape, name
        assert np.array_equal(mapped[name], array), name
        assert not mapped[name].flags.writeable, name
    assert all(offset % 64 == 0 for _, _, offset in index.values())


def test_an_empty_or_short_file_is_refused(tmp_path):
    path = tmp_path / "snapshot.arrays"
    with path.open("wb") as out:
        index = write_arrays(out, ARRAYS)
    path.write_bytes(path.read_bytes()[:-4])
    with pytest.raises(ValueError, match="bytes of the"):
        map_arrays(path, index)
    path.write_bytes(b"")
    with pytest.raises(ValueError, match="holds 0 bytes"):
        map_arrays(path, index)
    empty = map_arrays(path, {"none": ("|b1", (0, 4), 0)})  # nothing to map: nothing needed
    assert empty["none"].shape == (0, 4)

"""The IDX reader on generated files: good ones come back exactly; malformed, truncated,
lying and hostile ones are refused with a message that says what is wrong, before
anything large is allocated or inflated."""

import gzip
import os
import tracemalloc

import numpy as np
import pytest

from neurongui.engine.errors import EngineError
from neurongui.engine.idx import MAX_BYTES, IDXError, parse_idx, read_idx, write_idx


def _header(code: int, *dims: int) -> bytes:
    return bytes([0, 0, code, len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims)


def _images(n=5, rows=4, cols=3) -> np.ndarray:
    return np.random.default_rng(0).integers(0, 256, (n, rows, cols), dtype=np.uint8)


@pytest.mark.parametrize("name", ["images.idx", "images.idx.gz"])
def test_images_round_trip_raw_and_gzip(tmp_path, name):
    images = _images()
    write_idx(tmp_path / name, images)
    back = read_idx(tmp_path / name)
    assert back.dtype == np.uint8 and back.shape == (5, 4, 3)
    assert np.array_equal(back, images)
    assert back.flags.writeable  # a new array, not a view of the file's bytes


def test_the_file_is_the_standard_layout(tmp_path):
    labels = np.array([7, 2, 1], dtype=np.uint8)
    write_idx(tmp_path / "labels", labels)
    assert (tmp_path / "labels").read_bytes() == b"\0\0\x08\x01\0\0\0\x03\x07\x02\x01"
    assert np.array_equal(read_idx(tmp_path / "labels"), labels)


def test_gzip_is_recognised_by_its_bytes_not_its_name(tmp_path):
    write_idx(tmp_path / "a.gz", _images())
    os.rename(tmp_path / "a.gz", tmp_path / "train-images-idx3-ubyte")  # as unzipped badly
    assert np.array_equal(read_idx(tmp_path / "train-images-idx3-ubyte"), _images())


def test_gzip_written_twice_is_the_same_bytes(tmp_path):
    write_idx(tmp_path / "a.gz", _images())
    first = (tmp_path / "a.gz").read_bytes()
    write_idx(tmp_path / "a.gz", _images())
    assert (tmp_path / "a.gz").read_bytes() == first  # gzip's date is 0


def test_concatenated_gzip_members_are_one_file(tmp_path):
    raw = _header(0x08, 2, 2) + bytes([1, 2, 3, 4])
    (tmp_path / "cat.gz").write_bytes(gzip.compress(raw[:6]) + gzip.compress(raw[6:]))
    assert read_idx(tmp_path / "cat.gz").tolist() == [[1, 2], [3, 4]]


@pytest.mark.parametrize(
    "dtype", [np.int8, np.int16, np.int32, np.float32, np.float64], ids=lambda d: d.__name__
)
def test_other_value_types_are_big_endian_in_the_file_and_native_in_memory(tmp_path, dtype):
    values = (np.arange(12) - 5).astype(dtype).reshape(3, 4) * 3
    write_idx(tmp_path / "v.idx", values)
    raw = (tmp_path / "v.idx").read_bytes()
    assert raw[12:] == values.astype(np.dtype(dtype).newbyteorder(">")).tobytes()
    back = read_idx(tmp_path / "v.idx")
    assert back.dtype == dtype and back.dtype.isnative
    assert np.array_equal(back, values)


def test_four_dimensions_are_read():
    raw = _header(0x08, 1, 2, 3, 4) + bytes(range(24))
    assert parse_idx(raw).shape == (1, 2, 3, 4)


def test_idx_error_is_the_projects_file_error():
    assert issubclass(IDXError, EngineError)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "f: 0 bytes is too short for an IDX file's header"),
        (
            b"\x1f\x00\x08\x01\0\0\0\x01\x05",
            "f: not an IDX file (it starts with the bytes 1F 00 08 01, not 00 00)",
        ),
        (
            _header(0x07, 1) + b"\x05",
            "f: unknown IDX value type 0x07 (0x08 bytes, 0x09, 0x0B, 0x0C whole numbers, "
            "0x0D, 0x0E decimals)",
        ),
        (b"\0\0\x08\x00", "f: the header declares 0 dimensions; 1 to 4 are read"),
        (
            _header(0x08, 1, 1, 1, 1, 1) + b"\x05",
            "f: the header declares 5 dimensions; 1 to 4 are read",
        ),
        (
            _header(0x08, 3, 28, 28)[:10],
            "f: the header is cut short (10 bytes, 3 dimensions need 16)",
        ),
        (_header(0x08, 3, 0, 28), "f: dimension 2 is 0; the file holds no values"),
        (
            _header(0x08, 60_000, 28, 28) + bytes(1234),
            "f: the header promises 60,000 images of 28×28 = 47,040,000 bytes "
            "but the file holds 1,234",
        ),
        (
            _header(0x08, 3) + bytes(4),
            "f: the header promises 3 labels = 3 bytes but the file holds 4",
        ),
        (
            _header(0x0B, 2, 2) + bytes(7),
            "f: the header promises values of shape 2×2 = 8 bytes but the file holds 7",
        ),
    ],
    ids=[
        "empty",
        "bad magic",
        "unknown type",
        "0 dims",
        "5 dims",
        "short header",
        "zero dim",
        "truncated",
        "trailing",
        "int16 odd",
    ],
)
def test_malformed_files_are_refused_with_what_is_wrong(raw, message):
    with pytest.raises(IDXError) as caught:
        parse_idx(raw, "f")
    assert str(caught.value) == message


def test_a_header_declaring_a_billion_images_is_refused_without_allocating(tmp_path):
    path = tmp_path / "liar-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(_header(0x08, 10**9, 28, 28) + bytes(784)))
    tracemalloc.start()
    try:
        with pytest.raises(IDXError) as caught:
            read_idx(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        "liar-idx3-ubyte.gz: the header promises 1,000,000,000 images of 28×28 = "
        f"784,000,000,000 bytes, more than the limit of {MAX_BYTES:,} bytes"
    )
    assert peak < 3_000_000  # a read buffer, nothing of the promised 784 GB


def test_a_gzip_bomb_is_refused_after_inflating_only_what_the_header_promises(tmp_path):
    # 10 images of 28×28 promised; the file inflates to 1 GiB of zeros beyond them
    # (1,024 gzip members of 1 MiB each, as `cat` would join them: quick to make).
    zeros = gzip.compress(bytes(1 << 20), mtime=0)
    bomb = gzip.compress(_header(0x08, 10, 28, 28), mtime=0) + zeros * 1024
    assert len(bomb) < 1_200_000  # about 1 MB on disk
    path = tmp_path / "bomb.gz"
    path.write_bytes(bomb)
    tracemalloc.start()
    try:
        with pytest.raises(IDXError) as caught:
            read_idx(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        "bomb.gz: the header promises 10 images of 28×28 = 7,840 bytes but the file holds more"
    )
    assert peak < 10_000_000  # the compressed file and read buffers, not the gibibyte


def test_a_truncated_gzip_is_refused(tmp_path):
    data = gzip.compress(_header(0x08, 50, 28, 28) + _images(50, 28, 28).tobytes())
    (tmp_path / "cut.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(
        IDXError, match=r"^cut\.gz: the compressed data is damaged \(it is cut short\)$"
    ):
        read_idx(tmp_path / "cut.gz")


def test_a_gzip_body_shorter_than_promised_gives_the_numbers(tmp_path):
    (tmp_path / "short.gz").write_bytes(gzip.compress(_header(0x08, 2, 28, 28) + bytes(1000)))
    with pytest.raises(IDXError) as caught:
        read_idx(tmp_path / "short.gz")
    assert str(caught.value) == (
        "short.gz: the header promises 2 images of 28×28 = 1,568 bytes but the file holds 1,000"
    )


def test_damaged_gzip_data_is_refused(tmp_path):
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(6) + b"\xff" * 40)
    with pytest.raises(IDXError, match=r"^bad\.gz: the compressed data is damaged \("):
        read_idx(tmp_path / "bad.gz")


@pytest.mark.parametrize("name", ["a.idx", "a.idx.gz"])
def test_a_lower_limit_is_honoured_and_explained_by_the_header(tmp_path, name):
    rng = np.random.default_rng(1)
    write_idx(tmp_path / name, rng.integers(0, 256, (100, 28, 28), dtype=np.uint8))
    with pytest.raises(IDXError) as caught:
        read_idx(tmp_path / name, limit=10_000)
    assert str(caught.value) == (
        f"{name}: the header promises 100 images of 28×28 = 78,400 bytes, "
        "more than the limit of 10,000 bytes"
    )


def test_a_file_far_longer_than_its_header_promises_is_refused_unread(tmp_path):
    (tmp_path / "long").write_bytes(_header(0x08, 10) + bytes(10) + bytes(100_000))
    with pytest.raises(IDXError) as caught:
        read_idx(tmp_path / "long", limit=20_000)
    assert str(caught.value) == (
        "long: the header promises 10 labels = 10 bytes but the file holds more"
    )


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(IDXError) as caught:
        read_idx(tmp_path)
    assert "this is a folder, not a file" in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(IDXError) as caught:
        read_idx(tmp_path / "pipe")
    assert str(caught.value) == "pipe: this is a named pipe, not a file; it is not read"


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(IDXError, match=r"^nothing: cannot read the file"):
        read_idx(tmp_path / "nothing")


def test_an_empty_file_is_refused(tmp_path):
    (tmp_path / "empty").write_bytes(b"")
    with pytest.raises(IDXError, match=r"^empty: 0 bytes is too short"):
        read_idx(tmp_path / "empty")


def test_write_refuses_what_idx_cannot_hold(tmp_path):
    with pytest.raises(ValueError):
        write_idx(tmp_path / "x", np.zeros(3, dtype=np.uint64))
    with pytest.raises(ValueError):
        write_idx(tmp_path / "x", np.zeros((1,) * 5, dtype=np.uint8))

"""CSV import: what a user's table becomes, and clear errors for every bad table."""

import os
import tracemalloc

import numpy as np
import pytest

from neurongui.engine import CSVError, csvimport, load_csv
from neurongui.engine.csvimport import parse_csv


def test_text_labels_make_a_multiclass_task_with_standardised_features(tmp_path):
    path = tmp_path / "flowers.csv"
    path.write_text("length,width,kind\n1,10,a\n2,20,b\n3,30,c\n4,40,a\n", encoding="utf-8")
    ds = load_csv(path)
    assert ds.name == "flowers" and ds.task == "multiclass"
    assert ds.feature_names == ("length", "width") and ds.class_names == ("a", "b", "c")
    assert ds.Y.tolist() == [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]
    assert np.allclose(ds.X.mean(axis=0), 0) and np.allclose(ds.X.std(axis=0), 1)
    assert np.allclose(
        ds.X * ds.feature_std + ds.feature_mean, [[1, 10], [2, 20], [3, 30], [4, 40]]
    )


def test_two_labels_make_a_binary_task_and_reals_a_regression():
    binary = parse_csv("x,y\n1,0\n2,1\n3,1\n")
    assert binary.task == "binary" and binary.Y[:, 0].tolist() == [0, 1, 1]
    regression = parse_csv("x,y\n1,0.5\n2,1.25\n3,-2\n")
    assert regression.task == "regression" and regression.Y[:, 0].tolist() == [0.5, 1.25, -2]


def test_semicolons_byte_order_mark_and_named_target():
    ds = parse_csv("\ufeffa;b;c\n1;2;3\n4.5;5;6\n7;8;3\n".encode(), target="a")
    assert ds.feature_names == ("b", "c") and ds.task == "regression"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("a,b\n", "no data rows"),
        ("only\n1\n2\n", "at least two columns"),
        ("a,b,c\n1,2,3\n4,5\n", "row 3: 2 cells, but the header has 3 columns"),
        ("a,b,c\n1,2,0\n4,five,1\n", "row 3, column 2 \\('b'\\): 'five' is not a number"),
        ("a,b\n1,0\nnan,1\n", "row 3, column 1 \\('a'\\): 'nan' is not a finite number"),
        ("a,b\n1,0\n,1\n", "row 3, column 1 \\('a'\\): the cell is empty"),
        ("a,b\n1,0.5\n2,inf\n", "row 3, column 2 \\('b'\\): 'inf' is not a finite number"),
        ("a,b\n1,x\n2,x\n", "only one class"),
    ],
)
def test_bad_tables_name_the_row_and_column(text, expected):
    with pytest.raises(CSVError, match=expected):
        parse_csv(text.encode())


def test_binary_files_are_refused():
    with pytest.raises(CSVError, match="binary file"):
        parse_csv(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_more_than_the_cell_limit_is_refused(monkeypatch):
    monkeypatch.setattr(csvimport, "MAX_CELLS", 10)
    rows = "".join(f"{i},{i}\n" for i in range(10))
    with pytest.raises(CSVError, match="more than 10 cells"):
        parse_csv("a,b\n" + rows)


def test_sixty_million_cells_is_the_documented_limit():
    assert csvimport.MAX_CELLS == 60_000_000


def test_csv_error_is_a_value_error_and_unreadable_files_are_reported(tmp_path):
    assert issubclass(CSVError, ValueError)
    with pytest.raises(CSVError, match="cannot read"):
        load_csv(tmp_path / "missing.csv")


def test_special_files_are_refused_without_reading(tmp_path):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)  # nobody writes: opening it for reading would block forever
    with pytest.raises(CSVError, match="this is a named pipe, not a file"):
        load_csv(pipe)
    with pytest.raises(CSVError, match="this is a folder, not a file"):
        load_csv(tmp_path)
    tracemalloc.start()
    try:
        with pytest.raises(CSVError, match="this is a device, not a file"):
            load_csv("/dev/zero")  # once read until 2.6 GB and MemoryError
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b\n1e308,0\n-1e308,1\n", r"row 2, column 1 \('a'\): '1e308' is too large"),
        ("a,b\n1,1e200\n2,0.5\n3,1\n", r"row 2, column 2 \('b'\): '1e200' is too large"),
    ],
)
def test_numbers_too_large_to_standardise_are_refused(text, expected):
    with pytest.raises(CSVError, match=expected):
        parse_csv(text)


def test_large_but_allowed_features_standardise_to_finite_inputs():
    ds = parse_csv("a,b\n1e150,0\n-1e150,1\n1e149,1\n")
    assert np.isfinite(ds.X).all() and np.allclose(ds.X.mean(axis=0), 0)


# -- streaming: big tables, progress, cancel ------------------------------------------


def _table(rows: int, columns: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, str]:
    rng = np.random.default_rng(seed)
    X = np.round(rng.normal(size=(rows, columns)) * 100, 3)
    y = rng.integers(0, 3, size=rows)
    lines = [",".join([f"f{j}" for j in range(columns)] + ["label"])]
    lines += [",".join(map(repr, X[i].tolist())) + f",{y[i]}" for i in range(rows)]
    return X, y, "\n".join(lines) + "\n"


def test_a_big_table_read_in_pieces_gives_the_numbers_of_the_text(tmp_path, monkeypatch):
    monkeypatch.setattr(csvimport, "_CHUNK", 4096)  # many pieces, lines split across them
    X, y, text = _table(3000, 40)
    path = tmp_path / "big.csv"
    path.write_text(text, encoding="utf-8")
    seen: list[float] = []
    ds = load_csv(path, progress=seen.append)
    assert ds.n_samples == 3000 and ds.task == "multiclass" and ds.image_shape is None
    assert ds.labels().tolist() == y.tolist()
    # The raw numbers come back exactly; standardised as NumPy would.
    assert np.allclose(ds.X * ds.feature_std + ds.feature_mean, X, rtol=1e-13, atol=1e-12)
    assert np.allclose(ds.feature_mean, X.mean(axis=0), rtol=1e-14)
    assert np.allclose(ds.feature_std, X.std(axis=0), rtol=1e-12)
    assert np.allclose(ds.X, (X - X.mean(axis=0)) / X.std(axis=0), rtol=1e-11, atol=1e-12)
    assert len(seen) > 100 and seen == sorted(seen) and seen[-1] == 1.0


def test_cancelling_stops_the_import_with_nothing_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(csvimport, "_CHUNK", 4096)
    _, _, text = _table(2000, 20)
    path = tmp_path / "big.csv"
    path.write_text(text, encoding="utf-8")
    seen: list[float] = []
    with pytest.raises(csvimport.CSVCancelled):
        load_csv(path, progress=seen.append, cancelled=lambda: len(seen) >= 3)
    assert 0 < seen[-1] < 0.5


def test_a_utf8_error_past_the_first_piece_names_its_byte(monkeypatch):
    monkeypatch.setattr(csvimport, "_CHUNK", 64)
    text = b"a,b\n" + b"1,0\n" * 40 + b"2,\xff\n"
    with pytest.raises(CSVError, match=f"byte {len(text) - 2}"):
        parse_csv(text)


def test_errors_deep_in_a_big_table_name_their_row(monkeypatch):
    monkeypatch.setattr(csvimport, "_CHUNK", 64)
    rows = "".join(f"{i},{i % 2}\n" for i in range(500))
    with pytest.raises(CSVError, match=r"row 502, column 1 \('a'\): 'x' is not a number"):
        parse_csv("a,b\n" + rows + "x,1\n")
    with pytest.raises(CSVError, match=r"row 502, column 1 \('a'\): '1e200' is too large"):
        parse_csv("a,b\n" + rows + "1e200,1\n")


def test_square_tables_of_bytes_are_images_kept_as_uint8():
    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, size=(5, 256))
    header = ",".join([f"p{i}" for i in range(256)] + ["digit"])
    rows = "".join(",".join(map(str, p)) + f",{i % 3}\n" for i, p in enumerate(pixels))
    ds = parse_csv(header + "\n" + rows)
    assert ds.image_shape == (16, 16) and ds.X.dtype == np.uint8
    assert np.array_equal(ds.X, pixels) and ds.feature_mean is None
    # Not whole numbers, or not square: standardised as before.
    assert parse_csv(header + "\n" + rows.replace(",0,", ",0.5,", 1)).image_shape is None
    small = "a,b,c,d,y\n" + "".join(f"{i},{i},{i},{i},{i % 2}\n" for i in range(4))
    assert parse_csv(small).image_shape is None


def test_a_full_mnist_sized_table_stays_within_twice_its_float_array(tmp_path):
    # MNIST's width, fractions (the standardised path); the whole MNIST is measured
    # in the report: 70,000 rows peak at 1.14 times the float array.
    rng = np.random.default_rng(2)
    rows, columns = 1500, 784
    values = rng.integers(0, 256, size=(rows, columns)) / 4
    path = tmp_path / "tenth.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write(",".join([f"p{i}" for i in range(columns)] + ["label"]) + "\n")
        for i in range(rows):
            out.write(",".join(map(str, values[i].tolist())) + f",{i % 10}\n")
    tracemalloc.start()
    try:
        ds = load_csv(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ds.X.shape == (rows, columns) and ds.image_shape is None
    # Twice the float array, plus the few megabytes of text being read.
    assert peak < 2 * rows * columns * 8 + 4 * 2**20, peak

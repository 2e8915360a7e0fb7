"""The ``idx_files`` of a document: read back as saved, every field checked, valid
against the published schema, and ignored by the settings (old readers skip it)."""

from __future__ import annotations

import json

import pytest

from neurongui.engine import Network
from neurongui.engine.documentfile import IDXSource, parse_idx_source, parse_training
from neurongui.engine.errors import NetworkFileError
from neurongui.engine.fileformat import network_to_json

jsonschema = pytest.importorskip("jsonschema")


def _schema():
    from importlib.resources import files

    text = files("neurongui.engine").joinpath("schemas/network-v2.schema.json").read_text()
    return json.loads(text)


FASHION = IDXSource(
    "/data/fashion/train-images-idx3-ubyte.gz",
    "/data/fashion/train-labels-idx1-ubyte.gz",
    "/data/fashion/t10k-images-idx3-ubyte.gz",
    "/data/fashion/t10k-labels-idx1-ubyte.gz",
    class_names=("T-shirt/top", "Trouser"),
)


@pytest.mark.parametrize(
    "source",
    [
        FASHION,
        IDXSource("a.gz", "b.gz"),
        IDXSource("a.gz", "b.gz", "c.gz", "d.gz", download="mnist"),
    ],
)
def test_a_source_reads_back_as_saved_and_satisfies_the_schema(source):
    training = {"dataset": "fashion", "idx_files": source.to_dict()}
    assert parse_idx_source(training) == source
    config, history, csv_path = parse_training(training)
    assert config.dataset == "fashion" and csv_path is None and history == []
    document = json.loads(network_to_json(Network([2, 1]), training))
    jsonschema.validate(document, _schema())


@pytest.mark.parametrize(
    ("idx_files", "expected"),
    [
        ([], "training.idx_files: expected an object, got a list"),
        ({"train_labels": "b"}, "training.idx_files.train_images: expected the path of a file"),
        ({"train_images": "", "train_labels": "b"}, "train_images: expected the path"),
        ({"train_images": "a", "train_labels": "b", "test_images": "c"}, "come as a pair"),
        ({"train_images": "a", "train_labels": "b", "class_names": []}, "class_names: expected"),
        ({"train_images": "a", "train_labels": "b", "class_names": [3]}, "class_names: expected"),
        ({"train_images": "a", "train_labels": "b", "download": "cifar"}, "download: expected"),
    ],
)
def test_a_wrong_source_names_its_field(idx_files, expected):
    with pytest.raises(NetworkFileError, match=expected):
        parse_idx_source({"idx_files": idx_files})


def test_no_source_is_none():
    assert parse_idx_source(None) is None and parse_idx_source({"csv_path": "x.csv"}) is None

"""Network files: exact round trips, atomic saves, and every kind of bad file refused."""

import dataclasses
import json
import os
import pickle
import random
import threading
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurongui.engine import (
    Network,
    NetworkFileError,
    fileformat,
    load_network,
    read_network_file,
    safeio,
    save_network,
)
from neurongui.engine.documentfile import parse_training


def _net():
    net = Network([3, 4, 2], activations=[{"name": "prelu", "alpha": 0.1}, "softmax"], seed=3)
    net.layers[0].alpha[2] = 0.4
    return net


def _doc(net=None):
    return (net or Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)).to_dict()


def _write(tmp_path, data, name="net.json"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return path


def test_round_trip_is_bit_exact(tmp_path):
    net = _net()
    net.input_names = ["sepal", "petal", "長さ"]
    save_network(net, tmp_path / "a.json", training={"learning_rate": 0.03})
    back, training = read_network_file(tmp_path / "a.json")
    assert np.array_equal(back.parameters, net.parameters)
    assert back.to_dict() == net.to_dict()
    assert back.input_names == ["sepal", "petal", "長さ"]
    assert training == {"learning_rate": 0.03}
    assert [layer.activation.name for layer in back.layers] == ["prelu", "softmax"]


def test_to_dict_from_dict_round_trip():
    net = Network([2, 5, 3, 1], ["leaky_relu", "rrelu", "identity"], init="he", seed=9)
    again = Network.from_dict(json.loads(json.dumps(net.to_dict())))
    assert again.to_dict() == net.to_dict()


def test_save_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "net.json"
    save_network(_net(), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileformat.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_network(Network([2, 1], "sigmoid", seed=1), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]  # no temp file left


def test_version_1_files_migrate_forward(tmp_path):
    old = {
        "format": "neurongui.network",
        "version": 1,
        "sizes": [2, 2, 1],
        "activations": ["tanh", "sigmoid"],
        "weights": [[[1, 2], [3, 4]], [[5, 6]]],
        "biases": [[0.5, -0.5], [1]],
    }
    net = load_network(_write(tmp_path, old))
    assert net.get_weight(0, 1, 0) == 3.0 and net.get_bias(1, 0) == 1.0
    assert net.to_dict()["version"] == 2


def _with_number(text):
    """The JSON of a small network whose first weight is written as ``text``."""
    return (
        json.dumps(_corrupt(["layers", 0, "weights", 0, 0], 12345.5))
        .replace("12345.5", text)
        .encode()
    )


def _corrupt(path_in_doc, value):
    doc = _doc()
    target = doc
    for key in path_in_doc[:-1]:
        target = target[key]
    target[path_in_doc[-1]] = value
    return doc


BAD_DOCUMENTS = {
    "wrong format": ({**_doc(), "format": "other"}, "not a NeuronGUI network"),
    "future version": ({**_doc(), "version": 99}, "newer NeuronGUI"),
    "missing layers": ({k: v for k, v in _doc().items() if k != "layers"}, "'layers' is missing"),
    "weights of wrong shape": (_corrupt(["layers", 0, "weights"], [[1.0, 2.0]]), "3 rows"),
    "a string weight": (_corrupt(["layers", 1, "biases"], ["x"]), "layers[1].biases[0]"),
    "unknown activation": (_corrupt(["layers", 0, "activation"], {"name": "os.system"}), "unknown"),
    "activation parameter not allowed": (
        _corrupt(["layers", 0, "activation"], {"name": "tanh", "slope": 2}),
        "takes no parameter",
    ),
    "a billion neurons": (_corrupt(["layers", 0, "size"], 10**9), "a layer has 1 to"),
    "negative size": (_corrupt(["inputs", "size"], -2), "inputs.size: -2 neurons"),
    "softmax in a hidden layer": (
        _corrupt(["layers", 0, "activation"], {"name": "softmax"}),
        "only allowed in the output layer",
    ),
    "top level list": ([1, 2, 3], "JSON object"),
}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_bad_documents_raise_a_located_error(tmp_path, case):
    doc, expected = BAD_DOCUMENTS[case]
    with pytest.raises(NetworkFileError) as info:
        load_network(_write(tmp_path, doc))
    message = str(info.value)
    assert "net.json" in message
    assert expected in message


def test_a_billion_neurons_are_refused_before_allocating(tmp_path):
    doc = _doc()
    doc["layers"][0]["size"] = 10**9  # the weights list is still tiny: nothing is allocated
    with pytest.raises(NetworkFileError, match="1,000,000,000 neurons"):
        load_network(_write(tmp_path, doc))


def test_too_many_parameters_in_total(tmp_path):
    doc = _doc()
    doc["inputs"]["size"] = 50_000
    doc["layers"][0]["size"] = 50_000
    with pytest.raises(NetworkFileError, match="parameters; at most 2,000,000"):
        load_network(_write(tmp_path, doc))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "empty"),
        (b'{"format": "neurongui.network", "version": 2, "lay', "not valid JSON at line 1"),
        (pickle.dumps({"a": 1}), "pickle"),
        (bytes(range(256)) * 4, "binary"),
        (b"\xff\xfe{}", "not UTF-8"),
        (_with_number("NaN"), "NaN is not a finite number"),
        (_with_number("-Infinity"), "Infinity"),
        (_with_number("1e999"), r"weights\[0\]\[0\]: inf is not a finite number"),
        (b'{"format": "a", "format": "b"}', "appears twice"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_bad_bytes_raise_network_file_error(tmp_path, raw, expected):
    with pytest.raises(NetworkFileError, match=expected):
        load_network(_write(tmp_path, raw))


def test_huge_files_are_refused_by_size(tmp_path, monkeypatch):
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 1000)
    path = _write(tmp_path, b" " * 2000)
    with pytest.raises(NetworkFileError, match="larger than"):
        load_network(path)


def test_a_100_mb_file_is_refused(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:  # sparse: costs no disk
        handle.truncate(100 * 2**20)
    with pytest.raises(NetworkFileError, match="100 MB is larger than the 64 MB limit"):
        load_network(path)


def test_missing_file(tmp_path):
    with pytest.raises(NetworkFileError, match="cannot read"):
        load_network(tmp_path / "nope.json")


def test_network_file_error_is_a_value_error():
    assert issubclass(NetworkFileError, ValueError)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_corruption_gives_a_network_or_network_file_error(data):
    raw = bytearray(json.dumps(_net().to_dict()).encode())
    for _ in range(data.draw(st.integers(1, 5))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if kind == "flip" and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[pos:]
        else:
            raw[pos:pos] = data.draw(st.binary(max_size=8))
    try:
        net, _ = fileformat.network_from_json(bytes(raw))
    except NetworkFileError as exc:
        assert str(exc)
    else:
        assert np.isfinite(net.parameters).all()


def test_saved_files_get_normal_permissions_not_private_temp_ones(tmp_path):
    path = tmp_path / "net.json"
    save_network(_net(), path)
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    path.chmod(0o640)
    save_network(_net(), path)
    assert path.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode


# -- huge numbers, text that cannot be saved, special files, temporaries (issue 14) ------


@pytest.mark.parametrize(
    ("where", "digits"),
    [
        (["layers", 0, "weights", 1, 0], 400),  # a weight
        (["layers", 0, "biases", 0], 5000),  # past Python's 4,300-digit limit
        (["training", "learning_rate"], 400),
    ],
)
def test_huge_whole_numbers_are_refused_with_their_place(tmp_path, where, digits):
    if where[0] == "training":
        doc = {**_doc(), "training": {"learning_rate": 424242.5}}
    else:
        doc = _corrupt(where, 424242.5)
    raw = json.dumps(doc, indent=1).replace("424242.5", "9" * digits).encode()
    with pytest.raises(NetworkFileError) as info:
        read_network_file(_write(tmp_path, raw))
    message = str(info.value)
    assert message.startswith("net.json: line ")
    assert f"a whole number of {digits:,} digits is too large" in message
    assert "int_max_str_digits" not in message


def test_a_huge_activation_slope_is_refused(tmp_path):
    doc = _corrupt(["layers", 0, "activation"], {"name": "leaky_relu", "slope": 424242.5})
    raw = json.dumps(doc).replace("424242.5", "1" + "0" * 320).encode()
    with pytest.raises(NetworkFileError, match="321 digits"):
        load_network(_write(tmp_path, raw))


def test_long_but_float_sized_whole_numbers_still_load(tmp_path):
    raw = _with_number("1" + "0" * 300)
    assert load_network(_write(tmp_path, raw)).get_weight(0, 0, 0) == 1e300


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, r"layers\[0\].weights\[0\]\[1\]: expected a number, got true/false"),
        ("0.5", r"layers\[0\].weights\[0\]\[1\]: expected a number, got the text '0.5'"),
        (None, r"layers\[0\].weights\[0\]\[1\]: expected a number, got null"),
        ([1.0], r"layers\[0\].weights\[0\]\[1\]: expected a number, got a list"),
    ],
)
def test_a_bad_weight_among_many_is_found_and_named(tmp_path, value, expected):
    doc = _corrupt(["layers", 0, "weights", 0, 1], value)
    with pytest.raises(NetworkFileError, match=expected):
        load_network(_write(tmp_path, doc))


def test_number_subclasses_from_scripts_are_accepted_and_huge_ints_refused():
    doc = _doc()
    doc["layers"][0]["weights"][0][0] = np.float64(0.25)
    assert Network.from_dict(doc).get_weight(0, 0, 0) == 0.25
    doc["layers"][0]["weights"][0][0] = 10**400
    with pytest.raises(NetworkFileError, match=r"weights\[0\]\[0\]: the number is too large"):
        Network.from_dict(doc)


def test_a_lone_surrogate_in_a_name_is_refused_on_load(tmp_path):
    doc = _doc()
    doc["inputs"]["names"] = ["ok", "\ud800"]
    raw = json.dumps(doc).encode()  # ensure_ascii writes it as the escape \ud800
    with pytest.raises(NetworkFileError, match=r"inputs.names\[1\]: .*not valid Unicode"):
        load_network(_write(tmp_path, raw))
    doc["inputs"]["names"] = ["ok", "\ud83d\ude00"]  # a proper pair is an emoji
    assert load_network(_write(tmp_path, json.dumps(doc).encode())).input_names[1] == "😀"


def test_a_network_that_cannot_be_encoded_is_refused_before_writing(tmp_path):
    net = Network([2, 1], "sigmoid", seed=0)
    net.input_names = ["ok", "bad\udc80"]
    with pytest.raises(NetworkFileError, match=r"inputs.names\[1\]"):
        save_network(net, tmp_path / "net.json")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def fifo(tmp_path):
    """A named pipe; if a reader ever blocks on it, a writer comes by to end the test."""
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    done = threading.Event()

    def rescue():
        while not done.wait(0.5):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass  # no reader is waiting: good

    thread = threading.Thread(target=rescue, daemon=True)
    thread.start()
    yield path
    done.set()
    thread.join()


def test_a_named_pipe_is_refused_without_reading(fifo):
    with pytest.raises(NetworkFileError, match=r"pipe\.json: this is a named pipe, not a file"):
        load_network(fifo)


def test_a_device_and_a_folder_are_refused_in_bounded_memory(tmp_path):
    tracemalloc.start()
    try:
        with pytest.raises(NetworkFileError, match="zero: this is a device, not a file"):
            load_network("/dev/zero")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20
    with pytest.raises(NetworkFileError, match="this is a folder, not a file"):
        load_network(tmp_path)


def test_a_file_growing_past_its_size_is_read_only_to_the_limit(tmp_path, monkeypatch):
    path = _write(tmp_path, b" " * 5000)
    real_fstat = os.fstat

    def lying_fstat(fd):  # a file that grows after stat, or a size that lies
        info = real_fstat(fd)
        return os.stat_result((*info[:6], 10, *info[7:]))

    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(safeio.os, "fstat", lying_fstat)
    with pytest.raises(NetworkFileError, match="larger than"):
        load_network(path)


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_save_removes_its_own_stale_temporaries_and_nothing_else(tmp_path):
    target = tmp_path / "net.json"
    stale = [tmp_path / ".net.json.k2j8x_1q.tmp", tmp_path / ".net.json.abc12345.tmp"]
    keep = [
        tmp_path / ".net.json.fresh123.tmp",  # a save under way elsewhere
        tmp_path / ".other.json.k2j8x_1q.tmp",  # another file's
        tmp_path / "net.json.k2j8x_1q.tmp",  # not hidden: not ours
        tmp_path / ".net.json.tmp",
        tmp_path / "notes.txt",
    ]
    for path in stale + keep:
        path.write_text("x")
        if path.name != ".net.json.fresh123.tmp":
            _age(path, 3600)
    save_network(_net(), target)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {p.name for p in keep} | {"net.json"}


def test_a_killed_save_leaves_a_recognisable_temporary(tmp_path, monkeypatch):
    def killed(src, dst):
        raise KeyboardInterrupt  # BaseException: cleanup still runs...

    monkeypatch.setattr(fileformat.os, "replace", killed)
    monkeypatch.setattr(safeio, "_unlink_quietly", lambda path: None)  # ...as if SIGKILLed
    with pytest.raises(KeyboardInterrupt):
        save_network(_net(), tmp_path / "net.json")
    monkeypatch.undo()
    (leftover,) = tmp_path.iterdir()
    assert leftover.name.startswith(".net.json.") and leftover.name.endswith(".tmp")
    _age(leftover, 60)
    save_network(_net(), tmp_path / "net.json")
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]


# -- mutation fuzzing of the shipped examples --------------------------------------------

EXAMPLES = sorted((Path(__file__).parents[2] / "resources" / "examples").glob("*.json"))
_HUGE, _DUP = "@@huge@@", "@@dup@@"
SWAPS = [
    str,
    lambda v: [v],
    lambda v: {"x": v},
    lambda v: None,
    lambda v: _HUGE,
    lambda v: 1e308,
    lambda v: -0.0,
    lambda v: True,
    lambda v: 2**31,
    lambda v: -1,
    lambda v: 10**400,
    lambda v: 0.5,
    lambda v: "tanh",
    lambda v: "\ud800",
]


def _nodes(value, path=()):
    """Every place in ``value``: (path, is a number inside a list)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), False
            yield from _nodes(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield (*path, i), isinstance(item, (int, float))
            yield from _nodes(item, (*path, i))


def mutate(text, rng):
    """``text`` (a JSON document) with one to three seeded mutations, as bytes."""
    data = json.loads(text)
    extra = []
    for _ in range(rng.randint(1, 3)):
        nodes = list(_nodes(data))
        structural = [p for p, in_list in nodes if not in_list]
        pool = structural if structural and rng.random() < 0.7 else [p for p, _ in nodes]
        if not pool:
            break
        path = rng.choice(pool)
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        key, kind = path[-1], rng.random()
        if kind < 0.15 and isinstance(parent, dict):
            del parent[key]
        elif kind < 0.25 and isinstance(parent, dict):
            parent[_DUP] = parent[key]
            extra.append(key)
        else:
            parent[key] = rng.choice(SWAPS)(parent[key])
    raw = json.dumps(data)
    raw = raw.replace(f'"{_HUGE}"', "9" * rng.choice([20, 320, 5000]))
    for key in extra:
        raw = raw.replace(f'"{_DUP}"', json.dumps(str(key)), 1)
    raw = raw.encode()
    if rng.random() < 0.2:  # damage the bytes too
        raw = bytearray(raw)
        if rng.random() < 0.5:
            del raw[rng.randrange(len(raw)) :]
        else:
            for _ in range(rng.randint(1, 4)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
        raw = bytes(raw)
    return raw


def _load_all(raw):
    """Network and parsed training (settings, history, CSV path) of a document's bytes."""
    net, training = fileformat.network_from_json(raw)
    return net, parse_training(training)


def _resave(net, parsed):
    config, history, csv_path = parsed
    training = config.to_dict() if config else {}
    if history:
        training["history"] = [dataclasses.asdict(r) for r in history]
    if csv_path:
        training["csv_path"] = csv_path
    return fileformat.network_to_json(net, training)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_mutated_examples_load_completely_or_raise_network_file_error(example):
    assert example.exists()
    text = example.read_text(encoding="utf-8")
    rng = random.Random(f"issue14-{example.stem}")
    outcomes = {"loaded": 0, "refused": 0}
    for _ in range(60):
        raw = mutate(text, rng)
        try:
            net, parsed = _load_all(raw)
        except NetworkFileError as exc:
            assert str(exc)
            outcomes["refused"] += 1
            continue
        outcomes["loaded"] += 1
        again_net, again = _load_all(_resave(net, parsed))  # what loads saves, and reloads
        assert again_net.to_dict() == net.to_dict()
        assert again == parsed
    assert outcomes["loaded"] and outcomes["refused"]  # the fuzzing reaches both sides

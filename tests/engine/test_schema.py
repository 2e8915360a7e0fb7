"""The published JSON Schema of network files (issue 19): a valid draft 2020-12 schema
that states the engine's limits, that every file NeuronGUI writes satisfies, and that
agrees with the loader on mutated files except for the differences docs/file-format.md
lists (rules a schema cannot state, and what the loader reads leniently)."""

import dataclasses
import json
import random
import re
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fileformat import EXAMPLES, _load_all, mutate

from neurongui.engine import Network, NetworkFileError, activations, losses, optimizers, safejson
from neurongui.engine.config import LIMITS, TrainingConfig
from neurongui.engine.datasets import names as dataset_names
from neurongui.engine.documentfile import MAX_EPOCH, MAX_HISTORY, MAX_PATH_LENGTH
from neurongui.engine.fileformat import network_to_json
from neurongui.engine.metrics import EpochRecord
from neurongui.engine.network import INITIALIZERS
from neurongui.engine.pointfile import MAX_ADDED, MAX_POINTS
from neurongui.engine.schemas import network_schema, network_schema_text
from neurongui.engine.state import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_LAYER_SIZE,
    MAX_LAYERS,
    MAX_NAME_LENGTH,
)
from neurongui.engine.trainer import REGULARIZATIONS

SCHEMA = network_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
DOC = Path(__file__).parents[2] / "docs" / "file-format.md"


def _errors(data):
    """The schema's complaints about ``data``, as (place, message), place as the loader
    writes it (``layers[0].weights[2]``)."""
    return [(_place(e.absolute_path), e.message) for e in VALIDATOR.iter_errors(data)]


def _place(path):
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return text.lstrip(".")


def _loader_refusal(raw):
    """The loader's message for the bytes of a document, or None if it loads it all."""
    try:
        _load_all(raw)
    except NetworkFileError as exc:
        return str(exc)
    return None


# -- the schema itself ---------------------------------------------------------------


def test_the_schema_is_valid_draft_2020_12_with_an_id_and_a_title():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == f"urn:neurongui:network-file:{FORMAT_VERSION}"
    assert SCHEMA["title"] == "NeuronGUI network file, version 2"
    assert json.loads(network_schema_text(2)) == SCHEMA
    with pytest.raises(FileNotFoundError):
        network_schema(1)  # version 1 files are converted on opening, not published


def _fields(schema, where="#"):
    """(place, subschema) of every named field: each entry of every ``properties``,
    except in ``if`` (a condition, not a field)."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "if":
                continue
            if key == "properties":
                for name, sub in value.items():
                    if sub is not True:
                        yield f"{where}/{name}", sub
                        yield from _fields(sub, f"{where}/{name}")
            else:
                yield from _fields(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for item in schema:
            yield from _fields(item, where)


def test_every_field_is_described_for_a_reader():
    def described(sub):
        ref = sub.get("$ref", "")
        target = SCHEMA["$defs"].get(ref.rpartition("/")[2], {}) if ref else {}
        return bool(sub.get("description") or target.get("description"))

    fields = list(_fields(SCHEMA))
    assert len(fields) > 30  # the walk found the fields
    undescribed = [where for where, sub in fields if not described(sub)]
    assert not undescribed
    assert all(definition.get("description") for definition in SCHEMA["$defs"].values())


def _activation_parameters():
    """{name: parameters} as the schema's activation branches state them."""
    branches = SCHEMA["$defs"]["activation"]["anyOf"][1]["allOf"]
    out = {}
    for branch in branches:
        name = branch["if"]["properties"]["name"].get("const")
        if name:
            out[name] = tuple(p for p in branch["then"]["properties"] if p != "name")
    return out


def test_the_schema_states_the_limits_and_names_the_engine_uses():
    top, defs = SCHEMA["properties"], SCHEMA["$defs"]
    assert top["format"]["const"] == FORMAT_NAME
    assert top["version"]["const"] == FORMAT_VERSION
    assert top["layers"]["maxItems"] == MAX_LAYERS
    assert (defs["layer_size"]["minimum"], defs["layer_size"]["maximum"]) == (1, MAX_LAYER_SIZE)
    names = top["inputs"]["properties"]["names"]
    assert (names["items"]["minLength"], names["items"]["maxLength"]) == (1, MAX_NAME_LENGTH)
    assert defs["vector"]["maxItems"] == MAX_LAYER_SIZE
    assert defs["finite_number"]["maximum"] == sys.float_info.max
    assert defs["finite_number"]["minimum"] == -sys.float_info.max
    assert defs["activation_name"]["enum"] == activations.names()
    assert _activation_parameters() == activations.PARAMETERS

    training = defs["training"]["properties"]
    settings_ = {field.name for field in dataclasses.fields(TrainingConfig)}
    files = {"history", "csv_path", "idx_files", "points", "added_samples"}
    assert set(training) == settings_ | files
    assert defs["point_rows"]["maxItems"] == MAX_POINTS
    assert training["added_samples"]["properties"]["labels"]["maxItems"] == MAX_ADDED
    assert training["loss"]["enum"] == losses.names()
    assert training["optimizer"]["enum"] == optimizers.names()
    assert tuple(training["init"]["enum"]) == INITIALIZERS
    assert tuple(training["regularization"]["enum"]) == REGULARIZATIONS
    for name, (low, high) in LIMITS.items():
        # dropout: one rate, or one per hidden layer, each within the limits
        ranges = [r.get("items", r) for r in training[name].get("oneOf", [training[name]])]
        for r in ranges:
            assert (r["minimum"], r["maximum"]) == (low, high), name
    assert training["history"]["maxItems"] == MAX_HISTORY
    assert training["csv_path"]["maxLength"] == MAX_PATH_LENGTH
    assert defs["count"]["maximum"] == MAX_EPOCH
    record = defs["epoch_record"]
    assert set(record["properties"]) == {f.name for f in dataclasses.fields(EpochRecord)}
    assert set(record["required"]) == set(record["properties"]) - {"penalty"}


# -- what NeuronGUI writes, the schema accepts ---------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_shipped_example_satisfies_the_schema(example):
    assert _errors(json.loads(example.read_text(encoding="utf-8"))) == []


_NAME = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=MAX_NAME_LENGTH)
_EXTREMES = [sys.float_info.max, -sys.float_info.max, 5e-324, -0.0, 0.0]


@st.composite
def documents(draw):
    """A random valid network with random settings and history, as the app saves it."""
    sizes = draw(st.lists(st.integers(1, 5), min_size=2, max_size=5))
    names = [*activations.names()]
    specs = []
    for i in range(len(sizes) - 1):
        last = i == len(sizes) - 2
        name = draw(st.sampled_from(names if last else [n for n in names if n != "softmax"]))
        spec = {"name": name}
        if name == "leaky_relu":
            spec["slope"] = draw(st.floats(-10, 10))
        elif name == "rrelu":
            low, high = sorted(draw(st.lists(st.floats(0, 1), min_size=2, max_size=2)))
            spec.update(lower=low, upper=high)
        specs.append(spec)
    net = Network(sizes, specs, seed=draw(st.integers(0, 2**31 - 1)))
    net.input_names = draw(st.lists(_NAME, min_size=sizes[0], max_size=sizes[0]))
    layer = draw(st.sampled_from(net.layers))
    layer.weights[0, 0] = draw(st.sampled_from(_EXTREMES))
    config = TrainingConfig(
        dataset=draw(st.sampled_from(dataset_names())),
        learning_rate=draw(st.floats(*LIMITS["learning_rate"])),
        batch_size=draw(st.integers(*LIMITS["batch_size"])),
        regularization=draw(st.sampled_from(REGULARIZATIONS)),
        epoch_limit=draw(st.none() | st.integers(*LIMITS["epoch_limit"])),
        target_loss=draw(st.none() | st.floats(*LIMITS["target_loss"])),
    )
    training = config.to_dict()
    accuracy = st.none() | st.floats(0, 1)
    loss = st.floats(0, 1e300)
    epochs = sorted(draw(st.lists(st.integers(0, MAX_EPOCH), max_size=4)))
    history = [
        EpochRecord(e, e, draw(loss), draw(st.none() | loss), draw(accuracy), draw(accuracy))
        for e in epochs
    ]
    if history:
        training["history"] = [dataclasses.asdict(record) for record in history]
    if draw(st.booleans()):
        training["csv_path"] = draw(_NAME.filter(lambda path: "\x00" not in path))
    return network_to_json(net, training)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=documents())
def test_files_saved_from_random_networks_satisfy_the_schema(raw):
    assert _loader_refusal(raw) is None  # the strategy makes valid documents
    assert _errors(json.loads(raw)) == []


# -- the schema and the loader agree ----------------------------------------------------

#: What the loader refuses and the schema cannot state, by the loader's message; each
#: is a row of docs/file-format.md's table of differences.
BEYOND_THE_SCHEMA = {
    "a whole number written with a decimal point": (
        r"(integer|whole number).*(got|not) (the number )?-?\d+\.0\b"
    ),
    "shapes": r"expected \d+ rows|expected \d+ numbers, got \d+|expected a list of \d+ names",
    "softmax before the last layer": r"only allowed in the output layer",
    "the parameter total": r"parameters; at most",
    "rrelu's lower above its upper": r"needs lower <= upper",
    "history going back": r"comes after epoch",
}


def _beyond_the_schema(message):
    return [name for name, pattern in BEYOND_THE_SCHEMA.items() if re.search(pattern, message)]


def _doc():
    net = Network([2, 3, 2], [{"name": "rrelu"}, "softmax"], seed=0)
    history = [dataclasses.asdict(EpochRecord(e, 10 * e, 0.5, None, 0.5, None)) for e in (1, 2)]
    return net.to_dict({"learning_rate": 0.03, "history": history})


def _changed(edit):
    data = _doc()
    edit(data)
    return data


def _set(path, value):
    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


#: Files the schema accepts and the loader refuses: one for each rule above.
REFUSED_BEYOND_THE_SCHEMA = {
    "a whole number written with a decimal point": _set(["layers", 0, "size"], 3.0),
    "shapes": _set(["layers", 0, "weights"], [[1.0, 2.0]]),
    "softmax before the last layer": _set(["layers", 0, "activation"], "softmax"),
    "the parameter total": lambda d: (
        _set(["inputs", "size"], 50_000)(d),
        _set(["layers", 0, "size"], 50_000)(d),
    ),
    "rrelu's lower above its upper": _set(
        ["layers", 0, "activation"], {"name": "rrelu", "lower": 0.5, "upper": 0.1}
    ),
    "history going back": _set(["training", "history", 1, "epoch"], 0),
}


@pytest.mark.parametrize("rule", list(REFUSED_BEYOND_THE_SCHEMA))
def test_each_rule_beyond_the_schema_is_the_loaders(rule):
    data = _changed(REFUSED_BEYOND_THE_SCHEMA[rule])
    assert _errors(data) == []
    message = _loader_refusal(json.dumps(data).encode())
    assert message is not None
    assert _beyond_the_schema(message) == [rule]


def _version_1(data):
    data.clear()
    data.update(format=FORMAT_NAME, version=1, sizes=[2, 1], activations=["tanh"])
    data.update(weights=[[[1.0, 2.0]]], biases=[[0.0]])


#: Files the loader reads and the schema refuses (also rows of the table), with the
#: place the schema names.
READ_LENIENTLY = {
    "version 1, converted on opening": (_version_1, "version"),
}


@pytest.mark.parametrize("case", list(READ_LENIENTLY))
def test_what_the_loader_reads_leniently_the_schema_refuses(case):
    edit, place = READ_LENIENTLY[case]
    data = _changed(edit)
    assert _loader_refusal(json.dumps(data).encode()) is None
    assert place in [where for where, _ in _errors(data)]


#: Files both refuse, with the place the schema names: the schema states these rules.
REFUSED_BY_BOTH = {
    "an unknown activation": (
        _set(["layers", 0, "activation"], {"name": "os.system"}),
        "layers[0].activation",
    ),
    "a parameter the activation does not take": (
        _set(["layers", 1, "activation"], {"name": "softmax", "slope": 2}),
        "layers[1].activation",
    ),
    "no layers": (_set(["layers"], []), "layers"),
    "a name too long": (_set(["inputs", "names", 0], "x" * 201), "inputs.names[0]"),
    "a setting out of range": (_set(["training", "learning_rate"], 1000), "training.learning_rate"),
    "a record without its epoch": (
        lambda d: d["training"]["history"][0].pop("epoch"),
        "training.history[0]",
    ),
    "an accuracy above 1": (
        _set(["training", "history", 0, "train_accuracy"], 1.5),
        "training.history[0].train_accuracy",
    ),
    "an empty CSV path": (_set(["training", "csv_path"], ""), "training.csv_path"),
    "an activation parameter written as text": (
        _set(["layers", 0, "activation"], {"name": "leaky_relu", "slope": "0.5"}),
        "layers[0].activation",
    ),
    "an activation parameter written as true/false": (
        _set(["layers", 0, "activation"], {"name": "leaky_relu", "slope": True}),
        "layers[0].activation",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED_BY_BOTH))
def test_what_the_schema_states_both_refuse_at_the_same_place(case):
    edit, place = REFUSED_BY_BOTH[case]
    data = _changed(edit)
    refusal = _loader_refusal(json.dumps(data).encode())
    # The loader names the place, or the settings and the setting's name.
    assert place.startswith(refusal.split(": ")[0])
    assert place.rpartition(".")[2].split("[")[0] in refusal
    assert place in [where for where, _ in _errors(data)]


def test_numbers_beyond_a_float_are_refused_by_both():
    # 1e999 is read as infinity; the schema's bounds on every number refuse it.
    raw = json.dumps(_changed(_set(["layers", 0, "biases", 1], 12345.5)))
    raw = raw.replace("12345.5", "1e999").encode()
    assert "layers[0].biases[1]: inf is not a finite number" in _loader_refusal(raw)
    assert [where for where, _ in _errors(safejson.loads(raw.decode()))] == ["layers[0].biases[1]"]


def _agreement(example, count):
    """Tally the loader and the schema on ``count`` mutations of ``example``."""
    text = example.read_text(encoding="utf-8")
    rng = random.Random(f"issue19-{example.stem}")
    tally = {"not JSON": 0, "both accept": 0, "both refuse": 0}
    for _ in range(count):
        raw = mutate(text, rng)
        try:  # the schema applies to parsed JSON: the strict parser's refusals come first
            data = safejson.loads(raw.decode("utf-8-sig"))
        except (NetworkFileError, UnicodeDecodeError):
            tally["not JSON"] += 1
            continue
        refusal, errors = _loader_refusal(raw), _errors(data)
        if refusal is None and not errors:
            tally["both accept"] += 1
        elif refusal is not None and errors:
            tally["both refuse"] += 1
        elif refusal is not None:  # the schema accepts: a rule it cannot state
            (rule,) = _beyond_the_schema(refusal)
            tally[rule] = tally.get(rule, 0) + 1
        else:
            pytest.fail(f"the loader reads what the schema refuses: {errors[:2]}")
    return tally


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_schema_and_the_loader_agree_on_mutated_examples(example):
    tally = _agreement(example, 150 if example.stat().st_size < 20_000 else 50)
    assert tally["both accept"] and tally["both refuse"] >= 10
    agreed = tally["both accept"] + tally["both refuse"]
    parsed = sum(tally.values()) - tally["not JSON"]
    assert agreed >= 0.95 * parsed, tally


def test_a_mutated_file_is_refused_at_the_same_place_by_both():
    """Where both refuse, the schema names the place the loader names (or one inside
    or around it): its messages could point the student to the same spot."""
    (iris,) = [path for path in EXAMPLES if path.stem == "iris"]
    text = iris.read_text(encoding="utf-8")
    rng = random.Random("issue19-places")
    compared = 0
    for _ in range(200):
        raw = mutate(text, rng)
        try:
            data = safejson.loads(raw.decode("utf-8-sig"))
        except (NetworkFileError, UnicodeDecodeError):
            continue
        refusal, errors = _loader_refusal(raw), _errors(data)
        if refusal is None or not errors or ": " not in refusal:
            continue
        place = refusal.split(": ")[0]
        compared += 1
        near = [w for w, _ in errors if w and (place.startswith(w) or w.startswith(place))]
        assert near or place in ("training", "the network"), (refusal, errors[:3])
    assert compared > 30


def test_the_differences_are_documented():
    text = DOC.read_text(encoding="utf-8")
    for difference in [*BEYOND_THE_SCHEMA, *READ_LENIENTLY]:
        assert difference in text, difference

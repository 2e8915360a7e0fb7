"""Validating a network file: the hand-written validator next to JSON Schema validators.

Run ``python benchmarks/file_schema.py`` (``pip install jsonschema fastjsonschema`` for
the last two columns; a missing one is left out). For the largest networks a file may
hold (2,000,000 parameters: 998 inputs → 2,000 neurons, and 90,000 inputs → 22
neurons, many short rows and a few long ones) and for 784-128-10, it prints the
median of several runs of

* parse: reading the JSON text (:func:`neurongui.engine.safejson.loads`), which every
  way of validating needs first;
* parse_state: NeuronGUI's own validation (types, shapes, finiteness, limits);
* fastjsonschema and jsonschema: checking the parsed file against
  ``network-v2.schema.json`` (types, bounds, finiteness; not shapes);

and the peak of the memory each allocates (tracemalloc, in a separate run; left out
for jsonschema on the 2,000,000-parameter files, where tracing its many short-lived
objects takes minutes: it keeps none, the peak is below 0.1 MiB at 784-128-10).
The decision these figures led to is in ``docs/file-format.md``.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from neurongui.engine import Network, safejson
from neurongui.engine.fileformat import network_to_json
from neurongui.engine.schemas import network_schema
from neurongui.engine.state import parse_state

SHAPES = {
    "998-2000": ([998, 2000], "tanh"),
    "90000-22": ([90_000, 22], "tanh"),
    "784-128-10": ([784, 128, 10], ["relu", "softmax"]),
}


def _validators() -> dict[str, Callable[[Any], Any]]:
    """The schema validators that are installed, compiled once (as an app would)."""
    schema = network_schema()
    found: dict[str, Callable[[Any], Any]] = {}
    try:
        fastjsonschema = importlib.import_module("fastjsonschema")
        found["fastjsonschema"] = fastjsonschema.compile(schema)
    except ImportError:
        pass
    try:
        jsonschema = importlib.import_module("jsonschema")
        found["jsonschema"] = jsonschema.Draft202012Validator(schema).validate
    except ImportError:
        pass
    return found


def _median_time(call: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_mib(call: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    """Print the table described in the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    validators = _validators()
    print(f"{'network':<12}{'params':>11}{'MiB':>6}  method          seconds  peak MiB")
    for name, (sizes, acts) in SHAPES.items():
        raw = network_to_json(Network(sizes, acts, seed=0), {"learning_rate": 0.03})
        text = raw.decode()
        data = safejson.loads(text)
        params = sum(a * b + b for a, b in itertools.pairwise(sizes))
        methods: dict[str, Callable[[], Any]] = {
            "parse": lambda text=text: safejson.loads(text),
            "parse_state": lambda data=data: parse_state(data),
        }
        methods.update({key: (lambda v=v, data=data: v(data)) for key, v in validators.items()})
        for i, (method, call) in enumerate(methods.items()):
            slow = method == "jsonschema" and params > 1_000_000
            seconds = _median_time(call, 1 if slow else args.runs)
            peak = "-" if slow else f"{_peak_mib(call):.1f}"
            head = f"{name:<12}{params:>11,}{len(raw) / 2**20:>6.1f}" if i == 0 else " " * 29
            print(f"{head}  {method:<14}{seconds:>8.3f}{peak:>10}")


if __name__ == "__main__":
    main()

"""Write the example documents of File ▸ Examples (run from the repository root).

Each example is a network with the training settings that suit it, trained for a
few epochs where that makes the example more telling. Deterministic: the same
files come out every time.
"""

from __future__ import annotations

from pathlib import Path

from neurongui.documents import Document, save_document
from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.session import make_trainer, prepare_data

HERE = Path(__file__).resolve().parent


def _example(name: str, network: Network, config: TrainingConfig, epochs: int) -> None:
    trainer = make_trainer(network, prepare_data(config, network.input_names), config)
    for _ in range(epochs):
        trainer.epoch()
    save_document(HERE / f"{name}.json", Document(network, config, trainer.history), backup=False)


def main() -> None:
    _example(
        "single_neuron",
        Network([2, 1], "sigmoid", seed=1),
        TrainingConfig(
            dataset="and", loss="bce", learning_rate=0.5, batch_size=4, test_fraction=0.0
        ),
        0,
    )
    _example(
        "xor",
        # Untrained, so that the student watches the hidden layer solve XOR. Seed 2,
        # trained 20 epochs, sat in a plateau at 76 % accuracy for good.
        Network([2, 4, 1], ["tanh", "sigmoid"], seed=1),
        TrainingConfig(dataset="xor", loss="bce", optimizer="adam", learning_rate=0.03),
        0,
    )
    _example(
        "iris",
        Network(
            [4, 8, 3],
            ["tanh", "softmax"],
            seed=0,
            input_names=["sepal length", "sepal width", "petal length", "petal width"],
        ),
        TrainingConfig(
            dataset="iris",
            loss="cross_entropy",
            optimizer="adam",
            learning_rate=0.01,
            batch_size=16,
            test_fraction=0.3,
        ),
        30,
    )
    digit_names = [f"p{r}{c}" for r in range(8) for c in range(8)]
    _example(
        "digits",
        Network([64, 32, 10], ["relu", "softmax"], init="he", seed=0, input_names=digit_names),
        TrainingConfig(
            dataset="digits",
            loss="cross_entropy",
            optimizer="adam",
            learning_rate=0.005,
            batch_size=32,
            test_fraction=0.3,
        ),
        10,
    )


if __name__ == "__main__":
    main()

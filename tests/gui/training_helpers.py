"""Set-ups the training tests share (imported by them; pytest puts this folder on the path)."""


def use_xor(window) -> None:
    """XOR with 200 clean samples on a 2-4-1 tanh network that learns it (Adam, 0.03)."""
    from neurongui.engine import Network

    config = window.model.config.with_changes(
        dataset="xor", n_samples=200, optimizer="adam", learning_rate=0.03, noise=0.0
    )
    window.model.set_config(config)
    window.model.set_network(Network([2, 4, 1], ["tanh", "sigmoid"], seed=0), config)

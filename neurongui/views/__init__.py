"""Qt views of the model: canvas, inspector, training panel, charts, activation plots."""

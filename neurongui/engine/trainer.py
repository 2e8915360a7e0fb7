"""Mini-batch training, driven one step or one epoch at a time.

The trainer never loops on its own, prints or sleeps: a caller (a test, a script, the
GUI's worker thread) calls :meth:`Trainer.step` or :meth:`Trainer.epoch` and may do
anything in between — change the learning rate, edit a weight, pause. That is what
lets a worker thread apply a student's edits between two steps.

Divergence never raises: when a loss or a parameter becomes NaN or infinite, the
parameters are restored to their last finite values and :attr:`Trainer.status` says so.

Inputs may be uint8 pixels: they stay pixels, and each batch is divided by 255 as it is
used (see :mod:`._inputs`). With ``precision="float32"`` the steps compute with a
float32 copy of the parameters, about twice as fast for large layers; the network
keeps float64 parameters, after every step exactly the float32 values widened, and
every measurement (epoch losses, accuracies, the views) is computed from them in float64.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from . import datasets as _datasets
from . import losses as _losses
from . import optimizers as _optimizers
from . import regularization as _regularization
from ._checks import training_arrays
from ._inputs import Batches, Inputs
from ._kernels import Workspace, train_pass
from .divergence import Divergence, DivergenceWatch, guess_loss
from .dropout import Dropout, dropout_pass
from .metrics import EpochRecord, Status, accuracy, count_correct, infer_task
from .network import Layer, Network
from .regularization import REGULARIZATIONS
from .schedules import Schedule
from .trainer_settings import PRECISIONS, TrainerSettings

__all__ = ["EPOCH_METRICS", "PRECISIONS", "REGULARIZATIONS", "Trainer"]

#: Ways of measuring an epoch's training metrics (see :class:`Trainer`).
EPOCH_METRICS = ("exact", "running")


class Trainer(TrainerSettings):
    """Trains a :class:`Network` on (X, Y) by mini-batch gradient descent.

    Parameters
    ----------
    network
        The network to train, in place.
    X, Y
        Training inputs (n, n_in) and targets (n, n_out). Inputs of dtype uint8 are
        pixels: the network sees them divided by 255, one batch at a time.
    loss
        ``"mse"``, ``"bce"`` or ``"cross_entropy"``.
    optimizer, learning_rate
        ``"sgd"``, ``"momentum"`` or ``"adam"``, and the step size η (the base rate,
        which ``schedule`` may change from epoch to epoch).
    schedule
        A :class:`~neurongui.engine.schedules.Schedule`; None: a constant rate.
    dropout
        Dropout rate p of every hidden layer, or one per hidden layer (see
        :mod:`~neurongui.engine.dropout`); 0: none.
    batch_size
        Samples per step; the last batch of an epoch may be smaller.
    regularization, regularization_rate
        ``None``, ``"l1"`` or ``"l2"``, applied to weights (not biases), and λ.
    test_fraction
        Share of (X, Y) held out for testing, drawn with ``seed``; or pass
        ``X_test`` and ``Y_test`` explicitly.
    shuffle
        Visit the training samples in a new random order every epoch.
    seed
        Seed of the split, the shuffling and RReLU's random slopes.
    epoch_limit, target_loss
        Optional stopping points, reported through :attr:`status` and :attr:`done`.
    task
        ``"binary"``, ``"multiclass"`` or ``"regression"`` (default: from Y).
    epoch_metrics
        How an epoch's training loss and accuracy are measured. ``"exact"``: on the
        whole training set with the weights at the end of the epoch (what a student
        recomputes by hand). ``"running"``: the mean over the epoch's mini-batches,
        each with the weights it was trained from, as Keras and scikit-learn report
        it; it saves a forward pass over the training set every epoch. Test metrics
        are always measured on the whole test set at the end of the epoch.
    precision
        ``"float64"`` (default) or ``"float32"``: the number type of the steps' arithmetic
        (see the module's docstring). With float32, call :meth:`note_edit` after
        changing the network's parameters between steps, so that training goes on
        from the changed values.
    """

    # Buffers (re)made by _sync() for the network's current structure.
    _workspace: Workspace
    _blocks: list[tuple[np.ndarray, np.ndarray | None]]
    _train_rng: np.random.Generator | None
    _backup: np.ndarray
    _batches: Batches  # this epoch's batches

    def __init__(
        self,
        network: Network,
        X: np.ndarray,
        Y: np.ndarray,
        loss: str = "mse",
        optimizer: str = "sgd",
        learning_rate: float = 0.03,
        batch_size: int = 10,
        regularization: str | None = None,
        regularization_rate: float = 0.0,
        test_fraction: float = 0.0,
        X_test: np.ndarray | None = None,
        Y_test: np.ndarray | None = None,
        shuffle: bool = True,
        seed: int | None = None,
        epoch_limit: int | None = None,
        target_loss: float | None = None,
        task: str | None = None,
        epoch_metrics: str = "exact",
        precision: str = "float64",
        schedule: Schedule | None = None,
        dropout: float | tuple[float, ...] = 0.0,
    ):
        if epoch_metrics not in EPOCH_METRICS:
            raise ValueError(f"epoch_metrics must be one of {EPOCH_METRICS}, got {epoch_metrics!r}")
        self.epoch_metrics = epoch_metrics
        self.network = network
        self.precision = precision
        self._rng = np.random.default_rng(seed)
        X, Y = training_arrays(network, X, Y, "training")
        test: tuple[np.ndarray, np.ndarray] | None = None
        if X_test is None and test_fraction:
            X, Y, X_held, Y_held = _datasets.train_test_split(X, Y, test_fraction, self._rng)
            test = (X_held, Y_held)
        elif X_test is not None:
            if Y_test is None:
                raise ValueError("test inputs X_test need their targets Y_test")
            test = training_arrays(network, X_test, Y_test, "test")
        # The passes take the inputs with a column of ones appended (see ._inputs);
        # X and X_test are the inputs as given: float views without the ones, or pixels.
        self._inputs = Inputs(X)
        self.X, self.Y = self._inputs.public, Y
        self._test_inputs: Inputs | None = None
        self.X_test: np.ndarray | None = None
        self.Y_test: np.ndarray | None = None
        if test is not None:
            self._test_inputs = Inputs(test[0])
            self.X_test, self.Y_test = self._test_inputs.public, test[1]
        self.task = task or infer_task(Y)
        self.loss = _losses.get(loss)
        self.optimizer = _optimizers.get(optimizer, learning_rate)
        self._schedule = schedule or Schedule()
        self.history: list[EpochRecord] = []
        self.learning_rate = learning_rate  # validates it
        # Masks from a generator of their own: the batches' order stays that of a run
        # without dropout.
        self._dropout = Dropout(0.0, np.random.default_rng(None if seed is None else (seed, 1)))
        self.dropout = dropout
        self.batch_size = batch_size
        self.set_regularization(regularization, regularization_rate)
        self.shuffle = shuffle
        self.epoch_limit, self.target_loss = epoch_limit, target_loss
        self.status, self.message = Status.OK, ""
        #: What gave the last blow-up away (see neurongui.engine.divergence), or None.
        self.divergence: Divergence | None = None
        self._watch = DivergenceWatch(
            float(np.max(np.abs(Y))) if Y.size else 1.0, guess_loss(self.loss, Y)
        )
        self.step_count = 0
        self._synced = -1
        self._position = len(X)  # start of the next batch; len(X) means "new epoch"

    @property
    def epoch_count(self) -> int:
        """Epochs completed."""
        return len(self.history)

    @property
    def done(self) -> bool:
        """True once the epoch limit or the target loss is reached."""
        return self.status in (Status.TARGET_REACHED, Status.EPOCH_LIMIT)

    @property
    def diverged(self) -> bool:
        """True if the last step hit a NaN or infinity (parameters were restored)."""
        return self.status is Status.DIVERGED

    def gradients(self) -> list[dict[str, np.ndarray]] | None:
        """The gradient the last step descended, one dict per layer like
        :meth:`Network.gradients` (copies), or None before the first step since the
        structure last changed.

        Without regularisation that is ∂L/∂θ of the step's mini-batch. With it, it is
        ∂(L + penalty)/∂θ, and each dict also holds its two parts: ``"loss_weights"``,
        ∂L/∂w alone, and ``"penalty_weights"``, the penalty's ∂/∂w, λ·sign(w) (L1) or
        λ·w (L2) with the weights before the step; ``"weights"`` is their sum.
        With dropout it is the gradient of the step's loss with its masks, not that of
        the whole network (which a finite difference of :meth:`Network.loss` measures).
        """
        if self._synced != self.network.structure_version or not self._stepped:
            return None
        net = self.network
        # (astype copies, and widens float32 steps' gradients: every view is float64)
        grads = [
            {key: value.astype(np.float64) for key, value in view.items()}
            for view in net.gradient_views(self._total if self._penalised else self._grad)
        ]
        if self._penalised:
            losses, penalties = net.gradient_views(self._grad), net.gradient_views(self._penalty)
            for grad, loss, penalty in zip(grads, losses, penalties, strict=True):
                grad["loss_weights"] = loss["weights"].astype(np.float64)
                grad["penalty_weights"] = penalty["weights"].astype(np.float64)
        return grads

    def penalty(self) -> float:
        """The regularisation term with the weights now: λ Σ|w| (L1), (λ/2) Σ w² (L2) or 0.

        Biases (and PReLU slopes) are not penalised.
        """
        weights = [layer.weights for layer in self.network.layers]
        return _regularization.penalty(self.regularization, self.regularization_rate, weights)

    def reset(self, init: str = "xavier", seed: int | None = None) -> None:
        """Draw new initial weights and forget the history and the optimiser's state."""
        self.network.initialize(init, seed)
        self.history.clear()
        self._apply_schedule()
        self.step_count = 0
        self.status, self.message = Status.OK, ""
        self.divergence = None
        self._synced = -1
        self._position = len(self.X)

    # -- training -----------------------------------------------------------------

    def step(self) -> None:
        """Run one mini-batch update: forward, backward, optimiser, divergence check.

        Completing the last batch of an epoch measures the losses and accuracies on the
        whole sets and appends an :class:`EpochRecord` to :attr:`history`. If a
        parameter becomes NaN or infinite, the parameters are restored to their values
        before the step and :attr:`status` becomes ``Status.DIVERGED``.
        """
        if self._synced != self.network.structure_version:
            self._sync()
        n = len(self.X)
        if self._position >= n:
            self._start_epoch()
        lo = self._position
        hi = min(lo + self._batch_size, n)
        finite = self._descend(*self._batch(lo, hi))
        self.step_count += 1
        self._stepped = True
        self._position = hi
        if not finite:
            self._diverge("overflow", math.inf)
            return
        self.status = Status.OK
        if hi == n:
            self._end_epoch()

    # A diverging run overflows on its way to Inf; that is reported as a status, so NumPy's
    # warnings about it are noise here. (As a decorator errstate costs half a with block.)
    @np.errstate(over="ignore", invalid="ignore", divide="ignore")
    def _descend(self, inputs: np.ndarray, Yb: np.ndarray, ws: Workspace) -> bool:
        """Backpropagate one batch and update the parameters; False if one overflowed.

        ``inputs`` is the batch with its column of ones, ``ws`` its workspace.
        """
        grad = self._grad
        running = self.epoch_metrics == "running"
        if self._dropout.active():
            masks = self._dropout.draw(self._layers, ws)
            args = (self.loss, self._blocks, self._train_rng, ws, running, *masks)
            value = dropout_pass(self._layers, inputs, Yb, *args)
        else:
            value = train_pass(
                self._layers, inputs, Yb, self.loss, self._blocks, self._train_rng, ws, running
            )
        if value is not None:  # (running metrics: the batch's loss)
            self._tally(value, ws.activations[-1], Yb)
        params = self._params
        self._penalised = bool(self.regularization_rate and self.regularization)
        if self._penalised:
            grad = self._add_penalty_gradient(params, grad)
        self._backup[...] = params  # (cheaper than np.copyto for small vectors)
        self.optimizer.update(params, grad)
        # θ·θ is finite exactly when every parameter is (or one is beyond 1e154, which is
        # divergence too): one BLAS call instead of isfinite + all.
        if not math.isfinite(params.dot(params)):
            return False
        if params is not self.network.parameters:  # float32 steps: widen into the network
            self.network.parameters[...] = params
        return True

    def epoch(self) -> float:
        """Run the steps left in the current epoch; return the epoch's training loss.

        The loss is measured on the whole training set after the epoch's last step
        (as recorded in :attr:`history`); NaN if training diverged.
        """
        start = self.epoch_count
        while self.epoch_count == start:
            self.step()
            if self.status is Status.DIVERGED:
                return math.nan
        return self.history[-1].train_loss

    def evaluate(self, train: bool = True) -> EpochRecord:
        """Measure loss and accuracy on the training and test sets now.

        With ``train=False`` the training metrics are the running means of the
        current epoch's mini-batches instead (see ``epoch_metrics``).
        """
        if self._synced != self.network.structure_version:
            self._sync()
        if train or not self._run_n:
            out = self._forward("train")
            train_loss = self.loss.value(out, self.Y)
            train_acc = accuracy(out, self.Y, self.task)
        else:
            train_loss = self._run_loss / self._run_n
            train_acc = None if self.task == "regression" else self._run_correct / self._run_n
        test_loss = test_acc = None
        if self.Y_test is not None and len(self.Y_test):
            out_test = self._forward("test")
            test_loss = self.loss.value(out_test, self.Y_test)
            test_acc = accuracy(out_test, self.Y_test, self.task)
        return EpochRecord(
            self.epoch_count,
            self.step_count,
            train_loss,
            test_loss,
            train_acc,
            test_acc,
            self.penalty(),
        )

    # -- internals ----------------------------------------------------------------

    def _sync(self) -> None:
        """(Re)allocate buffers for the network's current structure."""
        net, dtype, size = self.network, self._dtype, self.network.n_parameters
        # The parameters the steps compute with: the network's own, or a float32 copy
        # with layers laid over it (sharing the network's activations).
        self._params = net.parameters if dtype is np.float64 else net.parameters.astype(dtype)
        self._layers: list[Layer] = net.layers
        if self._params is not net.parameters:
            blocks = net._blocks(self._params)
            self._layers = [
                Layer(wb, alpha, layer.activation)
                for (wb, alpha), layer in zip(blocks, net.layers, strict=True)
            ]
        self._grad = np.zeros(size, dtype)  # ∂L/∂θ of the last step
        self._total = np.zeros(size, dtype)  # ∂(L + penalty)/∂θ, with regularisation
        self._penalty = np.zeros(size, dtype)
        self._penalised = False
        self._workspaces: dict[int, Workspace] = {}
        self._workspace = Workspace(net, min(self._batch_size, len(self.X)), dtype=dtype)
        self._blocks = net._blocks(self._grad)
        self._backup = self._params.copy()
        self._weight_mask = np.zeros(size, dtype)
        for view in net.gradient_views(self._weight_mask):
            view["weights"][...] = 1.0
        self.optimizer.reset(size, dtype)
        self._dropout.clear()
        needs_rng = any(layer.activation.name == "rrelu" for layer in net.layers)
        self._train_rng = self._rng if needs_rng else None
        self._synced = net.structure_version
        self._stepped = False  # (the gradient buffer holds nothing yet)
        # The batches in the new dtype, in this epoch's order (None before the first).
        order = self._batches.order if hasattr(self, "_batches") else None
        self._batches = Batches(self._inputs, self.Y, dtype)
        self._batches.arrange(order)
        if not hasattr(self, "_run_n"):
            self._run_loss, self._run_correct, self._run_n = 0.0, 0, 0
        self._eval: dict[tuple[int, bool], Workspace] = {}
        # Watch for blow-ups from here, measured against the loss training starts from.
        with np.errstate(all="ignore"):
            start = float(self.loss.value(self._forward("train"), self.Y))
        self._watch.reset(net.parameters, start)

    def note_edit(self) -> None:
        """The parameters were changed by hand: judge later losses against these.

        A student who sets a weight to 50 makes the loss jump; that is an experiment,
        not a learning rate that blew up. (The next epoch's loss becomes the reference:
        measuring it now would cost a pass over the data at every step of a drag.)
        With float32 steps, the edit reaches their copy of the parameters here.
        """
        self._load_working()
        self._watch.reset(self.network.parameters)

    def _load_working(self) -> None:
        """Copy the network's parameters into the float32 steps' copy (if there is one)."""
        if self._synced == self.network.structure_version:
            if self._params is not self.network.parameters:
                self._params[...] = self.network.parameters

    def _forward(self, which: str) -> np.ndarray:
        """The network's output for the whole training or test set, in float64 whatever
        the steps' precision (kept workspaces, a chunk of rows at a time)."""
        inputs = self._inputs if which == "train" else self._test_inputs
        if inputs is None:
            raise ValueError("the trainer has no test set")
        return inputs.forward(self.network, self.network.layers, self._eval)

    def _start_epoch(self) -> None:
        self._batches.arrange(self._rng.permutation(len(self.X)) if self.shuffle else None)
        self._position = 0
        self._run_loss, self._run_correct, self._run_n = 0.0, 0, 0

    def _batch(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, Workspace]:
        """Samples lo:hi of this epoch's order: the inputs with their ones column (see
        __init__), the targets and the workspace of the batch's size."""
        n = hi - lo
        ws = self._workspace
        if ws.n != n:  # the last, smaller batch of an epoch
            ws = self._workspaces.get(n) or self._workspaces.setdefault(
                n, Workspace(self.network, n, dtype=self._dtype)
            )
        inputs, targets = self._batches.get(lo, hi, ws)
        return inputs, targets, ws

    def _tally(self, loss: float, out: np.ndarray, Y: np.ndarray) -> None:
        """Add one mini-batch to the running training metrics."""
        n = len(Y)
        self._run_loss += loss * n
        self._run_n += n
        if self.task != "regression":
            self._run_correct += count_correct(out, Y, self.task)

    def _end_epoch(self) -> None:
        record = replace(self.evaluate(self.epoch_metrics == "exact"), epoch=len(self.history) + 1)
        alarm = self._watch.check(
            record.epoch, record.train_loss, self.network.parameters, self.learning_rate
        )
        if alarm is not None:
            self._diverge(alarm.kind, record.train_loss, alarm)
            return
        self.history.append(record)
        self._apply_schedule()  # the next epoch's η
        if self.target_loss is not None and record.train_loss <= self.target_loss:
            self.status = Status.TARGET_REACHED
            self.message = f"reached the target loss {self.target_loss:g}"
        elif self.epoch_limit is not None and record.epoch >= self.epoch_limit:
            self.status = Status.EPOCH_LIMIT
            self.message = f"reached the limit of {self.epoch_limit} epochs"

    def _add_penalty_gradient(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """∂L/∂θ + the penalty's ∂/∂θ, into a buffer of its own: ``grad`` stays ∂L/∂θ,
        so the window can show both parts of the gradient the step used."""
        kind, rate = self.regularization, self.regularization_rate
        mask, out = self._weight_mask, (self._penalty, self._total)
        return _regularization.add_penalty_gradient(kind, rate, mask, params, grad, *out)

    def _diverge(self, kind: str, loss: float, alarm: Divergence | None = None) -> None:
        """Stop a run that blew up: put back the weights of its best epoch (or, before
        the first epoch, those from before this step) and say what happened."""
        watch = self._watch
        best = watch.best_parameters
        if best is not None and best.shape == self.network.parameters.shape:
            np.copyto(self.network.parameters, best)
        else:
            np.copyto(self.network.parameters, self._backup)
        self._load_working()
        if alarm is None:
            epoch, params = len(self.history) + 1, self.network.parameters
            alarm = watch.alarm(kind, epoch, loss, self.learning_rate, params)
        self.optimizer.reset(self.network.n_parameters, self._dtype)
        self.status = Status.DIVERGED
        self.divergence = alarm
        self.message = alarm.describe()
        self._position = len(self.X)

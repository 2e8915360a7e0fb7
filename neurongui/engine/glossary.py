"""A bilingual glossary of the words of neural networks, English ↔ 简体中文.

The point is reading material in the other language, so each term carries both names
and a one-line explanation in both languages (Help ▸ Glossary shows the one of the
interface). The Chinese names are the ones the interface's translation uses; ``ui``
names the English interface string whose translation contains the Chinese term, and
the tests hold the two together.
"""

# ruff: noqa: E501 - a table of phrases reads best one entry to a line or two

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TERMS", "Term", "search"]


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes
    ----------
    english, chinese : str
        The term in each language.
    explain_en, explain_zh : str
        A one-line explanation in each language.
    ui : str
        An English string of the interface whose Chinese translation uses
        :attr:`chinese` ("" if the interface does not use the word).
    """

    english: str
    chinese: str
    explain_en: str
    explain_zh: str
    ui: str = ""


def _t(en: str, zh: str, explain_en: str, explain_zh: str, ui: str = "") -> Term:
    return Term(en, zh, explain_en, explain_zh, ui)


#: The glossary, roughly in the order a course meets the words.
TERMS: tuple[Term, ...] = (
    _t("neural network", "神经网络",
       "Layers of neurons joined by weights that turn inputs into outputs.",
       "由权重连接的多层神经元，把输入变成输出。"),
    _t("neuron", "神经元",
       "A unit that computes a = f(Σ w·x + b) from its inputs.",
       "一个计算单元：由输入算出 a = f(Σ w·x + b)。", "neuron %1 of layer %2"),
    _t("layer", "层", "A group of neurons that all take the same inputs.",
       "一组接收相同输入的神经元。", "Activation of layer %1"),
    _t("input", "输入", "A number fed to the network: one feature of a sample.",
       "送入网络的一个数，即样本的一个特征。", "Input features"),
    _t("hidden layer", "隐藏层", "A layer between the inputs and the output layer.",
       "位于输入和输出层之间的层。", "Hidden activation"),
    _t("output layer", "输出层", "The last layer: its activations are the network's answer ŷ.",
       "最后一层，它的激活值就是网络的答案 ŷ。", "the output layer"),
    _t("weight", "权重", "The number w an input is multiplied by on its way into a neuron.",
       "输入进入神经元时所乘的数 w。", "Weight"),
    _t("bias", "偏置", "A number b added to a neuron's weighted sum; it shifts the threshold.",
       "加到神经元加权和上的数 b，用来移动阈值。", "Bias"),
    _t("weighted sum", "加权和", "Σ w·x: the inputs times their weights, added up.",
       "Σ w·x：各输入乘以权重后相加。", "weighted sum w·x"),
    _t("weighted input", "加权输入", "z = Σ w·x + b, what the activation function receives.",
       "z = Σ w·x + b，即激活函数接收的值。", "Compute the weighted input %1 of %2 for sample %3."),
    _t("activation function", "激活函数", "The function f in a = f(z); it makes the network non-linear.",
       "a = f(z) 中的函数 f，它让网络成为非线性的。", "Activation"),
    _t("activation", "激活值", "A neuron's output a = f(z).", "神经元的输出 a = f(z)。"),
    _t("sigmoid", "S 型函数", "σ(z) = 1 / (1 + e⁻ᶻ), squashing z into (0, 1).",
       "σ(z) = 1 / (1 + e⁻ᶻ)，把 z 压缩到 (0, 1)。", "sigmoid"),
    _t("rectified linear unit (ReLU)", "线性整流", "ReLU(z) = max(0, z).",
       "ReLU(z) = max(0, z)。", "ReLU"),
    _t("softmax", "归一化指数", "Turns the output layer's z into probabilities that add up to 1.",
       "把输出层的 z 变成和为 1 的概率。", "softmax"),
    _t("derivative", "导数", "The slope f′(z) of a function: how fast it changes.",
       "函数的斜率 f′(z)：函数变化的快慢。", "Derivative"),
    _t("partial derivative", "偏导数", "∂L/∂w: the slope of L in one variable, the others held fixed.",
       "∂L/∂w：固定其他变量时 L 对一个变量的斜率。"),
    _t("forward pass", "前向传播", "Computing the outputs layer by layer from the inputs.",
       "从输入开始逐层计算输出。", "forward pass"),
    _t("loss", "损失", "One number measuring how far the outputs are from the targets.",
       "衡量输出与目标值相差多远的一个数。", "Loss"),
    _t("square loss (MSE)", "平方损失", "L = ½·mean of (ŷ − y)², for regression.",
       "L = ½·(ŷ − y)² 的平均值，用于回归。", "Square loss"),
    _t("cross-entropy", "交叉熵", "L = −mean of Σ y·ln ŷ; small when the true class gets a high probability.",
       "L = −Σ y·ln ŷ 的平均值；真实类别概率越高，它越小。", "Cross-entropy (softmax)"),
    _t("gradient", "梯度", "The vector of all ∂L/∂w: the direction in which L grows fastest.",
       "所有 ∂L/∂w 组成的向量：L 增长最快的方向。", "Backpropagation: one gradient-descent step"),
    _t("gradient descent", "梯度下降", "Training by steps w ← w − η·∂L/∂w, against the gradient.",
       "按 w ← w − η·∂L/∂w 沿梯度反方向一步步训练。", "Gradient descent"),
    _t("learning rate", "学习率", "η, the size of each gradient-descent step.",
       "η，每一步梯度下降的步长。", "Learning rate η"),
    _t("backpropagation", "反向传播", "Computing every ∂L/∂w by the chain rule, from the output back.",
       "用链式法则从输出往回算出每个 ∂L/∂w。", "Backpropagation step by step"),
    _t("chain rule", "链式法则", "The derivative of f(g(x)) is f′(g(x))·g′(x).",
       "f(g(x)) 的导数是 f′(g(x))·g′(x)。", "1 · Chain rule"),
    _t("gradient check", "梯度检验", "Comparing backprop's ∂L/∂w with a finite difference.",
       "把反向传播算出的 ∂L/∂w 与有限差分作比较。", "Gradient check"),
    _t("finite difference", "有限差分", "(L(w+ε) − L(w−ε)) / 2ε: a slope measured by nudging w.",
       "(L(w+ε) − L(w−ε)) / 2ε：微调 w 量出的斜率。"),
    _t("epoch", "轮次", "One pass of training through the whole training set.",
       "训练把整个训练集过一遍。", "epoch"),
    _t("batch size", "批大小", "How many samples one step averages the gradient over.",
       "一步中用来平均梯度的样本数。", "Batch size"),
    _t("mini-batch", "小批量", "The few samples one training step uses.",
       "一步训练所用的少量样本。", "One epoch (S); with Shift, one mini-batch"),
    _t("sample", "样本", "One example: its inputs x and its target y.",
       "一个例子：输入 x 和目标值 y。", "Sample"),
    _t("target", "目标值", "The output y the network should give for a sample.",
       "网络对某个样本应给出的输出 y。", "target"),
    _t("feature", "特征", "One measured property of a sample, given to the network as an input.",
       "样本的一个属性，作为输入交给网络。", "Input features"),
    _t("class", "类别", "One of the groups a classifier sorts samples into.",
       "分类器把样本分入的组之一。", "Class names"),
    _t("dataset", "数据集", "All the samples, split into a training and a test set.",
       "全部样本，分为训练集和测试集。", "No output view for this dataset."),
    _t("training set", "训练集", "The samples the network learns from.",
       "网络用来学习的样本。", "Over the training set."),
    _t("test set", "测试集", "Samples kept out of training, to measure how well it generalises.",
       "不参与训练、用来衡量泛化能力的样本。", "the test fraction leaves no training samples"),
    _t("accuracy", "准确率", "The share of samples classified right.",
       "分类正确的样本所占比例。", "accuracy"),
    _t("overfitting", "过拟合", "Learning the training set's noise: training loss falls, test loss rises.",
       "学到了训练集的噪声：训练损失下降，测试损失上升。"),
    _t("underfitting", "欠拟合", "A network too simple or too briefly trained to fit even the training set.",
       "网络太简单或训练太少，连训练集都拟合不好。"),
    _t("generalisation", "泛化", "Doing well on samples never seen in training.",
       "在训练中从未见过的样本上也表现良好。"),
    _t("regularisation", "正则化", "A penalty on large weights added to the loss, against overfitting.",
       "加到损失上的对大权重的惩罚，用来防止过拟合。", "Regularisation"),
    _t("optimiser", "优化器", "The rule that turns gradients into weight changes (SGD, momentum, Adam).",
       "把梯度变成权重更新的规则（SGD、动量法、Adam）。", "Optimiser"),
    _t("momentum", "动量法", "Gradient descent with a running velocity that smooths the steps.",
       "带有累积速度、使步伐更平滑的梯度下降。", "Momentum"),
    _t("initialisation", "初始化", "How the weights are drawn before training starts.",
       "训练开始前权重的取值方式。", "Initialisation"),
    _t("random seed", "种子", "The number that makes random draws repeatable.",
       "让随机抽取可以重复的数。", "Seed"),
    _t("noise", "噪声", "Random scatter in the data.", "数据中的随机扰动。", "Noise"),
    _t("divergence", "发散", "The loss grows without bound, usually from too large a learning rate.",
       "损失无限增大，通常是学习率太大。", "diverged"),
    _t("saturation", "饱和", "A neuron where f′(z) ≈ 0, so its weights barely learn.",
       "f′(z) ≈ 0 的神经元，其权重几乎学不动。", "%1: %2 of the neurons saturated"),
    _t("dead ReLU", "死亡 ReLU", "A ReLU neuron with z ≤ 0 for every sample: it never learns again.",
       "对所有样本 z ≤ 0 的 ReLU 神经元：它再也学不动了。",
       "Dead ReLUs (z ≤ 0 on every sample): %1 of %2"),
    _t("vanishing gradient", "梯度消失", "Gradients that shrink layer by layer, so early layers stop learning.",
       "梯度逐层变小，使前面的层学不动。"),
    _t("exploding gradient", "梯度爆炸", "Gradients that grow layer by layer until training diverges.",
       "梯度逐层变大，直到训练发散。"),
    _t("perceptron", "感知机", "A single neuron with a step function, the first learning machine.",
       "使用阶跃函数的单个神经元，最早的学习机器。", "The perceptron"),
    _t("loss surface", "损失曲面", "The loss drawn as a height over two weights.",
       "把损失画成两个权重上的高度。", "Loss surface"),
    _t("parameter", "参数", "A number training learns: a weight, a bias or a PReLU slope.",
       "训练学到的数：权重、偏置或 PReLU 斜率。",
       "the network has {count} parameters, not {given}"),
    _t("hyperparameter", "超参数", "A setting chosen before training, like η or the batch size.",
       "训练前选定的设置，例如 η 或批大小。"),
    _t("one-hot encoding", "独热编码", "A class written as a vector of zeros with a single 1.",
       "把类别写成只有一个 1、其余为 0 的向量。"),
    _t("decision boundary", "决策边界", "Where the network's answer changes from one class to another.",
       "网络的答案从一个类别变为另一个类别的地方。"),
    _t("probability", "概率", "A number from 0 to 1 saying how likely something is.",
       "0 到 1 之间表示可能性大小的数。", "Probability the network gives the true class"),
)  # fmt: skip


def search(text: str, terms: tuple[Term, ...] = TERMS) -> list[Term]:
    """The terms whose names or explanations contain ``text`` (case-insensitive)."""
    needle = text.strip().casefold()
    return [
        t
        for t in terms
        if not needle
        or any(needle in s.casefold() for s in (t.english, t.chinese, t.explain_en, t.explain_zh))
    ]

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Iris data (Fisher 1936, UCI)</source>
        <translation>鸢尾花数据（Fisher 1936，UCI）</translation>
    </message>
    <message>
        <source>Handwritten digits (Alpaydin &amp; Kaynak 1998, UCI)</source>
        <translation>手写数字（Alpaydin 与 Kaynak 1998，UCI）</translation>
    </message>
    <message>
        <source>MNIST digits (LeCun, Cortes &amp; Burges)</source>
        <translation>MNIST 手写数字（LeCun、Cortes 与 Burges）</translation>
    </message>
    <message>
        <source>&lt;p&gt;See and edit every weight of a neural network while it learns.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在神经网络学习的同时，查看并修改它的每一个权重。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>About NeuronGUI</source>
        <translation>关于 NeuronGUI</translation>
    </message>
    <message>
        <source>Licences…</source>
        <translation>许可证…</translation>
    </message>
</context>
<context>
    <name>ActivationFormulas</name>
    <message>
        <source>f(z) = 1 if z ≥ 0, else 0</source>
        <translation>f(z) = 1（z ≥ 0 时），否则为 0</translation>
    </message>
    <message>
        <source>f′(z) = 1 if −1 &lt; z &lt; 1, else 0</source>
        <translation>f′(z) = 1（−1 &lt; z &lt; 1 时），否则为 0</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0, else 0</source>
        <translation>f′(z) = 1（z &gt; 0 时），否则为 0</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0, else k·z</source>
        <translation>f(z) = z（z &gt; 0 时），否则为 k·z</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0, else k</source>
        <translation>f′(z) = 1（z &gt; 0 时），否则为 k</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0, else α·z  (α learned)</source>
        <translation>f(z) = z（z &gt; 0 时），否则为 α·z（α 由学习得到）</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0, else α;  ∂f/∂α = min(z, 0)</source>
        <translation>f′(z) = 1（z &gt; 0 时），否则为 α；∂f/∂α = min(z, 0)</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0, else k·z,  k ~ U[l, u] while training, (l + u)/2 after</source>
        <translation>f(z) = z（z &gt; 0 时），否则为 k·z；训练时 k ~ U[l, u]，训练后取 (l + u)/2</translation>
    </message>
</context>
<context>
    <name>ActivationPlotPanel</name>
    <message>
        <source>Activation function to plot</source>
        <translation>要绘制的激活函数</translation>
    </message>
    <message>
        <source>Follow selected layer</source>
        <translation>跟随所选层</translation>
    </message>
    <message>
        <source>Show the activation of the selected neuron&apos;s layer</source>
        <translation>显示所选神经元所在层的激活函数</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Overlay several activation functions</source>
        <translation>叠加显示多个激活函数</translation>
    </message>
    <message>
        <source>Leaky slope k</source>
        <translation>Leaky ReLU 斜率 k</translation>
    </message>
    <message>
        <source>PReLU α</source>
        <translation>PReLU 斜率 α</translation>
    </message>
    <message>
        <source>RReLU lower l</source>
        <translation>RReLU 斜率下界 l</translation>
    </message>
    <message>
        <source>RReLU upper u</source>
        <translation>RReLU 斜率上界 u</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Layer %1: </source>
        <translation>第 %1 层：</translation>
    </message>
    <message>
        <source>Output layer: </source>
        <translation>输出层：</translation>
    </message>
    <message>
        <source>Softmax is not drawn as a curve: each output depends on every z of the layer, so there is no single f(z). Its outputs are positive and sum to 1.</source>
        <translation>Softmax 无法画成一条曲线：每个输出都取决于该层所有的 z，因此不存在单一的 f(z)。它的输出均为正数，且总和为 1。</translation>
    </message>
    <message>
        <source>The step jumps at z = 0 (filled dot: f(0) = 1); its derivative is 0 elsewhere and does not exist at 0, which is why gradient descent cannot train it.</source>
        <translation>阶跃函数在 z = 0 处跳变（实心点：f(0) = 1）；它在其他位置的导数为 0，在 0 处导数不存在，所以无法用梯度下降来训练。</translation>
    </message>
    <message>
        <source>derivative f′(z)</source>
        <translation>导数 f′(z)</translation>
    </message>
    <message>
        <source>Select a neuron to see where it sits on its curve.</source>
        <translation>选择一个神经元，查看它在曲线上的位置。</translation>
    </message>
    <message>
        <source>neuron %1 of layer %2</source>
        <translation>第 %2 层的神经元 %1</translation>
    </message>
    <message>
        <source>Select a neuron to see its layer&apos;s z values.</source>
        <translation>选择一个神经元，查看其所在层的 z 值。</translation>
    </message>
    <message>
        <source>(%1 values overflowed to ±∞ or NaN and are not counted)</source>
        <translation>（有 %1 个值溢出为 ±∞ 或 NaN，未计入）</translation>
    </message>
    <message>
        <source>z of the selected layer</source>
        <translation>所选层的 z</translation>
    </message>
    <message>
        <source>Over the training set.</source>
        <translation>统计的是整个训练集。</translation>
    </message>
    <message>
        <source>Over %1 of %2 training samples (1 in %3).</source>
        <translation>统计的是 %2 个训练样本中的 %1 个（每 %3 个取 1 个）。</translation>
    </message>
    <message>
        <source>Saturated (f′(z) &lt; 0.05): %1% of the values</source>
        <translation>饱和（f′(z) &lt; 0.05）：占全部取值的 %1%</translation>
    </message>
    <message>
        <source>Dead ReLUs (z ≤ 0 on every sample): %1 of %2</source>
        <translation>死亡 ReLU（所有样本上 z ≤ 0）：%2 个中有 %1 个</translation>
    </message>
    <message>
        <source>z over %1 training samples</source>
        <translation>%1 个训练样本上的 z</translation>
    </message>
</context>
<context>
    <name>ActivationSymbols</name>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>hard tanh</source>
        <translation>hard tanh</translation>
    </message>
    <message>
        <source>softsign</source>
        <translation>softsign</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>RReLU</source>
        <translation>RReLU</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
</context>
<context>
    <name>Activations</name>
    <message>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶跃函数</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid（S 型函数）</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh（双曲正切）</translation>
    </message>
    <message>
        <source>hard tanh</source>
        <translation>hard tanh（硬双曲正切）</translation>
    </message>
    <message>
        <source>softsign</source>
        <translation>softsign（软符号）</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU（线性整流）</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU（带泄漏线性整流）</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU（参数化线性整流）</translation>
    </message>
    <message>
        <source>RReLU</source>
        <translation>RReLU（随机线性整流）</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax（归一化指数）</translation>
    </message>
</context>
<context>
    <name>ActivationsLesson</name>
    <message>
        <source>Race</source>
        <translation>比赛</translation>
    </message>
    <message>
        <source>Your network</source>
        <translation>你的网络</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>How long each network trains</source>
        <translation>每个网络训练多少轮</translation>
    </message>
    <message>
        <source>Epochs of the race</source>
        <translation>比赛的轮数</translation>
    </message>
    <message>
        <source>Start the race</source>
        <translation>开始比赛</translation>
    </message>
    <message>
        <source>Train three copies of the starting network, one per activation</source>
        <translation>训练初始网络的三个副本，每个副本使用一种激活函数</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>损失轴使用对数坐标</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Results of the race</source>
        <translation>比赛结果</translation>
    </message>
    <message>
        <source>Right: final training losses %1. Sigmoid&apos;s slope is at most 1/4, so in every layer its factor f′ shrinks the gradient at least fourfold (the weights multiply it too); ReLU&apos;s factor f′ is 1 where z &gt; 0.</source>
        <translation>正确：最终训练损失为 %1。sigmoid 的斜率最大只有 1/4，所以每经过一层，它的因子 f′ 都会让梯度至少缩小为原来的四分之一（权重也会乘上去）；而 ReLU 在 z &gt; 0 处的因子 f′ 为 1。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Press “Start the race”: the three loss curves grow here.</source>
        <translation>点击“开始比赛”：三条损失曲线会在这里逐渐画出。</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Which activation reached the lowest training loss?</source>
        <translation>哪个激活函数达到的训练损失最低？</translation>
    </message>
    <message>
        <source>&lt;b&gt;The race trains copies: the diagram shows your own network, which does not change.&lt;/b&gt; Same starting weights and Training-panel settings; only the hidden activation differs.</source>
        <translation>&lt;b&gt;比赛训练的是副本：图中显示的是你自己的网络，它不会改变。&lt;/b&gt;三个网络的初始权重和“训练”面板中的设置都相同，只有隐藏层激活函数不同。</translation>
    </message>
    <message>
        <source>Hidden activation to use</source>
        <translation>隐藏层要使用的激活函数</translation>
    </message>
    <message>
        <source>Use this activation</source>
        <translation>使用此激活函数</translation>
    </message>
    <message>
        <source>Give every hidden layer of the network this activation, with the race&apos;s starting weights (undo with Ctrl+Z)</source>
        <translation>让网络的每个隐藏层都使用这个激活函数，并采用比赛时的初始权重（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>mean f′(z)</source>
        <translation>f′(z) 均值</translation>
    </message>
    <message>
        <source>largest f′(z)</source>
        <translation>f′(z) 最大值</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Gradient flow of each hidden layer</source>
        <translation>各隐藏层的梯度流</translation>
    </message>
    <message>
        <source>Neurons with f′(z) = 0 for every training point: they never learn again</source>
        <translation>在每个训练点上都有 f′(z) = 0 的神经元：它们再也学不到任何东西</translation>
    </message>
    <message>
        <source>The network has no hidden layer: add one to race.</source>
        <translation>网络没有隐藏层：请先添加一个隐藏层，再进行比赛。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>Every run diverged: lower the learning rate.</source>
        <translation>每次训练都发散了：请降低学习率。</translation>
    </message>
    <message>
        <source>%1 neuron(s) are dead: f′(z) = 0 for every training point (for ReLU, z ≤ 0), so no gradient reaches their weights.</source>
        <translation>有 %1 个神经元已经“死亡”：在每个训练点上都有 f′(z) = 0（对 ReLU 来说就是 z ≤ 0），所以没有梯度能传到它们的权重。</translation>
    </message>
    <message>
        <source>The network has no hidden layer to change.</source>
        <translation>网络没有可以修改的隐藏层。</translation>
    </message>
    <message>
        <source>Then press Play in the toolbar and watch each neuron&apos;s map on the diagram. The table follows the training live: over all training points, how much gradient each hidden layer passes back (backpropagation multiplies by f′(z) in every layer).</source>
        <translation>然后点击工具栏中的“播放”，观察网络图上每个神经元的图像。下表随训练实时更新：在所有训练点上，每个隐藏层能把多少梯度传回去（反向传播在每一层都要乘以 f′(z)）。</translation>
    </message>
    <message>
        <source>The race is over after %1 epochs. Compare the training-loss column of the table, then answer the question above.</source>
        <translation>比赛在 %1 轮后结束。比较表格中“训练损失”一列，然后回答上面的问题。</translation>
    </message>
    <message>
        <source>Use %1 in the hidden layers</source>
        <translation>隐藏层改用 %1</translation>
    </message>
    <message>
        <source>The hidden layers now use %1. Press Play to train.</source>
        <translation>隐藏层现在使用 %1。点击“播放”开始训练。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4 and tanh′(z) = 1 − tanh²(z) ≤ 1: both are near 0 once |z| is large (saturation). ReLU′(z) is 1 for z &gt; 0 and 0 otherwise.</source>
        <translation>σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4，tanh′(z) = 1 − tanh²(z) ≤ 1：|z| 一大，两者都接近 0（饱和）。ReLU′(z) 在 z &gt; 0 时为 1，否则为 0。</translation>
    </message>
    <message>
        <source>On its way back through the hidden layers the gradient is multiplied by about %1 (the product of the means).</source>
        <translation>梯度在反向穿过各隐藏层时，大约要乘以 %1（各层均值的乘积）。</translation>
    </message>
    <message>
        <source>Run the race to the end first (Race tab).</source>
        <translation>请先把比赛进行到底（“比赛”标签页）。</translation>
    </message>
    <message>
        <source>Every run diverged: lower the learning rate and race again.</source>
        <translation>每次训练都发散了：请降低学习率，再比一次。</translation>
    </message>
    <message>
        <source>Choose an answer under the race table first.</source>
        <translation>请先在比赛结果表下方选择一个答案。</translation>
    </message>
    <message>
        <source>Not quite: %1 ended at a training loss of %2, and another activation got lower. Compare the training-loss column of the table.</source>
        <translation>不太对：%1 最终的训练损失是 %2，另一个激活函数还要更低。请比较表中的“训练损失”一列。</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>%1 has too few digits to check: the lesson shows its numbers to %2 significant digits; give at least %3 of them.</source>
        <translation>%1 的位数太少，无法判断：本课的数值显示 %2 位有效数字，请至少给出其中的 %3 位。</translation>
    </message>
</context>
<context>
    <name>BackpropLesson</name>
    <message>
        <source>This lesson&apos;s formulas need sigmoid neurons (σ′ = σ(1 − σ)). Undo the change (Ctrl+Z) or start the lesson again from the Lessons menu.</source>
        <translation>本课的公式要求使用 sigmoid 神经元（σ′ = σ(1 − σ)）。请撤销该修改（Ctrl+Z），或从“课程”菜单重新开始本课。</translation>
    </message>
    <message>
        <source>1 · Chain rule</source>
        <translation>1 · 链式法则</translation>
    </message>
    <message>
        <source>2 · Network</source>
        <translation>2 · 网络</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; step through the forward and the backward pass with &lt;i&gt;Next&lt;/i&gt;, then answer: what is &lt;nobr&gt;∂f/∂x&lt;/nobr&gt;? Type it below the graph and press &lt;i&gt;Check my answer&lt;/i&gt;.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;用“下一步”逐步查看前向传播和反向传播，然后回答：&lt;nobr&gt;∂f/∂x&lt;/nobr&gt; 等于多少？在图下方输入答案，点击“检查答案”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; follow the numbers with &lt;i&gt;Next&lt;/i&gt; (the diagram shows them too). At step %1 you will work out &lt;nobr&gt;∂L/∂w₃₁&lt;/nobr&gt; yourself.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;用“下一步”跟着数值走（网络图上也会显示）。到第 %1 步时，你要自己算出 &lt;nobr&gt;∂L/∂w₃₁&lt;/nobr&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; what is &lt;nobr&gt;∂L/∂w₃₁&lt;/nobr&gt;, the gradient of the weight from hidden neuron 1 to the output? Use δ₃ and a₁ from the diagram, type it below and press &lt;i&gt;Check my answer&lt;/i&gt;.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;从隐藏层神经元 1 到输出的权重的梯度 &lt;nobr&gt;∂L/∂w₃₁&lt;/nobr&gt; 等于多少？用网络图上的 δ₃ 和 a₁ 算出来，在下方输入，然后点击“检查答案”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; press &lt;i&gt;Next&lt;/i&gt; to take the step &lt;nobr&gt;w ← w − η ∂L/∂w&lt;/nobr&gt; and see the loss fall; &lt;i&gt;Another step&lt;/i&gt; starts over from the new weights.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;点击“下一步”执行更新 &lt;nobr&gt;w ← w − η ∂L/∂w&lt;/nobr&gt;，看损失如何下降；“再走一步”会从新的权重重新开始。</translation>
    </message>
    <message>
        <source>On the diagram: &lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; forward values &lt;nobr&gt;(x, z, a, ŷ, L)&lt;/nobr&gt; &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; gradients &lt;nobr&gt;(δ, ∂L/∂w)&lt;/nobr&gt;</source>
        <translation>网络图上：&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; 前向值 &lt;nobr&gt;(x, z, a, ŷ, L)&lt;/nobr&gt; &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; 梯度 &lt;nobr&gt;(δ, ∂L/∂w)&lt;/nobr&gt;</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>What is ∂L/∂w₃₁?</source>
        <translation>∂L/∂w₃₁ 等于多少？</translation>
    </message>
    <message>
        <source>w₃₁ is the weight from hidden neuron 1 to the output</source>
        <translation>w₃₁ 是从隐藏层神经元 1 到输出神经元的权重</translation>
    </message>
    <message>
        <source>a number, e.g. 0.25</source>
        <translation>一个数，例如 0.25</translation>
    </message>
    <message>
        <source>Your value of ∂L/∂w₃₁</source>
        <translation>你算出的 ∂L/∂w₃₁</translation>
    </message>
    <message>
        <source>The update stays: the network was changed after it. Undo those changes first (Ctrl+Z), then go back.</source>
        <translation>这次更新不能撤回：更新之后网络又被修改过。请先撤销那些修改（Ctrl+Z），再点“上一步”。</translation>
    </message>
    <message>
        <source>The update would not give finite weights.</source>
        <translation>这次更新得到的权重不是有限值。</translation>
    </message>
    <message>
        <source>Backpropagation: one gradient-descent step</source>
        <translation>反向传播：一步梯度下降</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>步骤 %1/%2 · %3</translation>
    </message>
    <message>
        <source>The question comes at step %1, the gradients: press Next until then.</source>
        <translation>问题在第 %1 步（梯度）出现：在此之前请点击“下一步”。</translation>
    </message>
    <message>
        <source>Another step ▶</source>
        <translation>再走一步 ▶</translation>
    </message>
    <message>
        <source>Type your value of ∂L/∂w₃₁ first, e.g. 0.25.</source>
        <translation>请先输入你算出的 ∂L/∂w₃₁，例如 0.25。</translation>
    </message>
    <message>
        <source>“%1” is not a number. Type a number such as 0.25.</source>
        <translation>“%1”不是数字。请输入一个数，例如 0.25。</translation>
    </message>
    <message>
        <source>Right: ∂L/∂w₃₁ = δ₃·a₁ = %1 × %2 = %3.</source>
        <translation>正确：∂L/∂w₃₁ = δ₃·a₁ = %1 × %2 = %3。</translation>
    </message>
    <message>
        <source>Not yet: %1 is not ∂L/∂w₃₁. It is the δ of the neuron the weight leads to, times the activation the weight carries.</source>
        <translation>还不对：%1 不是 ∂L/∂w₃₁。它等于这个权重所指向的神经元的 δ，乘以这个权重所传递的激活值。</translation>
    </message>
    <message>
        <source>Not yet: %1 is ∂L/∂w₃₂ = δ₃·a₂. You used a₂ where w₃₁ multiplies a₁: ∂L/∂w₃₁ = δ₃·a₁.</source>
        <translation>还不对：%1 是 ∂L/∂w₃₂ = δ₃·a₂。你用了 a₂，但 w₃₁ 乘的是 a₁：∂L/∂w₃₁ = δ₃·a₁。</translation>
    </message>
    <message>
        <source>Not yet: %1 is δ₃ = ∂L/∂b₃. The weight w₃₁ also multiplies a₁, so ∂L/∂w₃₁ = δ₃·a₁.</source>
        <translation>还不对：%1 是 δ₃ = ∂L/∂b₃。权重 w₃₁ 还要乘以 a₁，所以 ∂L/∂w₃₁ = δ₃·a₁。</translation>
    </message>
    <message>
        <source>Not yet: %1 is (ŷ − y)·a₁, without σ′(z₃). The chain rule passes through the sigmoid too: δ₃ = (ŷ − y)·σ′(z₃), and ∂L/∂w₃₁ = δ₃·a₁.</source>
        <translation>还不对：%1 是 (ŷ − y)·a₁，少了 σ′(z₃)。链式法则还要经过 sigmoid：δ₃ = (ŷ − y)·σ′(z₃)，而 ∂L/∂w₃₁ = δ₃·a₁。</translation>
    </message>
    <message>
        <source>Not yet: %1 is −∂L/∂w₃₁, the sign is flipped. ∂L/∂ŷ = ŷ − y, not y − ŷ.</source>
        <translation>还不对：%1 是 −∂L/∂w₃₁，符号反了。∂L/∂ŷ = ŷ − y，而不是 y − ŷ。</translation>
    </message>
    <message>
        <source>Not yet: %1 is the updated weight w₃₁ − η·∂L/∂w₃₁. The question asks for the gradient ∂L/∂w₃₁ itself.</source>
        <translation>还不对：%1 是更新后的权重 w₃₁ − η·∂L/∂w₃₁。题目问的是梯度 ∂L/∂w₃₁ 本身。</translation>
    </message>
</context>
<context>
    <name>BiasThresholdLesson</name>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Move the threshold h; the bias becomes b = −h</source>
        <translation>移动阈值 h；偏置随之变为 b = −h</translation>
    </message>
    <message>
        <source>Threshold h</source>
        <translation>阈值 h</translation>
    </message>
    <message>
        <source>The gate the unit should compute</source>
        <translation>该单元应实现的逻辑门</translation>
    </message>
    <message>
        <source>Target gate</source>
        <translation>目标逻辑门</translation>
    </message>
    <message>
        <source>The four inputs with their weighted sum and output</source>
        <translation>四个输入及其加权和与输出</translation>
    </message>
    <message>
        <source>weighted sum w·x</source>
        <translation>加权和 w·x</translation>
    </message>
    <message>
        <source>output y</source>
        <translation>输出 y</translation>
    </message>
    <message>
        <source>step(w·x − h)</source>
        <translation>step(w·x − h)</translation>
    </message>
    <message>
        <source>Set the threshold to %1</source>
        <translation>将阈值设为 %1</translation>
    </message>
    <message>
        <source>Threshold form: y = 1 when w·x ≥ h = %1.&lt;br&gt;Bias form: y = step(w·x + b) with b = −h = %2: the same unit.</source>
        <translation>阈值形式：当 w·x ≥ h = %1 时 y = 1。&lt;br&gt;偏置形式：y = step(w·x + b)，其中 b = −h = %2：两者是同一个单元。</translation>
    </message>
    <message>
        <source>Right: with h = %1 (b = %2) the unit computes %3. Every h with &lt;nobr&gt;%6 &amp;lt; h ≤ %7&lt;/nobr&gt; works: above the largest weighted sum that must stay silent, at most the smallest that must fire.</source>
        <translation>正确：h = %1（b = %2）时，这个单元计算的是 %3。满足 &lt;nobr&gt;%6 &amp;lt; h ≤ %7&lt;/nobr&gt; 的每个 h 都可行：h 要大于必须保持不激发的最大加权和，且不超过必须激发的最小加权和。</translation>
    </message>
    <message>
        <source>Not yet: the unit&apos;s outputs are %4 but %3 needs %5. Move h between the weighted sums that should stay silent and those that should fire (h = %1 now, b = %2).</source>
        <translation>还不对：该单元的输出是 %4，而 %3 需要 %5。请把 h 移到“应保持静默”和“应激发”的加权和之间（当前 h = %1，b = %2）。</translation>
    </message>
</context>
<context>
    <name>CanvasEdits</name>
    <message>
        <source>Activation of layer %1</source>
        <translation>第 %1 层的激活函数</translation>
    </message>
    <message>
        <source>Remove this neuron</source>
        <translation>删除这个神经元</translation>
    </message>
    <message>
        <source>A layer keeps at least one neuron</source>
        <translation>每一层至少要保留一个神经元</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>第 %1 隐藏层</translation>
    </message>
    <message>
        <source>neuron %1 of %2</source>
        <translation>%2的神经元 %1</translation>
    </message>
    <message>
        <source>weight w = %1
from %2 into neuron %3 of %4</source>
        <translation>权重 w = %1
从%2到%4的神经元 %3</translation>
    </message>
    <message>
        <source>Type a number and press Enter; Esc cancels</source>
        <translation>输入数字后按回车；按 Esc 取消</translation>
    </message>
    <message>
        <source>“%1” is not a number; type a value such as 0.5 or -1.2</source>
        <translation>“%1”不是数字；请输入如 0.5 或 -1.2 这样的数值</translation>
    </message>
    <message>
        <source>Add hidden layer</source>
        <translation>添加隐藏层</translation>
    </message>
    <message>
        <source>Remove hidden layer</source>
        <translation>删除隐藏层</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Keep at least one input feature</source>
        <translation>请至少保留一个输入特征</translation>
    </message>
</context>
<context>
    <name>CanvasImages</name>
    <message>
        <source>What neuron %1 of %2 looks for</source>
        <translation>%2的神经元 %1 在找什么</translation>
    </message>
    <message>
        <source>Neuron %1 looks for</source>
        <translation>神经元 %1 在找什么</translation>
    </message>
    <message>
        <source>Click a neuron
of %1
to see what it looks for</source>
        <translation>点击%1的
一个神经元，
看它在找什么</translation>
    </message>
    <message>
        <source>Click a neuron
of layer 1</source>
        <translation>点击第 1 层的
一个神经元</translation>
    </message>
</context>
<context>
    <name>CanvasLegend</name>
    <message>
        <source>No training samples: add some to see one here</source>
        <translation>没有训练样本：添加一些后，这里会显示其中一个</translation>
    </message>
    <message>
        <source>No training samples: showing x = (%1)</source>
        <translation>没有训练样本：显示的是 x = (%1)</translation>
    </message>
    <message>
        <source>Showing your input: %1 × %2 pixels, white x = 0 … black x = 1</source>
        <translation>显示的是你自己的输入：%1 × %2 像素，白 x = 0 … 黑 x = 1</translation>
    </message>
    <message>
        <source>Showing sample %1: %2 × %3 pixels, white x = 0 … black x = 1</source>
        <translation>显示的是样本 %1：%2 × %3 像素，白 x = 0 … 黑 x = 1</translation>
    </message>
    <message>
        <source>Showing your input (%1 inputs)</source>
        <translation>显示的是你自己的输入（%1 个输入）</translation>
    </message>
    <message>
        <source>Showing your input: x = (%1)</source>
        <translation>显示的是你自己的输入：x = (%1)</translation>
    </message>
    <message>
        <source>Showing sample %1 (%2 inputs)</source>
        <translation>显示的是样本 %1（%2 个输入）</translation>
    </message>
    <message>
        <source>Showing sample %1: x = (%2)</source>
        <translation>显示的是样本 %1：x = (%2)</translation>
    </message>
    <message>
        <source>(standardised; in the data: %1)</source>
        <translation>（已标准化；数据中的原值：%1）</translation>
    </message>
    <message>
        <source>Neuron colour = its output (x or a): %1</source>
        <translation>神经元颜色 = 它的输出（x 或 a）：%1</translation>
    </message>
    <message>
        <source>(inputs: x ÷ %1)</source>
        <translation>（输入：x ÷ %1）</translation>
    </message>
    <message>
        <source>Pictures of layer 1: the weight w of each pixel %1 · ink on blue raises z, on orange lowers it</source>
        <translation>第 1 层的图：每个像素的权重 w %1 · 蓝处有墨 z 升高，橙处有墨 z 降低</translation>
    </message>
    <message>
        <source>Inside: the output over the whole input plane · ring:&amp;nbsp;this&amp;nbsp;sample</source>
        <translation>内部：整个输入平面上的输出 · 外圈：本样本</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;━&lt;/span&gt; positive weight &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━&lt;/span&gt; negative weight &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;┅&lt;/span&gt;&amp;nbsp;w&amp;nbsp;=&amp;nbsp;0 &amp;nbsp; thicker&amp;nbsp;=&amp;nbsp;larger&amp;nbsp;|w|</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;━&lt;/span&gt; 正权重 &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━&lt;/span&gt; 负权重 &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;┅&lt;/span&gt;&amp;nbsp;w&amp;nbsp;=&amp;nbsp;0 &amp;nbsp; 越粗&amp;nbsp;=&amp;nbsp;|w|&amp;nbsp;越大</translation>
    </message>
    <message>
        <source>Showing the %1 strongest of %2 edges</source>
        <translation>显示 %2 条连线中最强的 %1 条</translation>
    </message>
</context>
<context>
    <name>CanvasZoom</name>
    <message>
        <source>Fit diagram</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
</context>
<context>
    <name>ChainRuleGraph</name>
    <message>
        <source>Computational graph of f = (x + y)·z</source>
        <translation>f = (x + y)·z 的计算图</translation>
    </message>
</context>
<context>
    <name>ChainRulePage</name>
    <message>
        <source>What is ∂f/∂x?</source>
        <translation>∂f/∂x 等于多少？</translation>
    </message>
    <message>
        <source>a number, e.g. 2.5</source>
        <translation>一个数，例如 2.5</translation>
    </message>
    <message>
        <source>Your value of ∂f/∂x</source>
        <translation>你算出的 ∂f/∂x</translation>
    </message>
    <message>
        <source>Input %1 of the graph</source>
        <translation>计算图的输入 %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; forward value &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; gradient ∂f/∂(·) flowing back</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; 前向值 &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; 反向传回的梯度 ∂f/∂(·)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>步骤 %1/%2 · %3</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Inputs: x = %1, y = %2, z = %3. Press Next for the forward pass.</source>
        <translation>输入：x = %1，y = %2，z = %3。点击“下一步”进行前向传播。</translation>
    </message>
    <message>
        <source>The backward pass starts at the output: ∂f/∂f = 1. Each step multiplies the gradient that arrives by the local derivative.</source>
        <translation>反向传播从输出开始：∂f/∂f = 1。每一步都把传回来的梯度乘以局部导数。</translation>
    </message>
    <message>
        <source>an add gate passes the gradient on: ∂%1/∂%2 = 1</source>
        <translation>加法门把梯度原样传下去：∂%1/∂%2 = 1</translation>
    </message>
    <message>
        <source>a multiply gate swaps its inputs: ∂%1/∂%2 = %3</source>
        <translation>乘法门交换它的两个输入：∂%1/∂%2 = %3</translation>
    </message>
    <message>
        <source>Not yet: %1 is ∂f/∂z = q = x + y. A multiply gate swaps its inputs: ∂f/∂q = z, not q, and the add gate passes that on to x.</source>
        <translation>还不对：%1 是 ∂f/∂z = q = x + y。乘法门会交换它的两个输入：∂f/∂q = z 而不是 q，加法门再把它原样传给 x。</translation>
    </message>
    <message>
        <source>Not yet: %1 is −∂f/∂x, the sign is flipped. ∂f/∂x = z × 1.</source>
        <translation>还不对：%1 是 −∂f/∂x，符号反了。∂f/∂x = z × 1。</translation>
    </message>
    <message>
        <source>Not yet: %1 is f itself, the result of the forward pass. The question asks for the gradient ∂f/∂x.</source>
        <translation>还不对：%1 是 f 本身，也就是前向传播的结果。题目问的是梯度 ∂f/∂x。</translation>
    </message>
    <message>
        <source>Type your value of ∂f/∂x first, e.g. −3.5.</source>
        <translation>请先输入你算出的 ∂f/∂x，例如 −3.5。</translation>
    </message>
    <message>
        <source>“%1” is not a number. Type a number such as −3.5.</source>
        <translation>“%1”不是数字。请输入一个数，例如 −3.5。</translation>
    </message>
    <message>
        <source>Right: ∂f/∂x = ∂f/∂q · ∂q/∂x = z × 1 = %1. Nudging x by a little ε changes f by about %1·ε.</source>
        <translation>正确：∂f/∂x = ∂f/∂q · ∂q/∂x = z × 1 = %1。把 x 改动一个很小的 ε，f 大约改变 %1·ε。</translation>
    </message>
    <message>
        <source>Not yet: %1 is not ∂f/∂x. Follow the gradient back from f: first through the multiply gate to q, then through the add gate to x.</source>
        <translation>还不对：%1 不是 ∂f/∂x。请从 f 出发沿梯度往回走：先经过乘法门到 q，再经过加法门到 x。</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message>
        <source>The coach sees something worth a look:</source>
        <translation>教练发现了值得一看的情况：</translation>
    </message>
    <message>
        <source>Nothing to report: the coach watches the run and speaks up when the network is not learning well.</source>
        <translation>目前一切正常：教练会盯着训练过程，网络学得不好时就会提醒你。</translation>
    </message>
    <message>
        <source>Apply the coach&apos;s advice</source>
        <translation>采纳教练的建议</translation>
    </message>
</context>
<context>
    <name>DataImports</name>
    <message>
        <source>Get the full MNIST…</source>
        <translation>获取完整 MNIST…</translation>
    </message>
    <message>
        <source>Import IDX files…</source>
        <translation>导入 IDX 文件…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>CSV 表格 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <source>Nothing was kept. Try again later, or copy the four files from a computer that has them and use File ▸ Data ▸ Import IDX files…</source>
        <translation>没有保留任何文件。请稍后再试，或者从已有这四个文件的计算机上复制过来，再使用“文件 ▸ 数据 ▸ 导入 IDX 文件…”。</translation>
    </message>
    <message>
        <source>Cannot download MNIST</source>
        <translation>无法下载 MNIST</translation>
    </message>
    <message>
        <source>Cannot read MNIST</source>
        <translation>无法读取 MNIST</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>XOR (quadrants)</source>
        <translation>异或（象限）</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Linearly separable</source>
        <translation>线性可分</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Gaussian bumps (regression)</source>
        <translation>高斯峰（回归）</translation>
    </message>
    <message>
        <source>Line (1-D regression)</source>
        <translation>直线（一维回归）</translation>
    </message>
    <message>
        <source>Logic gate AND</source>
        <translation>逻辑门 AND</translation>
    </message>
    <message>
        <source>Logic gate OR</source>
        <translation>逻辑门 OR</translation>
    </message>
    <message>
        <source>Logic gate NAND</source>
        <translation>逻辑门 NAND</translation>
    </message>
    <message>
        <source>Logic gate XOR</source>
        <translation>逻辑门 XOR</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>Handwritten digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>MNIST digits (10,000)</source>
        <translation>MNIST 手写数字（10,000）</translation>
    </message>
    <message>
        <source>sepal length</source>
        <translation>花萼长度</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>sepal width</source>
        <translation>花萼宽度</translation>
    </message>
    <message>
        <source>petal length</source>
        <translation>花瓣长度</translation>
    </message>
    <message>
        <source>petal width</source>
        <translation>花瓣宽度</translation>
    </message>
    <message>
        <source>setosa</source>
        <translation>山鸢尾</translation>
    </message>
    <message>
        <source>versicolor</source>
        <translation>变色鸢尾</translation>
    </message>
    <message>
        <source>virginica</source>
        <translation>维吉尼亚鸢尾</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Downloading MNIST: %1 files, %2 MB</source>
        <translation>正在下载 MNIST：%1 个文件，共 %2 MB</translation>
    </message>
    <message>
        <source>Get the full MNIST</source>
        <translation>获取完整 MNIST</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>第 %1 个文件（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>%1 of %2 MB · %3 MB/s</source>
        <translation>%1 / %2 MB · %3 MB/s</translation>
    </message>
</context>
<context>
    <name>DrawingPanel</name>
    <message>
        <source>Erase</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Rub out with the left button (the right button always rubs out)</source>
        <translation>用左键擦除（右键始终是擦除）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show on the diagram</source>
        <translation>在网络图上显示</translation>
    </message>
    <message>
        <source>The diagram and the Inspector compute with the drawing: watch the neurons light up</source>
        <translation>网络图和检查器用这幅画来计算：看神经元亮起来</translation>
    </message>
    <message>
        <source>Add to the training data as</source>
        <translation>加入训练数据，标签为</translation>
    </message>
    <message>
        <source>Your drawing, prepared as the network sees it, joins the training set with the label you choose (Undo takes it out again)</source>
        <translation>把你的画（处理成网络看到的样子）连同你选的标签加入训练集（撤销可以再把它移除）</translation>
    </message>
    <message>
        <source>The digit your drawing shows</source>
        <translation>你画的是哪个数字</translation>
    </message>
    <message>
        <source>Choose an image dataset (Handwritten digits or MNIST) and a network for it to draw a digit for the network.</source>
        <translation>请选择一个图像数据集（手写数字或 MNIST）以及适合它的网络，才能为网络画一个数字。</translation>
    </message>
    <message>
        <source>Draw a digit. This network has not been trained yet: its answers are guesses.</source>
        <translation>画一个数字。这个网络还没有训练过：它的回答只是猜测。</translation>
    </message>
    <message>
        <source>Draw a digit: the network answers as you draw.</source>
        <translation>画一个数字：你边画，网络边回答。</translation>
    </message>
    <message>
        <source>What the network sees (%1×%2, prepared like the dataset)</source>
        <translation>网络看到的（%1×%2，按数据集的方式处理）</translation>
    </message>
    <message>
        <source>Add a drawn %1 to the training data</source>
        <translation>把手绘的 %1 加入训练数据</translation>
    </message>
    <message>
        <source>Your drawing is training sample %1, labelled %2.</source>
        <translation>你的画已成为第 %1 个训练样本，标签为 %2。</translation>
    </message>
    <message>
        <source>The network&apos;s answer: %1 (%2)</source>
        <translation>网络的回答：%1（%2）</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <source>In order: forward, then backward</source>
        <translation>按顺序：先前向，再反向</translation>
    </message>
    <message>
        <source>At random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Your answer, e.g. 0.3775</source>
        <translation>你的答案，例如 0.3775</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>New random weights</source>
        <translation>新的随机权重</translation>
    </message>
    <message>
        <source>Start again on the same network with new random weights (undoable)</source>
        <translation>在同一网络上用新的随机权重重新开始（可撤销）</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Compute each number by hand for the selected sample, as in the lessons, and type it with the digits the window shows.</source>
        <translation>像课程中那样，针对所选样本亲手算出每个数，并按窗口显示的位数输入。</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>已知 %1</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>正确。</translation>
    </message>
    <message>
        <source>Here is the worked line:</source>
        <translation>完整算式如下：</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>再试一次。</translation>
    </message>
    <message>
        <source>Score: %1 of %2 right at the first try</source>
        <translation>得分：%2 题中 %1 题一次答对</translation>
    </message>
    <message>
        <source>New random weights and biases</source>
        <translation>新的随机权重和偏置</translation>
    </message>
    <message>
        <source>The network or the sample has changed since this question was asked: its numbers are those of the network as it was. The next question uses the network as it is now.</source>
        <translation>出题后网络或样本已改变：本题的数值来自出题时的网络。下一题将使用现在的网络。</translation>
    </message>
    <message>
        <source>Compute the loss L for sample %1.</source>
        <translation>计算样本 %1 的损失 L。</translation>
    </message>
    <message>
        <source>Compute the weighted input %1 of %2 for sample %3.</source>
        <translation>计算样本 %3 在%2的加权输入 %1。</translation>
    </message>
    <message>
        <source>Compute the activation %1 of %2 for sample %3.</source>
        <translation>计算样本 %3 在%2的激活值 %1。</translation>
    </message>
    <message>
        <source>Compute the error %1 = ∂L/∂z of %2 for sample %3.</source>
        <translation>计算样本 %3 在%2的误差 %1 = ∂L/∂z。</translation>
    </message>
    <message>
        <source>Compute the gradient %1 of a weight into %2 for sample %3.</source>
        <translation>计算样本 %3 中一条进入%2的权重的梯度 %1。</translation>
    </message>
    <message>
        <source>Compute %1 after one step of gradient descent with η = %2 (%3).</source>
        <translation>计算以 η = %2 做一步梯度下降后的 %1（%3）。</translation>
    </message>
    <message>
        <source>output neuron %1</source>
        <translation>输出神经元 %1 </translation>
    </message>
    <message>
        <source>neuron %1 of hidden layer %2</source>
        <translation>隐藏层 %2 的神经元 %1 </translation>
    </message>
    <message>
        <source>Type a number first.</source>
        <translation>请先输入一个数。</translation>
    </message>
    <message>
        <source>That is not a number.</source>
        <translation>这不是一个数字。</translation>
    </message>
    <message>
        <source>Give at least %1 significant digits: with fewer, it could be a neighbouring value.</source>
        <translation>请至少给出 %1 位有效数字：位数更少时，它可能是相邻的另一个值。</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>不太对。</translation>
    </message>
    <message>
        <source>You left out the bias b.</source>
        <translation>你漏掉了偏置 b。</translation>
    </message>
    <message>
        <source>Each weight goes with its own input: you paired them crosswise (a₂ for a₁).</source>
        <translation>每个权重要乘它自己的输入：你把它们交叉配对了（把 a₂ 当成了 a₁）。</translation>
    </message>
    <message>
        <source>That is the activation a = f(z); z comes before the activation function.</source>
        <translation>这是激活值 a = f(z)；z 是经过激活函数之前的值。</translation>
    </message>
    <message>
        <source>That is the neighbouring neuron&apos;s value.</source>
        <translation>这是相邻神经元的值。</translation>
    </message>
    <message>
        <source>That is z: apply the activation function f to it.</source>
        <translation>这是 z：还要对它应用激活函数 f。</translation>
    </message>
    <message>
        <source>That is the other S-shaped function: check which activation this layer uses.</source>
        <translation>这是另一个 S 形函数：请确认这一层用的是哪个激活函数。</translation>
    </message>
    <message>
        <source>The square loss has a ½ in front: L = ½ Σ (ŷ − y)².</source>
        <translation>平方损失前面有 ½：L = ½ Σ (ŷ − y)²。</translation>
    </message>
    <message>
        <source>Square each difference: (ŷ − y)².</source>
        <translation>每个差都要平方：(ŷ − y)²。</translation>
    </message>
    <message>
        <source>Use the natural logarithm ln, not log₁₀.</source>
        <translation>要用自然对数 ln，而不是 log₁₀。</translation>
    </message>
    <message>
        <source>Check the sign.</source>
        <translation>检查一下正负号。</translation>
    </message>
    <message>
        <source>Only the true class counts: y is 0 for the others.</source>
        <translation>只有真实类别计入：其他类别的 y 为 0。</translation>
    </message>
    <message>
        <source>With this output and loss, f′ cancels out: δ = ŷ − y.</source>
        <translation>对这种输出和损失，f′ 会被约掉：δ = ŷ − y。</translation>
    </message>
    <message>
        <source>Multiply by the derivative f′(z).</source>
        <translation>还要乘以导数 f′(z)。</translation>
    </message>
    <message>
        <source>Evaluate the derivative f′ at z, not at a.</source>
        <translation>导数 f′ 要在 z 处求值，而不是在 a 处。</translation>
    </message>
    <message>
        <source>Softmax ties the outputs together: subtract Σₖ ŷₖ ∂L/∂ŷₖ inside the brackets.</source>
        <translation>softmax 把各输出联系在一起：括号里要减去 Σₖ ŷₖ ∂L/∂ŷₖ。</translation>
    </message>
    <message>
        <source>Use the weights that leave this neuron (its column of W), not another neuron&apos;s.</source>
        <translation>要用从这个神经元出发的权重（W 中它的那一列），而不是另一个神经元的。</translation>
    </message>
    <message>
        <source>Multiply δ by the input the weight comes from.</source>
        <translation>要把 δ 乘以这条权重所来自的输入。</translation>
    </message>
    <message>
        <source>Use the input the weight comes from, not this neuron&apos;s own output.</source>
        <translation>要用这条权重所来自的输入，而不是这个神经元自己的输出。</translation>
    </message>
    <message>
        <source>Gradient descent steps against the gradient: w − η ∂L/∂w.</source>
        <translation>梯度下降沿梯度的反方向走：w − η ∂L/∂w。</translation>
    </message>
    <message>
        <source>Multiply the gradient by the learning rate η.</source>
        <translation>要把梯度乘以学习率 η。</translation>
    </message>
    <message>
        <source>That is the change −η ∂L/∂w: add it to w.</source>
        <translation>这是变化量 −η ∂L/∂w：还要把它加到 w 上。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Set a weight to %1</source>
        <translation>将权重设为 %1</translation>
    </message>
    <message>
        <source>Set a bias to %1</source>
        <translation>将偏置设为 %1</translation>
    </message>
    <message>
        <source>Reset the weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Use %1 in layer %2</source>
        <translation>第 %2 层改用 %1</translation>
    </message>
    <message>
        <source>Add a neuron to layer %1</source>
        <translation>在第 %1 层添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a neuron from layer %1</source>
        <translation>从第 %1 层删除一个神经元</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>Remove a hidden layer</source>
        <translation>删除一个隐藏层</translation>
    </message>
    <message>
        <source>Change the input features</source>
        <translation>更改输入特征</translation>
    </message>
    <message>
        <source>Add a point</source>
        <translation>添加一个点</translation>
    </message>
    <message>
        <source>Add %1 points</source>
        <translation>添加 %1 个点</translation>
    </message>
    <message>
        <source>Move a point</source>
        <translation>移动一个点</translation>
    </message>
    <message>
        <source>Erase points</source>
        <translation>擦除点</translation>
    </message>
    <message>
        <source>Clear the points</source>
        <translation>清除所有点</translation>
    </message>
    <message>
        <source>Regenerate the points</source>
        <translation>重新生成数据点</translation>
    </message>
</context>
<context>
    <name>EngineErrors</name>
    <message>
        <source>rrelu needs lower &lt;= upper, got {lower} &gt; {upper}</source>
        <translation>RReLU 要求下界 ≤ 上界，而这里是 {lower} &gt; {upper}</translation>
    </message>
    <message>
        <source>{what} must be a number, got {value!r}</source>
        <translation>{what}必须是数，而这里是 {value!r}</translation>
    </message>
    <message>
        <source>{what} must be finite, got {value}</source>
        <translation>{what}必须是有限的数，而这里是 {value}</translation>
    </message>
    <message>
        <source>unknown activation {name!r}; choose one of {names}</source>
        <translation>没有名为 {name!r} 的激活函数；可选：{names}</translation>
    </message>
    <message>
        <source>activation {name!r} takes no parameter {unknown!r} (it takes {allowed})</source>
        <translation>激活函数 {name!r} 没有参数 {unknown!r}（它的参数是 {allowed}）</translation>
    </message>
    <message>
        <source>activation {name!r} takes no parameter {unknown!r}</source>
        <translation>激活函数 {name!r} 没有参数 {unknown!r}</translation>
    </message>
    <message>
        <source>an activation is described by a name, got {spec!r}</source>
        <translation>激活函数应以名称给出，而这里是 {spec!r}</translation>
    </message>
    <message>
        <source>training settings must be a JSON object</source>
        <translation>训练设置必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>training setting {name!r} has an invalid value: {value}</source>
        <translation>训练设置 {name!r} 的值无效：{value}</translation>
    </message>
    <message>
        <source>training setting {name!r} must be a whole number from {low} to {high}, not {value}</source>
        <translation>训练设置 {name!r} 必须是 {low} 到 {high} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>training setting {name!r} must be a number from {low} to {high}, not {value}</source>
        <translation>训练设置 {name!r} 必须是 {low} 到 {high} 之间的数，而不是 {value}</translation>
    </message>
    <message>
        <source>a number of about {digits} digits</source>
        <translation>一个约 {digits} 位的数</translation>
    </message>
    <message>
        <source>the feature columns cannot be standardised (the numbers are too large)</source>
        <translation>特征列无法标准化（数值太大）</translation>
    </message>
    <message>
        <source>this is a binary file, not a CSV table</source>
        <translation>这是二进制文件，不是 CSV 表格</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte})</source>
        <translation>文件不是 UTF-8 文本（第 {byte} 字节）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>row {row}: the table needs at least two columns (inputs, target)</source>
        <translation>第 {row} 行：表格至少需要两列（输入和目标）</translation>
    </message>
    <message>
        <source>row {row}: {count} cells, but the header has {columns} columns</source>
        <translation>第 {row} 行：有 {count} 个单元格，但表头有 {columns} 列</translation>
    </message>
    <message>
        <source>row {row}: more than {limit:,} cells; the table is too big</source>
        <translation>第 {row} 行：单元格超过 {limit:,} 个，表格太大</translation>
    </message>
    <message>
        <source>the table has a header but no data rows</source>
        <translation>表格只有表头，没有数据行</translation>
    </message>
    <message>
        <source>there is no column {target}; the table has {count}</source>
        <translation>没有第 {target} 列；表格共有 {count} 列</translation>
    </message>
    <message>
        <source>there is no column named {target!r}</source>
        <translation>没有名为 {target!r} 的列</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({name!r})</source>
        <translation>第 {row} 行第 {column} 列（{name!r}）</translation>
    </message>
    <message>
        <source>the line holds a NUL character</source>
        <translation>该行含有 NUL 字符</translation>
    </message>
    <message>
        <source>the file ends inside a cell</source>
        <translation>文件在单元格中间就结束了</translation>
    </message>
    <message>
        <source>a cell is longer than {limit:,} characters</source>
        <translation>有单元格超过 {limit:,} 个字符</translation>
    </message>
    <message>
        <source>a line break inside a cell that has no quotes</source>
        <translation>没有引号的单元格里出现了换行</translation>
    </message>
    <message>
        <source>{where}: {cell!r} is too large; numbers must lie within ±1e150</source>
        <translation>{where}：{cell!r} 太大，数值必须在 ±1e150 以内</translation>
    </message>
    <message>
        <source>{where}: the cell is empty</source>
        <translation>{where}：单元格是空的</translation>
    </message>
    <message>
        <source>{where}: {cell!r} is not a number</source>
        <translation>{where}：{cell!r} 不是数</translation>
    </message>
    <message>
        <source>{where}: {cell!r} is not a finite number</source>
        <translation>{where}：{cell!r} 不是有限的数</translation>
    </message>
    <message>
        <source>column {column} ({name!r}): the target has only one class</source>
        <translation>第 {column} 列（{name!r}）：目标只有一个类别</translation>
    </message>
    <message>
        <source>column {column} ({name!r}): {count} different labels; at most {limit} classes</source>
        <translation>第 {column} 列（{name!r}）：有 {count} 种不同的标签，最多允许 {limit} 个类别</translation>
    </message>
    <message>
        <source>{where}: the label is empty</source>
        <translation>{where}：标签是空的</translation>
    </message>
    <message>
        <source>the number of points must be 2 to 1,000,000, got {count}</source>
        <translation>点数必须在 2 到 1,000,000 之间，而这里是 {count}</translation>
    </message>
    <message>
        <source>noise must be between 0 and 1, got {noise}</source>
        <translation>噪声必须在 0 到 1 之间，而这里是 {noise}</translation>
    </message>
    <message>
        <source>line needs 2 to 1,000,000 points and noise in [0, 1], got {count}, {noise}</source>
        <translation>直线数据需要 2 到 1,000,000 个点、噪声在 [0, 1] 之内，而这里是 {count}、{noise}</translation>
    </message>
    <message>
        <source>unknown dataset {name!r}; choose one of {names}</source>
        <translation>没有名为 {name!r} 的数据集；可选：{names}</translation>
    </message>
    <message>
        <source>a classification needs at least 2 classes, got {count}</source>
        <translation>分类至少需要 2 个类别，这里只有 {count} 个</translation>
    </message>
    <message>
        <source>the test images and the test labels go together</source>
        <translation>测试图像和测试标签必须同时给出</translation>
    </message>
    <message>
        <source>{name}: the test images are {rows}×{cols} pixels, the training images {train_rows}×{train_cols}</source>
        <translation>{name}：测试图像是 {rows}×{cols} 像素，而训练图像是 {train_rows}×{train_cols} 像素</translation>
    </message>
    <message>
        <source>{name}: not a file of images (expected bytes in 3 dimensions: count, rows, columns; it holds {kind} in {count} dimensions)</source>
        <translation>{name}：不是图像文件（应为 3 个维度的字节：数量、行、列；它包含 {count} 个维度的{kind}）</translation>
    </message>
    <message>
        <source>{name}: not a file of labels (expected whole numbers in 1 dimension; it holds {kind} in {count} dimensions)</source>
        <translation>{name}：不是标签文件（应为 1 个维度的整数；它包含 {count} 个维度的{kind}）</translation>
    </message>
    <message>
        <source>{images} holds {n_images:,} images but {labels} {n_labels:,} labels</source>
        <translation>{images} 有 {n_images:,} 张图像，但 {labels} 有 {n_labels:,} 个标签</translation>
    </message>
    <message>
        <source>{name}: label {label} (item {index:,}) is not one of the {count} classes 0 to {last}</source>
        <translation>{name}：标签 {label}（第 {index:,} 项）不属于 0 到 {last} 这 {count} 个类别</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>whole numbers</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>decimal numbers</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>the test fraction must be in [0, 1), got {value!r}</source>
        <translation>测试集比例必须在 [0, 1) 之内，而这里是 {value!r}</translation>
    </message>
    <message>
        <source>the test fraction leaves no training samples</source>
        <translation>这个测试集比例没有给训练留下任何样本</translation>
    </message>
    <message>
        <source>{where}: expected a list of epoch records</source>
        <translation>{where}：应为轮次记录的列表</translation>
    </message>
    <message>
        <source>{where}: more than {limit:,} records</source>
        <translation>{where}：记录超过 {limit:,} 条</translation>
    </message>
    <message>
        <source>{where}: expected an object, got {kind}</source>
        <translation>{where}：应为对象，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: the test images and labels come as a pair</source>
        <translation>{where}：测试图像和标签必须成对给出</translation>
    </message>
    <message>
        <source>{where}.class_names: expected a list of at most {limit} names, got {kind}</source>
        <translation>{where}.class_names：应为最多 {limit} 个名称的列表，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}.download: expected {allowed}, got {kind}</source>
        <translation>{where}.download：应为 {allowed}，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: {epoch} comes after epoch {last}</source>
        <translation>{where}：第 {epoch} 轮排在第 {last} 轮之后</translation>
    </message>
    <message>
        <source>{where}: expected a number, got {kind}</source>
        <translation>{where}：应为数，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: expected a whole number from 0 to {limit:,}, got {kind}</source>
        <translation>{where}：应为 0 到 {limit:,} 之间的整数，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: expected a number from 0 to 1 or null, got {kind}</source>
        <translation>{where}：应为 0 到 1 之间的数或 null，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: expected a finite number, not negative, or null, got {kind}</source>
        <translation>{where}：应为非负的有限数或 null，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: expected the path of a file (1 to {limit} characters), got {kind}</source>
        <translation>{where}：应为文件路径（1 到 {limit} 个字符），实际是{kind}</translation>
    </message>
    <message>
        <source>training.csv_path: expected the path of a CSV file (1 to {limit} characters), got {kind}</source>
        <translation>training.csv_path：应为 CSV 文件的路径（1 到 {limit} 个字符），实际是{kind}</translation>
    </message>
    <message>
        <source>parameters must be a vector of finite numbers</source>
        <translation>参数必须是由有限数组成的向量</translation>
    </message>
    <message>
        <source>the network has {count} parameters, not {given}</source>
        <translation>网络有 {count} 个参数，而不是 {given} 个</translation>
    </message>
    <message>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>no space left on the disk</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>the text {text!r}</source>
        <translation>文本 {text!r}</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>真假值 true/false</translation>
    </message>
    <message>
        <source>null</source>
        <translation> null</translation>
    </message>
    <message>
        <source>the number {number}</source>
        <translation>数 {number}</translation>
    </message>
    <message>
        <source>cannot be saved: a number is not finite (did the training diverge?)</source>
        <translation>无法保存：有一个数不是有限的（训练是否发散了？）</translation>
    </message>
    <message>
        <source>cannot be saved: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <source>cannot be saved: the text holds a character that is not valid Unicode</source>
        <translation>无法保存：文本中含有无效的 Unicode 字符</translation>
    </message>
    <message>
        <source>cannot be saved: {where} holds a character that is not valid Unicode</source>
        <translation>无法保存：{where} 含有无效的 Unicode 字符</translation>
    </message>
    <message>
        <source>the file is larger than the limit for network files</source>
        <translation>文件超过了网络文件的大小上限</translation>
    </message>
    <message>
        <source>this is a Python pickle, not a network file; it is not opened</source>
        <translation>这是 Python pickle 文件，不是网络文件，不会打开</translation>
    </message>
    <message>
        <source>this is a binary file, not a network file (JSON text)</source>
        <translation>这是二进制文件，不是网络文件（JSON 文本）</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte})</source>
        <translation>不是 UTF-8 文本（第 {byte} 字节）</translation>
    </message>
    <message>
        <source>training: expected an object of settings</source>
        <translation>training：应为设置对象</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>最外层应为一个 JSON 对象</translation>
    </message>
    <message>
        <source>not a NeuronGUI network file (format is not {name!r})</source>
        <translation>不是 NeuronGUI 网络文件（format 不是 {name!r}）</translation>
    </message>
    <message>
        <source>version: expected an integer, got {value!r}</source>
        <translation>version：应为整数，实际是 {value!r}</translation>
    </message>
    <message>
        <source>version {version} was written by a newer NeuronGUI; this one reads up to version {newest}</source>
        <translation>第 {version} 版文件由更新的 NeuronGUI 写入；这个版本最多读取第 {newest} 版</translation>
    </message>
    <message>
        <source>version: {version} is not a valid version</source>
        <translation>version：{version} 不是有效的版本号</translation>
    </message>
    <message>
        <source>{key}: a version-1 file needs a list here</source>
        <translation>{key}：第 1 版文件这里需要一个列表</translation>
    </message>
    <message>
        <source>sizes, activations, weights and biases do not match in length</source>
        <translation>sizes、activations、weights 和 biases 的长度不一致</translation>
    </message>
    <message>
        <source>{where}: {name} is only allowed in the output layer</source>
        <translation>{where}：{name} 只能用在输出层</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>a weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>a bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>an alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>命名管道</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>{name}: cannot read the file ({reason})</source>
        <translation>{name}：无法读取文件（{reason}）</translation>
    </message>
    <message>
        <source>{name}: not a valid file name</source>
        <translation>{name}：不是有效的文件名</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>{name}: this is {kind}, not a file; it is not read</source>
        <translation>{name}：这是{kind}，不是普通文件，不会读取</translation>
    </message>
    <message>
        <source>{name}: {size:.0f} MB is larger than the {limit} MB limit</source>
        <translation>{name}：{size:.0f} MB 超过了 {limit} MB 的上限</translation>
    </message>
    <message>
        <source>{name}: {size:,} bytes is larger than the limit of {limit:,} bytes</source>
        <translation>{name}：{size:,} 字节超过了 {limit:,} 字节的上限</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>第 {line} 行第 {column} 列不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>JSON 嵌套层数太多</translation>
    </message>
    <message>
        <source>{where}: the text holds a character that is not valid Unicode (a lone surrogate escape such as \ud800)</source>
        <translation>{where}：文本中含有无效的 Unicode 字符（单独的代理项转义，如 \ud800）</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>a whole number of {count:,} digits is too large (numbers in a network file have at most {limit} digits)</source>
        <translation>{count:,} 位的整数太大（网络文件中的数最多 {limit} 位）</translation>
    </message>
    <message>
        <source>line {line}, column {column}: a whole number of {count:,} digits is too large (numbers in a network file have at most {limit} digits)</source>
        <translation>第 {line} 行第 {column} 列：{count:,} 位的整数太大（网络文件中的数最多 {limit} 位）</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>缺少一个值</translation>
    </message>
    <message>
        <source>a comma is missing</source>
        <translation>缺少逗号</translation>
    </message>
    <message>
        <source>a colon is missing</source>
        <translation>缺少冒号</translation>
    </message>
    <message>
        <source>a key in double quotes is missing (a comma too many?)</source>
        <translation>缺少用双引号括起的键（是否多了一个逗号？）</translation>
    </message>
    <message>
        <source>a text is not closed by a double quote</source>
        <translation>文本缺少结尾的双引号</translation>
    </message>
    <message>
        <source>a text holds a control character (a line break?)</source>
        <translation>文本中含有控制字符（换行？）</translation>
    </message>
    <message>
        <source>a backslash escape is not valid</source>
        <translation>反斜杠转义无效</translation>
    </message>
    <message>
        <source>a \u escape is not valid</source>
        <translation>\u 转义无效</translation>
    </message>
    <message>
        <source>more text follows the end of the JSON</source>
        <translation>JSON 结束后还有多余的内容</translation>
    </message>
    <message>
        <source>{name} is not a finite number; network files hold only numbers</source>
        <translation>{name} 不是有限的数；网络文件中只能有普通的数</translation>
    </message>
    <message>
        <source>the key {key!r} appears twice in one object</source>
        <translation>键 {key!r} 在同一个对象中出现了两次</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>{where}: {count} layers; at most {limit} allowed</source>
        <translation>{where}：有 {count} 层，最多允许 {limit} 层</translation>
    </message>
    <message>
        <source>{where}: a size must be an integer, got {value}</source>
        <translation>{where}：大小必须是整数，实际是{value}</translation>
    </message>
    <message>
        <source>{where}: {size:,} neurons; a layer has 1 to {limit:,}</source>
        <translation>{where}：{size:,} 个神经元；每层应有 1 到 {limit:,} 个</translation>
    </message>
    <message>
        <source>{where}: about {count:,} parameters; at most {limit:,} allowed</source>
        <translation>{where}：约 {count:,} 个参数，最多允许 {limit:,} 个</translation>
    </message>
    <message>
        <source>layers: expected a non-empty list of layers</source>
        <translation>layers：应为非空的层列表</translation>
    </message>
    <message>
        <source>{where}: the required key {key!r} is missing</source>
        <translation>{where}：缺少必需的键 {key!r}</translation>
    </message>
    <message>
        <source>inputs.names: expected a list of {count} names</source>
        <translation>inputs.names：应为包含 {count} 个名称的列表</translation>
    </message>
    <message>
        <source>{where}: expected a name of 1 to {limit} characters</source>
        <translation>{where}：名称应有 1 到 {limit} 个字符</translation>
    </message>
    <message>
        <source>{where}: expected a list of {size} numbers, got {kind}</source>
        <translation>{where}：应为 {size} 个数的列表，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: expected {size} numbers, got {count}</source>
        <translation>{where}：应有 {size} 个数，实际有 {count} 个</translation>
    </message>
    <message>
        <source>{where}: expected {rows} rows of {cols} numbers, got {kind}</source>
        <translation>{where}：应为 {rows} 行、每行 {cols} 个数，实际是{kind}</translation>
    </message>
    <message>
        <source>{where}: expected {rows} rows (one per neuron), got {count}</source>
        <translation>{where}：应有 {rows} 行（每个神经元一行），实际有 {count} 行</translation>
    </message>
    <message>
        <source>{where}: the number is too large</source>
        <translation>{where}：数太大</translation>
    </message>
    <message>
        <source>{where}: {value} is not a finite number</source>
        <translation>{where}：{value} 不是有限的数</translation>
    </message>
    <message>
        <source>the batch size must be a whole number &gt;= 1, got {value!r}</source>
        <translation>批大小必须是 ≥ 1 的整数，而这里是 {value!r}</translation>
    </message>
    <message>
        <source>unknown regularization {kind!r}; choose one of {kinds}</source>
        <translation>没有名为 {kind!r} 的正则化；可选：{kinds}</translation>
    </message>
    <message>
        <source>the regularization rate must be &gt;= 0, got {value!r}</source>
        <translation>正则化系数必须 ≥ 0，而这里是 {value!r}</translation>
    </message>
    <message>
        <source>the {what} set is empty</source>
        <translation>{what}集是空的</translation>
    </message>
    <message>
        <source>the {what} data contains NaN or infinite values</source>
        <translation>{what}数据中含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>the {what} must be a positive number, got {value!r}</source>
        <translation>{what}必须是正数，而这里是 {value!r}</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>softmax on a single output neuron always gives 1, so the network cannot learn; use sigmoid for one output</source>
        <translation>单个输出神经元上的 softmax 总是输出 1，网络无法学习；单个输出请用 sigmoid</translation>
    </message>
    <message>
        <source>{activation} gives outputs from {low} to {high}, but the targets run from {min} to {max}; use identity for these targets</source>
        <translation>{activation} 的输出在 {low} 到 {high} 之间，而目标值在 {min} 到 {max} 之间；这些目标请用恒等函数</translation>
    </message>
    <message>
        <source>cross-entropy needs targets from 0 to 1, but these run from {min} to {max}; use the square loss</source>
        <translation>交叉熵要求目标值在 0 到 1 之间，而这些目标在 {min} 到 {max} 之间；请用平方损失</translation>
    </message>
    <message>
        <source>softmax outputs sum to 1 in every row, but the targets&apos; rows sum to {min} to {max}; use sigmoid or identity</source>
        <translation>softmax 每行输出之和为 1，而目标值每行之和在 {min} 到 {max} 之间；请用 sigmoid 或恒等函数</translation>
    </message>
    <message>
        <source>hidden layer {layer} has only one neuron; remove the layer instead</source>
        <translation>隐藏层 {layer} 只有一个神经元；请改为删除这一层</translation>
    </message>
    <message>
        <source>hidden layer {layer} has no neuron {neuron}</source>
        <translation>隐藏层 {layer} 没有第 {neuron} 个神经元</translation>
    </message>
    <message>
        <source>a hidden layer can be inserted at positions 1 to {last}</source>
        <translation>隐藏层只能插入在第 1 到第 {last} 个位置</translation>
    </message>
    <message>
        <source>the network has no layer {layer}</source>
        <translation>网络没有第 {layer} 层</translation>
    </message>
    <message>
        <source>a network needs at least one input</source>
        <translation>网络至少需要一个输入</translation>
    </message>
    <message>
        <source>unknown input feature {name}; choose from {known}</source>
        <translation>未知的输入特征 {name}；可选：{known}</translation>
    </message>
    <message>
        <source>the input feature {name} is chosen twice</source>
        <translation>输入特征 {name} 被选了两次</translation>
    </message>
    <message>
        <source>layer {layer} is not a hidden layer</source>
        <translation>第 {layer} 层不是隐藏层</translation>
    </message>
    <message>
        <source>layer {layer} has no weight from {source} into neuron {neuron}</source>
        <translation>第 {layer} 层没有从第 {source} 个来源连到第 {neuron} 个神经元的权重</translation>
    </message>
    <message>
        <source>an input has no bias</source>
        <translation>输入没有偏置</translation>
    </message>
    <message>
        <source>layer {layer} has no neuron {neuron} with a bias</source>
        <translation>第 {layer} 层没有带偏置的第 {neuron} 个神经元</translation>
    </message>
    <message>
        <source>the loss rose in {rises} of the last {window} epochs; η = {eta}</source>
        <translation>在最近 {window} 轮中损失有 {rises} 轮上升；η = {eta}</translation>
    </message>
    <message>
        <source>Each step overshoots the valley of the loss and lands higher on the other side. A smaller learning rate takes smaller steps.</source>
        <translation>每一步都越过了损失的谷底，落到对面更高的地方。学习率小一些，步子就小一些。</translation>
    </message>
    <message>
        <source>Set η to {eta}</source>
        <translation>把 η 设为 {eta}</translation>
    </message>
    <message>
        <source>the loss fell by {drop} over the last {window} epochs and the weights change by {ratio} of their size per epoch; η = {eta}</source>
        <translation>最近 {window} 轮损失只下降了 {drop}，权重每轮只变化其大小的 {ratio}；η = {eta}</translation>
    </message>
    <message>
        <source>The steps are so small that the network would need thousands of epochs to get anywhere. A larger learning rate takes larger steps.</source>
        <translation>步子太小，网络要几千轮才能有进展。学习率大一些，步子就大一些。</translation>
    </message>
    <message>
        <source>{dead} of the {total} ReLU neurons of layer {layer} output 0 for every training sample</source>
        <translation>第 {layer} 层的 {total} 个 ReLU 神经元中有 {dead} 个对每个训练样本都输出 0</translation>
    </message>
    <message>
        <source>Where z &lt; 0, ReLU&apos;s slope is 0, so no gradient reaches these neurons&apos; weights: they can never come back. Leaky ReLU keeps a small slope below 0.</source>
        <translation>z &lt; 0 时 ReLU 的斜率为 0，梯度传不到这些神经元的权重：它们再也恢复不了。Leaky ReLU 在 0 以下保留一个小斜率。</translation>
    </message>
    <message>
        <source>Use leaky ReLU in layer {layer}</source>
        <translation>在第 {layer} 层使用 Leaky ReLU</translation>
    </message>
    <message>
        <source>{count} of the {total} {activation} neurons of layer {layer} have |z| &gt; {limit} for 90% of the samples</source>
        <translation>第 {layer} 层的 {total} 个 {activation} 神经元中有 {count} 个在 90% 的样本上 |z| &gt; {limit}</translation>
    </message>
    <message>
        <source>On its flat ends the activation&apos;s slope f′(z) is almost 0, and δ is multiplied by it: these neurons barely learn. Smaller starting weights put z back where the curve is steep.</source>
        <translation>在两端平坦处激活函数的斜率 f′(z) 几乎为 0，而 δ 要乘以它：这些神经元几乎学不动。较小的初始权重能让 z 回到曲线陡峭的地方。</translation>
    </message>
    <message>
        <source>Start again from new small weights</source>
        <translation>用新的小权重重新开始</translation>
    </message>
    <message>
        <source>{count} hidden layers use sigmoid, whose slope is at most 0.25</source>
        <translation>有 {count} 个隐藏层使用 sigmoid，它的斜率最大只有 0.25</translation>
    </message>
    <message>
        <source>Backpropagation multiplies δ by f′(z) once per layer: through {count} sigmoid layers the first layer&apos;s gradient is at most 0.25^{count} = {factor} of the last one&apos;s. ReLU&apos;s slope is 1.</source>
        <translation>反向传播每经过一层就把 δ 乘以一次 f′(z)：经过 {count} 个 sigmoid 层后，第一层的梯度至多是最后一层的 0.25^{count} = {factor}。ReLU 的斜率是 1。</translation>
    </message>
    <message>
        <source>Use ReLU in the hidden layers</source>
        <translation>在隐藏层使用 ReLU</translation>
    </message>
    <message>
        <source>averaged over 5 epochs, the test loss rose from {best} to {now} in the last {epochs} epochs while the training loss fell from {train_then} to {train_now}</source>
        <translation>按 5 轮平均，最近 {epochs} 轮测试损失从 {best} 升到 {now}，而训练损失从 {train_then} 降到 {train_now}</translation>
    </message>
    <message>
        <source>The network is learning the training samples&apos; noise, not the pattern: it gets better on them and worse on new data. L2 regularisation keeps the weights small, which smooths what the network can draw.</source>
        <translation>网络在学训练样本的噪声，而不是规律：它在训练样本上越来越好，在新数据上越来越差。L2 正则化让权重保持较小，使网络画出的边界更平滑。</translation>
    </message>
    <message>
        <source>Use L2 regularisation with λ = {rate}</source>
        <translation>使用 λ = {rate} 的 L2 正则化</translation>
    </message>
    <message>
        <source>Add {count} neurons to hidden layer 1</source>
        <translation>给隐藏层 1 增加 {count} 个神经元</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>增加一个隐藏层</translation>
    </message>
    <message>
        <source>after {epochs} epochs the training accuracy is {accuracy} and no longer rising, with {hidden} hidden neurons</source>
        <translation>训练 {epochs} 轮后，训练准确率为 {accuracy} 且不再上升，隐藏神经元共 {hidden} 个</translation>
    </message>
    <message>
        <source>Each hidden neuron adds one line (one bend) to the boundary the network can draw. Too few cannot follow the data, however long they train.</source>
        <translation>每个隐藏神经元给网络能画的边界增加一条直线（一个拐弯）。神经元太少就跟不上数据，训练多久都没用。</translation>
    </message>
    <message>
        <source>after {epochs} epochs the training accuracy is {accuracy} and no longer rising, with {hidden} hidden neurons and dropout {rate}</source>
        <translation>训练 {epochs} 轮后，训练准确率为 {accuracy} 且不再上升，隐藏神经元共 {hidden} 个，随机失活率 {rate}</translation>
    </message>
    <message>
        <source>Dropout switches off each hidden neuron with probability {rate} at every step. With so few neurons, too few are left to draw the boundary: dropout suits networks with many more neurons than the data needs.</source>
        <translation>随机失活（Dropout）在每一步中以概率 {rate} 关闭每个隐藏神经元。神经元本来就这么少，剩下的不足以画出边界：随机失活适合神经元远多于数据所需的网络。</translation>
    </message>
    <message>
        <source>Turn dropout off</source>
        <translation>关闭随机失活</translation>
    </message>
    <message>
        <source>{share} of the samples get a confident wrong answer from the {activation} output, where its slope is under 0.01</source>
        <translation>{share} 的样本从 {activation} 输出得到了很自信的错误答案，那里的斜率小于 0.01</translation>
    </message>
    <message>
        <source>With the square loss, δ = (ŷ − y) f′(z): the more confidently wrong the output, the flatter f and the slower it learns. With cross-entropy f′ cancels out and δ = ŷ − y.</source>
        <translation>用平方损失时 δ = (ŷ − y) f′(z)：输出错得越自信，f 越平，学得越慢。用交叉熵时 f′ 被约掉，δ = ŷ − y。</translation>
    </message>
    <message>
        <source>Use the cross-entropy loss</source>
        <translation>使用交叉熵损失</translation>
    </message>
    <message>
        <source>input {name} reaches {value}</source>
        <translation>输入 {name} 达到 {value}</translation>
    </message>
    <message>
        <source>∂L/∂w is proportional to the input the weight multiplies: a step that suits a weight on a small input throws a weight on a large one far off. Standardised inputs (mean 0, spread 1) train evenly; until then, smaller steps help.</source>
        <translation>∂L/∂w 与该权重所乘的输入成正比：适合小输入上权重的步长，会把大输入上的权重甩得很远。标准化的输入（均值 0、标准差 1）训练得均匀；在那之前，小一些的步长会有帮助。</translation>
    </message>
    <message>
        <source>{count} neurons of layer {layer} have exactly the same weights and bias</source>
        <translation>第 {layer} 层有 {count} 个神经元的权重和偏置完全相同</translation>
    </message>
    <message>
        <source>Neurons that start alike compute the same z, get the same δ and the same update: they stay alike for ever, so the layer works as one neuron. Random starting weights break the tie.</source>
        <translation>起点相同的神经元算出相同的 z，得到相同的 δ 和相同的更新：它们永远一样，整层就像一个神经元。随机的初始权重能打破这种对称。</translation>
    </message>
    <message>
        <source>Start again from random weights</source>
        <translation>用随机权重重新开始</translation>
    </message>
    <message>
        <source>{name}: {size} bytes is too short for an IDX file&apos;s header</source>
        <translation>{name}：只有 {size} 字节，不足以构成 IDX 文件头</translation>
    </message>
    <message>
        <source>{name}: not an IDX file (it starts with the bytes {start}, not 00 00)</source>
        <translation>{name}：不是 IDX 文件（开头字节是 {start}，而不是 00 00）</translation>
    </message>
    <message>
        <source>{name}: unknown IDX value type 0x{code:02X} (0x08 bytes, 0x09, 0x0B, 0x0C whole numbers, 0x0D, 0x0E decimals)</source>
        <translation>{name}：未知的 IDX 数值类型 0x{code:02X}（0x08 为字节，0x09、0x0B、0x0C 为整数，0x0D、0x0E 为小数）</translation>
    </message>
    <message>
        <source>{name}: the header declares {count} dimensions; 1 to 4 are read</source>
        <translation>{name}：文件头声明了 {count} 个维度；只能读取 1 到 4 个维度</translation>
    </message>
    <message>
        <source>{name}: the header is cut short ({size} bytes, {count} dimensions need {need})</source>
        <translation>{name}：文件头不完整（只有 {size} 字节，{count} 个维度需要 {need} 字节）</translation>
    </message>
    <message>
        <source>{name}: dimension {index} is 0; the file holds no values</source>
        <translation>{name}：第 {index} 个维度为 0，文件中没有任何数值</translation>
    </message>
    <message>
        <source>{name}: the header promises {what} = {size:,} bytes, more than the limit of {limit:,} bytes</source>
        <translation>{name}：文件头声明 {what} = {size:,} 字节，超过了 {limit:,} 字节的上限</translation>
    </message>
    <message>
        <source>{count:,} labels</source>
        <translation>{count:,} 个标签</translation>
    </message>
    <message>
        <source>{count:,} images of {rows}×{cols}</source>
        <translation>{count:,} 张 {rows}×{cols} 的图像</translation>
    </message>
    <message>
        <source>values of shape {shape}</source>
        <translation>{shape} 形状的数值</translation>
    </message>
    <message>
        <source>{name}: the header promises {what} = {size:,} bytes but the file holds more</source>
        <translation>{name}：文件头声明 {what} = {size:,} 字节，但文件中的数据更多</translation>
    </message>
    <message>
        <source>{name}: the header promises {what} = {size:,} bytes but the file holds {actual:,}</source>
        <translation>{name}：文件头声明 {what} = {size:,} 字节，但文件中有 {actual:,} 字节</translation>
    </message>
    <message>
        <source>it is cut short</source>
        <translation>文件不完整</translation>
    </message>
    <message>
        <source>{name}: the compressed data is damaged ({reason})</source>
        <translation>{name}：压缩数据已损坏（{reason}）</translation>
    </message>
    <message>
        <source>no mirror to try</source>
        <translation>没有可尝试的镜像站点</translation>
    </message>
    <message>
        <source>{name}: the server offers {size:,} bytes, but {label}&apos;s file has {expected:,}; it is not the right file</source>
        <translation>{name}：服务器提供的文件有 {size:,} 字节，而 {label} 的文件是 {expected:,} 字节；这不是正确的文件</translation>
    </message>
    <message>
        <source>{name}: the download stopped after {done:,} of {size:,} bytes (the connection was cut)</source>
        <translation>{name}：下载在 {done:,} / {size:,} 字节处中断（连接被切断）</translation>
    </message>
    <message>
        <source>{name}: more than {size:,} bytes arrived; it is not {label}&apos;s file</source>
        <translation>{name}：收到的数据超过 {size:,} 字节；这不是 {label} 的文件</translation>
    </message>
    <message>
        <source>{name}: the file that arrived is not {label}&apos;s: its SHA-256 is {actual}, {label}&apos;s is {expected}</source>
        <translation>{name}：收到的文件不是 {label} 的：它的 SHA-256 是 {actual}，而 {label} 的是 {expected}</translation>
    </message>
    <message>
        <source>cannot write into the data folder {folder} ({reason})</source>
        <translation>无法写入数据文件夹 {folder}（{reason}）</translation>
    </message>
    <message>
        <source>{host} answered HTTP {code} ({reason})</source>
        <translation>{host} 返回了 HTTP {code}（{reason}）</translation>
    </message>
    <message>
        <source>cannot find {host}: the name is not known (is this computer offline?)</source>
        <translation>找不到 {host}：无法解析这个域名（这台计算机是否未联网？）</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds:g} seconds</source>
        <translation>{host} 在 {seconds:g} 秒内没有响应</translation>
    </message>
    <message>
        <source>{host} refused the connection</source>
        <translation>{host} 拒绝了连接</translation>
    </message>
    <message>
        <source>no secure connection to {host} ({reason})</source>
        <translation>无法与 {host} 建立安全连接（{reason}）</translation>
    </message>
    <message>
        <source>cannot download from {host} ({reason})</source>
        <translation>无法从 {host} 下载（{reason}）</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>the file is not there</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>a problem on the server; try again later</source>
        <translation>服务器出了问题；请稍后再试</translation>
    </message>
    <message>
        <source>the proxy refused the connection (407: it asks for a user name and password; set them in the https_proxy variable or ask the network&apos;s administrator)</source>
        <translation>代理服务器拒绝了连接（407：它要求用户名和密码；请在 https_proxy 变量中设置，或询问网络管理员）</translation>
    </message>
    <message>
        <source>a dropout rate must be a number from 0 to {high}, not {value}</source>
        <translation>随机失活（Dropout）率须是 0 到 {high} 之间的数，而不是 {value}</translation>
    </message>
    <message>
        <source>invalid learning-rate schedule: {schedule}</source>
        <translation>无效的学习率调度：{schedule}</translation>
    </message>
    <message>
        <source>ONNX files need the onnx package, which is not installed. Install it with: pip install onnx</source>
        <translation>ONNX 文件需要 onnx 软件包，但它没有安装。安装命令：pip install onnx</translation>
    </message>
    <message>
        <source>this is a PyTorch or Python pickle, which can run code when opened, so NeuronGUI never opens it. Save the weights as safetensors instead:
&apos;safetensors.torch.save_file(model.state_dict(), &quot;model.safetensors&quot;)&apos;
or the model as ONNX:
&apos;torch.onnx.export(model, x, &quot;model.onnx&quot;)&apos;</source>
        <translation>这是 PyTorch 或 Python 的 pickle 文件，打开时可能运行其中的代码，所以 NeuronGUI 从不打开它。请改用 safetensors 保存权重：
&apos;safetensors.torch.save_file(model.state_dict(), &quot;model.safetensors&quot;)&apos;
或把模型导出为 ONNX：
&apos;torch.onnx.export(model, x, &quot;model.onnx&quot;)&apos;</translation>
    </message>
    <message>
        <source>{name}: not a part of a linear layer; NeuronGUI opens networks of linear layers (weight and bias) with PReLU slopes</source>
        <translation>{name}：不属于线性层；NeuronGUI 只能打开由线性层（权重和偏置）及 PReLU 斜率组成的网络</translation>
    </message>
    <message>
        <source>{name}: {count} PReLU slopes for a layer of {size} neurons</source>
        <translation>{name}：{count} 个 PReLU 斜率，但该层有 {size} 个神经元</translation>
    </message>
    <message>
        <source>{name}: {count} biases for a layer of {size} neurons</source>
        <translation>{name}：{count} 个偏置，但该层有 {size} 个神经元</translation>
    </message>
    <message>
        <source>{name} has the shape {shape}, not that of a linear layer&apos;s weights (out, in): a convolution or another layer NeuronGUI cannot represent</source>
        <translation>{name} 的形状是 {shape}，不是线性层权重的形状（输出, 输入）：这是卷积层或 NeuronGUI 无法表示的其他层</translation>
    </message>
    <message>
        <source>the file holds no weights</source>
        <translation>文件中没有权重</translation>
    </message>
    <message>
        <source>layer {layer} takes {n_in} inputs, but the layer before it has {n_out} neurons</source>
        <translation>第 {layer} 层有 {n_in} 个输入，但它前一层有 {n_out} 个神经元</translation>
    </message>
    <message>
        <source>the network has {count:,} parameters; at most {limit:,} are allowed</source>
        <translation>网络有 {count:,} 个参数；最多允许 {limit:,} 个</translation>
    </message>
    <message>
        <source>not an ONNX model: its contents cannot be parsed</source>
        <translation>不是 ONNX 模型：无法解析其内容</translation>
    </message>
    <message>
        <source>tensor {name}: its numbers are stored in another file, which NeuronGUI does not read; save the model with its weights inside</source>
        <translation>张量 {name}：它的数值存放在另一个文件中，NeuronGUI 不读取外部文件；请把权重保存在模型文件之内</translation>
    </message>
    <message>
        <source>tensor {name}: numbers of type {dtype} are not read; save the weights as float32 or float64</source>
        <translation>张量 {name}：不读取 {dtype} 类型的数值；请把权重保存为 float32 或 float64</translation>
    </message>
    <message>
        <source>tensor {name}: {count:,} numbers; a network may have at most {limit:,}</source>
        <translation>张量 {name}：有 {count:,} 个数；一个网络最多只能有 {limit:,} 个</translation>
    </message>
    <message>
        <source>tensor {name}: its data does not match its shape {shape}</source>
        <translation>张量 {name}：数据与其形状 {shape} 不符</translation>
    </message>
    <message>
        <source>tensor {name}: a value is not a finite number (NaN or infinity)</source>
        <translation>张量 {name}：有一个值不是有限数（NaN 或无穷大）</translation>
    </message>
    <message>
        <source>the model has a convolution or pooling layer ({op}); NeuronGUI opens networks of linear layers only (multilayer perceptrons)</source>
        <translation>模型含有卷积层或池化层（{op}）；NeuronGUI 只能打开由线性层组成的网络（多层感知机）</translation>
    </message>
    <message>
        <source>the operator {op} cannot be represented in NeuronGUI, which opens linear layers and activations ({supported})</source>
        <translation>NeuronGUI 无法表示算子 {op}；它只能打开线性层和激活函数（{supported}）</translation>
    </message>
    <message>
        <source>the model must have one input and one output</source>
        <translation>模型必须只有一个输入和一个输出</translation>
    </message>
    <message>
        <source>{name} is computed in the graph, not stored; NeuronGUI reads weights stored in the file</source>
        <translation>{name} 是在计算图中算出的，而不是存储的；NeuronGUI 只读取存储在文件中的权重</translation>
    </message>
    <message>
        <source>an activation ({name}) without a linear layer before it</source>
        <translation>激活函数（{name}）前面没有线性层</translation>
    </message>
    <message>
        <source>the model&apos;s output is not computed by a chain of layers from its input</source>
        <translation>模型的输出不是由从输入开始的一串层计算出来的</translation>
    </message>
    <message>
        <source>not a safetensors file: it is too short</source>
        <translation>不是 safetensors 文件：文件太短</translation>
    </message>
    <message>
        <source>not a safetensors file, or a truncated one: the header says {length:,} bytes, the file has {size:,}</source>
        <translation>不是 safetensors 文件，或文件不完整：文件头声称有 {length:,} 字节，而文件只有 {size:,} 字节</translation>
    </message>
    <message>
        <source>not a safetensors file: its header is not text</source>
        <translation>不是 safetensors 文件：文件头不是文本</translation>
    </message>
    <message>
        <source>safetensors header: expected an object, got {kind}</source>
        <translation>safetensors 文件头：应为对象，实际为{kind}</translation>
    </message>
    <message>
        <source>safetensors header: __metadata__ must map text to text</source>
        <translation>safetensors 文件头：__metadata__ 必须是从文本到文本的映射</translation>
    </message>
    <message>
        <source>the file holds {count:,} numbers; a network may have at most {limit:,}</source>
        <translation>文件中有 {count:,} 个数；一个网络最多只能有 {limit:,} 个</translation>
    </message>
    <message>
        <source>tensors {first} and {second} overlap in the file</source>
        <translation>张量 {first} 和 {second} 在文件中相互重叠</translation>
    </message>
    <message>
        <source>tensor {name}: its data ends at byte {end:,}, past the end of the file ({size:,} bytes of data): the file is truncated</source>
        <translation>张量 {name}：数据结束于第 {end:,} 字节，超出了文件末尾（数据共 {size:,} 字节）：文件不完整</translation>
    </message>
    <message>
        <source>tensor {name}: expected an object, got {kind}</source>
        <translation>张量 {name}：应为对象，实际为{kind}</translation>
    </message>
    <message>
        <source>tensor {name}: numbers of type {dtype} are not read; save the weights as F64, F32 or F16 (floating point)</source>
        <translation>张量 {name}：不读取 {dtype} 类型的数值；请把权重保存为 F64、F32 或 F16（浮点数）</translation>
    </message>
    <message>
        <source>tensor {name}: its shape is not a list of sizes</source>
        <translation>张量 {name}：形状不是由尺寸组成的列表</translation>
    </message>
    <message>
        <source>tensor {name}: its data offsets do not match its shape and number type</source>
        <translation>张量 {name}：数据偏移量与其形状和数值类型不符</translation>
    </message>
    <message>
        <source>these samples do not fit the dataset</source>
        <translation>这些样本与数据集不符</translation>
    </message>
    <message>
        <source>there is no sample {index}</source>
        <translation>没有第 {index} 个样本</translation>
    </message>
    <message>
        <source>only 2-D points can be moved</source>
        <translation>只有二维数据点可以移动</translation>
    </message>
    <message>
        <source>a point needs finite x and y</source>
        <translation>点的 x 和 y 必须是有限数</translation>
    </message>
    <message>
        <source>only 2-D sets take points</source>
        <translation>只有二维数据集可以添加点</translation>
    </message>
    <message>
        <source>a label must be a class from 0 to {last}</source>
        <translation>标签必须是 0 到 {last} 之间的类别</translation>
    </message>
    <message>
        <source>a target must be a finite number</source>
        <translation>目标值必须是有限数</translation>
    </message>
    <message>
        <source>a class must be 0 or 1</source>
        <translation>类别必须是 0 或 1</translation>
    </message>
    <message>
        <source>a point&apos;s x, y and target must lie between −{limit} and {limit}</source>
        <translation>点的 x、y 和目标值必须在 −{limit} 到 {limit} 之间</translation>
    </message>
    <message>
        <source>{where}: expected one whole-number label per sample</source>
        <translation>{where}：每个样本应有一个整数标签</translation>
    </message>
    <message>
        <source>{where}: expected a list of at most {limit:,} rows</source>
        <translation>{where}：应为最多 {limit:,} 行的列表</translation>
    </message>
    <message>
        <source>{where}: expected a list of finite numbers</source>
        <translation>{where}：应为由有限数组成的列表</translation>
    </message>
    <message>
        <source>{where}: expected rows of finite numbers, all of one length</source>
        <translation>{where}：应为由有限数组成、长度都相同的行</translation>
    </message>
    <message>
        <source>{where}: expected rows of {width} finite numbers each</source>
        <translation>{where}：每一行应有 {width} 个有限数</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Search in English or Chinese…</source>
        <translation>用英文或中文搜索…</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>搜索术语表</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>释义</translation>
    </message>
    <message>
        <source>%1 of %2 terms</source>
        <translation>%2 个术语中的 %1 个</translation>
    </message>
</context>
<context>
    <name>GradientCheckBox</name>
    <message>
        <source>Gradient check: is backprop right?</source>
        <translation>梯度检验：反向传播算对了吗？</translation>
    </message>
    <message>
        <source>relative difference</source>
        <translation>相对差</translation>
    </message>
    <message>
        <source>|a − b| / max(|a|, |b|), a and b the two numbers</source>
        <translation>|a − b| / max(|a|, |b|)，a 和 b 是上面两个数</translation>
    </message>
    <message>
        <source>the whole training set (%1 samples)</source>
        <translation>整个训练集（%1 个样本）</translation>
    </message>
    <message>
        <source>%1 of the %2 training samples (1 in every %3)</source>
        <translation>%2 个训练样本中的 %1 个（每 %3 个取 1 个）</translation>
    </message>
    <message>
        <source>L = loss + penalty</source>
        <translation>L = 损失 + 惩罚项</translation>
    </message>
    <message>
        <source>L = the loss</source>
        <translation>L = 损失</translation>
    </message>
    <message>
        <source>Nudge %1 by ±ε (ε = %2) and see how L changes, on %3; %4.</source>
        <translation>把 %1 微调 ±ε（ε = %2），看 L 如何变化，所用数据：%3；%4。</translation>
    </message>
    <message>
        <source>The last training step&apos;s ∂L/∂w above used only its mini-batch, so it differs.</source>
        <translation>上面最近一次训练步的 ∂L/∂w 只用了那一步的小批量，所以与这里不同。</translation>
    </message>
    <message>
        <source>backprop ∂L/∂%1</source>
        <translation>反向传播 ∂L/∂%1</translation>
    </message>
    <message>
        <source>Both are 0 (to within %1, the rounding of the difference): this parameter does not change L now, e.g. behind a dead ReLU.</source>
        <translation>两者都是 0（误差在 %1 以内，即差分的舍入误差）：这个参数现在不影响 L，例如它连着一个死亡 ReLU。</translation>
    </message>
    <message>
        <source>They agree to %1 digits — backprop is right.</source>
        <translation>两者前 %1 位相同——反向传播是对的。</translation>
    </message>
    <message>
        <source>They differ because a kink lies within ±ε (a ReLU&apos;s z, or an L1-penalised weight, crosses 0): there the difference is not the slope. Not a wrong backprop.</source>
        <translation>两者不同，是因为 ±ε 之内有一个折点（某个 ReLU 的 z 或带 L1 惩罚的权重穿过 0）：在那里差分量出的不是斜率。这不是反向传播出错。</translation>
    </message>
    <message>
        <source>They agree to only %1 digits: close, as rounding can make it. A wrong backprop usually differs in the first digit.</source>
        <translation>两者只有前 %1 位相同：很接近，舍入误差也会造成这种差别。反向传播出错时通常第一位就不同。</translation>
    </message>
    <message>
        <source>They differ — this gradient from backprop is wrong.</source>
        <translation>两者不同——反向传播算出的这个梯度是错的。</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>‖∂L/∂W‖ per layer, at each epoch&apos;s end</source>
        <translation>各层的 ‖∂L/∂W‖（每轮结束时）</translation>
    </message>
    <message>
        <source>update ÷ weight per epoch</source>
        <translation>每轮的更新量 ÷ 权重</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>weights: now (filled) and at the start</source>
        <translation>权重：现在（填充）与开始时</translation>
    </message>
    <message>
        <source>Histogram of</source>
        <translation>直方图：</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Hidden layer %1 (%2)</source>
        <translation>隐藏层 %1 · %2</translation>
    </message>
    <message>
        <source>%1: %2 of the neurons dead</source>
        <translation>%1：%2 的神经元已“死亡”</translation>
    </message>
    <message>
        <source>%1: %2 of the neurons saturated</source>
        <translation>%1：%2 的神经元已饱和</translation>
    </message>
    <message>
        <source>No hidden layer uses ReLU, sigmoid or tanh.</source>
        <translation>没有隐藏层使用 ReLU、sigmoid 或 tanh。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>NeuronGUI user guide</source>
        <translation>NeuronGUI 使用指南</translation>
    </message>
</context>
<context>
    <name>HiddenLayerPhase</name>
    <message>
        <source>Add a hidden layer of %1 tanh neurons</source>
        <translation>添加一个由 %1 个 tanh 神经元组成的隐藏层</translation>
    </message>
    <message>
        <source>Training the 2-4-1 network on XOR by backpropagation…</source>
        <translation>正在用反向传播在 XOR 上训练 2-4-1 网络…</translation>
    </message>
    <message>
        <source>The green curve is where the output is ½. Ctrl+Z removes the hidden layer and brings the perceptron back.</source>
        <translation>绿色曲线是输出等于 ½ 的位置。按 Ctrl+Z 可以去掉隐藏层，恢复感知机。</translation>
    </message>
    <message>
        <source>The training data give the gate&apos;s inputs standardised: 0 becomes −1 and 1 becomes +1.</source>
        <translation>训练数据中逻辑门的输入经过了标准化：0 变为 −1，1 变为 +1。</translation>
    </message>
    <message>
        <source>Epoch %1 · loss %2 · %3 of 4 outputs right</source>
        <translation>第 %1 轮 · 损失 %2 · 4 个输出中 %3 个正确</translation>
    </message>
    <message>
        <source>XOR learned: all four outputs were first right at epoch %1; after %2 epochs each is within %3 of its target, so training paused (Play in the Training panel goes on). The hidden layer bends the boundary, which no single line could do.</source>
        <translation>XOR 已学会：第 %1 轮时四个输出首次全部正确；%2 轮后每个输出与目标值之差都在 %3 以内，所以训练已暂停（在“训练”面板中点击“播放”可继续）。隐藏层让边界弯曲，这是任何一条直线都做不到的。</translation>
    </message>
    <message>
        <source>All four outputs are right, first at epoch %1: the hidden layer bends the boundary, which no single line could do.</source>
        <translation>四个输出全部正确，首次出现在第 %1 轮：隐藏层让边界弯曲，这是任何一条直线都做不到的。</translation>
    </message>
    <message>
        <source>Right: with a hidden layer the network computes XOR for all four inputs. Its hidden neurons draw two lines; the output combines them, which one unit alone cannot.</source>
        <translation>正确：有了隐藏层，网络对全部四个输入都算出了 XOR。隐藏层神经元画出两条直线，输出再把它们组合起来，这是单个单元做不到的。</translation>
    </message>
    <message>
        <source>Not yet: %1 of 4 outputs are right. Let the network train on (Play in the toolbar).</source>
        <translation>还不对：4 个输出中只有 %1 个正确。让网络继续训练（点击工具栏中的“播放”）。</translation>
    </message>
</context>
<context>
    <name>HintCard</name>
    <message>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>课程：%1</translation>
    </message>
</context>
<context>
    <name>ImportIDXDialog</name>
    <message>
        <source>Import IDX files</source>
        <translation>导入 IDX 文件</translation>
    </message>
    <message>
        <source>Images and labels in MNIST&apos;s IDX format (MNIST, Fashion-MNIST, KMNIST…), gzipped or not. Choose their folder, or each file.</source>
        <translation>MNIST 的 IDX 格式的图像和标签（MNIST、Fashion-MNIST、KMNIST…），可以是 gzip 压缩的，也可以不是。选择它们所在的文件夹，或逐个选择文件。</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <source>Training labels</source>
        <translation>训练标签</translation>
    </message>
    <message>
        <source>Test images (optional)</source>
        <translation>测试图像（可选）</translation>
    </message>
    <message>
        <source>Test labels (optional)</source>
        <translation>测试标签（可选）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>0, 1, 2, … (the labels&apos; numbers)</source>
        <translation>0, 1, 2, …（标签的数字）</translation>
    </message>
    <message>
        <source>Names of the classes in label order, separated by commas</source>
        <translation>按标签顺序排列的类别名称，用逗号分隔</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Folder of the IDX files</source>
        <translation>IDX 文件所在的文件夹</translation>
    </message>
    <message>
        <source>Choose an IDX file</source>
        <translation>选择 IDX 文件</translation>
    </message>
    <message>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx* *.gz);;All files (*)</source>
        <translation>IDX 文件 (*-ubyte *-ubyte.gz *.idx* *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No training images and labels of the standard names (train-images-idx3-ubyte, train-labels-idx1-ubyte) in this folder: choose the files.</source>
        <translation>这个文件夹里没有标准名称（train-images-idx3-ubyte、train-labels-idx1-ubyte）的训练图像和标签：请逐个选择文件。</translation>
    </message>
    <message>
        <source>Choose the training images and their labels.</source>
        <translation>请选择训练图像及其标签。</translation>
    </message>
    <message>
        <source>The test images and labels come as a pair: choose both, or neither.</source>
        <translation>测试图像和标签必须成对给出：两个都选，或都不选。</translation>
    </message>
    <message>
        <source>Cannot import: %1</source>
        <translation>无法导入：%1</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>Weight slider</source>
        <translation>权重滑块</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>b to 6 significant digits (the diagram&apos;s caption rounds it to 4). Type a value (2.5e−3 works too) or use the arrows; Ctrl+Z undoes</source>
        <translation>b 保留 6 位有效数字（网络图上的标注只保留 4 位）。输入数值（也可写成 2.5e−3）或用箭头调整；Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Activation of the layer</source>
        <translation>该层的激活函数</translation>
    </message>
    <message>
        <source>The activation function of this layer</source>
        <translation>这一层的激活函数</translation>
    </message>
    <message>
        <source>Type a value (2.5e−3 works too) or use the arrows; Ctrl+Z undoes</source>
        <translation>输入数值（也可写成 2.5e−3）或用箭头调整；Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The terms of z for the selected neuron</source>
        <translation>所选神经元的 z 的各项</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>value x</source>
        <translation>值 x</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>w·x</source>
        <translation>w·x</translation>
    </message>
    <message>
        <source>neuron %1 of %2 (%3)</source>
        <translation>%2的神经元 %1（%3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edge&lt;/b&gt; from %1 into neuron %2 of %3</source>
        <translation>&lt;b&gt;连线&lt;/b&gt;：从%1到%3的神经元 %2</translation>
    </message>
    <message>
        <source>it carries x = %1 from %2</source>
        <translation>它传来的值 x = %1，来自%2</translation>
    </message>
    <message>
        <source>it feeds neuron %1 of %2 (%3): z = %4, a = %5(z) = %6</source>
        <translation>它输入到%2的神经元 %1（%3）：z = %4，a = %5(z) = %6</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>第 %1 隐藏层</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neuron %1 of %2&lt;/b&gt; for your input</source>
        <translation>&lt;b&gt;%2的神经元 %1&lt;/b&gt;（你自己的输入）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neuron %1 of %2&lt;/b&gt; for sample %3</source>
        <translation>&lt;b&gt;%2的神经元 %1&lt;/b&gt;（样本 %3）</translation>
    </message>
    <message>
        <source>… %1 more terms</source>
        <translation>… 其余 %1 项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;输入 %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;未选中任何对象&lt;/b&gt;</translation>
    </message>
    <message>
        <source>w = %1</source>
        <translation>w = %1</translation>
    </message>
    <message>
        <source>its term in z: w·x = %1</source>
        <translation>它在 z 中的项：w·x = %1</translation>
    </message>
    <message>
        <source>∂L/∂w = %1 (last training step)</source>
        <translation>∂L/∂w = %1（最近一次训练步）</translation>
    </message>
    <message>
        <source>∂L/∂w appears once a training step has run.</source>
        <translation>运行一次训练步后会显示 ∂L/∂w。</translation>
    </message>
    <message>
        <source>Click a neuron or an edge in the diagram: an edge to see and edit its weight, a neuron for its bias and how it computes its output.</source>
        <translation>请在网络图中点击一个神经元或一条连线：点连线可查看并修改它的权重，点神经元可查看它的偏置以及它如何算出输出。</translation>
    </message>
    <message>
        <source>penalty (λ/2)·Σw²: its ∂/∂w = λ·w = %1 (w before the step)</source>
        <translation>惩罚项 (λ/2)·Σw²：它的 ∂/∂w = λ·w = %1（w 取这一步之前的值）</translation>
    </message>
    <message>
        <source>penalty λ·Σ|w|: its ∂/∂w = λ·sign(w) = %1</source>
        <translation>惩罚项 λ·Σ|w|：它的 ∂/∂w = λ·sign(w) = %1</translation>
    </message>
    <message>
        <source>penalty: its ∂/∂w = %1</source>
        <translation>惩罚项：它的 ∂/∂w = %1</translation>
    </message>
    <message>
        <source>∂L/∂w = %1 (the loss alone, last training step)</source>
        <translation>∂L/∂w = %1（只算损失，最近一次训练步）</translation>
    </message>
    <message>
        <source>∂(L + penalty)/∂w = %1 + %2 = %3: the gradient the step descended</source>
        <translation>∂(L + 惩罚项)/∂w = %1 + %2 = %3：这一步梯度下降实际使用的梯度</translation>
    </message>
    <message>
        <source>Softmax on a single output neuron always gives 1 (eᶻ / eᶻ): the network cannot learn. Use sigmoid for one output.</source>
        <translation>单个输出神经元上的 softmax 永远输出 1（eᶻ / eᶻ）：网络无法学习。只有一个输出时请用 sigmoid。</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
</context>
<context>
    <name>LayerMatrixPanel</name>
    <message>
        <source>Softmax temperature T: only this view; the network keeps T = 1</source>
        <translation>softmax 温度 T：只影响本视图；网络本身保持 T = 1</translation>
    </message>
    <message>
        <source>Temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Sample %1: W (%2 × %3) · a (%3 × 1) + b (%2 × 1) = z (%2 × 1), then a = f(z). Row j of W holds the weights into neuron j.</source>
        <translation>样本 %1：W (%2 × %3) · a (%3 × 1) + b (%2 × 1) = z (%2 × 1)，然后 a = f(z)。W 的第 j 行是进入神经元 j 的权重。</translation>
    </message>
    <message>
        <source>Σ e^((z − max z)/T) = %1, the softmax&apos;s denominator.</source>
        <translation>Σ e^((z − max z)/T) = %1，即 softmax 的分母。</translation>
    </message>
    <message>
        <source>Point at a weight to see the term it adds to z.</source>
        <translation>把指针移到一个权重上，可看到它给 z 贡献的那一项。</translation>
    </message>
    <message>
        <source>%1 · %2 = %3 × %4 = %5: one of the %6 terms of %7 = %8</source>
        <translation>%1 · %2 = %3 × %4 = %5：是 %7 = %8 的 %6 项之一</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>The network no longer has this lesson&apos;s shape. Undo the change (Ctrl+Z) or start the lesson again from the Lessons menu.</source>
        <translation>网络的结构已不再符合本课的要求。请撤销该修改（Ctrl+Z），或从“课程”菜单重新开始本课。</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程正文</translation>
    </message>
    <message>
        <source>Your task</source>
        <translation>你的任务</translation>
    </message>
    <message>
        <source>More: the explanation in full</source>
        <translation>更多：完整讲解</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <source>Check whether the network does what the lesson asks</source>
        <translation>检查网络是否达到了课程的要求</translation>
    </message>
    <message>
        <source>Leave lesson</source>
        <translation>退出课程</translation>
    </message>
    <message>
        <source>Close the lesson and keep playing with this network</source>
        <translation>关闭课程，继续摆弄这个网络</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>One neuron</source>
        <translation>单个神经元</translation>
    </message>
    <message>
        <source>Bias is a negative threshold</source>
        <translation>偏置是负的阈值</translation>
    </message>
    <message>
        <source>The perceptron</source>
        <translation>感知机</translation>
    </message>
    <message>
        <source>Linear regression and gradient descent</source>
        <translation>线性回归与梯度下降</translation>
    </message>
    <message>
        <source>Backpropagation step by step</source>
        <translation>逐步理解反向传播</translation>
    </message>
    <message>
        <source>Softmax and cross-entropy</source>
        <translation>Softmax 与交叉熵</translation>
    </message>
    <message>
        <source>Choosing an activation</source>
        <translation>如何选择激活函数</translation>
    </message>
    <message>
        <source>Lesson %1 · %2</source>
        <translation>第 %1 课 · %2</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Leave the lesson</source>
        <translation>退出课程</translation>
    </message>
</context>
<context>
    <name>Licences</name>
    <message>
        <source>NeuronGUI (MIT)</source>
        <translation>NeuronGUI（MIT）</translation>
    </message>
    <message>
        <source>Qt and PySide6 (LGPL-3.0): notice and source</source>
        <translation>Qt 与 PySide6（LGPL-3.0）：声明与源代码</translation>
    </message>
    <message>
        <source>GNU LGPL version 3</source>
        <translation>GNU LGPL 第 3 版</translation>
    </message>
    <message>
        <source>GNU GPL version 3</source>
        <translation>GNU GPL 第 3 版</translation>
    </message>
    <message>
        <source>NumPy (BSD-3-Clause)</source>
        <translation>NumPy（BSD-3-Clause）</translation>
    </message>
    <message>
        <source>pyqtgraph (MIT)</source>
        <translation>pyqtgraph（MIT）</translation>
    </message>
    <message>
        <source>Python (PSF-2.0)</source>
        <translation>Python（PSF-2.0）</translation>
    </message>
    <message>
        <source>Data sets (CC BY 4.0, CC BY-SA 3.0)</source>
        <translation>数据集（CC BY 4.0、CC BY-SA 3.0）</translation>
    </message>
    <message>
        <source>Data sets: sources and changes</source>
        <translation>数据集：来源与改动</translation>
    </message>
    <message>
        <source>System library: %1</source>
        <translation>系统库：%1</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>LossChart</name>
    <message>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Press Play to train.
The loss appears here, epoch by epoch.</source>
        <translation>点击“播放”开始训练。
损失会在这里逐轮显示。</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale</source>
        <translation>用对数坐标显示损失</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试数据</translation>
    </message>
</context>
<context>
    <name>LossSurfacePanel</name>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Use selected</source>
        <translation>用所选的</translation>
    </message>
    <message>
        <source>Weight across</source>
        <translation>横轴权重</translation>
    </message>
    <message>
        <source>Weight up</source>
        <translation>纵轴权重</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Choose two weights and press Compute.</source>
        <translation>选择两个权重，然后按“计算”。</translation>
    </message>
    <message>
        <source>Select an edge on the diagram first.</source>
        <translation>请先在网络图上选中一条连线。</translation>
    </message>
    <message>
        <source>Choose two different weights.</source>
        <translation>请选择两个不同的权重。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Computing… %1 of %2 rows</source>
        <translation>正在计算… 已完成 %2 行中的 %1 行</translation>
    </message>
    <message>
        <source>Dark is low: L from %1 to %2 over %3 training samples, the other weights as they are. + marks the weights now, the line their path.</source>
        <translation>颜色越深损失越低：在 %3 个训练样本上 L 从 %1 到 %2，其他权重保持不变。+ 标出当前的权重，折线是它们走过的路径。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 rows.</source>
        <translation>在 %2 行中算完 %1 行后停止。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>The network&apos;s data is missing</source>
        <translation>网络的数据缺失</translation>
    </message>
    <message>
        <source>It was trained on %1, which cannot be read: %2</source>
        <translation>它是用 %1 训练的，但该文件无法读取：%2</translation>
    </message>
    <message>
        <source>The samples saved with the network do not fit its data</source>
        <translation>随网络保存的样本与它的数据不符</translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The network has changes that are not saved. Save them first?</source>
        <translation>网络有尚未保存的修改。要先保存吗？</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的内容？</translation>
    </message>
    <message>
        <source>NeuronGUI did not close properly last time. Restore the work it saved automatically?</source>
        <translation>NeuronGUI 上次没有正常关闭。要恢复自动保存的内容吗？</translation>
    </message>
    <message>
        <source>Cannot restore the autosave</source>
        <translation>无法恢复自动保存的内容</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>打开网络</translation>
    </message>
    <message>
        <source>NeuronGUI networks (*.neuron *.json);;All files (*)</source>
        <translation>NeuronGUI 网络 (*.neuron *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>NeuronGUI network, plain JSON (*.json)</source>
        <translation>NeuronGUI 网络，纯 JSON (*.json)</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>保存网络</translation>
    </message>
    <message>
        <source>NeuronGUI network (*.neuron)</source>
        <translation>NeuronGUI 网络 (*.neuron)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz);;CSV table (*.csv)</source>
        <translation>NumPy 数组 (*.npz);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export %1</source>
        <translation>无法导出 %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>PyTorch script (*.py)</source>
        <translation>PyTorch 脚本 (*.py)</translation>
    </message>
    <message>
        <source>NumPy script (*.py)</source>
        <translation>NumPy 脚本 (*.py)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Exported %1 and %2</source>
        <translation>已导出 %1 和 %2</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Models (*.safetensors *.onnx);;ONNX (*.onnx);;All files (*)</source>
        <translation>模型 (*.safetensors *.onnx);;ONNX (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>%1 holds weights but does not say which activations the layers use. NeuronGUI took ReLU for the hidden layers and the identity for the output; change them in the inspector if the model used others.</source>
        <translation>%1 中有权重，但没有说明各层使用哪种激活函数。NeuronGUI 假定隐藏层用 ReLU、输出层用恒等函数；如果模型用的是别的激活函数，请在检查器中修改。</translation>
    </message>
    <message>
        <source>Activations assumed</source>
        <translation>已假定激活函数</translation>
    </message>
</context>
<context>
    <name>MapPointer</name>
    <message>
        <source>Click a dot to choose that sample. Drag a dot, or the ✕ of your own input, to try other inputs: the diagram follows. Shift+drag puts your own input anywhere.</source>
        <translation>点击一个圆点即选中该样本。拖动圆点或你自己的输入的 ✕，可以试试别的输入：网络图随之变化。按住 Shift 拖动，可把你自己的输入放到任意位置。</translation>
    </message>
</context>
<context>
    <name>MoreSettings</name>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>Dropout rate p: during training steps each hidden neuron of the chosen layers is switched off with probability p (0: never)</source>
        <translation>随机失活率 p：每个训练步骤中，所选各层的每个隐藏层神经元都以概率 p 被关闭（0：从不关闭）</translation>
    </message>
    <message>
        <source>Layers the dropout rate is for</source>
        <translation>随机失活率所作用的层</translation>
    </message>
    <message>
        <source>How the learning rate changes from epoch to epoch</source>
        <translation>学习率如何随轮次变化</translation>
    </message>
    <message>
        <source>Epochs between decays k</source>
        <translation>两次衰减之间的轮数 k</translation>
    </message>
    <message>
        <source>Decay factor γ</source>
        <translation>衰减因子 γ</translation>
    </message>
    <message>
        <source>Epochs of the descent T</source>
        <translation>下降所用的轮数 T</translation>
    </message>
    <message>
        <source>Final learning rate η_min</source>
        <translation>最终学习率 η_min</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>随机失活 (Dropout)</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Every k epochs</source>
        <translation>每 k 轮</translation>
    </message>
    <message>
        <source>Factor γ</source>
        <translation>因子 γ</translation>
    </message>
    <message>
        <source>Over T epochs</source>
        <translation>经过 T 轮</translation>
    </message>
    <message>
        <source>Down to η_min</source>
        <translation>降至 η_min</translation>
    </message>
    <message>
        <source>This network has no hidden layer: nothing to drop</source>
        <translation>这个网络没有隐藏层：没有可以随机失活的神经元</translation>
    </message>
    <message>
        <source>every hidden layer</source>
        <translation>所有隐藏层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Dropout by hidden layer: %1</source>
        <translation>各隐藏层的随机失活率：%1</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>随机失活 %1</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>更多：%1</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <source>Dropout and the learning-rate schedule</source>
        <translation>随机失活（Dropout）与学习率调度</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output · %1</source>
        <translation>输出 · %1</translation>
    </message>
    <message>
        <source>Hidden layer %1 · %2</source>
        <translation>隐藏层 %1 · %2</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <source>%1 neurons</source>
        <translation>%1 个神经元</translation>
    </message>
    <message>
        <source>%1 pixels = %2 inputs</source>
        <translation>%1 像素 = %2 个输入</translation>
    </message>
    <message>
        <source>Add a neuron</source>
        <translation>添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a neuron</source>
        <translation>删除一个神经元</translation>
    </message>
    <message>
        <source>b = %1 (rounded to 4 digits on the diagram)</source>
        <translation>b = %1（网络图上四舍五入到 4 位）</translation>
    </message>
    <message>
        <source>%1 · dropout %2</source>
        <translation>%1 · 随机失活 %2</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>随机失活 %1</translation>
    </message>
</context>
<context>
    <name>NetworkModel</name>
    <message>
        <source>square loss</source>
        <translation>平方损失</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>regression data</source>
        <translation>回归数据</translation>
    </message>
    <message>
        <source>data of two classes</source>
        <translation>二分类数据</translation>
    </message>
    <message>
        <source>data of several classes</source>
        <translation>多分类数据</translation>
    </message>
    <message>
        <source>Output activation set to %1 for %2</source>
        <translation>已为%2将输出激活函数设为%1</translation>
    </message>
    <message>
        <source>Loss set to %1 for %2</source>
        <translation>已为%2将损失设为%1</translation>
    </message>
    <message>
        <source>Output activation set to %1 and loss to %2 for %3</source>
        <translation>已为%3将输出激活函数设为%1，损失设为%2</translation>
    </message>
    <message>
        <source>New network %1 for this data; Undo brings back the previous one</source>
        <translation>已为这份数据换用新网络 %1；撤销可恢复原来的网络</translation>
    </message>
</context>
<context>
    <name>NumberBox</name>
    <message>
        <source>“%1” is not a number. Type e.g. 0.5, −2 or 2.5e−3.</source>
        <translation>“%1”不是数字。请输入如 0.5、−2 或 2.5e−3。</translation>
    </message>
    <message>
        <source>%1 is too large for %2: type a number from %3 to %4.</source>
        <translation>%1 对%2来说太大：请输入 %3 到 %4 之间的数。</translation>
    </message>
    <message>
        <source>this box</source>
        <translation>此输入框</translation>
    </message>
</context>
<context>
    <name>OneNeuronLesson</name>
    <message>
        <source>Weight of x₁</source>
        <translation>x₁ 的权重</translation>
    </message>
    <message>
        <source>Weight of x₂</source>
        <translation>x₂ 的权重</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Inputs with their z and a</source>
        <translation>各输入及其 z 和 a</translation>
    </message>
    <message>
        <source>Right: a(1, 0) = %1 and a(0, 1) = %2.</source>
        <translation>正确：a(1, 0) = %1，a(0, 1) = %2。</translation>
    </message>
    <message>
        <source>Not yet: a(1, 0) = %1 should be above 0.9 and a(0, 1) = %2 below 0.1. Make z large and positive for (1, 0), large and negative for (0, 1).</source>
        <translation>还不对：a(1, 0) = %1 应当大于 0.9，a(0, 1) = %2 应当小于 0.1。让 (1, 0) 的 z 是很大的正数，(0, 1) 的 z 是很大的负数。</translation>
    </message>
    <message>
        <source>σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;): above ½ exactly when z &gt; 0.</source>
        <translation>σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)：当且仅当 z &gt; 0 时大于 ½。</translation>
    </message>
</context>
<context>
    <name>OutputChart</name>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Discretise output</source>
        <translation>输出离散化</translation>
    </message>
    <message>
        <source>Show each point&apos;s class instead of the raw output</source>
        <translation>显示每个点的类别，而不是原始输出值</translation>
    </message>
    <message>
        <source>Misclassified test samples (true → predicted)</source>
        <translation>分错的测试样本（真实 → 预测）</translation>
    </message>
    <message>
        <source>No output view for this dataset.</source>
        <translation>此数据集没有输出视图。</translation>
    </message>
    <message>
        <source>0 (orange)</source>
        <translation>0（橙色）</translation>
    </message>
    <message>
        <source>1 (blue)</source>
        <translation>1（蓝色）</translation>
    </message>
    <message>
        <source>−1 (orange)</source>
        <translation>−1（橙色）</translation>
    </message>
    <message>
        <source>+1 (blue)</source>
        <translation>+1（蓝色）</translation>
    </message>
    <message>
        <source>Background: the network&apos;s output at each point, from %1 to %2. Dots: training samples in the colour of their target</source>
        <translation>背景：网络在每一点的输出，从 %1到 %2。圆点：训练样本，颜色表示其目标值</translation>
    </message>
    <message>
        <source>; black rims: test samples.</source>
        <translation>；黑边圆点：测试样本。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;●&lt;/span&gt; training samples &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━&lt;/span&gt; the network&apos;s output y(x)</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;●&lt;/span&gt; 训练样本 &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━&lt;/span&gt; 网络的输出 y(x)</translation>
    </message>
    <message>
        <source>predicted class →</source>
        <translation>预测类别 →</translation>
    </message>
    <message>
        <source>Misclassified (true → predicted)</source>
        <translation>分错的（真实 → 预测）</translation>
    </message>
    <message>
        <source>showing %1 of %2</source>
        <translation>显示 %2 个中的 %1 个</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>(recounted at most twice a second while training)</source>
        <translation>（训练时每秒最多重新统计两次）</translation>
    </message>
    <message>
        <source>rows: true class</source>
        <translation>行：真实类别</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the class the network chose. The diagonal counts right answers. Accuracy on the %1: %2</source>
        <translation>行：真实类别；列：网络选择的类别。对角线上是分类正确的个数。在%1上的准确率：%2</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
</context>
<context>
    <name>PerceptronLesson</name>
    <message>
        <source>The four inputs and the decision line</source>
        <translation>四个输入与决策直线</translation>
    </message>
    <message>
        <source>target y = 0</source>
        <translation>目标 y = 0</translation>
    </message>
    <message>
        <source>target y = 1</source>
        <translation>目标 y = 1</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>分错</translation>
    </message>
    <message>
        <source>decision line</source>
        <translation>决策直线</translation>
    </message>
    <message>
        <source>the unit fires, ŷ = 1</source>
        <translation>单元激发，ŷ = 1</translation>
    </message>
    <message>
        <source>Inputs, targets and the unit&apos;s z and output</source>
        <translation>各输入、目标值，以及单元的 z 和输出</translation>
    </message>
    <message>
        <source>Add a hidden layer and train with backpropagation</source>
        <translation>添加隐藏层，用反向传播训练</translation>
    </message>
    <message>
        <source>Replace the unit by a 2-4-1 network and train it on XOR (undo with Ctrl+Z)</source>
        <translation>把这个单元换成 2-4-1 网络，并在 XOR 上训练它（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>The logic gate the perceptron learns</source>
        <translation>感知机要学习的逻辑门</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>逻辑门</translation>
    </message>
    <message>
        <source>Learning rate η of the perceptron rule</source>
        <translation>感知机学习规则的学习率 η</translation>
    </message>
    <message>
        <source>output ŷ = ½</source>
        <translation>输出 ŷ = ½</translation>
    </message>
    <message>
        <source>ŷ near 1</source>
        <translation>ŷ 接近 1</translation>
    </message>
    <message>
        <source>ŷ near 0</source>
        <translation>ŷ 接近 0</translation>
    </message>
    <message>
        <source>Log of the perceptron&apos;s last updates</source>
        <translation>感知机最近几次更新的记录</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Apply the rule to the next sample</source>
        <translation>对下一个样本应用学习规则</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <source>Apply the rule to the rest of the epoch</source>
        <translation>对本轮余下的样本应用学习规则</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Weights and bias back to zero; count the epochs again</source>
        <translation>权重和偏置归零，轮次重新计数</translation>
    </message>
    <message>
        <source>Perceptron epoch</source>
        <translation>感知机的一轮</translation>
    </message>
    <message>
        <source>Perceptron update for x = (%1)</source>
        <translation>感知机对 x = (%1) 的更新</translation>
    </message>
    <message>
        <source>Reset the perceptron</source>
        <translation>重置感知机</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; watch backpropagation train the 2-4-1 network on XOR (it pauses by itself once every output is close to its target). When all four outputs are right, press &lt;i&gt;Check my answer&lt;/i&gt;.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;观察反向传播在 XOR 上训练 2-4-1 网络（每个输出都接近目标值时会自动暂停）。四个输出全部正确后，点击“检查答案”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; press &lt;i&gt;Epoch&lt;/i&gt; a few times. Does an epoch without mistakes ever come? When you see why not, add a hidden layer with the button below.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;多点几次“一轮”。会不会出现一整轮都没有错误的情况？想明白为什么不会之后，用下方的按钮添加一个隐藏层。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; press &lt;i&gt;Step&lt;/i&gt; or &lt;i&gt;Epoch&lt;/i&gt; until the perceptron computes &lt;b&gt;%1&lt;/b&gt; (a whole epoch without a mistake), then press &lt;i&gt;Check my answer&lt;/i&gt;. Then choose the other gate, and XOR.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;点击“单步”或“一轮”，直到感知机计算出 &lt;b&gt;%1&lt;/b&gt;（一整轮没有错误），然后点击“检查答案”。接着换另一个逻辑门，再试试 XOR。</translation>
    </message>
    <message>
        <source>w = (%1), b = %2.&lt;br&gt;Decision line: &lt;nobr&gt;%3&lt;/nobr&gt;.&lt;br&gt;The unit fires (ŷ = 1) where &lt;nobr&gt;w₁x₁ + w₂x₂ + b ≥ 0&lt;/nobr&gt;.</source>
        <translation>w = (%1)，b = %2。&lt;br&gt;决策线：&lt;nobr&gt;%3&lt;/nobr&gt;。&lt;br&gt;在 &lt;nobr&gt;w₁x₁ + w₂x₂ + b ≥ 0&lt;/nobr&gt; 的区域，单元激发（ŷ = 1）。</translation>
    </message>
    <message>
        <source>No complete epoch yet. Next sample (the diagram shows it): x = (%1).</source>
        <translation>还没有完整的一轮。下一个样本（图中显示的就是它）：x = (%1)。</translation>
    </message>
    <message>
        <source>Mistakes per epoch: %1. Next sample (the diagram shows it): x = (%2).</source>
        <translation>每轮的错误数：%1。下一个样本（图中显示的就是它）：x = (%2)。</translation>
    </message>
    <message>
        <source>One step unit cannot compute XOR: no straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other. Add a hidden layer (the button below), or choose AND or OR to check the perceptron.</source>
        <translation>单个阶跃单元算不出 XOR：没有哪条直线能把 (0, 1) 和 (1, 0) 分在一侧、把 (0, 0) 和 (1, 1) 分在另一侧。请添加一个隐藏层（下方的按钮），或者选择 AND 或 OR 来检查感知机。</translation>
    </message>
    <message>
        <source>Right: the unit computes %3 for all four inputs, with w = (%1) and b = %2.</source>
        <translation>正确：在 w = (%1)、b = %2 时，这个单元对全部四个输入都算出了 %3。</translation>
    </message>
    <message>
        <source>Not yet: for x = (%1) the unit outputs %2, but %4 is %3. Press Epoch until an epoch has no mistake.</source>
        <translation>还不对：对 x = (%1)，单元输出 %2，但 %4 的结果是 %3。继续点击“一轮”，直到某一轮没有错误。</translation>
    </message>
    <message>
        <source>Epoch %1 · x = (%2): y = %3, ŷ = %4</source>
        <translation>第 %1 轮 · x = (%2)：y = %3，ŷ = %4</translation>
    </message>
    <message>
        <source>w = (%1), b = %2.&lt;br&gt;No decision line: z = b for every input, so the unit fires for all four or for none.</source>
        <translation>w = (%1)，b = %2。&lt;br&gt;没有决策直线：每个输入的 z 都等于 b，所以单元对四个输入要么全部激发，要么全不激发。</translation>
    </message>
    <message>
        <source>mistake, Δw = (%1), Δb = %2</source>
        <translation>出错，Δw = (%1)，Δb = %2</translation>
    </message>
    <message>
        <source>right, no change</source>
        <translation>正确，无变化</translation>
    </message>
    <message>
        <source>Converged: a whole epoch without a mistake, so the weights stop changing.</source>
        <translation>已收敛：整整一轮都没有出错，所以权重不再改变。</translation>
    </message>
    <message>
        <source>Every epoch has a mistake, and always will: no straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other. XOR is not linearly separable, so one step unit cannot compute it.</source>
        <translation>每一轮都有错误，而且永远会有：没有一条直线能把 (0, 1) 和 (1, 0) 分在一侧，把 (0, 0) 和 (1, 1) 分在另一侧。XOR 不是线性可分的，所以单个阶跃单元无法实现它。</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <source>Edit points</source>
        <translation>编辑数据点</translation>
    </message>
    <message>
        <source>Add, move and erase the samples on the map with the mouse</source>
        <translation>用鼠标在图上添加、移动和擦除样本点</translation>
    </message>
    <message>
        <source>Click to add a point (Shift+click erases the nearest)</source>
        <translation>单击添加一个点（Shift+单击擦除最近的点）</translation>
    </message>
    <message>
        <source>Drag a point to move it</source>
        <translation>拖动一个点来移动它</translation>
    </message>
    <message>
        <source>Click or drag over points to erase them</source>
        <translation>单击或拖过点来擦除它们</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>New class:</source>
        <translation>新点类别：</translation>
    </message>
    <message>
        <source>0 (orange)</source>
        <translation>0（橙色）</translation>
    </message>
    <message>
        <source>1 (blue)</source>
        <translation>1（蓝色）</translation>
    </message>
    <message>
        <source>The class of the points you add</source>
        <translation>你添加的点属于哪个类别</translation>
    </message>
    <message>
        <source>The target of the points you add, from −1 (orange) to +1 (blue)</source>
        <translation>你添加的点的目标值，从 −1（橙色）到 +1（蓝色）</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Remove every sample, training and test</source>
        <translation>移除所有样本，包括训练集和测试集</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Go back to the generated points of the dataset (Undo brings yours back)</source>
        <translation>回到数据集生成的点（撤销可以找回你的点）</translation>
    </message>
    <message>
        <source>Editing points: click to add a sample, Shift+click to erase one, Ctrl+Z to undo</source>
        <translation>正在编辑数据点：单击添加样本，Shift+单击擦除一个，Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>New target:</source>
        <translation>新点目标值：</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A new language applies the next time NeuronGUI starts.</source>
        <translation>新的语言将在下次启动 NeuronGUI 时生效。</translation>
    </message>
    <message>
        <source>Use the current training settings as defaults</source>
        <translation>将当前训练设置设为默认值</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>RegressionLesson</name>
    <message>
        <source>Too small</source>
        <translation>太小</translation>
    </message>
    <message>
        <source>η = 0.05 / λ_max: safe but slow</source>
        <translation>η = 0.05 / λ_max：稳妥但很慢</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>合适</translation>
    </message>
    <message>
        <source>η = 1 / λ_max: fast and safe</source>
        <translation>η = 1 / λ_max：又快又稳</translation>
    </message>
    <message>
        <source>Diverges</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>η = 2.2 / λ_max: above 2 / λ_max</source>
        <translation>η = 2.2 / λ_max：超过 2 / λ_max</translation>
    </message>
    <message>
        <source>Learning rate η of gradient descent</source>
        <translation>梯度下降的学习率 η</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One step θ ← θ − η∇L</source>
        <translation>走一步：θ ← θ − η∇L</translation>
    </message>
    <message>
        <source>Run 20 steps</source>
        <translation>运行 20 步</translation>
    </message>
    <message>
        <source>Twenty steps, undone together</source>
        <translation>连走 20 步（可一次撤销）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start (w, b) = (%1, %2)</source>
        <translation>回到起点 (w, b) = (%1, %2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your task:&lt;/b&gt; bring the loss below %1 (its minimum is %2) in as few steps as you can, then press &lt;i&gt;Check my answer&lt;/i&gt;.</source>
        <translation>&lt;b&gt;任务：&lt;/b&gt;用尽可能少的步数把损失降到 %1 以下（它的最小值是 %2），然后点击“检查答案”。</translation>
    </message>
    <message>
        <source>η = %1 is below it: gradient descent converges.</source>
        <translation>η = %1 低于这个上限：梯度下降收敛。</translation>
    </message>
    <message>
        <source>η = %1 is not below it: gradient descent diverges.</source>
        <translation>η = %1 不低于这个上限：梯度下降发散。</translation>
    </message>
    <message>
        <source>Steps converge when &lt;nobr&gt;η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; = %2&lt;/nobr&gt; (&lt;nobr&gt;λ&lt;sub&gt;max&lt;/sub&gt; = %1&lt;/nobr&gt;, the steepest curvature of the bowl).</source>
        <translation>当 &lt;nobr&gt;η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; = %2&lt;/nobr&gt; 时梯度下降收敛（&lt;nobr&gt;λ&lt;sub&gt;max&lt;/sub&gt; = %1&lt;/nobr&gt;，即碗最陡的弯曲程度）。</translation>
    </message>
    <message>
        <source>Hessian H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]] = [[%1, %2], [%2, 1]]; λ_max is its largest eigenvalue.</source>
        <translation>Hessian 矩阵 H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]] = [[%1, %2], [%2, 1]]；λ_max 是它的最大特征值。</translation>
    </message>
    <message>
        <source>Step %1: &lt;nobr&gt;∂L/∂w %2&lt;/nobr&gt;, &lt;nobr&gt;∂L/∂b %3&lt;/nobr&gt;, so w = %4, b = %5 and L = %6.</source>
        <translation>第 %1 步：&lt;nobr&gt;∂L/∂w %2&lt;/nobr&gt;，&lt;nobr&gt;∂L/∂b %3&lt;/nobr&gt;，于是 w = %4，b = %5，L = %6。</translation>
    </message>
    <message>
        <source>%1 steps of gradient descent</source>
        <translation>%1 步梯度下降</translation>
    </message>
    <message>
        <source>Gradient descent step, η = %1</source>
        <translation>梯度下降一步，η = %1</translation>
    </message>
    <message>
        <source>Back to the start of gradient descent</source>
        <translation>回到梯度下降的起点</translation>
    </message>
    <message>
        <source>Gradient descent diverged: the loss grew to %1. η = %2 is above 2/λ_max = %3, so every step overshoots the minimum by more than it gained. Stopped here; press Reset or undo, and choose a smaller rate.</source>
        <translation>梯度下降发散了：损失增大到 %1。η = %2 超过了 2/λ_max = %3，所以每一步冲过最小值的距离都比它靠近的距离还大。已在此停止；请点击“重置”或撤销，然后选择更小的学习率。</translation>
    </message>
    <message>
        <source>No step yet: w = %1, b = %2, L = %3.</source>
        <translation>还没有走任何一步：w = %1，b = %2，L = %3。</translation>
    </message>
    <message>
        <source>Now w = %1, b = %2, L = %3.</source>
        <translation>现在 w = %1，b = %2，L = %3。</translation>
    </message>
    <message>
        <source>The loss grew: η is above 2/λ_max, so the step overshot the minimum.</source>
        <translation>损失变大了：η 超过了 2/λ_max，这一步冲过了最小值。</translation>
    </message>
    <message>
        <source>This question is about the neuron y = wx + b: undo the change (Ctrl+Z) or start the lesson again.</source>
        <translation>这个问题针对的是神经元 y = wx + b：请撤销该修改（Ctrl+Z），或重新开始本课。</translation>
    </message>
    <message>
        <source>Right: L = %1 is below %2, after %3 steps since the last Reset.</source>
        <translation>正确：L = %1 低于 %2，自上次重置以来共走了 %3 步。</translation>
    </message>
    <message>
        <source>Not yet: L = %1 is not below %2. Choose a rate below 2/λ_max = %3 and press Step.</source>
        <translation>还不对：L = %1 没有低于 %2。请选择小于 2/λ_max = %3 的学习率，然后点击“单步”。</translation>
    </message>
</context>
<context>
    <name>RegressionPlots</name>
    <message>
        <source>path of gradient descent</source>
        <translation>梯度下降的路径</translation>
    </message>
    <message>
        <source>(w, b) now</source>
        <translation>当前的 (w, b)</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>dark: low loss</source>
        <translation>颜色越深：损失越低</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>y = wx + b now</source>
        <translation>当前的 y = wx + b</translation>
    </message>
    <message>
        <source>least-squares line</source>
        <translation>最小二乘直线</translation>
    </message>
    <message>
        <source>The points and the line y = wx + b</source>
        <translation>数据点与直线 y = wx + b</translation>
    </message>
    <message>
        <source>The loss surface over (w, b) with the path</source>
        <translation>(w, b) 平面上的损失曲面及下降路径</translation>
    </message>
</context>
<context>
    <name>SampleMarks</name>
    <message>
        <source>Outlined cell: where sample %1 of the training data falls (true class %2, the network chooses %3).</source>
        <translation>描边的格子：训练样本 %1 所在的格子（真实类别：%2；网络选择：%3）。</translation>
    </message>
    <message>
        <source>○ Sample %1 (target %2): the network says %3.</source>
        <translation>○ 样本 %1（目标值 %2）：网络输出 %3。</translation>
    </message>
    <message>
        <source>Click another dot to choose it; drag a dot to try your own input there.</source>
        <translation>点击另一个圆点即可选中它；拖动圆点可在那里试试你自己的输入。</translation>
    </message>
    <message>
        <source>Your own input cannot be placed on this plot.</source>
        <translation>你自己的输入无法在此图上标出。</translation>
    </message>
    <message>
        <source>✕ Your own input at %1: the network says %2.</source>
        <translation>✕ 你自己的输入位于 %1：网络输出 %2。</translation>
    </message>
    <message>
        <source>It lies outside the training data: the network has never seen such inputs.</source>
        <translation>它在训练数据的范围之外：网络从没见过这样的输入。</translation>
    </message>
    <message>
        <source>Drag the ✕ to move it; click a dot to go back to the data.</source>
        <translation>拖动 ✕ 可移动它；点击一个圆点即回到数据。</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <source>Previous sample</source>
        <translation>上一个样本</translation>
    </message>
    <message>
        <source>Next sample</source>
        <translation>下一个样本</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Search: a number, a class or a value</source>
        <translation>搜索：编号、类别或数值</translation>
    </message>
    <message>
        <source>Your own input</source>
        <translation>你自己的输入</translation>
    </message>
    <message>
        <source>Show the network for these values</source>
        <translation>用这些值运行网络</translation>
    </message>
    <message>
        <source>Back to the data</source>
        <translation>回到数据</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ 共 %1 个</translation>
    </message>
    <message>
        <source>The window shows your own input (it has no target).</source>
        <translation>窗口显示的是你自己的输入（它没有目标值）。</translation>
    </message>
    <message>
        <source>There are no training samples.</source>
        <translation>没有训练样本。</translation>
    </message>
    <message>
        <source>Target of sample %1: %2</source>
        <translation>样本 %1 的目标：%2</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number.</source>
        <translation>%1：“%2”不是一个数。</translation>
    </message>
    <message>
        <source>%1: %2 is too large: scaled like the training data, it exceeds the largest number the computer can hold.</source>
        <translation>%1：%2 太大了：按训练数据的方式缩放后，它超出了计算机能表示的最大数。</translation>
    </message>
    <message>
        <source>%1 = %2 is outside the data (%3 to %4)</source>
        <translation>%1 = %2 超出了数据的范围（%3 到 %4）</translation>
    </message>
    <message>
        <source>Every value lies within the training data&apos;s range.</source>
        <translation>所有值都在训练数据的范围之内。</translation>
    </message>
    <message>
        <source>The network has never seen such inputs: its answer is a guess.</source>
        <translation>网络从没见过这样的输入：它的回答只是猜测。</translation>
    </message>
</context>
<context>
    <name>SampleTable</name>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
</context>
<context>
    <name>ScriptComments</name>
    <message>
        <source>A network exported from NeuronGUI: {shape}.</source>
        <translation>从 NeuronGUI 导出的网络：{shape}。</translation>
    </message>
    <message>
        <source>Run it with: python3 {script} --epochs 10</source>
        <translation>运行方法：python3 {script} --epochs 10</translation>
    </message>
    <message>
        <source>It reads the weights and the data from {arrays}, beside this file.</source>
        <translation>它从本文件旁边的 {arrays} 读取权重和数据。</translation>
    </message>
    <message>
        <source>NeuronGUI computes in float64; so does this script, so the numbers agree.</source>
        <translation>NeuronGUI 用 float64 计算；本脚本也一样，所以数值一致。</translation>
    </message>
    <message>
        <source>The data, as the network saw it</source>
        <translation>数据，与网络在 NeuronGUI 中看到的完全相同</translation>
    </message>
    <message>
        <source>Data: the built-in set {name} ({count} points, noise {noise}, seed {seed}), features {features}; {train} training and {test} test samples.</source>
        <translation>数据：内置数据集 {name}（{count} 个点，噪声 {noise}，种子 {seed}），特征 {features}；训练样本 {train} 个，测试样本 {test} 个。</translation>
    </message>
    <message>
        <source>Data: the set {name}; {train} training and {test} test samples.</source>
        <translation>数据：数据集 {name}；训练样本 {train} 个，测试样本 {test} 个。</translation>
    </message>
    <message>
        <source>Images are stored as bytes 0–255; the network sees pixel / 255.</source>
        <translation>图像以 0–255 的字节保存；网络看到的是 像素 / 255。</translation>
    </message>
    <message>
        <source>The network: {shape}</source>
        <translation>网络：{shape}</translation>
    </message>
    <message>
        <source>layer {layer}: {n_in} → {n_out}</source>
        <translation>第 {layer} 层：{n_in} → {n_out}</translation>
    </message>
    <message>
        <source>its {name} is applied inside the loss (see loss_fn)</source>
        <translation>它的 {name} 在损失函数中计算（见 loss_fn）</translation>
    </message>
    <message>
        <source>The weights from NeuronGUI. W[j, k] is the weight from input k into neuron j: one row per neuron, the (out, in) layout of nn.Linear.</source>
        <translation>来自 NeuronGUI 的权重。W[j, k] 是从输入 k 到神经元 j 的权重：每个神经元一行，与 nn.Linear 的 (输出, 输入) 布局相同。</translation>
    </message>
    <message>
        <source>The weights from NeuronGUI. W[j, k] is the weight from input k into neuron j.</source>
        <translation>来自 NeuronGUI 的权重。W[j, k] 是从输入 k 到神经元 j 的权重。</translation>
    </message>
    <message>
        <source>The network&apos;s outputs, as NeuronGUI shows them.</source>
        <translation>网络的输出，与 NeuronGUI 显示的相同。</translation>
    </message>
    <message>
        <source>Each activation f(z), and how it passes a gradient back: ∂L/∂z from ∂L/∂a</source>
        <translation>每个激活函数 f(z)，以及它如何把梯度传回：由 ∂L/∂a 求 ∂L/∂z</translation>
    </message>
    <message>
        <source>Step: 1 if z ≥ 0, else 0. Its derivative is 0 (+ 0·z keeps it in the graph).</source>
        <translation>阶跃函数：z ≥ 0 时为 1，否则为 0。它的导数为 0（加上 0·z 是为了让它留在计算图中）。</translation>
    </message>
    <message>
        <source>Forward pass: z = a_prev Wᵀ + b and a = f(z), layer by layer.</source>
        <translation>前向传播：逐层计算 z = a_prev Wᵀ + b 和 a = f(z)。</translation>
    </message>
    <message>
        <source>Backpropagation: ∂L/∂W and ∂L/∂b of every layer, from the output back to the input.</source>
        <translation>反向传播：从输出层往回到输入层，求每一层的 ∂L/∂W 和 ∂L/∂b。</translation>
    </message>
    <message>
        <source>∂L/∂z of the output: {name} and this loss give (a − y) / n</source>
        <translation>输出层的 ∂L/∂z：{name} 与这个损失函数搭配，得到 (a − y) / n</translation>
    </message>
    <message>
        <source>∂L/∂z of the output: ∂L/∂a passed back through f</source>
        <translation>输出层的 ∂L/∂z：把 ∂L/∂a 经过 f 传回</translation>
    </message>
    <message>
        <source>The loss: {formula}, as NeuronGUI computes it</source>
        <translation>损失函数：{formula}，与 NeuronGUI 的算法相同</translation>
    </message>
    <message>
        <source>PyTorch&apos;s {function} applies the {name} itself, from the output layer&apos;s z: more accurate than {name} followed by the loss.</source>
        <translation>PyTorch 的 {function} 会自己从输出层的 z 计算 {name}：比先算 {name} 再算损失更精确。</translation>
    </message>
    <message>
        <source>(nn.MSELoss would also divide by the number of outputs and drop the ½.)</source>
        <translation>（nn.MSELoss 还会除以输出个数，并且没有 ½。）</translation>
    </message>
    <message>
        <source>Regularisation: {formula} over the weights (not the biases)</source>
        <translation>正则化：对权重（不含偏置）求 {formula}</translation>
    </message>
    <message>
        <source>The optimiser and the settings from NeuronGUI&apos;s Training panel</source>
        <translation>优化器和来自 NeuronGUI 训练面板的设置</translation>
    </message>
    <message>
        <source>PyTorch writes momentum as v ← μv + g, θ ← θ − ηv: the same steps as NeuronGUI&apos;s.</source>
        <translation>PyTorch 把动量写成 v ← μv + g，θ ← θ − ηv：与 NeuronGUI 的步骤相同。</translation>
    </message>
    <message>
        <source>One epoch: every training sample once, in mini-batches, in a new order.</source>
        <translation>一轮：按新的顺序、分小批量，把每个训练样本各用一次。</translation>
    </message>
    <message>
        <source>(training mode: RReLU draws its random slopes only then)</source>
        <translation>（训练模式：RReLU 只在这时抽取随机斜率）</translation>
    </message>
    <message>
        <source>First, check that this script computes what NeuronGUI computed.</source>
        <translation>先检查本脚本算出的结果与 NeuronGUI 的相同。</translation>
    </message>
    <message>
        <source>Then go on training from there.</source>
        <translation>然后从这里继续训练。</translation>
    </message>
    <message>
        <source>Save the trained weights as safetensors: NeuronGUI opens them with File ▸ Import model. (Never as a pickle: a pickle can run code.)</source>
        <translation>把训练后的权重保存为 safetensors：NeuronGUI 可用 文件 ▸ 导入模型 打开它。（不要用 pickle 保存：pickle 可能运行代码。）</translation>
    </message>
    <message>
        <source>RReLU: a random slope k ~ U[l, u] while training (here one per mini-batch; NeuronGUI and PyTorch draw one per value), their mean (l + u) / 2 after.</source>
        <translation>RReLU：训练时斜率随机取 k ~ U[l, u]（这里每个小批量取一个；NeuronGUI 和 PyTorch 对每个值各取一个），训练后取均值 (l + u) / 2。</translation>
    </message>
    <message>
        <source>PReLU: α is learned per neuron, ∂L/∂α = Σ ∂L/∂a · min(z, 0).</source>
        <translation>PReLU：每个神经元学习自己的 α，∂L/∂α = Σ ∂L/∂a · min(z, 0)。</translation>
    </message>
    <message>
        <source>(no regularisation)</source>
        <translation>（无正则化）</translation>
    </message>
    <message>
        <source>∂L/∂a of the layer below</source>
        <translation>前一层的 ∂L/∂a</translation>
    </message>
    <message>
        <source>dropout: only in model.train(); kept outputs × 1/(1 − p)</source>
        <translation>随机失活：只在 model.train() 中起作用；保留的输出 × 1/(1 − p)</translation>
    </message>
    <message>
        <source>The learning rate after t completed epochs, as in NeuronGUI: η multiplied by γ every k epochs.</source>
        <translation>已完成 t 轮之后的学习率，与 NeuronGUI 相同：每 k 轮把 η 乘以 γ。</translation>
    </message>
    <message>
        <source>The learning rate after t completed epochs, as in NeuronGUI: from η at t = 0 down to η_min at t = T along half a cosine wave, then η_min.</source>
        <translation>已完成 t 轮之后的学习率，与 NeuronGUI 相同：沿半个余弦波从 t = 0 时的 η 降到 t = T 时的 η_min，之后保持 η_min。</translation>
    </message>
    <message>
        <source>(PyTorch&apos;s CosineAnnealingLR would climb again after T)</source>
        <translation>（PyTorch 的 CosineAnnealingLR 在 T 之后会再次上升）</translation>
    </message>
    <message>
        <source>Give every parameter group this epoch&apos;s learning rate (from the schedule).</source>
        <translation>把本轮的学习率（按调度计算）交给每个参数组。</translation>
    </message>
    <message>
        <source>PyTorch&apos;s v adds up gradients and multiplies them by the η of today; NeuronGUI&apos;s adds up steps, each with its own η. Scaling v by old η / new η keeps the steps NeuronGUI&apos;s. (At η = 0 PyTorch stands still, while NeuronGUI&apos;s v coasts.)</source>
        <translation>PyTorch 的 v 累加的是梯度，再乘以当前的 η；NeuronGUI 的 v 累加的是步长，每一步带着各自的 η。把 v 乘以 旧 η / 新 η，步长就与 NeuronGUI 的相同。（η = 0 时 PyTorch 停住不动，而 NeuronGUI 的 v 还会滑行一段。）</translation>
    </message>
    <message>
        <source>(training mode: dropout and RReLU&apos;s random slopes act only then)</source>
        <translation>（训练模式：随机失活和 RReLU 的随机斜率只在这时起作用）</translation>
    </message>
    <message>
        <source>Dropout rate p of each hidden layer. While training, each output a is kept with probability 1 − p and divided by 1 − p (ã = m ⊙ a), so that on average the next layer gets the same input; the check and the evaluation use the whole network.</source>
        <translation>每个隐藏层的随机失活（Dropout）率 p。训练时，每个输出 a 以概率 1 − p 保留并除以 1 − p（ã = m ⊙ a），使下一层得到的输入平均不变；检查和评估都用完整的网络。</translation>
    </message>
    <message>
        <source>A new dropout mask per layer for n samples: 1/(1 − p) where kept, 0 where dropped.</source>
        <translation>为 n 个样本给每层抽取新的随机失活掩码：保留处为 1/(1 − p)，失活处为 0。</translation>
    </message>
    <message>
        <source>dropout: ã = m ⊙ a</source>
        <translation>随机失活：ã = m ⊙ a</translation>
    </message>
    <message>
        <source>dropout: ∂L/∂a = m ⊙ ∂L/∂ã (the same mask)</source>
        <translation>随机失活：∂L/∂a = m ⊙ ∂L/∂ã（同一个掩码）</translation>
    </message>
    <message>
        <source>NeuronGUI trained {n} epochs: the schedule goes on from there.</source>
        <translation>NeuronGUI 已训练 {n} 轮：学习率调度从这里接着进行。</translation>
    </message>
</context>
<context>
    <name>SoftmaxLesson</name>
    <message>
        <source>One flower</source>
        <translation>一朵花</translation>
    </message>
    <message>
        <source>Compare the losses</source>
        <translation>比较损失函数</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose a training flower; the diagram follows it</source>
        <translation>选择训练集中的一朵花，网络图会随之显示它</translation>
    </message>
    <message>
        <source>Training flower</source>
        <translation>训练集中的花</translation>
    </message>
    <message>
        <source>Flower</source>
        <translation>花朵</translation>
    </message>
    <message>
        <source>species</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>Output layer of the selected flower</source>
        <translation>所选花朵的输出层</translation>
    </message>
    <message>
        <source>p = softmax(z) = eᶻ / Σ eᶻ</source>
        <translation>p = softmax(z) = eᶻ / Σ eᶻ</translation>
    </message>
    <message>
        <source>∂L/∂z = p − y with cross-entropy</source>
        <translation>使用交叉熵时 ∂L/∂z = p − y</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Train both</source>
        <translation>训练两个网络</translation>
    </message>
    <message>
        <source>Train two copies of the starting network, one with each loss</source>
        <translation>训练初始网络的两个副本，各用一种损失函数</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>trained with</source>
        <translation>所用损失函数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>train acc.</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Accuracy of the two runs</source>
        <translation>两次训练的准确率</translation>
    </message>
    <message>
        <source>Both runs start from the same weights and see the flowers in the same order, with the learning rate and batch size of the Training panel; only the loss differs. They train copies: their results are here, not in the Charts panel.</source>
        <translation>两次训练从相同的权重出发，以相同的顺序看到这些花，使用“训练”面板中的学习率和批大小，只有损失函数不同。它们训练的是副本：结果显示在这里，而不在“图表”面板中。</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>square loss</source>
        <translation>平方损失</translation>
    </message>
    <message>
        <source>of %1 training flowers</source>
        <translation>（训练集共 %1 朵）</translation>
    </message>
    <message>
        <source>The true species of this flower</source>
        <translation>这朵花的真实品种</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 厘米</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1.&lt;br&gt;True species: &lt;b&gt;%2&lt;/b&gt;. The network says &lt;b&gt;%3&lt;/b&gt; (%4).</source>
        <translation>%1。&lt;br&gt;真实品种：&lt;b&gt;%2&lt;/b&gt;。网络的判断：&lt;b&gt;%3&lt;/b&gt;（%4）。</translation>
    </message>
    <message>
        <source>Σ eᶻ = %1, and p = eᶻ / %1 adds up to %2.&lt;br&gt;Loss of this flower: L = −ln p&lt;sub&gt;true&lt;/sub&gt; = −ln %3 = %4</source>
        <translation>Σ eᶻ = %1，p = eᶻ / %1 的总和为 %2。&lt;br&gt;这朵花的损失：L = −ln p&lt;sub&gt;true&lt;/sub&gt; = −ln %3 = %4</translation>
    </message>
    <message>
        <source>The network gets %1 of the %2 training flowers wrong (accuracy %3 %).</source>
        <translation>训练集的 %2 朵花中，网络分错了 %1 朵（准确率 %3%）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Train both again</source>
        <translation>重新训练两个网络</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>A run diverged: lower the learning rate and try again.</source>
        <translation>有一次训练发散了：请降低学习率后重试。</translation>
    </message>
    <message>
        <source>After %1 epochs: test accuracy %2 with cross-entropy, %3 with the square loss. The square loss learns more slowly: see the Why tab.</source>
        <translation>训练 %1 轮后：使用交叉熵的测试准确率为 %2，使用平方损失的为 %3。平方损失学得更慢，原因见“原因”标签页。</translation>
    </message>
    <message>
        <source>Not yet: the network gets only %1 % of the training flowers right. Train it (Training panel, Play) until at least 90 % are right, then look for a flower it still gets wrong.</source>
        <translation>还不对：网络只分对了训练集中 %1% 的花。请先训练它（“训练”面板，“播放”），直到至少 90% 分类正确，再找一朵它仍然分错的花。</translation>
    </message>
    <message>
        <source>The network gets every training flower right, so there is none to find: well trained!</source>
        <translation>网络把训练集中的每一朵花都分对了，所以找不到分错的花：训练得很好！</translation>
    </message>
    <message>
        <source>Right: flower %1 is a %2, but the network says %3. Its p&lt;sub&gt;true&lt;/sub&gt; is only %4, so its loss −ln p&lt;sub&gt;true&lt;/sub&gt; is large and so is its gradient.</source>
        <translation>正确：第 %1 朵花是%2，但网络认为是%3。它的 p&lt;sub&gt;true&lt;/sub&gt; 只有 %4，所以它的损失 −ln p&lt;sub&gt;true&lt;/sub&gt; 很大，梯度也很大。</translation>
    </message>
    <message>
        <source>Not this one: the network classifies flower %1 right. %2 of the %3 training flowers are wrong; look for one whose bar of the true species is not the highest.</source>
        <translation>不是这朵：网络把第 %1 朵花分对了。训练集的 %3 朵花中有 %2 朵分错了；请找一朵真实品种的柱子不是最高的花。</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <source>Inputs and weights</source>
        <translation>输入与权重</translation>
    </message>
    <message>
        <source>Forward: hidden layer</source>
        <translation>前向：隐藏层</translation>
    </message>
    <message>
        <source>Forward: output</source>
        <translation>前向：输出层</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward: δ of the output</source>
        <translation>反向：输出层的 δ</translation>
    </message>
    <message>
        <source>Backward: δ of the hidden neurons</source>
        <translation>反向：隐藏层神经元的 δ</translation>
    </message>
    <message>
        <source>Gradients ∂L/∂w and ∂L/∂b</source>
        <translation>梯度 ∂L/∂w 与 ∂L/∂b</translation>
    </message>
    <message>
        <source>Update: w ← w − η ∂L/∂w</source>
        <translation>更新：w ← w − η ∂L/∂w</translation>
    </message>
    <message>
        <source>The steps:</source>
        <translation>各个步骤：</translation>
    </message>
    <message>
        <source>Sample: x₁ = %1, x₂ = %2, target y = %3; learning rate η = %4.</source>
        <translation>样本：x₁ = %1，x₂ = %2，目标值 y = %3；学习率 η = %4。</translation>
    </message>
    <message>
        <source>The square loss: half the squared error of the output.</source>
        <translation>平方损失：输出误差平方的一半。</translation>
    </message>
    <message>
        <source>∂L/∂ŷ = ŷ − y, and the chain rule multiplies it by ∂ŷ/∂z₃ = σ′(z₃).</source>
        <translation>∂L/∂ŷ = ŷ − y，链式法则再把它乘以 ∂ŷ/∂z₃ = σ′(z₃)。</translation>
    </message>
    <message>
        <source>Each hidden neuron gets back the output&apos;s δ through its weight, Σ w·δ (one term here), times its own σ′(z).</source>
        <translation>每个隐藏层神经元经由自己的权重收到输出层传回的 δ，即 Σ w·δ（这里只有一项），再乘以它自己的 σ′(z)。</translation>
    </message>
    <message>
        <source>(your question: work it out from δ₃ and a₁)</source>
        <translation>（这是你的问题：用 δ₃ 和 a₁ 算出来）</translation>
    </message>
    <message>
        <source>Loss before the step: %1; after it (a new forward pass): %2</source>
        <translation>更新前的损失：%1；更新后（重新做一次前向传播）：%2</translation>
    </message>
</context>
<context>
    <name>StagesPanel</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3</source>
        <translation>第 %1 步 / 共 %2 步：%3</translation>
    </message>
    <message>
        <source>Your own input has no target, so there is no loss to go back from: choose a training sample for the backward stages.</source>
        <translation>你自己的输入没有目标值，因此没有可以往回传的损失：要看反向的各步，请选择一个训练样本。</translation>
    </message>
    <message>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>forward through %1</source>
        <translation>前向经过%1</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>δ of %1</source>
        <translation>%1 的 δ</translation>
    </message>
    <message>
        <source>∂L/∂w into %1</source>
        <translation>进入%1 的 ∂L/∂w</translation>
    </message>
    <message>
        <source>the update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>The sample&apos;s inputs x enter the network.</source>
        <translation>样本的输入 x 进入网络。</translation>
    </message>
    <message>
        <source>Each neuron adds up its weighted inputs and its bias, z = Σ w·a + b, and passes z through its activation: a = f(z).</source>
        <translation>每个神经元把加权输入和偏置相加，z = Σ w·a + b，再把 z 送进激活函数：a = f(z)。</translation>
    </message>
    <message>
        <source>The loss compares the outputs ŷ with the targets y.</source>
        <translation>损失把输出 ŷ 与目标 y 相比较。</translation>
    </message>
    <message>
        <source>δ = ∂L/∂z says how the loss changes with each neuron&apos;s z. At the output it comes from the loss; in a hidden layer it is the δs of the next layer (nearer the output), weighted by the edges that lead there, times f′(z).</source>
        <translation>δ = ∂L/∂z 表示损失随每个神经元的 z 如何变化。在输出层它来自损失；在隐藏层它是后一层（更靠近输出的那一层）的 δ 按通往那里的连线加权求和，再乘以 f′(z)。</translation>
    </message>
    <message>
        <source>The gradient of a weight is the δ of the neuron it feeds times the activation it carries: ∂L/∂w = δ · a. At most six are shown, the largest.</source>
        <translation>一个权重的梯度等于它所连向的神经元的 δ 乘以它传递的激活值：∂L/∂w = δ · a。图中最多显示六个，取最大的。</translation>
    </message>
    <message>
        <source>One step of plain gradient descent: w ← w − η ∂L/∂w, with η = %1.</source>
        <translation>普通梯度下降的一步：w ← w − η ∂L/∂w，其中 η = %1。</translation>
    </message>
    <message>
        <source>The training settings use another optimiser, which scales and steers this step: training moves w differently.</source>
        <translation>训练设置用的是另一种优化器，它会缩放并调整这一步：训练时 w 的变化会不一样。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Drag to see the network as it was at an earlier epoch</source>
        <translation>拖动可查看网络在较早某一轮时的样子</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>no epochs yet</source>
        <translation>还没有训练轮次</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>第 %1 轮 / 共 %2 轮</translation>
    </message>
    <message>
        <source>Go back to epoch %1</source>
        <translation>回到第 %1 轮</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>There is nothing to train on: add some samples first.</source>
        <translation>没有可以训练的数据：请先添加一些样本。</translation>
    </message>
    <message>
        <source>Training stopped: the loss reached the target %1.</source>
        <translation>训练已停止：损失达到了目标值 %1。</translation>
    </message>
    <message>
        <source>Training stopped at the limit of %1 epochs.</source>
        <translation>训练已停止：达到了 %1 轮的上限。</translation>
    </message>
    <message>
        <source>the loss jumped to %1, more than four times where it started</source>
        <translation>损失跃升到 %1，超过起始值的四倍</translation>
    </message>
    <message>
        <source>the loss rose epoch after epoch, to %1</source>
        <translation>损失一轮接一轮地上升，升到了 %1</translation>
    </message>
    <message>
        <source>a weight or bias grew to %1</source>
        <translation>某个权重或偏置增大到了 %1</translation>
    </message>
    <message>
        <source>a weight grew too large to compute (overflow)</source>
        <translation>某个权重大到无法计算（溢出）</translation>
    </message>
    <message>
        <source>The weights of epoch %1 (loss %2) are back.</source>
        <translation>已恢复第 %1 轮的权重（损失 %2）。</translation>
    </message>
    <message>
        <source>The weights from before training are back.</source>
        <translation>已恢复训练前的权重。</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1: %2. %3 The learning rate %4 makes steps too large here: try %5.</source>
        <translation>训练在第 %1 轮发散：%2。%3学习率 %4 使每一步走得太大：试试 %5。</translation>
    </message>
    <message>
        <source>Training stopped because of an error</source>
        <translation>训练因出错而停止</translation>
    </message>
    <message>
        <source>NeuronGUI hit an error while training and stopped. The network keeps the weights shown before the error; press Play to train again.

Details: %1</source>
        <translation>NeuronGUI 在训练时出错，已停止训练。网络保留出错前显示的权重；按“播放”可再次训练。

详细信息：%1</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>%1 takes whole numbers from %2 to %3, not %4</source>
        <translation>%1 只能取 %2 到 %3 之间的整数，不能取 %4</translation>
    </message>
    <message>
        <source>%1 takes numbers from %2 to %3, not %4</source>
        <translation>%1 只能取 %2 到 %3 之间的数，不能取 %4</translation>
    </message>
    <message>
        <source>The data to learn from</source>
        <translation>用于学习的数据</translation>
    </message>
    <message>
        <source>Noise added to the points</source>
        <translation>加在数据点上的噪声</translation>
    </message>
    <message>
        <source>Share of the data kept for testing</source>
        <translation>留作测试的数据比例</translation>
    </message>
    <message>
        <source>Samples per step</source>
        <translation>每一步使用的样本数</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>How each step uses the gradient</source>
        <translation>每一步如何使用梯度</translation>
    </message>
    <message>
        <source>Square loss</source>
        <translation>平方损失</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Cross-entropy (softmax)</source>
        <translation>交叉熵（softmax）</translation>
    </message>
    <message>
        <source>The loss the training minimises</source>
        <translation>训练所最小化的损失函数</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Penalty on large weights</source>
        <translation>对过大权重的惩罚</translation>
    </message>
    <message>
        <source>Regularisation rate λ</source>
        <translation>正则化系数 λ</translation>
    </message>
    <message>
        <source>Uniform ±0.5</source>
        <translation>均匀分布 ±0.5</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>How Reset draws the initial weights</source>
        <translation>重置时如何生成初始权重</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>64 位浮点（精确）</translation>
    </message>
    <message>
        <source>float32 (faster)</source>
        <translation>32 位浮点（更快）</translation>
    </message>
    <message>
        <source>The numbers training computes with: float32 trains large networks faster; the weights shown stay float64</source>
        <translation>训练计算所用的数值类型：32 位浮点训练大型网络更快；显示的权重仍为 64 位浮点</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>轮数达到时停止</translation>
    </message>
    <message>
        <source>Epoch limit</source>
        <translation>轮次上限</translation>
    </message>
    <message>
        <source>Stop at loss</source>
        <translation>损失达到时停止</translation>
    </message>
    <message>
        <source>Target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Rate λ</source>
        <translation>系数 λ</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>数值精度</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>连续训练（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One epoch (S); with Shift, one mini-batch</source>
        <translation>运行一个轮次（S）；按住 Shift 只运行一个小批量</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New initial weights (R); undoable</source>
        <translation>重新生成初始权重（R），可撤销</translation>
    </message>
    <message>
        <source>learning rate now η = %1</source>
        <translation>当前学习率 η = %1</translation>
    </message>
    <message>
        <source>training loss %1</source>
        <translation>训练损失 %1</translation>
    </message>
    <message>
        <source>training loss L = %1</source>
        <translation>训练损失 L = %1</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>单步运行一个轮次</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Epoch %1 (saved with the file)</source>
        <translation>第 %1 轮（随文件保存）</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>training accuracy %1</source>
        <translation>训练准确率 %1</translation>
    </message>
    <message>
        <source>minimised: L + (λ/2)·Σw² = %1 + %2 = %3</source>
        <translation>最小化的目标：L + (λ/2)·Σw² = %1 + %2 = %3</translation>
    </message>
    <message>
        <source>minimised: L + λ·Σ|w| = %1 + %2 = %3</source>
        <translation>最小化的目标：L + λ·Σ|w| = %1 + %2 = %3</translation>
    </message>
    <message>
        <source>minimised: L + penalty = %1 + %2 = %3</source>
        <translation>最小化的目标：L + 惩罚项 = %1 + %2 = %3</translation>
    </message>
    <message>
        <source>Softmax on a single output neuron always gives 1: eᶻ / eᶻ = 1 whatever z is. The loss cannot change and every gradient is 0, so this network cannot learn. For one output use sigmoid; softmax needs one output neuron per class.</source>
        <translation>单个输出神经元上的 softmax 永远输出 1：无论 z 是多少，eᶻ / eᶻ = 1。损失不会变化，所有梯度都是 0，所以这个网络无法学习。只有一个输出时请用 sigmoid；softmax 需要每个类别各有一个输出神经元。</translation>
    </message>
    <message>
        <source>Change “%1”</source>
        <translation>更改“%1”</translation>
    </message>
    <message>
        <source>Change the training settings</source>
        <translation>更改训练设置</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>“%1” could not be done and was left out. Details: %2</source>
        <translation>无法完成“%1”，已将其略过。详情：%2</translation>
    </message>
</context>
<context>
    <name>WeightChart</name>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>training steps</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>Select an edge to follow its weight.</source>
        <translation>选中一条连线，即可跟踪它的权重变化。</translation>
    </message>
    <message>
        <source>neuron %1 of layer %2</source>
        <translation>第 %2 层的神经元 %1</translation>
    </message>
    <message>
        <source>The weight from %1 into neuron %2 of layer %3</source>
        <translation>从 %1 到第 %3 层神经元 %2 的权重</translation>
    </message>
    <message>
        <source>: train to see it change.</source>
        <translation>：训练后即可看到它的变化。</translation>
    </message>
</context>
<context>
    <name>WhatsThisHelp</name>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Now: %1.</source>
        <translation>当前：%1。</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>Circles are neurons, lines are weights: blue positive, orange negative, thicker for a larger |w|. Ask on a neuron or an edge for its value; click one to inspect it.</source>
        <translation>圆圈是神经元，连线是权重：蓝色为正，橙色为负，|w| 越大线越粗。在神经元或连线上询问可看到它的值；单击可在检查器中查看。</translation>
    </message>
    <message>
        <source>Changes how many neurons this layer has; Ctrl+Z undoes it.</source>
        <translation>改变这一层的神经元个数；Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>neuron %1 of %2</source>
        <translation>%2的神经元 %1</translation>
    </message>
    <message>
        <source>positive: a larger input raises z</source>
        <translation>为正：输入越大，z 越大</translation>
    </message>
    <message>
        <source>negative: a larger input lowers z</source>
        <translation>为负：输入越大，z 越小</translation>
    </message>
    <message>
        <source>Edge (a weight)</source>
        <translation>连线（一个权重）</translation>
    </message>
    <message>
        <source>From %1 into neuron %2 of %3: the input is multiplied by w.</source>
        <translation>从%1进入%3的神经元 %2：输入要乘以 w。</translation>
    </message>
    <message>
        <source>Now w = %1, %2.</source>
        <translation>当前 w = %1，%2。</translation>
    </message>
    <message>
        <source>Now w = 0: this input does not count.</source>
        <translation>当前 w = 0：这个输入不起作用。</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>An input of the network: a feature of the sample, passed on as it is.</source>
        <translation>网络的一个输入：样本的一个特征，原样传给下一层。</translation>
    </message>
    <message>
        <source>Now %1 = %2 for the sample shown.</source>
        <translation>对当前显示的样本，%1 = %2。</translation>
    </message>
    <message>
        <source>Neuron %1 of %2 (%3)</source>
        <translation>%2的神经元 %1（%3）</translation>
    </message>
    <message>
        <source>It adds up its weighted inputs and its bias, z = Σ w·x + b, and outputs a = f(z); its colour is a.</source>
        <translation>它把加权输入与偏置相加，z = Σ w·x + b，输出 a = f(z)；它的颜色表示 a。</translation>
    </message>
    <message>
        <source>Now b = %1; for the sample shown z = %2 and a = %3.</source>
        <translation>当前 b = %1；对当前显示的样本，z = %2，a = %3。</translation>
    </message>
</context>
<context>
    <name>WhatsThisTexts</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The samples the network learns from: points of a 2-D pattern, a table or images, each with its target.</source>
        <translation>网络用来学习的样本：二维图案上的点、表格或图像，每个样本都有目标值。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>How far the points scatter from their clean pattern: 0 is none, 0.5 a lot. Noisier data is harder to fit and easier to overfit.</source>
        <translation>数据点偏离原本图案的程度：0 表示没有，0.5 表示很多。噪声越大，越难拟合，也越容易过拟合。</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>The part of the data kept out of training. The test loss on it tells how well the network does on samples it never learned from.</source>
        <translation>不参与训练的那部分数据。它上面的测试损失说明网络在从未学过的样本上表现如何。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>How many samples one step of gradient descent averages the gradient over (a mini-batch).</source>
        <translation>一步梯度下降对多少个样本的梯度取平均（一个小批量）。</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>The step size of gradient descent: each step sets w ← w − η·∂L/∂w. Too small learns slowly, too large overshoots and diverges.</source>
        <translation>梯度下降的步长：每一步令 w ← w − η·∂L/∂w。太小学得慢，太大会越过最低点甚至发散。</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How a step turns the gradient into a change of the weights: plain gradient descent, momentum (keeps a running velocity) or Adam (scales each weight&apos;s step by running averages of its gradient).</source>
        <translation>每一步如何把梯度变成权重的改变：普通梯度下降、动量法（保留一个累积速度）或 Adam（按梯度的滑动平均为每个权重调整步长）。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>The number training makes small: how far the outputs ŷ are from the targets y, averaged over the samples.</source>
        <translation>训练要减小的那个数：输出 ŷ 与目标值 y 相差多远，对样本取平均。</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>A penalty on large weights added to the loss, against overfitting: L1 adds λ·Σ|w|, L2 adds (λ/2)·Σw².</source>
        <translation>加到损失上的对大权重的惩罚，用来防止过拟合：L1 加上 λ·Σ|w|，L2 加上 (λ/2)·Σw²。</translation>
    </message>
    <message>
        <source>Rate λ</source>
        <translation>系数 λ</translation>
    </message>
    <message>
        <source>How much the regularisation penalty counts against the loss.</source>
        <translation>正则化惩罚项相对于损失的分量。</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>How Reset draws the starting weights: Xavier and He scale them to the layer&apos;s size; zeros make every neuron of a layer learn the same.</source>
        <translation>“重置”如何抽取初始权重：Xavier 和 He 按层的大小缩放；全零会让同一层的每个神经元学到相同的东西。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>The number that fixes the random draws (starting weights, data, order of the samples): the same seed gives the same run.</source>
        <translation>固定随机抽取（初始权重、数据、样本顺序）的数：相同的种子得到相同的训练过程。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>数值精度</translation>
    </message>
    <message>
        <source>The number type training computes with: float64 (about 16 digits) or float32 (about 7, faster for large networks).</source>
        <translation>训练计算所用的数值类型：float64（约 16 位有效数字）或 float32（约 7 位，大网络更快）。</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>轮数达到时停止</translation>
    </message>
    <message>
        <source>When ticked, training pauses by itself after this many epochs (an epoch is one pass through the training set).</source>
        <translation>勾选后，训练在这么多轮次之后自动暂停（一个轮次就是把训练集过一遍）。</translation>
    </message>
    <message>
        <source>Epoch limit</source>
        <translation>轮次上限</translation>
    </message>
    <message>
        <source>The epoch after which training pauses, if “Stop after” is ticked.</source>
        <translation>勾选“轮数达到时停止”时，训练在这一轮次之后暂停。</translation>
    </message>
    <message>
        <source>Stop at loss</source>
        <translation>损失达到时停止</translation>
    </message>
    <message>
        <source>When ticked, training pauses once the training loss is this small.</source>
        <translation>勾选后，训练损失降到这么小时训练暂停。</translation>
    </message>
    <message>
        <source>Target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <source>The training loss at which training pauses, if “Stop at loss” is ticked.</source>
        <translation>勾选“损失达到时停止”时，训练损失降到这个值就暂停。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Trains epoch after epoch until you press it again (Space).</source>
        <translation>一轮接一轮地训练，直到再按一次（空格键）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Trains one epoch and stops (S); with Shift, one mini-batch.</source>
        <translation>训练一个轮次后停下（S）；按住 Shift 只训练一个小批量。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Draws new starting weights and clears the history (R); Ctrl+Z undoes.</source>
        <translation>重新抽取初始权重并清空历史（R）；Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>The epochs trained so far, and the loss and accuracy after the last.</source>
        <translation>已训练的轮次，以及最后一轮之后的损失和准确率。</translation>
    </message>
    <message>
        <source>Epoch progress</source>
        <translation>本轮进度</translation>
    </message>
    <message>
        <source>How far training is through the current epoch.</source>
        <translation>当前轮次已经训练了多少。</translation>
    </message>
    <message>
        <source>Now %1: %2 samples to train on, %3 to test on.</source>
        <translation>当前为 %1：%2 个样本用于训练，%3 个用于测试。</translation>
    </message>
    <message>
        <source>Now %1: each step averages %1 samples; an epoch of %2 samples is %3 steps.</source>
        <translation>当前为 %1：每一步对 %1 个样本取平均；%2 个样本的一个轮次共 %3 步。</translation>
    </message>
    <message>
        <source>Now %1: each step moves every weight by %1 × its gradient.</source>
        <translation>当前为 %1：每一步把每个权重移动 %1 × 它的梯度。</translation>
    </message>
    <message>
        <source>Now %1, but Regularisation is None: it has no effect.</source>
        <translation>当前为 %1，但正则化为“无”：它不起作用。</translation>
    </message>
    <message>
        <source>Now %1: the penalty is multiplied by %1.</source>
        <translation>当前为 %1：惩罚项乘以 %1。</translation>
    </message>
    <message>
        <source>Now ticked.</source>
        <translation>当前已勾选。</translation>
    </message>
    <message>
        <source>Now not ticked: off.</source>
        <translation>当前未勾选：不启用。</translation>
    </message>
    <message>
        <source>Now training.</source>
        <translation>当前正在训练。</translation>
    </message>
    <message>
        <source>Now paused.</source>
        <translation>当前已暂停。</translation>
    </message>
    <message>
        <source>%1 epochs trained so far.</source>
        <translation>目前已训练 %1 个轮次。</translation>
    </message>
    <message>
        <source>Loss chart</source>
        <translation>损失图</translation>
    </message>
    <message>
        <source>The loss after each epoch, on the training set and on the test set. Going down: the network learns; test rising while training falls: overfitting.</source>
        <translation>每一轮次之后训练集和测试集上的损失。下降：网络在学习；训练损失下降而测试损失上升：过拟合。</translation>
    </message>
    <message>
        <source>Accuracy chart</source>
        <translation>准确率图</translation>
    </message>
    <message>
        <source>The share of samples classified right after each epoch.</source>
        <translation>每一轮次之后分类正确的样本比例。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Draws the loss on a logarithmic axis, where small losses stay visible.</source>
        <translation>在对数坐标轴上画损失，很小的损失也看得清。</translation>
    </message>
    <message>
        <source>Output map</source>
        <translation>输出图</translation>
    </message>
    <message>
        <source>The network&apos;s output at every point of the input plane, with the samples on top: where its colour changes is the decision boundary.</source>
        <translation>网络在输入平面上每一点的输出，样本画在上面：颜色变化的地方就是决策边界。</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Also draws the test samples.</source>
        <translation>同时画出测试样本。</translation>
    </message>
    <message>
        <source>Discretise output</source>
        <translation>输出离散化</translation>
    </message>
    <message>
        <source>Colours each point by the class it gets, not by the output&apos;s value.</source>
        <translation>按每个点被分到的类别着色，而不是按输出值着色。</translation>
    </message>
    <message>
        <source>Weight chart</source>
        <translation>权重图</translation>
    </message>
    <message>
        <source>The selected weight w after each training step: how gradient descent moves it.</source>
        <translation>每一步训练之后所选权重 w 的值：梯度下降如何移动它。</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>What the diagram&apos;s colours mean: a neuron&apos;s colour is its output for the sample shown, an edge&apos;s colour the sign of its weight and its width the size.</source>
        <translation>网络图中颜色的含义：神经元的颜色是它对当前样本的输出，连线的颜色表示权重的正负，粗细表示权重的大小。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The loss, the output and the selected weight, one tab each.</source>
        <translation>损失、输出和所选权重，各占一个标签页。</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>The weight of the selected edge: its input x is multiplied by w before the neuron adds it up (z = Σ w·x + b).</source>
        <translation>所选连线的权重：输入 x 先乘以 w，再由神经元求和（z = Σ w·x + b）。</translation>
    </message>
    <message>
        <source>Weight slider</source>
        <translation>权重滑块</translation>
    </message>
    <message>
        <source>Drag to change the selected weight from −5 to 5.</source>
        <translation>拖动可在 −5 到 5 之间改变所选权重。</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>The bias of the selected neuron, added to its weighted sum: z = Σ w·x + b. It shifts where the neuron switches on.</source>
        <translation>所选神经元的偏置，加在它的加权和上：z = Σ w·x + b。它决定神经元在哪里开始激活。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The function f of the selected neuron&apos;s layer: its output is a = f(z).</source>
        <translation>所选神经元所在层的函数 f：它的输出是 a = f(z)。</translation>
    </message>
    <message>
        <source>The terms of z</source>
        <translation>z 的各项</translation>
    </message>
    <message>
        <source>Every input x of the selected neuron times its weight w; their sum and the bias give z, and f(z) gives the output a.</source>
        <translation>所选神经元的每个输入 x 乘以它的权重 w；这些乘积之和加上偏置得到 z，f(z) 给出输出 a。</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compares ∂L/∂w from backpropagation with the slope measured by nudging w by ±ε. If they agree to many digits, backprop computed it right.</source>
        <translation>把反向传播算出的 ∂L/∂w 与把 w 微调 ±ε 量出的斜率作比较。两者有很多位相同，就说明反向传播算对了。</translation>
    </message>
    <message>
        <source>Activation curve</source>
        <translation>激活函数曲线</translation>
    </message>
    <message>
        <source>The activation function f(z) and its derivative f′(z); the dot is the selected neuron&apos;s z for the current sample.</source>
        <translation>激活函数 f(z) 及其导数 f′(z)；圆点是所选神经元在当前样本上的 z。</translation>
    </message>
    <message>
        <source>Function to plot</source>
        <translation>要绘制的函数</translation>
    </message>
    <message>
        <source>The activation function the plot shows.</source>
        <translation>图中显示的激活函数。</translation>
    </message>
    <message>
        <source>Follow selected layer</source>
        <translation>跟随所选层</translation>
    </message>
    <message>
        <source>Shows the activation of the selected neuron&apos;s layer.</source>
        <translation>显示所选神经元所在层的激活函数。</translation>
    </message>
    <message>
        <source>Training health</source>
        <translation>训练健康状况</translation>
    </message>
    <message>
        <source>Per layer: dead and saturated neurons and how large the gradients are, the signs that a network cannot learn.</source>
        <translation>逐层显示死亡和饱和的神经元以及梯度的大小，这些都是网络学不动的迹象。</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>教练</translation>
    </message>
    <message>
        <source>Hints about what holds training back, with the change that helps.</source>
        <translation>指出是什么拖慢了训练，并给出有用的修改。</translation>
    </message>
    <message>
        <source>Now %1 = %2.</source>
        <translation>当前 %1 = %2。</translation>
    </message>
    <message>
        <source>Nothing trained yet: press Play or Step.</source>
        <translation>还没有训练：请按“播放”或“单步”。</translation>
    </message>
    <message>
        <source>Now after epoch %1: training loss %2.</source>
        <translation>当前为第 %1 轮之后：训练损失 %2。</translation>
    </message>
    <message>
        <source>Test loss %1.</source>
        <translation>测试损失 %1。</translation>
    </message>
    <message>
        <source>Now after epoch %1: %2 of the training samples right.</source>
        <translation>当前为第 %1 轮之后：训练样本中 %2 分类正确。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>The settings of training and the buttons that run it.</source>
        <translation>训练的设置和运行训练的按钮。</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>The selected weight or neuron: its value, how it computes, and a check of its gradient.</source>
        <translation>所选的权重或神经元：它的值、它如何计算，以及它的梯度检验。</translation>
    </message>
    <message>
        <source>How training goes, epoch by epoch.</source>
        <translation>训练一轮一轮的进展。</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The activation functions, their derivatives and where the neurons sit on them.</source>
        <translation>激活函数、它们的导数，以及各神经元落在曲线上的位置。</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>The open lesson&apos;s steps and questions.</source>
        <translation>当前课程的步骤和问题。</translation>
    </message>
    <message>
        <source>Samples and your input</source>
        <translation>样本与你的输入</translation>
    </message>
    <message>
        <source>The training samples, one per row: pick the one the diagram and the Inspector compute with, or type your own input.</source>
        <translation>训练样本，每行一个：选择网络图和检查器用来计算的样本，或者输入你自己的数据。</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Compute a neuron or a backprop step by hand and check it, or draw an input.</source>
        <translation>亲手计算一个神经元或一步反向传播并核对，或者画一个输入。</translation>
    </message>
    <message>
        <source>Layer as a matrix</source>
        <translation>矩阵形式的层</translation>
    </message>
    <message>
        <source>One layer written as z = W·x + b: its weight matrix, the inputs and the result.</source>
        <translation>把一层写成 z = W·x + b：它的权重矩阵、输入和结果。</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>The loss as a height over two chosen weights, with the path training took.</source>
        <translation>把损失画成所选两个权重上的高度，并画出训练走过的路径。</translation>
    </message>
    <message>
        <source>Hints on what holds training back, and the health of each layer.</source>
        <translation>指出是什么拖慢了训练，以及每一层的健康状况。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>The network as it was after each epoch: drag back to see it, and go back to it if you like.</source>
        <translation>网络在每一轮之后的样子：往回拖动即可查看，也可以回到那时的状态。</translation>
    </message>
</context>
<context>
    <name>WhyPage</name>
    <message>
        <source>Probability the network gives the true class</source>
        <translation>网络给真实类别的概率</translation>
    </message>
    <message>
        <source>p of the true class</source>
        <translation>真实类别的 p</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>∂L/∂z of the true class with each loss</source>
        <translation>两种损失函数下真实类别的 ∂L/∂z</translation>
    </message>
    <message>
        <source>The network gives the true class p = %1 and is sure of a wrong one: p = (%1, %2, %3). With cross-entropy ∂L/∂z&lt;sub&gt;true&lt;/sub&gt; = p − 1 = %4; with the square loss only %5, %6 times smaller, because the softmax&apos;s slope ∂p/∂z = p(1 − p) is tiny where p is near 0 or 1. A small gradient means a small step: the square loss hardly corrects its worst mistakes.</source>
        <translation>网络给真实类别的概率只有 p = %1，却很有把握地认定了一个错误的类别：p = (%1, %2, %3)。使用交叉熵时 ∂L/∂z&lt;sub&gt;true&lt;/sub&gt; = p − 1 = %4；使用平方损失时只有 %5，是前者的 1/%6，因为 softmax 的斜率 ∂p/∂z = p(1 − p) 在 p 接近 0 或 1 时非常小。梯度小，步子就小：平方损失几乎纠正不了它最严重的错误。</translation>
    </message>
    <message>
        <source>The selected flower: p&lt;sub&gt;true&lt;/sub&gt; = %1, ∂L/∂z&lt;sub&gt;true&lt;/sub&gt; = %2 with cross-entropy and %3 with the square loss.</source>
        <translation>所选的花：p&lt;sub&gt;true&lt;/sub&gt; = %1；∂L/∂z&lt;sub&gt;true&lt;/sub&gt; 使用交叉熵时为 %2，使用平方损失时为 %3。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>这是什么？(&amp;T)</translation>
    </message>
    <message>
        <source>G&amp;lossary…</source>
        <translation>术语表(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About NeuronGUI</source>
        <translation>关于 NeuronGUI(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start again with the default network</source>
        <translation>使用默认网络重新开始</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a network file</source>
        <translation>打开网络文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>保存网络</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>One neuron learns AND</source>
        <translation>单个神经元学习“与”(AND)</translation>
    </message>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>异或(XOR)需要隐藏层</translation>
    </message>
    <message>
        <source>Iris flowers: softmax over three species</source>
        <translation>鸢尾花：三个品种的 softmax</translation>
    </message>
    <message>
        <source>Handwritten digits (8×8 pixels)</source>
        <translation>手写数字（8×8 像素）</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Get the full &amp;MNIST…</source>
        <translation>获取完整 MNIST(&amp;M)…</translation>
    </message>
    <message>
        <source>Download MNIST&apos;s 70,000 handwritten digits (12 MB) and train on them</source>
        <translation>下载 MNIST 的 70,000 个手写数字（12 MB）并用它们训练</translation>
    </message>
    <message>
        <source>Import &amp;IDX files…</source>
        <translation>导入 IDX 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Read an MNIST-format set from disk: MNIST, Fashion-MNIST, KMNIST…</source>
        <translation>从磁盘读取 MNIST 格式的数据集：MNIST、Fashion-MNIST、KMNIST…</translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation>导入 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import model…</source>
        <translation>导入模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a network saved by PyTorch (safetensors) or as ONNX</source>
        <translation>打开由 PyTorch 保存的网络（safetensors）或 ONNX 模型</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Diagram as PNG…</source>
        <translation>网络图（PNG）…</translation>
    </message>
    <message>
        <source>Diagram as SVG…</source>
        <translation>网络图（SVG）…</translation>
    </message>
    <message>
        <source>Chart as PNG or SVG…</source>
        <translation>图表（PNG 或 SVG）…</translation>
    </message>
    <message>
        <source>Training history as CSV…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <source>Weights as NPZ or CSV…</source>
        <translation>权重（NPZ 或 CSV）…</translation>
    </message>
    <message>
        <source>PyTorch script…</source>
        <translation>PyTorch 脚本…</translation>
    </message>
    <message>
        <source>NumPy script…</source>
        <translation>NumPy 脚本…</translation>
    </message>
    <message>
        <source>ONNX model…</source>
        <translation>ONNX 模型…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Fit diagram to window</source>
        <translation>网络图适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>WindowTools</name>
    <message>
        <source>By hand</source>
        <translation>亲手算</translation>
    </message>
    <message>
        <source>Backprop steps</source>
        <translation>反向传播步骤</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>画数字</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Samples and your input</source>
        <translation>样本与你的输入</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Layer as a matrix</source>
        <translation>矩阵形式的层</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>教练</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <source>Compute It &amp;Yourself</source>
        <translation>亲手计算(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Backprop Stage by Stage</source>
        <translation>逐步反向传播(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Draw a Digit</source>
        <translation>画一个数字(&amp;D)</translation>
    </message>
    <message>
        <source>The Layer as a &amp;Matrix</source>
        <translation>把层写成矩阵(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Loss Surface</source>
        <translation>损失曲面(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Coach: Why Isn&apos;t It Learning?</source>
        <translation>教练：为什么学不会？(&amp;C)</translation>
    </message>
    <message>
        <source>Choose the &amp;Input…</source>
        <translation>选择输入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>The coach has a hint about this run: Practice ▸ Coach.</source>
        <translation>教练对这次训练有一条提示：练习 ▸ 教练。</translation>
    </message>
</context>
</TS>

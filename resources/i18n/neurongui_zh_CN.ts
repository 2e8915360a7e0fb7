<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>One neuron</source>
        <extracomment>Lesson keys in teaching order; ``neurongui.lessons.&lt;key&gt;`` defines the lesson.</extracomment>
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
</context>
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
</context>
<context>
    <name>ActivationPlotPanel</name>
    <message>
        <source>Activation function to plot</source>
        <extracomment>Milliseconds between coalesced redraws (≤ 30 Hz).</extracomment>
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
        <translation>Leaky 斜率 k</translation>
    </message>
    <message>
        <source>PReLU α</source>
        <translation>PReLU α</translation>
    </message>
    <message>
        <source>RReLU lower l</source>
        <translation>RReLU 下界 l</translation>
    </message>
    <message>
        <source>RReLU upper u</source>
        <translation>RReLU 上界 u</translation>
    </message>
    <message>
        <source>z of the selected layer over the training set</source>
        <translation>所选层在训练集上的 z</translation>
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
        <source>Softmax is not drawn as a curve: each output depends on every z of the layer, so there is no single f(z). Its outputs are positive and sum to 1.</source>
        <translation>Softmax 无法画成一条曲线：每个输出都取决于该层所有的 z，因此不存在单一的 f(z)。它的输出均为正数，且总和为 1。</translation>
    </message>
    <message>
        <source>The step jumps at z = 0 (filled dot: f(0) = 1); its derivative is 0 elsewhere and does not exist at 0, which is why gradient descent cannot train it.</source>
        <translation>阶跃函数在 z = 0 处跳变（实心点：f(0) = 1）；它在其他位置的导数为 0，在 0 处导数不存在，所以无法用梯度下降来训练。</translation>
    </message>
    <message>
        <source>Select a neuron to see where it sits on its curve.</source>
        <translation>选择一个神经元，查看它在曲线上的位置。</translation>
    </message>
    <message>
        <source>neuron %1 of layer %2</source>
        <translation>第 %2 层的第 %1 个神经元</translation>
    </message>
    <message>
        <source>Select a neuron to see its layer&apos;s z values.</source>
        <translation>选择一个神经元，查看其所在层的 z 值。</translation>
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
    <name>BiasThresholdLesson</name>
    <message>
        <source>Move the threshold h; the bias becomes b = −h</source>
        <extracomment>Truth tables of the gates the task asks for, in the order of INPUTS. The slider moves h over [H_MIN, H_MAX] in steps of 1/H_TICKS.</extracomment>
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
        <source>Right: with h = %1 (b = %2) the unit computes %3.</source>
        <translation>正确：当 h = %1（b = %2）时，该单元实现了 %3。</translation>
    </message>
    <message>
        <source>Not yet: the unit&apos;s outputs are %4 but %3 needs %5. Move h between the weighted sums that should stay silent and those that should fire (h = %1 now, b = %2).</source>
        <translation>还不对：该单元的输出是 %4，而 %3 需要 %5。请把 h 移到“应保持静默”和“应激发”的加权和之间（当前 h = %1，b = %2）。</translation>
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
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Discretise output</source>
        <translation>输出离散化</translation>
    </message>
    <message>
        <source>Misclassified test digits</source>
        <translation>分类错误的测试数字</translation>
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
        <source>No output view for this dataset.</source>
        <translation>此数据集没有输出视图。</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are true classes, columns predicted. Accuracy %1</source>
        <translation>混淆矩阵：行为真实类别，列为预测类别。准确率 %1</translation>
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
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>NeuronGUI user guide</source>
        <translation>NeuronGUI 使用指南</translation>
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
        <source>Activation of the layer</source>
        <translation>该层的激活函数</translation>
    </message>
    <message>
        <source>The activation function of this layer</source>
        <translation>这一层的激活函数</translation>
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
        <source>Type a value or use the arrows; Ctrl+Z undoes</source>
        <translation>输入数值或使用箭头；Ctrl+Z 可撤销</translation>
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
        <source>Click an edge to see and edit its weight, or a neuron for its bias.</source>
        <translation>单击连线可查看并修改其权重，单击神经元可查看并修改其偏置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edge&lt;/b&gt; from %1 into neuron %2 of layer %3</source>
        <translation>&lt;b&gt;连线&lt;/b&gt;：从 %1 到第 %3 层的神经元 %2</translation>
    </message>
    <message>
        <source>w = %1</source>
        <translation>w = %1</translation>
    </message>
    <message>
        <source>value feeding it: %1 = %2</source>
        <translation>输入它的值：%1 = %2</translation>
    </message>
    <message>
        <source>its term in z: w·x = %1</source>
        <translation>它在 z 中的项：w·x = %1</translation>
    </message>
    <message>
        <source>activation feeding it: %1</source>
        <translation>输入它的激活函数：%1</translation>
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
        <source>&lt;b&gt;Neuron %1 of layer %2&lt;/b&gt; for sample %3</source>
        <translation>&lt;b&gt;第 %2 层的神经元 %1&lt;/b&gt;（样本 %3）</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Set a weight to %1</source>
        <translation>将权重设为 %1</translation>
    </message>
    <message>
        <source>Set a bias to %1</source>
        <translation>将偏置设为 %1</translation>
    </message>
    <message>
        <source>Use %1 in layer %2</source>
        <translation>第 %2 层改用 %1</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>The network no longer has this lesson&apos;s shape. Undo the change (Ctrl+Z) or start the lesson again from the Lessons menu.</source>
        <extracomment>Colours of right and wrong answers (readable on light and dark backgrounds). True if the lesson asks the student something and can check the answer. Layer sizes the lesson&apos;s controls need, or None if any network will do.</extracomment>
        <translation>网络的结构已不再符合本课的要求。请撤销该修改（Ctrl+Z），或从“课程”菜单重新开始本课。</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程正文</translation>
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
        <source>NeuronGUI networks (*.json);;All files (*)</source>
        <translation>NeuronGUI 网络 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>保存网络</translation>
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
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
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
        <source>Training history as CSV…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <source>Weights as NPZ or CSV…</source>
        <translation>权重（NPZ 或 CSV）…</translation>
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
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
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
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
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
        <source>Layer %1 · %2</source>
        <translation>第 %1 层 · %2</translation>
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
        <source>Add a neuron</source>
        <translation>添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a neuron</source>
        <translation>删除一个神经元</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;━&lt;/span&gt; positive weight &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━&lt;/span&gt; negative weight &amp;nbsp; thicker = larger |w|</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;━&lt;/span&gt; 正权重 &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;━&lt;/span&gt; 负权重 &amp;nbsp; 越粗 = |w| 越大</translation>
    </message>
    <message>
        <source>Showing the %1 strongest of %2 edges</source>
        <translation>显示 %2 条连线中最强的 %1 条</translation>
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
        <source>Use %1 in layer %2</source>
        <translation>第 %2 层改用 %1</translation>
    </message>
    <message>
        <source>Change the input features</source>
        <translation>更改输入特征</translation>
    </message>
    <message>
        <source>Set a weight to %1</source>
        <translation>将权重设为 %1</translation>
    </message>
    <message>
        <source>Set a bias to %1</source>
        <translation>将偏置设为 %1</translation>
    </message>
    <message>
        <source>Activation of layer %1</source>
        <translation>第 %1 层的激活函数</translation>
    </message>
    <message>
        <source>Remove this neuron</source>
        <translation>删除这个神经元</translation>
    </message>
    <message>
        <source>neuron %1 of layer %2</source>
        <translation>第 %2 层的神经元 %1</translation>
    </message>
    <message>
        <source>weight w = %1
from %2 into neuron %3 of layer %4</source>
        <translation>权重 w = %1
从 %2 到第 %4 层的神经元 %3</translation>
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
    <name>OneNeuronLesson</name>
    <message>
        <source>Weight of x₁</source>
        <extracomment>The inputs of the table: the four corners of the unit square. The task: above HIGH for (1, 0), below LOW for (0, 1).</extracomment>
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
        <source>Inputs with their z and y</source>
        <translation>各输入及其 z 和 y</translation>
    </message>
    <message>
        <source>σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;): above ½ exactly when z &gt; 0.</source>
        <translation>σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)：当且仅当 z &gt; 0 时大于 ½。</translation>
    </message>
    <message>
        <source>Right: y(1, 0) = %1 and y(0, 1) = %2.</source>
        <translation>正确：y(1, 0) = %1，y(0, 1) = %2。</translation>
    </message>
    <message>
        <source>Not yet: y(1, 0) = %1 should be above 0.9 and y(0, 1) = %2 below 0.1. Make z large and positive for (1, 0), large and negative for (0, 1).</source>
        <translation>还不对：y(1, 0) = %1 应大于 0.9，y(0, 1) = %2 应小于 0.1。请让 (1, 0) 的 z 为较大的正数，(0, 1) 的 z 为较大的负数。</translation>
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
    <name>TrainingController</name>
    <message>
        <source>Reset the weights</source>
        <extracomment>Number of the last play/pause/step command the worker had obeyed. Training stopped by itself (divergence, epoch limit, target loss): the reason.</extracomment>
        <translation>重置权重</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
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
        <source>Stop after</source>
        <translation>停止于轮次</translation>
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
        <source>Play / Pause</source>
        <translation>播放 / 暂停</translation>
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
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
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
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
</context>
<context>
    <name>ValueBox</name>
    <message>
        <source>Set a weight to %1</source>
        <translation>将权重设为 %1</translation>
    </message>
    <message>
        <source>Set a bias to %1</source>
        <translation>将偏置设为 %1</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>About NeuronGUI</source>
        <translation>关于 NeuronGUI</translation>
    </message>
</context>
</TS>

using System.Numerics;
using System.Text;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// A functional model: the modules of the nodes between <c>inputs</c> and <c>outputs</c>, run in topological order.
/// One input takes the graph's input as is; several take a Table (element i to input i). One output gives that
/// activity; several give a Table. Backward runs in reverse order, summing the gradients a node receives from all
/// its consumers (shared sub-graphs).
/// </summary>
/// <remarks>BigDL's <c>Graph</c> (its static graph). Each module may appear in one node only.</remarks>
public sealed class Graph<T> : Container<IActivity, IActivity, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ModuleNode<T>[] _nodes;
    private readonly int[][] _predecessors;
    private readonly int[] _inputs;
    private readonly int[] _outputs;
    private readonly IActivity?[] _nodeInputs;
    private readonly IActivity?[] _gradients;

    /// <summary>Creates the graph from its input and output nodes.</summary>
    /// <exception cref="ArgumentException">No inputs or outputs; an output depends on a start node that is not one of the inputs; a module is used in two nodes.</exception>
    public Graph(ModuleNode<T>[] inputs, ModuleNode<T>[] outputs) : base(new Tensor<T>(), new Tensor<T>())
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Length == 0) throw new ArgumentException("a graph needs at least one input node", nameof(inputs));
        if (outputs.Length == 0) throw new ArgumentException("a graph needs at least one output node", nameof(outputs));
        _nodes = [.. TopologicalOrder(outputs)];
        foreach (var node in _nodes)
            if (node.Predecessors.Count == 0 && Array.IndexOf(inputs, node) < 0)
                throw new ArgumentException($"node {node} starts a path to the outputs but is not one of the graph's inputs", nameof(inputs));
        var modules = _nodes.Select(n => n.Element).ToList();
        var repeated = modules.GroupBy(m => m, ReferenceEqualityComparer.Instance).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"module {((Module<T>)repeated.Key!).Label} is used in two nodes; each node needs its own module", nameof(outputs));
        _inputs = [.. inputs.Select(i => IndexOf(i, nameof(inputs)))];
        _outputs = [.. outputs.Select(o => IndexOf(o, nameof(outputs)))];
        _predecessors = [.. _nodes.Select(n => n.Predecessors.Select(p => Array.IndexOf(_nodes, p)).ToArray())];
        _nodeInputs = new IActivity?[_nodes.Length];
        _gradients = new IActivity?[_nodes.Length];
        foreach (var module in modules) AddModule(module);
    }

    /// <summary>A graph with one input and one output.</summary>
    public Graph(ModuleNode<T> input, ModuleNode<T> output) : this([input], [output])
    {
    }

    /// <summary>For each node (in <see cref="Container{TIn, TOut, T}.Modules"/> order), the indices of the nodes it reads.</summary>
    internal IReadOnlyList<int[]> NodePredecessors => _predecessors;

    /// <summary>Indices of the input nodes, in the graph's input order.</summary>
    internal IReadOnlyList<int> InputNodes => _inputs;

    /// <summary>Indices of the output nodes, in the graph's output order.</summary>
    internal IReadOnlyList<int> OutputNodes => _outputs;

    /// <summary>The node whose module is named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No module has that name.</exception>
    public ModuleNode<T> Node(string name) =>
        _nodes.FirstOrDefault(n => n.Element.GetName() == name) ?? throw new KeyNotFoundException($"{PrintName}: no node's module is named '{name}'");

    /// <inheritdoc/>
    protected override IActivity UpdateOutput(IActivity input)
    {
        var outputs = new IActivity?[_nodes.Length];
        for (int i = 0; i < _nodes.Length; i++)
        {
            var nodeInput = InputOf(i, input, outputs);
            _nodeInputs[i] = nodeInput;
            outputs[i] = ForwardChild(i, nodeInput);
        }
        return _outputs.Length == 1 ? outputs[_outputs[0]]! : new Table([.. _outputs.Select(o => outputs[o]!)]);
    }

    /// <inheritdoc/>
    protected override IActivity UpdateGradInput(IActivity input, IActivity gradOutput)
    {
        if (_nodeInputs.Any(a => a is null)) throw new InvalidOperationException($"{PrintName}: Backward needs the input of the last Forward; call Forward first");
        Array.Clear(_gradients);
        if (_outputs.Length == 1) Accumulate(_outputs[0], gradOutput);
        else
        {
            var table = Require.Table(gradOutput, _outputs.Length, nameof(gradOutput));
            for (int k = 0; k < _outputs.Length; k++) Accumulate(_outputs[k], table[k]);
        }
        var inputGradients = new IActivity?[_inputs.Length];
        for (int i = _nodes.Length - 1; i >= 0; i--)
        {
            var gradient = _gradients[i] ?? throw new InvalidOperationException($"{PrintName}: node {_nodes[i]} received no gradient");
            var gradInput = BackwardChild(i, _nodeInputs[i]!, gradient);
            var from = _predecessors[i];
            if (from.Length == 1) Accumulate(from[0], gradInput);
            else for (int k = 0; k < from.Length; k++) Accumulate(from[k], gradInput.ToTable()[k]);
            int inputPosition = Array.IndexOf(_inputs, i);
            if (inputPosition >= 0) inputGradients[inputPosition] = gradInput;
        }
        return _inputs.Length == 1 ? inputGradients[0]! : new Table([.. inputGradients.Select(g => g!)]);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder(PrintName).Append(" {\n");
        for (int i = 0; i < _nodes.Length; i++)
        {
            string from = Array.IndexOf(_inputs, i) is int k and >= 0 ? $"input {k}" : string.Join(", ", _predecessors[i].Select(p => $"({p})"));
            text.Append("  (").Append(i).Append("): ").Append(_nodes[i].Element.OneLine).Append(" <- ").Append(from);
            if (Array.IndexOf(_outputs, i) is int o and >= 0) text.Append(" -> output ").Append(o);
            text.Append('\n');
        }
        return text.Append('}').ToString();
    }

    private IActivity InputOf(int node, IActivity graphInput, IActivity?[] outputs)
    {
        int position = Array.IndexOf(_inputs, node);
        if (position >= 0)
        {
            if (_inputs.Length == 1) return graphInput;
            return Require.Table(graphInput, _inputs.Length)[position];
        }
        var from = _predecessors[node];
        return from.Length == 1 ? outputs[from[0]]! : new Table([.. from.Select(p => outputs[p]!)]);
    }

    /// <summary>Adds a gradient reaching node <paramref name="node"/> from one consumer (copying the first so buffers are not shared).</summary>
    private void Accumulate(int node, IActivity gradient) =>
        _gradients[node] = _gradients[node] is { } sum ? ActivitySum.AddInto<T>(sum, gradient) : ActivitySum.CopyOf<T>(gradient, new Tensor<T>());

    private int IndexOf(ModuleNode<T> node, string argument)
    {
        int index = Array.IndexOf(_nodes, node);
        return index >= 0 ? index : throw new ArgumentException($"node {node} is not connected to the outputs", argument);
    }

    private static List<ModuleNode<T>> TopologicalOrder(IEnumerable<ModuleNode<T>> outputs)
    {
        var order = new List<ModuleNode<T>>();
        var seen = new HashSet<ModuleNode<T>>(ReferenceEqualityComparer.Instance);
        void Visit(ModuleNode<T> node)
        {
            if (!seen.Add(node)) return;
            foreach (var p in node.Predecessors) Visit(p);
            order.Add(node);
        }
        foreach (var o in outputs) Visit(o);
        return order;
    }
}

using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// Everything an optimisation method and its learning-rate schedule change while they run: the epoch and
/// iteration counters, the last score and loss, and named buffers and scalars. Saving this object and the
/// method's constructor arguments is enough to resume training exactly.
/// </summary>
/// <remarks>
/// BigDL's <c>OptimMethod.state</c> table (<c>"epoch"</c>, <c>"neval"</c>, <c>"score"</c>, <c>"Loss"</c>, and
/// per-method entries such as SGD's <c>"dfdx"</c> or Adam's <c>"s"</c> and <c>"r"</c>), with typed members for
/// the entries every method shares.
/// </remarks>
public sealed class OptimState<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The current epoch, 1-based; set by the training loop (BigDL <c>state("epoch")</c>).</summary>
    public int Epoch { get; set; } = 1;

    /// <summary>
    /// The current iteration, 1-based: one more than the number of completed <see cref="OptimMethod{T}.Optimize"/>
    /// calls, which increment it when they finish (BigDL <c>state("neval")</c>).
    /// </summary>
    public int Iteration { get; set; } = 1;

    /// <summary>The last validation score, set by the training loop; <see cref="Plateau"/> may monitor it.</summary>
    public double? Score { get; set; }

    /// <summary>The last training loss: set by each <see cref="OptimMethod{T}.Optimize"/> call, and may be overwritten by the training loop.</summary>
    public double? Loss { get; set; }

    /// <summary>Per-method buffers by name (e.g. SGD's momentum <c>"dfdx"</c>, Adam's moments <c>"s"</c> and <c>"r"</c>).</summary>
    public Dictionary<string, Tensor<T>> Tensors { get; } = [];

    /// <summary>Per-method and per-schedule numbers by name (e.g. SGD's current learning rate <c>"clr"</c>, schedule counters).</summary>
    public Dictionary<string, double> Scalars { get; } = [];

    /// <summary>A deep copy: its tensors have their own storage.</summary>
    public OptimState<T> Clone() => new OptimState<T>().CopyFrom(this);

    /// <summary>Replaces the whole content of this state by a deep copy of <paramref name="source"/>; returns this.</summary>
    /// <remarks>This is how a saved state is put back into a method, whose <see cref="OptimMethod{T}.State"/> object stays the same.</remarks>
    public OptimState<T> CopyFrom(OptimState<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ReferenceEquals(source, this)) return this;
        Epoch = source.Epoch;
        Iteration = source.Iteration;
        Score = source.Score;
        Loss = source.Loss;
        Tensors.Clear();
        foreach (var (name, tensor) in source.Tensors) Tensors[name] = tensor.Clone();
        Scalars.Clear();
        foreach (var (name, value) in source.Scalars) Scalars[name] = value;
        return this;
    }
}

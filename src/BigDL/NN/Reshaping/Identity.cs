using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Passes its input (tensor or table) through unchanged; the gradient likewise.</summary>
/// <remarks>BigDL/Torch <c>nn.Identity</c>. The output is the input object itself, not a copy.</remarks>
public sealed class Identity<T>() : AbstractModule<IActivity, IActivity, T>(new Tensor<T>(), new Tensor<T>())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override IActivity UpdateOutput(IActivity input) => input;

    /// <inheritdoc/>
    protected override IActivity UpdateGradInput(IActivity input, IActivity gradOutput) => gradOutput;
}

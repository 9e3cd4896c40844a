namespace BigDL.Tensors;

/// <summary>
/// A value that flows between modules: a <see cref="Tensor{T}"/> or a <see cref="Table"/> of activities.
/// </summary>
/// <remarks>BigDL's <c>Activity</c>. Only <see cref="Tensor{T}"/> and <see cref="Table"/> implement it.</remarks>
public interface IActivity
{
}

using System.Numerics;

namespace BigDL.Optim;

/// <summary>
/// A rule for SGD's learning rate at each iteration or epoch (BigDL <c>SGD.LearningRateSchedule</c>).
/// </summary>
/// <remarks>
/// A schedule is configuration only: its constructor arguments are its get-only properties, and any counter it
/// keeps (Plateau's best value, SequentialSchedule's position) lives in the method's
/// <see cref="OptimState{T}.Scalars"/> through <see cref="ScheduleContext"/>. Rates are computed from the state's
/// iteration and epoch, so updating twice in the same iteration gives the same rate. Rates here are positive;
/// BigDL stores them negated (<c>currentRate</c>).
/// </remarks>
public abstract class LearningRateSchedule
{
    /// <summary>The key of the current learning rate in <see cref="OptimState{T}.Scalars"/> (BigDL's <c>"clr"</c>, positive here).</summary>
    public const string CurrentRateKey = "clr";

    /// <summary>
    /// Computes the learning rate of <paramref name="method"/>'s current iteration and stores it in its state under
    /// <see cref="CurrentRateKey"/> (BigDL <c>updateHyperParameter(optimMethod)</c>).
    /// </summary>
    public void UpdateHyperParameter<T>(SGD<T> method) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(method);
        var state = method.State;
        var context = new ScheduleContext(state.Scalars, "", state.Iteration - 1, state.Epoch, 0, 0,
            method.LearningRate, method.LearningRateDecay, state.Score, state.Loss);
        state.Scalars[CurrentRateKey] = ComputeRate(context);
    }

    /// <summary>The learning rate for the iteration and epoch of <paramref name="context"/>; may read and write the schedule's counters there.</summary>
    protected internal abstract double ComputeRate(in ScheduleContext context);

    /// <summary>A copy that shares no mutable configuration with this schedule.</summary>
    public virtual LearningRateSchedule Clone() => (LearningRateSchedule)MemberwiseClone();
}

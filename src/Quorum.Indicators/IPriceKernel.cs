namespace Quorum.Indicators;

/// <summary>
/// What a single-input indicator class (<see cref="KernelIndicator{TKernel}"/>) needs of the value-type streaming
/// kernel it wraps. Called through a struct type argument, so each call is direct and inlined (no boxing, no
/// virtual call). A kernel may implement <see cref="Update"/> explicitly with the form that suits state kept in an
/// object (e.g. <see cref="Averages.SmaKernel"/>); the values are the same.
/// </summary>
public interface IPriceKernel
{
    /// <summary>Inputs consumed.</summary>
    long Samples { get; }

    /// <summary>The main output; NaN during warm-up.</summary>
    double Value { get; }

    /// <summary>Consumes one input; a NaN or infinite input throws.</summary>
    void Update(double input);

    /// <summary>Forgets all samples.</summary>
    void Reset();
}

namespace Quorum.Indicators;

/// <summary>
/// Base of the single-input indicator classes that are a value-type kernel kept in an object (<see cref="Averages.Sma"/>,
/// <see cref="Averages.Ema"/>, <see cref="Oscillators.Rsi"/>, …): each update runs the kernel and publishes its sample
/// count and value; the kernel is a struct type argument, so its update is inlined into the class's.
/// </summary>
public abstract class KernelIndicator<TKernel> : PriceIndicator
    where TKernel : struct, IPriceKernel
{
    private TKernel _kernel;

    private protected KernelIndicator(string name, int warmUpPeriod, int period, PriceSource source, TKernel kernel)
        : base(name, warmUpPeriod, source)
    {
        Period = period;
        _kernel = kernel;
    }

    public int Period { get; }

    /// <summary>The kernel, for outputs beyond <see cref="PriceIndicator.Value"/>.</summary>
    private protected ref readonly TKernel Kernel => ref _kernel;

    public sealed override void Update(double input)
    {
        // Through a ref: the kernel updates in place (not readonly, which would update a copy).
        ref var kernel = ref _kernel;
        kernel.Update(input);
        Samples = kernel.Samples;
        Value = kernel.Value;
    }

    public sealed override void Reset()
    {
        base.Reset();
        ref var kernel = ref _kernel;
        kernel.Reset();
    }
}

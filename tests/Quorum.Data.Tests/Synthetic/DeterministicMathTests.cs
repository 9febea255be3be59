using FsCheck;
using FsCheck.Fluent;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class DeterministicMathTests
{
    private const double RelativeTolerance = 1e-15;

    [Fact]
    public void Exp_AgreesWithTheRuntimeToAFewUlps()
    {
        var inputs = Gen.Choose(-700_000, 700_000).Select(i => i / 1000.0)
            .Or(Gen.Choose(-1_000_000, 1_000_000).Select(i => i * 1e-7));

        Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var expected = Math.Exp(x);
            Math.Abs(DeterministicMath.Exp(x) - expected).ShouldBeLessThanOrEqualTo(RelativeTolerance * expected, $"exp({x})");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Log_AgreesWithTheRuntimeToAFewUlps()
    {
        var inputs =
            from mantissa in Gen.Choose(1, int.MaxValue)
            from exponent in Gen.Choose(-1070, 1000)
            select Math.ScaleB(mantissa / (double)int.MaxValue, exponent);

        Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var expected = Math.Log(x);
            Math.Abs(DeterministicMath.Log(x) - expected).ShouldBeLessThanOrEqualTo(RelativeTolerance * Math.Max(1e-3, Math.Abs(expected)), $"log({x})");
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(Math.E, 1.0)]
    [InlineData(0.5, -0.6931471805599453)]
    [InlineData(1e-300, -690.7755278982137)]
    [InlineData(4.9406564584124654E-324, -744.4400719213812)]
    public void Log_OfKnownValues_IsExactOrWithinAnUlp(double x, double expected)
    {
        DeterministicMath.Log(x).ShouldBe(expected, (Math.Abs(expected) * 2.3e-16) + 1e-300);
    }

    [Fact]
    public void ExpAndLog_AtTheEdges_BehaveLikeTheRuntime()
    {
        DeterministicMath.Exp(0).ShouldBe(1.0);
        DeterministicMath.Exp(800).ShouldBe(double.PositiveInfinity);
        DeterministicMath.Exp(-800).ShouldBe(0.0);
        double.IsNaN(DeterministicMath.Exp(double.NaN)).ShouldBeTrue();
        DeterministicMath.Log(0).ShouldBe(double.NegativeInfinity);
        double.IsNaN(DeterministicMath.Log(-1)).ShouldBeTrue();
        DeterministicMath.Log(double.PositiveInfinity).ShouldBe(double.PositiveInfinity);
    }
}

using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class CorrelationFactorTests
{
    [Fact]
    public void Factor_TimesItsTranspose_GivesBackTheMatrix()
    {
        var matrix = DemoDataset.Correlation;

        var lower = CorrelationFactor.Factor(matrix);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var product = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    product += lower[(i * 3) + k] * lower[(j * 3) + k];
                }

                product.ShouldBe(matrix[i][j], 1e-12);
                if (j > i)
                {
                    lower[(i * 3) + j].ShouldBe(0.0);
                }
            }
        }

        lower[0].ShouldBe(1.0);
    }

    [Fact]
    public void Factor_OfANonPositiveDefiniteMatrix_Throws()
    {
        IReadOnlyList<IReadOnlyList<double>> matrix = [[1.0, 0.99, 0.0], [0.99, 1.0, 0.99], [0.0, 0.99, 1.0]];

        Should.Throw<ArgumentException>(() => CorrelationFactor.Factor(matrix)).Message.ShouldContain("not positive-definite");
    }

    [Theory]
    [InlineData(2, 0.999)]
    [InlineData(10, 0.0)]
    [InlineData(32, 0.9)]
    public void Uniform_WithNonNegativeCorrelationBelowOne_IsValid(int n, double correlation)
    {
        CorrelationFactor.Validate(CorrelationFactor.Uniform(n, correlation), n, "Correlation").ShouldBeEmpty();
    }
}

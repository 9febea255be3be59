using System.Globalization;

namespace Quorum.Data.Synthetic;

/// <summary>
/// Cholesky factor <c>L</c> of a correlation matrix <c>C = L Lᵀ</c>: correlated shocks are
/// <c>z = L e</c> for independent standard normal <c>e</c>. The first row of <c>L</c> is
/// <c>[1, 0, …]</c>, so the first symbol's shock is its own independent draw.
/// </summary>
internal static class CorrelationFactor
{
    private const double MinimumPivot = 1e-10;
    private const double SymmetryTolerance = 1e-12;

    /// <summary>Validates <paramref name="matrix"/> as an n×n correlation matrix; returns the problems found.</summary>
    public static List<string> Validate(IReadOnlyList<IReadOnlyList<double>> matrix, int n, string name)
    {
        var errors = new List<string>();
        if (matrix.Count != n)
        {
            errors.Add($"{name} has {matrix.Count} rows but there are {n} symbols (one row and one column per symbol)");
            return errors;
        }

        for (var i = 0; i < n; i++)
        {
            if (matrix[i] is null || matrix[i].Count != n)
            {
                errors.Add($"{name}[{i}] has {matrix[i]?.Count ?? 0} entries; expected {n}");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var value = matrix[i][j];
                if (i == j)
                {
                    if (value != 1.0)
                    {
                        errors.Add($"{name}[{i}][{i}] = {Format(value)} must be 1 (a correlation matrix has a unit diagonal)");
                    }
                }
                else if (!double.IsFinite(value) || value <= -1.0 || value >= 1.0)
                {
                    errors.Add($"{name}[{i}][{j}] = {Format(value)} is out of range (-1 < x < 1)");
                }
                else if (j > i && Math.Abs(value - matrix[j][i]) > SymmetryTolerance)
                {
                    errors.Add($"{name} is not symmetric: [{i}][{j}] = {Format(value)} but [{j}][{i}] = {Format(matrix[j][i])}");
                }
            }
        }

        if (errors.Count == 0 && !TryFactor(matrix, out _, out var failedOrder, out var pivot))
        {
            errors.Add(
                $"{name} is not positive-definite (the leading {failedOrder}×{failedOrder} block has pivot {Format(pivot)} ≤ 0); " +
                "the pairwise correlations are mutually inconsistent: lower the largest ones or make them closer to each other");
        }

        return errors;
    }

    /// <summary>Lower-triangular factor, row-major n×n; throws if the matrix is not positive-definite.</summary>
    public static double[] Factor(IReadOnlyList<IReadOnlyList<double>> matrix) =>
        TryFactor(matrix, out var lower, out var order, out var pivot)
            ? lower
            : throw new ArgumentException(
                $"correlation matrix is not positive-definite (pivot {Format(pivot)} at order {order})",
                nameof(matrix));

    /// <summary>An n×n matrix with 1 on the diagonal and <paramref name="correlation"/> elsewhere.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Uniform(int n, double correlation)
    {
        var rows = new IReadOnlyList<double>[n];
        for (var i = 0; i < n; i++)
        {
            var row = new double[n];
            for (var j = 0; j < n; j++)
            {
                row[j] = i == j ? 1.0 : correlation;
            }

            rows[i] = row;
        }

        return rows;
    }

    private static bool TryFactor(IReadOnlyList<IReadOnlyList<double>> matrix, out double[] lower, out int failedOrder, out double pivot)
    {
        var n = matrix.Count;
        lower = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i][j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[(i * n) + k] * lower[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > MinimumPivot))
                    {
                        failedOrder = i + 1;
                        pivot = sum;
                        return false;
                    }

                    lower[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[(i * n) + j] = sum / lower[(j * n) + j];
                }
            }
        }

        failedOrder = 0;
        pivot = 0;
        return true;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

namespace Quorum.Indicators.PriceAction;

/// <summary>
/// The pivot rule shared by every detector. The candidate is the value <c>right</c> bars ago.
/// A pivot high is strictly greater than each of the <c>left</c> values before it and greater than
/// or equal to each of the <c>right</c> values after it (a flat top of equal highs is one pivot, at
/// its first bar); a pivot low mirrors this. A NaN anywhere in the window means no pivot.
/// </summary>
internal static class Pivots
{
    /// <summary>Whether the value <paramref name="right"/> ago is a pivot high; requires left + right + 1 values.</summary>
    public static bool IsHigh(Ring<double> values, int left, int right)
    {
        var candidate = values.Ago(right);
        for (var k = 0; k < right; k++)
        {
            if (!(candidate >= values.Ago(k)))
            {
                return false;
            }
        }

        for (var k = right + 1; k <= right + left; k++)
        {
            if (!(candidate > values.Ago(k)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the value <paramref name="right"/> ago is a pivot low; requires left + right + 1 values.</summary>
    public static bool IsLow(Ring<double> values, int left, int right)
    {
        var candidate = values.Ago(right);
        for (var k = 0; k < right; k++)
        {
            if (!(candidate <= values.Ago(k)))
            {
                return false;
            }
        }

        for (var k = right + 1; k <= right + left; k++)
        {
            if (!(candidate < values.Ago(k)))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Statistics;

/// <summary>
/// Co-moments of the last <c>period</c> pairs (x, y): Σdx, Σdy, Σdx², Σdy², Σdx·dy of the deviations
/// from per-series shifts, kept like <see cref="WindowMoments"/> (suffix sums of the older block
/// recomputed every <c>period</c> updates with the shifts reset to the window means; nothing
/// subtracted), so they neither drift nor cancel catastrophically.
/// </summary>
internal struct WindowCovariance
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _suffix; // 5 interleaved sums per position: dx, dy, dx², dy², dx·dy
    private int _next;
    private int _count;
    private double _shiftX;
    private double _shiftY;
    private double _backX;
    private double _backY;
    private double _backXx;
    private double _backYy;
    private double _backXy;
    private double _sx;
    private double _sy;
    private double _sxx;
    private double _syy;
    private double _sxy;

    public WindowCovariance(int period)
    {
        _x = new double[period];
        _y = new double[period];
        _suffix = new double[5 * (period + 1)];
    }

    public readonly bool IsFull => _count == _x.Length;

    /// <summary>
    /// Pearson correlation of the window; 0 when either series is constant over it (no linear
    /// co-movement can be measured), clamped to [−1, 1] against rounding.
    /// </summary>
    public readonly double Correlation
    {
        get
        {
            var n = (double)_count;
            var cxx = _sxx - (_sx * _sx / n);
            var cyy = _syy - (_sy * _sy / n);
            if (!(cxx > 0) || !(cyy > 0))
            {
                return 0;
            }

            var r = (_sxy - (_sx * _sy / n)) / Math.Sqrt(cxx * cyy);
            return Math.Clamp(r, -1.0, 1.0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double x, double y)
    {
        if (_count == 0)
        {
            _shiftX = x;
            _shiftY = y;
        }

        var dx = x - _shiftX;
        var dy = y - _shiftY;
        var j = _next;
        _x[j] = x;
        _y[j] = y;
        _backX += dx;
        _backY += dy;
        _backXx += dx * dx;
        _backYy += dy * dy;
        _backXy += dx * dy;
        var s = 5 * (j + 1);
        var suffix = _suffix;
        _sx = suffix[s] + _backX;
        _sy = suffix[s + 1] + _backY;
        _sxx = suffix[s + 2] + _backXx;
        _syy = suffix[s + 3] + _backYy;
        _sxy = suffix[s + 4] + _backXy;
        if (_count < _x.Length)
        {
            _count++;
        }

        if (++j == _x.Length)
        {
            j = 0;
            Flip();
        }

        _next = j;
    }

    public void Reset()
    {
        Array.Clear(_x);
        Array.Clear(_y);
        Array.Clear(_suffix);
        _next = 0;
        _count = 0;
        _shiftX = _shiftY = 0;
        _backX = _backY = _backXx = _backYy = _backXy = 0;
        _sx = _sy = _sxx = _syy = _sxy = 0;
    }

    private void Flip()
    {
        var n = _x.Length;
        double totalX = 0, totalY = 0;
        for (var k = 0; k < n; k++)
        {
            totalX += _x[k];
            totalY += _y[k];
        }

        var shiftX = totalX / n;
        var shiftY = totalY / n;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var suffix = _suffix;
        for (var k = n - 1; k >= 0; k--)
        {
            var dx = _x[k] - shiftX;
            var dy = _y[k] - shiftY;
            sx += dx;
            sy += dy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
            var s = 5 * k;
            suffix[s] = sx;
            suffix[s + 1] = sy;
            suffix[s + 2] = sxx;
            suffix[s + 3] = syy;
            suffix[s + 4] = sxy;
        }

        // The window is now exactly the recomputed block: its sums restart from the new shifts.
        _shiftX = shiftX;
        _shiftY = shiftY;
        (_sx, _sy, _sxx, _syy, _sxy) = (sx, sy, sxx, syy, sxy);
        _backX = _backY = _backXx = _backYy = _backXy = 0;
    }
}

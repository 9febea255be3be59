using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;

namespace Quorum.Research.Backtest;

/// <summary>
/// SHA-256 over a canonical text of every order command the OMS sent, in order: one line per command,
/// <c>time|kind|client_order_id|symbol|list_id|request|amend</c> with the request written as
/// <c>side type quantity price stop_price tif reduce_only</c> and the amend as <c>quantity price stop_price</c>
/// (decimals in invariant culture, absent values empty, lines ended by <c>\n</c>). Any change to what is
/// sent, when, or in which order changes the hash; the golden backtest pins it.
/// </summary>
/// <remarks>
/// Lines are encoded into a 64 KiB buffer that is hashed when full and at <see cref="Finish"/> (SHA-256 does not
/// depend on how its input is split), so a command costs no native hash call and no byte-array allocation.
/// </remarks>
public sealed class OrderListHasher : IOmsListener
{
    /// <summary>Size of the buffer of encoded lines hashed in one call.</summary>
    internal const int BufferBytes = 64 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _line = new();
    private readonly byte[] _buffer = new byte[BufferBytes];
    private char[] _chars = new char[256];
    private int _buffered;
    private string? _final;

    /// <summary>Commands hashed so far.</summary>
    public int Count { get; private set; }

    public void OnOrderCommandSent(OrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_final is not null)
        {
            throw new InvalidOperationException("the order list hash was already finished; no command may follow");
        }

        _line.Clear();
        _line.Append(CultureInfo.InvariantCulture, $"{command.TimeMs}|{command.Kind}|{command.ClientOrderId}|{command.Symbol}|{command.ListId}|");
        if (command.Request is { } request)
        {
            AppendRequest(_line, request);
        }

        _line.Append('|');
        if (command.Amend is { } amend)
        {
            Append(_line, amend.Quantity).Append(' ');
            Append(_line, amend.Price).Append(' ');
            Append(_line, amend.StopPrice);
        }

        _line.Append('\n');
        Buffer(_line);
        Count++;
    }

    /// <summary>The lower-case hex SHA-256 of every command so far (then no more commands are accepted).</summary>
    public string Finish()
    {
        if (_final is null)
        {
            Flush();
            _final = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        return _final;
    }

    /// <summary>Appends the UTF-8 bytes of <paramref name="line"/> to the buffer, hashing the buffer first when the line might not fit.</summary>
    private void Buffer(StringBuilder line)
    {
        if (_chars.Length < line.Length)
        {
            _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
        }

        line.CopyTo(0, _chars, 0, line.Length);
        var chars = _chars.AsSpan(0, line.Length);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (_buffered + maxBytes > _buffer.Length)
        {
            Flush();
        }

        if (maxBytes > _buffer.Length)
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(_chars, 0, line.Length));
            return;
        }

        _buffered += Encoding.UTF8.GetBytes(chars, _buffer.AsSpan(_buffered));
    }

    private void Flush()
    {
        if (_buffered > 0)
        {
            _hash.AppendData(_buffer, 0, _buffered);
            _buffered = 0;
        }
    }

    /// <summary>The canonical line of one request (exposed for the docs and tests).</summary>
    internal static void AppendRequest(StringBuilder line, OrderRequest request)
    {
        line.Append(CultureInfo.InvariantCulture, $"{request.Side} {request.Type} {request.Quantity} ");
        Append(line, request.Price).Append(' ');
        Append(line, request.StopPrice).Append(CultureInfo.InvariantCulture, $" {request.TimeInForce} ").Append(request.ReduceOnly ? "reduce_only" : "-");
    }

    /// <summary>Appends <paramref name="value"/> in the invariant culture (nothing for null) without building a string.</summary>
    private static StringBuilder Append(StringBuilder line, decimal? value) =>
        value is { } v ? line.Append(CultureInfo.InvariantCulture, $"{v}") : line;
}

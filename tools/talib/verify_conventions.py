#!/usr/bin/env python3
"""Re-derive every column of the TA-Lib reference CSVs from its documented convention.

Usage: tools/talib/verify_conventions.py [DIR] [--shared-data SHARED]
  DIR defaults to tests/Quorum.Indicators.Tests/Reference/TaLib. SHARED defaults to
  $QUORUM_SHARED_DATA, else ../shared/data next to the checkout.

  Reads BTCUSDT_1h_talib.csv and ETHUSDT_1h_talib.csv (open_time_ms + TA-Lib columns, N rows).
  The reference files hold no OHLCV (the input's source repository has no licence, so it may not
  be committed): the OHLCV is read from the input itself, the first N data rows of
  SHARED/ohlcv/binance-usdm-perp_2020-2024/{BTCUSDT,ETHUSDT}_1h.csv, joined on open_time_ms (every
  reference row must find its bar, in the same order). Each TA-Lib column is then recomputed with
  the plain definitions written in docs/talib-oracle.md (two-pass sums, no running-sum tricks),
  checking (1) the first non-NaN row is the documented lookback and (2) every later value agrees to
  |a - b| <= 1e-6 * max(|a|, |b|, 1). Prints the largest |a - b| / max(|a|, |b|, 1) per column.
Exit codes: 0 all columns match, 1 a mismatch, 2 bad usage or missing files.

Python standard library only; this is the executable form of the conventions a C# implementation
must follow to match TA-Lib.
"""
import csv
import datetime
import math
import os
import sys

NAN = math.nan
TOLERANCE = 1e-6
INPUT_SET = "ohlcv/binance-usdm-perp_2020-2024"
INPUT_HEADER = ["Date", "Open", "High", "Low", "Close", "Volume"]
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def load(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header[0] != "open_time_ms" or {"open", "high", "low", "close", "volume"} & set(header):
            raise ValueError(f"{path}: expected open_time_ms then TA-Lib columns only (no OHLCV), got {header[:6]}")
        cols = {name: [] for name in header}
        for line, row in enumerate(reader, start=2):
            if len(row) != len(header):
                raise ValueError(f"{path}:{line}: {len(row)} fields, header has {len(header)}")
            cols[header[0]].append(int(row[0]))  # open_time_ms, an integer
            for name, cell in zip(header[1:], row[1:]):
                cols[name].append(float(cell))
    return header, cols


def open_time_ms(text, where):
    """'2020-01-01 00:00:00+00:00' (UTC) -> ms since the Unix epoch, as the harness computes it."""
    stamp = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if stamp.tzinfo is None or stamp.utcoffset() != datetime.timedelta(0):
        raise ValueError(f"{where}: Date '{text}' is not UTC")
    return (stamp - EPOCH) // datetime.timedelta(milliseconds=1)


def load_input(path, rows):
    """The first `rows` data rows of a shared OHLCV file: {open_time_ms: (o, h, l, c, v)}, in order."""
    bars = {}
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != INPUT_HEADER:
            raise ValueError(f"{path}:1: header is {header}; expected {INPUT_HEADER}")
        for line, row in enumerate(reader, start=2):
            if len(bars) == rows:
                break
            t = open_time_ms(row[0], f"{path}:{line}")
            if t in bars:
                raise ValueError(f"{path}:{line}: open time {row[0]} appears twice")
            bars[t] = tuple(float(x) for x in row[1:6])
    if len(bars) < rows:
        raise ValueError(f"{path}: has {len(bars)} bars; the reference file has {rows} rows")
    return bars


def join_ohlcv(symbol, cols, bars):
    """Adds open/high/low/close/volume to cols, joined on open_time_ms; the order must match too."""
    times = cols["open_time_ms"]
    missing = [t for t in times if t not in bars]
    if missing:
        raise ValueError(f"{symbol}: {len(missing)} reference rows have no input bar, first open_time_ms {missing[0]}")
    if times != list(bars):
        raise ValueError(f"{symbol}: reference rows are not the first {len(times)} input bars in input order")
    for k, name in enumerate(("open", "high", "low", "close", "volume")):
        cols[name] = [bars[t][k] for t in times]


def mean(xs):
    return math.fsum(xs) / len(xs)


def sma(x, n):
    out = [NAN] * len(x)
    for i in range(n - 1, len(x)):
        out[i] = mean(x[i - n + 1 : i + 1])
    return out


def ema_seeded(x, n, seed_end, seed_start=None):
    """EMA with k = 2/(n+1), seeded at bar seed_end with the mean of x[seed_start..seed_end]."""
    if seed_start is None:
        seed_start = seed_end - n + 1
    out = [NAN] * len(x)
    k = 2.0 / (n + 1)
    value = mean(x[seed_start : seed_end + 1])
    out[seed_end] = value
    for i in range(seed_end + 1, len(x)):
        value = value + k * (x[i] - value)
        out[i] = value
    return out


def true_range(h, l, c):
    return [NAN] + [max(h[i] - l[i], abs(h[i] - c[i - 1]), abs(l[i] - c[i - 1])) for i in range(1, len(c))]


def wilder_mean(x, n, first):
    """Mean of x[first-n+1..first] at bar first, then (prev*(n-1) + x)/n."""
    out = [NAN] * len(x)
    value = mean(x[first - n + 1 : first + 1])
    out[first] = value
    for i in range(first + 1, len(x)):
        value = (value * (n - 1) + x[i]) / n
        out[i] = value
    return out


def directional(h, l, c, n):
    size = len(c)
    tr = true_range(h, l, c)
    plus_dm, minus_dm = [0.0] * size, [0.0] * size
    for i in range(1, size):
        up, down = h[i] - h[i - 1], l[i - 1] - l[i]
        if down > 0 and up < down:
            minus_dm[i] = down
        elif up > 0 and up > down:
            plus_dm[i] = up
    # Wilder SUMS: plain sums of bars 1..n-1, then s = s - s/n + x from bar n.
    sp, sm, st = math.fsum(plus_dm[1:n]), math.fsum(minus_dm[1:n]), math.fsum(tr[1:n])
    plus_di, minus_di, dx = [NAN] * size, [NAN] * size, [NAN] * size
    for i in range(n, size):
        sp, sm, st = sp - sp / n + plus_dm[i], sm - sm / n + minus_dm[i], st - st / n + tr[i]
        plus_di[i] = 100.0 * sp / st if st != 0 else 0.0
        minus_di[i] = 100.0 * sm / st if st != 0 else 0.0
        total = plus_di[i] + minus_di[i]
        dx[i] = 100.0 * abs(plus_di[i] - minus_di[i]) / total if total != 0 else NAN  # NaN: skipped
    adx = [NAN] * size
    first = 2 * n - 1
    value = math.fsum(d for d in dx[n : first + 1] if not math.isnan(d)) / n
    adx[first] = value
    for i in range(first + 1, size):
        if not math.isnan(dx[i]):
            value = (value * (n - 1) + dx[i]) / n
        adx[i] = value
    adxr = [NAN] * size
    for i in range(first + n - 1, size):
        adxr[i] = (adx[i] + adx[i - (n - 1)]) / 2
    return plus_di, minus_di, adx, adxr


def rolling(x, n, fn):
    out = [NAN] * len(x)
    for i in range(n - 1, len(x)):
        out[i] = fn(x[i - n + 1 : i + 1])
    return out


def population_variance(w):
    m = mean(w)
    return math.fsum((v - m) ** 2 for v in w) / len(w)


def expected_columns(cols, btc_close, eth_close):
    o, h, l, c, v = (cols[k] for k in ("open", "high", "low", "close", "volume"))
    size = len(c)
    e = {}
    e["sma_20"] = sma(c, 20)
    e["ema_14"] = ema_seeded(c, 14, 13)
    e["wma_20"] = rolling(c, 20, lambda w: math.fsum((j + 1) * w[j] for j in range(20)) / 210)

    gains = [NAN] + [max(c[i] - c[i - 1], 0.0) for i in range(1, size)]
    losses = [NAN] + [max(c[i - 1] - c[i], 0.0) for i in range(1, size)]
    avg_gain, avg_loss = wilder_mean(gains, 14, 14), wilder_mean(losses, 14, 14)
    e["rsi_14"] = [
        NAN if i < 14 else (100.0 * avg_gain[i] / (avg_gain[i] + avg_loss[i]) if avg_gain[i] + avg_loss[i] else 0.0)
        for i in range(size)
    ]

    tr = true_range(h, l, c)
    e["trange"] = tr
    e["atr_14"] = wilder_mean(tr, 14, 14)
    e["natr_14"] = [a * 100.0 / c[i] if not math.isnan(a) else NAN for i, a in enumerate(e["atr_14"])]
    e["plus_di_14"], e["minus_di_14"], e["adx_14"], e["adxr_14"] = directional(h, l, c, 14)

    middle = sma(c, 20)
    sd = rolling(c, 20, lambda w: math.sqrt(population_variance(w)))
    e["bb_20_2_upper"] = [m + 2 * s for m, s in zip(middle, sd)]
    e["bb_20_2_middle"] = middle
    e["bb_20_2_lower"] = [m - 2 * s for m, s in zip(middle, sd)]

    slow = ema_seeded(c, 26, 25)
    fast = ema_seeded(c, 12, 25, seed_start=14)  # fast EMA seeded where the slow one is, on bars 14..25
    macd = [f - s for f, s in zip(fast, slow)]
    signal = ema_seeded(macd, 9, 33)
    e["macd_12_26_9"] = [m if i >= 33 else NAN for i, m in enumerate(macd)]
    e["macd_signal_12_26_9"] = signal
    e["macd_hist_12_26_9"] = [m - s for m, s in zip(e["macd_12_26_9"], signal)]

    fast_k = [NAN] * size
    for i in range(13, size):
        hh, ll = max(h[i - 13 : i + 1]), min(l[i - 13 : i + 1])
        fast_k[i] = 100.0 * (c[i] - ll) / (hh - ll) if hh != ll else 0.0
    slow_k = [mean(fast_k[i - 2 : i + 1]) if i >= 15 else NAN for i in range(size)]
    slow_d = [mean(slow_k[i - 2 : i + 1]) if i >= 17 else NAN for i in range(size)]
    e["stoch_14_3_3_k"] = [k if i >= 17 else NAN for i, k in enumerate(slow_k)]  # aligned with %D
    e["stoch_14_3_3_d"] = slow_d

    tp = [(h[i] + l[i] + c[i]) / 3 for i in range(size)]

    def cci(w):
        m = mean(w)
        dev = math.fsum(abs(x - m) for x in w) / len(w)
        return (w[-1] - m) / (0.015 * dev) if dev != 0 and w[-1] != m else 0.0

    e["cci_20"] = rolling(tp, 20, cci)
    e["willr_14"] = [NAN] * size
    for i in range(13, size):
        hh, ll = max(h[i - 13 : i + 1]), min(l[i - 13 : i + 1])
        e["willr_14"][i] = -100.0 * (hh - c[i]) / (hh - ll) if hh != ll else 0.0

    obv = [v[0]]
    for i in range(1, size):
        obv.append(obv[-1] + (v[i] if c[i] > c[i - 1] else -v[i] if c[i] < c[i - 1] else 0.0))
    e["obv"] = obv
    e["max_20"] = rolling(c, 20, max)
    e["min_20"] = rolling(c, 20, min)

    def slope(w):
        xm, ym = (len(w) - 1) / 2, mean(w)
        return math.fsum((j - xm) * (w[j] - ym) for j in range(len(w))) / math.fsum(
            (j - xm) ** 2 for j in range(len(w)))

    e["linearreg_slope_20"] = rolling(c, 20, slope)

    correl = [NAN] * size
    for i in range(29, size):
        x, y = btc_close[i - 29 : i + 1], eth_close[i - 29 : i + 1]
        mx, my = mean(x), mean(y)
        sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y))
        sxx, syy = math.fsum((a - mx) ** 2 for a in x), math.fsum((b - my) ** 2 for b in y)
        correl[i] = sxy / math.sqrt(sxx * syy) if sxx * syy > 0 else 0.0
    e["correl_30"] = correl
    e["var_20"] = rolling(c, 20, population_variance)
    e["stddev_20"] = sd

    mfi = [NAN] * size
    flows = [NAN] + [tp[i] * v[i] * (1 if tp[i] > tp[i - 1] else -1 if tp[i] < tp[i - 1] else 0) for i in range(1, size)]
    for i in range(14, size):
        window = flows[i - 13 : i + 1]
        pos = math.fsum(f for f in window if f > 0)
        neg = -math.fsum(f for f in window if f < 0)
        mfi[i] = 100.0 * pos / (pos + neg) if pos + neg >= 1.0 else 0.0
    e["mfi_14"] = mfi
    return e


FIRST_ROW = {
    "sma_20": 19, "ema_14": 13, "wma_20": 19, "rsi_14": 14, "atr_14": 14, "natr_14": 14, "trange": 1,
    "adx_14": 27, "plus_di_14": 14, "minus_di_14": 14, "adxr_14": 40, "bb_20_2_upper": 19,
    "bb_20_2_middle": 19, "bb_20_2_lower": 19, "macd_12_26_9": 33, "macd_signal_12_26_9": 33,
    "macd_hist_12_26_9": 33, "stoch_14_3_3_k": 17, "stoch_14_3_3_d": 17, "cci_20": 19, "willr_14": 13,
    "obv": 0, "max_20": 19, "min_20": 19, "linearreg_slope_20": 19, "correl_30": 29, "var_20": 19,
    "stddev_20": 19, "mfi_14": 14,
}


def main(argv):
    args, shared = [], os.environ.get("QUORUM_SHARED_DATA")
    i = 1
    while i < len(argv):
        if argv[i] in ("-h", "--help"):
            print(__doc__)
            return 0
        if argv[i] == "--shared-data":
            if i + 1 == len(argv):
                print("verify_conventions: --shared-data needs a folder", file=sys.stderr)
                return 2
            shared = argv[i + 1]
            i += 2
            continue
        args.append(argv[i])
        i += 1
    if len(args) > 1:
        print(__doc__, file=sys.stderr)
        return 2
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = args[0] if args else os.path.join(repo, "tests/Quorum.Indicators.Tests/Reference/TaLib")
    shared = shared or os.path.join(os.path.dirname(repo), "shared", "data")
    symbols = ("BTCUSDT", "ETHUSDT")
    files = {s: os.path.join(folder, f"{s}_1h_talib.csv") for s in symbols}
    inputs = {s: os.path.join(shared, INPUT_SET, f"{s}_1h.csv") for s in symbols}
    for path in files.values():
        if not os.path.isfile(path):
            print(f"verify_conventions: {path} not found; run tools/talib/run.sh reference", file=sys.stderr)
            return 2
    for path in inputs.values():
        if not os.path.isfile(path):
            print(f"verify_conventions: input {path} not found; the reference files hold no OHLCV, so the shared "
                  "data is needed (set QUORUM_SHARED_DATA or --shared-data)", file=sys.stderr)
            return 2
    try:
        data = {s: load(p) for s, p in files.items()}
        for s in symbols:
            header, cols = data[s]
            join_ohlcv(s, cols, load_input(inputs[s], len(cols["open_time_ms"])))
        if data["BTCUSDT"][1]["open_time_ms"] != data["ETHUSDT"][1]["open_time_ms"]:
            raise ValueError("BTCUSDT and ETHUSDT reference files have different open times (correl_30 needs both)")
    except ValueError as error:
        print(f"verify_conventions: {error}", file=sys.stderr)
        return 1
    btc_close, eth_close = data["BTCUSDT"][1]["close"], data["ETHUSDT"][1]["close"]
    failures = 0
    worst_all = {}
    for symbol, (header, cols) in data.items():
        expected = expected_columns(cols, btc_close, eth_close)
        for name in header[1:]:
            got, want = cols[name], expected[name]
            first = next(i for i, x in enumerate(got) if not math.isnan(x))
            if first != FIRST_ROW[name]:
                print(f"{symbol} {name}: first value at row {first}, documented {FIRST_ROW[name]}")
                failures += 1
            worst = 0.0
            for i in range(first, len(got)):
                a, b = got[i], want[i]
                diff = abs(a - b)
                if not diff <= TOLERANCE * max(abs(a), abs(b), 1.0):
                    if failures < 20:
                        print(f"{symbol} {name} row {i}: TA-Lib {a!r}, convention {b!r}")
                    failures += 1
                worst = max(worst, diff / max(abs(a), abs(b), 1.0))
            worst_all[name] = max(worst_all.get(name, 0.0), worst)
    print("largest |a - b| / max(|a|, |b|, 1), TA-Lib vs the documented convention (both files):")
    for name in data["BTCUSDT"][0][1:]:
        print(f"  {name:22s} {worst_all[name]:.1e}")
    if failures:
        print(f"verify_conventions: {failures} mismatches", file=sys.stderr)
        return 1
    print("verify_conventions: every column matches its documented convention")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

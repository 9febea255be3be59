/*
 * tools/talib/harness.c - TA-Lib as a second oracle and as the speed peer for Quorum.Indicators.
 *
 * Built and run by tools/talib/run.sh, which fetches TA-Lib 0.6.0-dev (inside the npm package
 * talib@1.1.6) and Tulip Indicators 0.8.4 (inside the npm package tulind@0.8.20) into a
 * scratch folder, builds TA-Lib's static library with the package's own makefiles and links
 * this file against it and against Tulip's one-file amalgamation. No TA-Lib or Tulip code is
 * committed to Quorum; only this harness and what it writes.
 *
 * Modes
 *   harness version
 *       Prints "<TA-Lib version> <Tulip version>", e.g. "0.6.0-dev 0.8.4".
 *   harness reference --btc FILE --eth FILE --rows N --out-dir DIR [--summary FILE]
 *       Reads the first N bars of two OHLCV CSVs (Date,Open,High,Low,Close,Volume; Date like
 *       "2020-01-01 00:00:00+00:00", UTC), checks that both have the same open times bar by
 *       bar, and writes DIR/BTCUSDT_1h_talib.csv and DIR/ETHUSDT_1h_talib.csv: one row per
 *       input bar, aligned to the input bar index, NaN during warm-up. Columns: open_time_ms,
 *       then the TA-Lib outputs only. The input's OHLCV is NOT copied into the output: the
 *       input comes from a repository with no licence, so only derived values may be committed;
 *       whoever uses the files reads the OHLCV from the input itself, joined on open_time_ms.
 *   harness bench --input FILE --bars N --reps R --json FILE [--build-info TEXT]
 *       Tiles FILE (every row, prices unchanged, open times shifted by whole copies of the
 *       file's span) to N bars, then times TA-Lib C and Tulip C on the same arrays:
 *       best of R calls (after one untimed warm-up call) with clock_gettime(CLOCK_MONOTONIC).
 *       Prints a table, writes JSON, prints a checksum of every output (so no call can be
 *       optimised away) and how far TA-Lib and Tulip disagree on the second half of the bars.
 *
 * Every double is printed with the shortest of %.15g / %.16g / %.17g that parses back to the
 * same bits, i.e. exactly (as %.17g would) but without noise digits on values like 7189.43.
 * NaN is written as "NaN".
 *
 * TA-Lib settings: TA_Initialize(), compatibility TA_COMPATIBILITY_DEFAULT (not Metastock),
 * every unstable period 0 (TA_SetUnstablePeriod(TA_FUNC_UNST_ALL, 0); also TA-Lib's default).
 * Every function is called once over the whole range (startIdx 0, endIdx n-1); its output
 * k is written at bar outBegIdx + k, and the harness checks outBegIdx == TA_<FN>_Lookback().
 * "First bar" below is that lookback: the 0-based index of the first non-NaN row.
 *
 * Column                 TA-Lib call (input)                          first bar   convention
 * sma_20                 TA_SMA(close, 20)                             19   running sum; mean of the last 20
 * ema_14                 TA_EMA(close, 14)                             13   k = 2/(14+1); seed = SMA of bars 0..13
 *                                                                           (default compatibility), then
 *                                                                           ema += k*(x - ema)
 * wma_20                 TA_WMA(close, 20)                             19   weights 1..20 (newest 20), / 210
 * rsi_14                 TA_RSI(close, 14)                             14   Wilder: avg gain/loss = plain mean of
 *                                                                           the 14 changes of bars 1..14, then
 *                                                                           avg = (avg*13 + x)/14; value =
 *                                                                           100*g/(g+l), 0 when g+l == 0 (|.|<1e-14)
 * atr_14                 TA_ATR(high, low, close, 14)                  14   TR starts at bar 1 (needs prior close);
 *                                                                           first ATR = mean TR of bars 1..14, then
 *                                                                           atr = (atr*13 + tr)/14
 * natr_14                TA_NATR(high, low, close, 14)                 14   100 * atr_14 / close (0 if |close|<1e-14)
 * trange                 TA_TRANGE(high, low, close)                    1   max(h-l, |h-prevC|, |l-prevC|); NaN at
 *                                                                           bar 0 (TA-Lib does not use h-l there)
 * plus_di_14, minus_di_14 TA_PLUS_DI / TA_MINUS_DI(h, l, c, 14)        14   +DM1 = h-prevH if > 0 and > prevL-l,
 *                                                                           else 0 (ties give 0 to both);
 *                                                                           DM14/TR14 start as plain SUMS of bars
 *                                                                           1..13, then at bar 14 and after:
 *                                                                           s = s - s/14 + x (Wilder sum, not
 *                                                                           mean); DI = 100*DM14/TR14 (0 if TR14~0)
 * adx_14                 TA_ADX(h, l, c, 14)                           27   DX = 100*|+DI - -DI|/(+DI + -DI) from
 *                                                                           bar 14; first ADX = mean of the DX of
 *                                                                           bars 14..27; then adx = (adx*13+dx)/14;
 *                                                                           when TR14~0 or DI sum~0 the DX is
 *                                                                           skipped (adds 0 during the seed, leaves
 *                                                                           ADX unchanged after)
 * adxr_14                TA_ADXR(h, l, c, 14)                          40   (adx[t] + adx[t-13]) / 2 (lag 13 =
 *                                                                           period-1, not 14)
 * bb_20_2_{upper,middle,lower} TA_BBANDS(close, 20, 2, 2, SMA)         19   middle = SMA 20; sd = POPULATION
 *                                                                           std dev (divide by 20) from running
 *                                                                           sums: sqrt(E[x^2] - mean^2), 0 if < 1e-14;
 *                                                                           bands = middle +/- 2*sd
 * macd_12_26_9, macd_signal_12_26_9, macd_hist_12_26_9
 *                        TA_MACD(close, 12, 26, 9)                     33   all three start at bar 33 (25 + 8).
 *                                                                           Slow EMA26 seeded at bar 25 with SMA of
 *                                                                           bars 0..25. The FAST EMA12 is also
 *                                                                           seeded at bar 25, with the SMA of bars
 *                                                                           14..25 (NOT the stand-alone EMA12, which
 *                                                                           seeds at bar 11). k = 2/(n+1) (12/26 are
 *                                                                           not the fixed 0.15/0.075 of MACDFIX).
 *                                                                           Signal = EMA9 of the MACD line from bar
 *                                                                           25, seeded with the SMA of MACD at bars
 *                                                                           25..33. hist = macd - signal.
 * stoch_14_3_3_k, stoch_14_3_3_d
 *                        TA_STOCH(h, l, c, 14, 3, SMA, 3, SMA)         17   fastK = (c - LL14)/((HH14 - LL14)/100),
 *                                                                           0 if HH14 == LL14; slowK = SMA3(fastK);
 *                                                                           slowD = SMA3(slowK). slowK is written
 *                                                                           from bar 17 too (TA-Lib aligns it with
 *                                                                           slowD although it exists from bar 15)
 * cci_20                 TA_CCI(h, l, c, 20)                           19   tp = (h+l+c)/3; (tp - SMA20(tp)) /
 *                                                                           (0.015 * mean|tp - SMA20(tp)|) over the
 *                                                                           same 20 tp (recomputed, not running);
 *                                                                           0 if numerator or deviation == 0
 * willr_14               TA_WILLR(h, l, c, 14)                         13   -100*(HH14 - c)/(HH14 - LL14), range
 *                                                                           [-100, 0]; 0 if HH14 == LL14
 * obv                    TA_OBV(close, volume)                          0   OBV[0] = volume[0] (not 0); then +v if
 *                                                                           close up, -v if down, unchanged if equal
 * max_20, min_20         TA_MAX / TA_MIN(close, 20)                    19   highest / lowest CLOSE of the last 20
 * linearreg_slope_20     TA_LINEARREG_SLOPE(close, 20)                 19   least-squares slope of the last 20
 *                                                                           closes against bar number, in price per
 *                                                                           bar (positive = rising)
 * correl_30              TA_CORREL(BTC close, ETH close, 30)           29   Pearson r of the last 30 aligned closes
 *                                                                           (raw prices, not returns) from running
 *                                                                           sums; 0 if a variance product < 1e-14;
 *                                                                           same values in both files
 * var_20                 TA_VAR(close, 20, 1)                          19   POPULATION variance E[x^2] - mean^2
 *                                                                           (running sums; not clamped at 0)
 * stddev_20              TA_STDDEV(close, 20, 1)                       19   sqrt(var_20), 0 if var < 1e-14
 * mfi_14                 TA_MFI(h, l, c, volume, 14)                   14   tp = (h+l+c)/3; flow = tp*volume, counted
 *                                                                           positive if tp > prev tp, negative if <,
 *                                                                           neither if equal; flows of bars 1..14
 *                                                                           for the first value; 100*pos/(pos+neg),
 *                                                                           0 if pos+neg < 1.0 (absolute threshold)
 *
 * Unstable periods: EMA, RSI, ATR, NATR, ADX, ADXR, +DI, -DI, MFI (and MACD through EMA) are
 * "unstable" in TA-Lib: TA_SetUnstablePeriod(id, u) adds u to the lookback and drops the first u
 * outputs, without changing any value. The default is u = 0, used here, so the values above are
 * the plain seeded recursions with their first output at the lookback.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "ta_libc.h"
#include "indicators.h" /* Tulip Indicators */

/* ------------------------------------------------------------------ utilities */

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("harness: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xmalloc(size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (!p)
        die("out of memory allocating %zu bytes", bytes);
    return p;
}

static double *new_doubles(long n)
{
    double *p = xmalloc((size_t)n * sizeof(double));
    for (long i = 0; i < n; i++)
        p[i] = NAN;
    return p;
}

/* Shortest of %.15g/%.16g/%.17g that round-trips; "NaN" for NaN. */
static void put_double(FILE *f, double x)
{
    char buf[40];
    if (isnan(x)) {
        fputs("NaN", f);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (prec == 17 || strtod(buf, NULL) == x)
            break;
    }
    fputs(buf, f);
}

/* Days from 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* ------------------------------------------------------------------ OHLCV input */

typedef struct {
    long n;
    int64_t *t; /* open time, ms since the Unix epoch, UTC */
    double *o, *h, *l, *c, *v;
} Series;

static int64_t parse_time_ms(const char *s, const char *path, long line)
{
    int y, mo, d, hh = 0, mi = 0, ss = 0, used = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3)
        die("%s:%ld: Date '%s' is not YYYY-MM-DD[ HH:MM:SS+00:00]", path, line, s);
    const char *rest = s + used;
    if (*rest == ' ' || *rest == 'T') {
        int used2 = 0;
        if (sscanf(rest + 1, "%2d:%2d:%2d%n", &hh, &mi, &ss, &used2) != 3)
            die("%s:%ld: Date '%s' has a bad time of day (expected HH:MM:SS)", path, line, s);
        rest += 1 + used2;
    }
    if (*rest && strcmp(rest, "+00:00") != 0 && strcmp(rest, "Z") != 0)
        die("%s:%ld: Date '%s' has offset '%s'; only UTC (+00:00 or Z) is allowed", path, line, s, rest);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mi > 59 || ss > 59)
        die("%s:%ld: Date '%s' is out of range", path, line, s);
    return ((days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400) + hh * 3600 + mi * 60 + ss) * 1000;
}

static double parse_number(char **cursor, const char *what, const char *path, long line, int last)
{
    char *end;
    errno = 0;
    double x = strtod(*cursor, &end);
    if (end == *cursor || errno != 0 || !isfinite(x))
        die("%s:%ld: %s '%.20s' is not a finite number", path, line, what, *cursor);
    if (last ? (*end != '\0') : (*end != ','))
        die("%s:%ld: unexpected text after %s: '%.20s'", path, line, what, end);
    *cursor = last ? end : end + 1;
    return x;
}

/* Reads at most max_rows bars (all if max_rows < 0). */
static Series load_csv(const char *path, long max_rows)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    long cap = max_rows > 0 ? max_rows : 65536;
    Series s = {0};
    s.t = xmalloc((size_t)cap * sizeof(int64_t));
    s.o = xmalloc((size_t)cap * sizeof(double));
    s.h = xmalloc((size_t)cap * sizeof(double));
    s.l = xmalloc((size_t)cap * sizeof(double));
    s.c = xmalloc((size_t)cap * sizeof(double));
    s.v = xmalloc((size_t)cap * sizeof(double));

    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t len;
    long line = 0;
    while ((len = getline(&buf, &bufcap, f)) >= 0) {
        line++;
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            buf[--len] = '\0';
        if (line == 1) {
            if (strcmp(buf, "Date,Open,High,Low,Close,Volume") != 0)
                die("%s:1: header is '%s'; expected 'Date,Open,High,Low,Close,Volume'", path, buf);
            continue;
        }
        if (len == 0)
            die("%s:%ld: empty line", path, line);
        if (max_rows >= 0 && s.n == max_rows)
            break;
        if (s.n == cap) {
            cap *= 2;
            s.t = realloc(s.t, (size_t)cap * sizeof(int64_t));
            s.o = realloc(s.o, (size_t)cap * sizeof(double));
            s.h = realloc(s.h, (size_t)cap * sizeof(double));
            s.l = realloc(s.l, (size_t)cap * sizeof(double));
            s.c = realloc(s.c, (size_t)cap * sizeof(double));
            s.v = realloc(s.v, (size_t)cap * sizeof(double));
            if (!s.t || !s.o || !s.h || !s.l || !s.c || !s.v)
                die("out of memory reading %s", path);
        }
        char *comma = strchr(buf, ',');
        if (!comma)
            die("%s:%ld: expected 6 comma-separated fields", path, line);
        *comma = '\0';
        int64_t t = parse_time_ms(buf, path, line);
        char *cur = comma + 1;
        double o = parse_number(&cur, "Open", path, line, 0);
        double h = parse_number(&cur, "High", path, line, 0);
        double l = parse_number(&cur, "Low", path, line, 0);
        double c = parse_number(&cur, "Close", path, line, 0);
        double v = parse_number(&cur, "Volume", path, line, 1);
        if (s.n > 0 && t <= s.t[s.n - 1])
            die("%s:%ld: open time %lld is not after the previous bar's %lld", path, line,
                (long long)t, (long long)s.t[s.n - 1]);
        s.t[s.n] = t;
        s.o[s.n] = o;
        s.h[s.n] = h;
        s.l[s.n] = l;
        s.c[s.n] = c;
        s.v[s.n] = v;
        s.n++;
    }
    free(buf);
    fclose(f);
    if (s.n == 0)
        die("%s: no bars", path);
    if (max_rows >= 0 && s.n < max_rows)
        die("%s: has %ld bars; %ld were asked for", path, s.n, max_rows);
    return s;
}

/* ------------------------------------------------------------------ reference mode */

#define MAX_COLUMNS 40

typedef struct {
    const char *name;
    double *values; /* n values, NaN before the first output */
    int first;      /* index of the first output (the TA-Lib lookback) */
} Column;

typedef struct {
    long n;
    int count;
    Column col[MAX_COLUMNS];
} Table;

static void check_ta(TA_RetCode rc, const char *call)
{
    if (rc != TA_SUCCESS) {
        TA_RetCodeInfo info;
        TA_SetRetCodeInfo(rc, &info);
        die("%s failed: %s (%s)", call, info.enumStr, info.infoStr);
    }
}

/* Places TA-Lib output tmp[0..nb) at bars beg..beg+nb-1 of a new NaN column. */
static void add_column(Table *tab, const char *name, const double *tmp, int beg, int nb, int lookback,
                       const char *call)
{
    if (tab->count == MAX_COLUMNS)
        die("too many columns");
    if (beg != lookback)
        die("%s: outBegIdx %d differs from its lookback %d", call, beg, lookback);
    if (beg + nb != tab->n)
        die("%s: output ends at bar %d, expected %ld", call, beg + nb - 1, tab->n - 1);
    double *col = new_doubles(tab->n);
    memcpy(col + beg, tmp, (size_t)nb * sizeof(double));
    tab->col[tab->count++] = (Column){name, col, beg};
}

#define CALL(expr) check_ta((expr), #expr)

/* btc_close/eth_close: the aligned closes for correl_30, always TA_CORREL(btc_close, eth_close). */
static void compute_reference(Table *tab, const Series *s, const double *btc_close, const double *eth_close)
{
    const int n = (int)s->n;
    const int last = n - 1;
    const double *h = s->h, *l = s->l, *c = s->c, *v = s->v;
    double *a = new_doubles(n), *b = new_doubles(n), *d = new_doubles(n);
    int beg, nb;
    tab->n = n;
    tab->count = 0;

    CALL(TA_SMA(0, last, c, 20, &beg, &nb, a));
    add_column(tab, "sma_20", a, beg, nb, TA_SMA_Lookback(20), "TA_SMA");
    CALL(TA_EMA(0, last, c, 14, &beg, &nb, a));
    add_column(tab, "ema_14", a, beg, nb, TA_EMA_Lookback(14), "TA_EMA");
    CALL(TA_WMA(0, last, c, 20, &beg, &nb, a));
    add_column(tab, "wma_20", a, beg, nb, TA_WMA_Lookback(20), "TA_WMA");
    CALL(TA_RSI(0, last, c, 14, &beg, &nb, a));
    add_column(tab, "rsi_14", a, beg, nb, TA_RSI_Lookback(14), "TA_RSI");
    CALL(TA_ATR(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "atr_14", a, beg, nb, TA_ATR_Lookback(14), "TA_ATR");
    CALL(TA_NATR(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "natr_14", a, beg, nb, TA_NATR_Lookback(14), "TA_NATR");
    CALL(TA_TRANGE(0, last, h, l, c, &beg, &nb, a));
    add_column(tab, "trange", a, beg, nb, TA_TRANGE_Lookback(), "TA_TRANGE");
    CALL(TA_ADX(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "adx_14", a, beg, nb, TA_ADX_Lookback(14), "TA_ADX");
    CALL(TA_PLUS_DI(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "plus_di_14", a, beg, nb, TA_PLUS_DI_Lookback(14), "TA_PLUS_DI");
    CALL(TA_MINUS_DI(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "minus_di_14", a, beg, nb, TA_MINUS_DI_Lookback(14), "TA_MINUS_DI");
    CALL(TA_ADXR(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "adxr_14", a, beg, nb, TA_ADXR_Lookback(14), "TA_ADXR");

    CALL(TA_BBANDS(0, last, c, 20, 2.0, 2.0, TA_MAType_SMA, &beg, &nb, a, b, d));
    int lb = TA_BBANDS_Lookback(20, 2.0, 2.0, TA_MAType_SMA);
    add_column(tab, "bb_20_2_upper", a, beg, nb, lb, "TA_BBANDS");
    add_column(tab, "bb_20_2_middle", b, beg, nb, lb, "TA_BBANDS");
    add_column(tab, "bb_20_2_lower", d, beg, nb, lb, "TA_BBANDS");

    CALL(TA_MACD(0, last, c, 12, 26, 9, &beg, &nb, a, b, d));
    lb = TA_MACD_Lookback(12, 26, 9);
    add_column(tab, "macd_12_26_9", a, beg, nb, lb, "TA_MACD");
    add_column(tab, "macd_signal_12_26_9", b, beg, nb, lb, "TA_MACD");
    add_column(tab, "macd_hist_12_26_9", d, beg, nb, lb, "TA_MACD");

    CALL(TA_STOCH(0, last, h, l, c, 14, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &beg, &nb, a, b));
    lb = TA_STOCH_Lookback(14, 3, TA_MAType_SMA, 3, TA_MAType_SMA);
    add_column(tab, "stoch_14_3_3_k", a, beg, nb, lb, "TA_STOCH");
    add_column(tab, "stoch_14_3_3_d", b, beg, nb, lb, "TA_STOCH");

    CALL(TA_CCI(0, last, h, l, c, 20, &beg, &nb, a));
    add_column(tab, "cci_20", a, beg, nb, TA_CCI_Lookback(20), "TA_CCI");
    CALL(TA_WILLR(0, last, h, l, c, 14, &beg, &nb, a));
    add_column(tab, "willr_14", a, beg, nb, TA_WILLR_Lookback(14), "TA_WILLR");
    CALL(TA_OBV(0, last, c, v, &beg, &nb, a));
    add_column(tab, "obv", a, beg, nb, TA_OBV_Lookback(), "TA_OBV");
    CALL(TA_MAX(0, last, c, 20, &beg, &nb, a));
    add_column(tab, "max_20", a, beg, nb, TA_MAX_Lookback(20), "TA_MAX");
    CALL(TA_MIN(0, last, c, 20, &beg, &nb, a));
    add_column(tab, "min_20", a, beg, nb, TA_MIN_Lookback(20), "TA_MIN");
    CALL(TA_LINEARREG_SLOPE(0, last, c, 20, &beg, &nb, a));
    add_column(tab, "linearreg_slope_20", a, beg, nb, TA_LINEARREG_SLOPE_Lookback(20), "TA_LINEARREG_SLOPE");

    CALL(TA_CORREL(0, last, btc_close, eth_close, 30, &beg, &nb, a));
    add_column(tab, "correl_30", a, beg, nb, TA_CORREL_Lookback(30), "TA_CORREL");

    CALL(TA_VAR(0, last, c, 20, 1.0, &beg, &nb, a));
    add_column(tab, "var_20", a, beg, nb, TA_VAR_Lookback(20, 1.0), "TA_VAR");
    CALL(TA_STDDEV(0, last, c, 20, 1.0, &beg, &nb, a));
    add_column(tab, "stddev_20", a, beg, nb, TA_STDDEV_Lookback(20, 1.0), "TA_STDDEV");
    CALL(TA_MFI(0, last, h, l, c, v, 14, &beg, &nb, a));
    add_column(tab, "mfi_14", a, beg, nb, TA_MFI_Lookback(14), "TA_MFI");

    free(a);
    free(b);
    free(d);
}

/* open_time_ms, then the TA-Lib columns. The input's OHLCV is deliberately not written: it comes
 * from a repository with no licence (../shared/data/README.md, section 1a), so only values
 * derived from it may be committed. Users of the file join it to the input on open_time_ms. */
static void write_reference(const char *path, const Series *s, const Table *tab)
{
    char tmp_path[4096];
    snprintf(tmp_path, sizeof tmp_path, "%s.tmp", path);
    FILE *f = fopen(tmp_path, "w");
    if (!f)
        die("cannot write %s: %s", tmp_path, strerror(errno));
    fputs("open_time_ms", f);
    for (int k = 0; k < tab->count; k++)
        fprintf(f, ",%s", tab->col[k].name);
    fputc('\n', f);
    for (long i = 0; i < s->n; i++) {
        fprintf(f, "%lld", (long long)s->t[i]);
        for (int k = 0; k < tab->count; k++) {
            fputc(',', f);
            put_double(f, tab->col[k].values[i]);
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0)
        die("error writing %s", tmp_path);
    if (rename(tmp_path, path) != 0)
        die("cannot rename %s to %s: %s", tmp_path, path, strerror(errno));
}

static void check_no_nan_after_warmup(const Table *tab, const char *symbol)
{
    for (int k = 0; k < tab->count; k++)
        for (long i = tab->col[k].first; i < tab->n; i++)
            if (isnan(tab->col[k].values[i]))
                die("%s %s: NaN at bar %ld after its first output at bar %d", symbol, tab->col[k].name, i,
                    tab->col[k].first);
}

static int mode_reference(int argc, char **argv)
{
    const char *btc = NULL, *eth = NULL, *out_dir = NULL, *summary = NULL;
    long rows = 5000;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--btc") && i + 1 < argc)
            btc = argv[++i];
        else if (!strcmp(argv[i], "--eth") && i + 1 < argc)
            eth = argv[++i];
        else if (!strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--out-dir") && i + 1 < argc)
            out_dir = argv[++i];
        else if (!strcmp(argv[i], "--summary") && i + 1 < argc)
            summary = argv[++i];
        else
            die("reference: unknown or incomplete option '%s'", argv[i]);
    }
    if (!btc || !eth || !out_dir)
        die("reference: --btc, --eth and --out-dir are required");
    if (rows < 100)
        die("reference: --rows = %ld is too small (>= 100)", rows);

    Series sb = load_csv(btc, rows), se = load_csv(eth, rows);
    for (long i = 0; i < rows; i++)
        if (sb.t[i] != se.t[i])
            die("bar %ld: BTC open time %lld differs from ETH open time %lld; correl_30 needs aligned bars", i,
                (long long)sb.t[i], (long long)se.t[i]);

    Table tb, te;
    compute_reference(&tb, &sb, sb.c, se.c);
    compute_reference(&te, &se, sb.c, se.c);
    check_no_nan_after_warmup(&tb, "BTCUSDT");
    check_no_nan_after_warmup(&te, "ETHUSDT");

    char path[4096];
    snprintf(path, sizeof path, "%s/BTCUSDT_1h_talib.csv", out_dir);
    write_reference(path, &sb, &tb);
    printf("wrote %s (%ld bars, %d TA-Lib columns)\n", path, sb.n, tb.count);
    snprintf(path, sizeof path, "%s/ETHUSDT_1h_talib.csv", out_dir);
    write_reference(path, &se, &te);
    printf("wrote %s (%ld bars, %d TA-Lib columns)\n", path, se.n, te.count);

    if (summary) {
        FILE *f = fopen(summary, "w");
        if (!f)
            die("cannot write %s: %s", summary, strerror(errno));
        fprintf(f, "| column | first non-NaN row (0-based bar index = TA-Lib lookback) |\n|---|---|\n");
        for (int k = 0; k < tb.count; k++)
            fprintf(f, "| `%s` | %d |\n", tb.col[k].name, tb.col[k].first);
        fclose(f);
    }
    return 0;
}

/* "0.6.0-dev": TA-Lib's version without the build date that TA_GetVersionString() appends. */
static const char *talib_version(void)
{
    static char buf[64];
    const char *extra = TA_GetVersionExtra();
    snprintf(buf, sizeof buf, "%s.%s.%s%s%s", TA_GetVersionMajor(), TA_GetVersionMinor(), TA_GetVersionBuild(),
             *extra ? "-" : "", extra);
    return buf;
}

/* ------------------------------------------------------------------ bench mode */

typedef struct {
    long n;
    const double *h, *l, *c;
    double *out[3]; /* n doubles each */
    int beg;        /* first bar of out[*][0] */
    int count;      /* outputs per array */
    int outputs;    /* how many of out[] are used */
} Run;

typedef void (*bench_fn)(Run *r);

/* TA-Lib */
static void ta_ema(Run *r)
{
    int nb;
    CALL(TA_EMA(0, (int)r->n - 1, r->c, 14, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}
static void ta_rsi(Run *r)
{
    int nb;
    CALL(TA_RSI(0, (int)r->n - 1, r->c, 14, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}
static void ta_atr(Run *r)
{
    int nb;
    CALL(TA_ATR(0, (int)r->n - 1, r->h, r->l, r->c, 14, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}
static void ta_macd(Run *r)
{
    int nb;
    CALL(TA_MACD(0, (int)r->n - 1, r->c, 12, 26, 9, &r->beg, &nb, r->out[0], r->out[1], r->out[2]));
    r->count = nb, r->outputs = 3;
}
static void ta_adx(Run *r)
{
    int nb;
    CALL(TA_ADX(0, (int)r->n - 1, r->h, r->l, r->c, 14, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}
static void ta_bbands(Run *r)
{
    int nb;
    /* TA-Lib's order is upper, middle, lower; stored as lower, middle, upper like Tulip. */
    CALL(TA_BBANDS(0, (int)r->n - 1, r->c, 20, 2.0, 2.0, TA_MAType_SMA, &r->beg, &nb, r->out[2], r->out[1],
                   r->out[0]));
    r->count = nb, r->outputs = 3;
}
static void ta_sma(Run *r)
{
    int nb;
    CALL(TA_SMA(0, (int)r->n - 1, r->c, 20, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}
static void ta_stoch(Run *r)
{
    int nb;
    CALL(TA_STOCH(0, (int)r->n - 1, r->h, r->l, r->c, 14, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &r->beg, &nb,
                  r->out[0], r->out[1]));
    r->count = nb, r->outputs = 2;
}
static void ta_cci(Run *r)
{
    int nb;
    CALL(TA_CCI(0, (int)r->n - 1, r->h, r->l, r->c, 20, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}
static void ta_willr(Run *r)
{
    int nb;
    CALL(TA_WILLR(0, (int)r->n - 1, r->h, r->l, r->c, 14, &r->beg, &nb, r->out[0]));
    r->count = nb, r->outputs = 1;
}

/* Tulip */
static void check_ti(int rc, const char *name)
{
    if (rc != TI_OKAY)
        die("Tulip %s returned %d", name, rc);
}
/* inputs: HLC (high, low, close) or C (close only). */
#define TULIP(fn, inputs, nout, ...)                                                                                \
    static void ti_##fn##_run(Run *r)                                                                               \
    {                                                                                                               \
        static const TI_REAL options[] = {__VA_ARGS__};                                                             \
        const TI_REAL *HLC[] = {r->h, r->l, r->c};                                                                  \
        const TI_REAL *C[] = {r->c};                                                                                \
        (void)HLC;                                                                                                  \
        (void)C;                                                                                                    \
        check_ti(ti_##fn((int)r->n, inputs, options, r->out), #fn);                                                 \
        r->beg = ti_##fn##_start(options);                                                                          \
        r->count = (int)r->n - r->beg;                                                                              \
        r->outputs = nout;                                                                                          \
    }
TULIP(ema, C, 1, 14)
TULIP(rsi, C, 1, 14)
TULIP(atr, HLC, 1, 14)
TULIP(macd, C, 3, 12, 26, 9)
TULIP(adx, HLC, 1, 14)
TULIP(bbands, C, 3, 20, 2)
TULIP(sma, C, 1, 20)
TULIP(stoch, HLC, 2, 14, 3, 3)
TULIP(cci, HLC, 1, 20)
TULIP(willr, HLC, 1, 14)

typedef struct {
    const char *name;
    bench_fn talib, tulip;
    const char *note;
} Bench;

static const Bench BENCHES[] = {
    {"EMA(14)", ta_ema, ti_ema_run, "Tulip seeds with close[0], TA-Lib with SMA(14); equal once the seed decays"},
    {"RSI(14)", ta_rsi, ti_rsi_run, "same Wilder seed; Tulip rounds s += (x-s)/n, TA-Lib (s*13+x)/14"},
    {"ATR(14)", ta_atr, ti_atr_run, "Tulip starts at bar 13 and counts h-l of bar 0 as a TR; converges"},
    {"MACD(12,26,9)", ta_macd, ti_macd_run, "Tulip uses k = 0.15/0.075 for 12/26 (TA-Lib: 2/13, 2/27): never equal"},
    {"ADX(14)", ta_adx, ti_adx_run, "DM ties: Tulip keeps both, TA-Lib zeroes both; Tulip starts at bar 26"},
    {"BBANDS(20,2)", ta_bbands, ti_bbands_run, "both population std dev"},
    {"SMA(20)", ta_sma, ti_sma_run, ""},
    {"STOCH(14,3,3)", ta_stoch, ti_stoch_run, ""},
    {"CCI(20)", ta_cci, ti_cci_run, "Tulip starts at bar 38, TA-Lib at 19; relative diff is large only near 0"},
    {"WILLR(14)", ta_willr, ti_willr_run, ""},
};
#define BENCH_COUNT (int)(sizeof BENCHES / sizeof BENCHES[0])

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double checksum(const Run *r)
{
    double sum = 0;
    for (int k = 0; k < r->outputs; k++)
        for (int i = 0; i < r->count; i++)
            sum += r->out[k][i];
    return sum;
}

static double best_of(bench_fn fn, Run *r, int reps, double *sum)
{
    fn(r); /* warm-up: page in outputs and TA-Lib's internal buffers, settle the allocator */
    double best = INFINITY;
    for (int rep = 0; rep < reps; rep++) {
        double t0 = now_seconds();
        fn(r);
        double dt = now_seconds() - t0;
        if (dt < best)
            best = dt;
        *sum += checksum(r);
    }
    return best;
}

/* Largest relative difference on bars [from, n) where both outputs exist. */
static double max_rel_diff(const Run *a, const Run *b, long from)
{
    double worst = 0;
    for (int k = 0; k < a->outputs && k < b->outputs; k++)
        for (long bar = from; bar < a->n; bar++) {
            long ia = bar - a->beg, ib = bar - b->beg;
            if (ia < 0 || ib < 0 || ia >= a->count || ib >= b->count)
                continue;
            double x = a->out[k][ia], y = b->out[k][ib];
            double scale = fmax(fmax(fabs(x), fabs(y)), 1e-12);
            double rel = fabs(x - y) / scale;
            if (rel > worst)
                worst = rel;
        }
    return worst;
}

static void read_cpu_model(char *buf, size_t cap)
{
    snprintf(buf, cap, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "model name", 10)) {
            char *colon = strchr(line, ':');
            if (colon) {
                colon++;
                while (*colon == ' ' || *colon == '\t')
                    colon++;
                colon[strcspn(colon, "\n")] = '\0';
                snprintf(buf, cap, "%s", colon);
            }
            break;
        }
    fclose(f);
}

static void read_loadavg(char *buf, size_t cap)
{
    snprintf(buf, cap, "unknown");
    FILE *f = fopen("/proc/loadavg", "r");
    if (!f)
        return;
    double a, b, c;
    if (fscanf(f, "%lf %lf %lf", &a, &b, &c) == 3)
        snprintf(buf, cap, "%.2f %.2f %.2f", a, b, c);
    fclose(f);
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", *s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

static int mode_bench(int argc, char **argv)
{
    const char *input = NULL, *json = NULL, *build_info = "";
    long bars = 1000000;
    int reps = 7;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--input") && i + 1 < argc)
            input = argv[++i];
        else if (!strcmp(argv[i], "--bars") && i + 1 < argc)
            bars = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--json") && i + 1 < argc)
            json = argv[++i];
        else if (!strcmp(argv[i], "--build-info") && i + 1 < argc)
            build_info = argv[++i];
        else
            die("bench: unknown or incomplete option '%s'", argv[i]);
    }
    if (!input || !json)
        die("bench: --input and --json are required");
    if (bars < 1000 || bars > 100000000)
        die("bench: --bars = %ld is out of range (1000 <= bars <= 100000000)", bars);
    if (reps < 1 || reps > 1000)
        die("bench: --reps = %d is out of range (1 <= reps <= 1000)", reps);

    Series src = load_csv(input, -1);
    if (src.n < 2)
        die("%s: need at least 2 bars to tile", input);
    const int64_t span = src.t[src.n - 1] - src.t[0] + (src.t[1] - src.t[0]);
    double *h = xmalloc((size_t)bars * sizeof(double));
    double *l = xmalloc((size_t)bars * sizeof(double));
    double *c = xmalloc((size_t)bars * sizeof(double));
    int64_t last_time = 0;
    for (long i = 0; i < bars; i++) {
        long j = i % src.n, copy = i / src.n;
        h[i] = src.h[j];
        l[i] = src.l[j];
        c[i] = src.c[j];
        int64_t t = src.t[j] + copy * span; /* open times keep increasing across copies */
        if (i > 0 && t <= last_time)
            die("tiling produced a non-increasing open time at bar %ld", i);
        last_time = t;
    }

    Run ra = {.n = bars, .h = h, .l = l, .c = c}, rb = ra;
    for (int k = 0; k < 3; k++) {
        ra.out[k] = xmalloc((size_t)bars * sizeof(double));
        rb.out[k] = xmalloc((size_t)bars * sizeof(double));
        memset(ra.out[k], 0, (size_t)bars * sizeof(double));
        memset(rb.out[k], 0, (size_t)bars * sizeof(double));
    }

    char cpu[256], load_before[64], load_after[64], date[64];
    read_cpu_model(cpu, sizeof cpu);
    read_loadavg(load_before, sizeof load_before);
    time_t wall = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&wall));
    struct utsname un;
    uname(&un);

    double ta_s[BENCH_COUNT], ti_s[BENCH_COUNT], diff[BENCH_COUNT];
    double sum = 0;
    printf("%ld bars (%s tiled %.2f times), best of %d calls after 1 warm-up, CPU %s, %ld cores\n", bars,
           input, (double)bars / (double)src.n, reps, cpu, sysconf(_SC_NPROCESSORS_ONLN));
    printf("%-15s %12s %10s %12s %10s %9s  %s\n", "indicator", "TA-Lib ms", "ns/bar", "Tulip ms", "ns/bar",
           "max rel", "(max |a-b|/max(|a|,|b|) of TA-Lib vs Tulip on the 2nd half of the bars)");
    for (int b = 0; b < BENCH_COUNT; b++) {
        ta_s[b] = best_of(BENCHES[b].talib, &ra, reps, &sum);
        ti_s[b] = best_of(BENCHES[b].tulip, &rb, reps, &sum);
        diff[b] = max_rel_diff(&ra, &rb, bars / 2);
        printf("%-15s %12.3f %10.2f %12.3f %10.2f %9.1e  %s\n", BENCHES[b].name, ta_s[b] * 1e3,
               ta_s[b] * 1e9 / (double)bars, ti_s[b] * 1e3, ti_s[b] * 1e9 / (double)bars, diff[b],
               BENCHES[b].note);
    }
    read_loadavg(load_after, sizeof load_after);
    printf("checksum %.17g\n", sum);
    printf("load average before %s, after %s\n", load_before, load_after);

    FILE *f = fopen(json, "w");
    if (!f)
        die("cannot write %s: %s", json, strerror(errno));
    fprintf(f, "{\n  \"date_utc\": \"%s\",\n  \"machine\": {\"cpu\": ", date);
    json_string(f, cpu);
    fprintf(f, ", \"cores\": %ld, \"kernel\": ", sysconf(_SC_NPROCESSORS_ONLN));
    json_string(f, un.release);
    fprintf(f, ", \"load_average_before\": \"%s\", \"load_average_after\": \"%s\"},\n", load_before, load_after);
    fprintf(f, "  \"compiler\": ");
    json_string(f, "gcc " __VERSION__);
    fprintf(f, ",\n  \"build\": ");
    json_string(f, build_info);
    fprintf(f, ",\n  \"talib_version\": ");
    json_string(f, talib_version());
    fprintf(f, ",\n  \"tulip_version\": \"%s\",\n", TI_VERSION);
    fprintf(f, "  \"input\": ");
    json_string(f, input);
    fprintf(f, ",\n  \"input_rows\": %ld,\n  \"bars\": %ld,\n  \"reps\": %d,\n  \"statistic\": \"best of reps, one "
               "call over all bars, clock_gettime(CLOCK_MONOTONIC)\",\n",
            src.n, bars, reps);
    fprintf(f, "  \"checksum\": %.17g,\n  \"results\": [\n", sum);
    for (int b = 0; b < BENCH_COUNT; b++) {
        fprintf(f, "    {\"indicator\": \"%s\", \"talib_c\": {\"best_ms\": %.4f, \"ns_per_bar\": %.3f}, "
                   "\"tulip_c\": {\"best_ms\": %.4f, \"ns_per_bar\": %.3f}, \"max_rel_diff_second_half\": %.3g, \"note\": ",
                BENCHES[b].name, ta_s[b] * 1e3, ta_s[b] * 1e9 / (double)bars, ti_s[b] * 1e3,
                ti_s[b] * 1e9 / (double)bars, diff[b]);
        json_string(f, BENCHES[b].note);
        fprintf(f, "}%s\n", b + 1 < BENCH_COUNT ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    if (fclose(f) != 0)
        die("error writing %s", json);
    printf("wrote %s\n", json);
    return 0;
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fprintf(stderr, "usage: harness version   (prints the TA-Lib and Tulip versions)\n"
                        "       harness reference --btc FILE --eth FILE --rows N --out-dir DIR [--summary FILE]\n"
                        "       harness bench --input FILE --bars N --reps R --json FILE [--build-info TEXT]\n");
        return argc < 2 ? 2 : 0;
    }
    CALL(TA_Initialize());
    CALL(TA_SetCompatibility(TA_COMPATIBILITY_DEFAULT));
    CALL(TA_SetUnstablePeriod(TA_FUNC_UNST_ALL, 0));
    int rc;
    if (!strcmp(argv[1], "version")) {
        printf("%s %s\n", talib_version(), TI_VERSION);
        rc = 0;
    } else if (!strcmp(argv[1], "reference"))
        rc = mode_reference(argc, argv);
    else if (!strcmp(argv[1], "bench"))
        rc = mode_bench(argc, argv);
    else {
        fprintf(stderr, "harness: unknown mode '%s' (reference or bench)\n", argv[1]);
        return 2;
    }
    TA_Shutdown();
    return rc;
}

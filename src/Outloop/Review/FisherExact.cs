namespace Outloop.Review;

/// <summary>
/// Fisher's exact test for a 2x2 table, two-sided: the probability, under the hypergeometric distribution with the
/// table's margins fixed, of every table at most as likely as the observed one. Exact for small counts, where a
/// chi-squared approximation is not.
/// </summary>
internal static class FisherExact
{
    /// <summary>
    /// Two tables whose probabilities differ by less than this relative amount count as equally likely, so rounding
    /// in the log-factorial sums never drops a tied table (the same tolerance R's <c>fisher.test</c> uses).
    /// </summary>
    private const double RelativeTolerance = 1e-7;

    /// <summary>
    /// The two-sided p-value of the table <c>[[a, b], [c, d]]</c> (rows: groups, columns: with / without the event).
    /// An empty table gives 1.
    /// </summary>
    public static double TwoSided(int a, int b, int c, int d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        int row1 = a + b, row2 = c + d, column1 = a + c, n = row1 + row2;
        if (n == 0)
        {
            return 1;
        }

        var logFactorial = LogFactorials(n);
        // log P(x) for x events in row 1: C(row1, x) C(row2, column1 - x) / C(n, column1).
        var constant = logFactorial[row1] + logFactorial[row2] + logFactorial[column1] + logFactorial[n - column1] - logFactorial[n];
        double LogP(int x) => constant - logFactorial[x] - logFactorial[row1 - x] - logFactorial[column1 - x] - logFactorial[row2 - column1 + x];

        var observed = LogP(a);
        var threshold = observed + RelativeTolerance; // ln(1 + t) = t to within t^2/2
        var p = 0.0;
        for (var x = Math.Max(0, column1 - row2); x <= Math.Min(row1, column1); x++)
        {
            var logP = LogP(x);
            if (logP <= threshold)
            {
                p += Math.Exp(logP);
            }
        }

        return Math.Min(1, p);
    }

    /// <summary>ln(k!) for k = 0..n, summed from ln(1)..ln(k): exact enough for the counts a review sees.</summary>
    private static double[] LogFactorials(int n)
    {
        var result = new double[n + 1];
        for (var k = 2; k <= n; k++)
        {
            result[k] = result[k - 1] + Math.Log(k);
        }

        return result;
    }
}

using Outloop.Review;

namespace Outloop.Tests.Review;

public sealed class FisherExactTests
{
    // Expected values are exact fractions computed independently (Python, fractions.Fraction and math.comb, summing
    // every table with the same margins at most as likely as the observed one).
    [Theory]
    [InlineData(3, 1, 1, 3, 17.0 / 35)] // Fisher's lady tasting tea: 0.4857
    [InlineData(1, 9, 11, 3, 41.0 / 14858)] // 0.002759
    [InlineData(0, 5, 5, 0, 1.0 / 126)]
    [InlineData(5, 0, 0, 5, 1.0 / 126)]
    [InlineData(7, 3, 2, 8, 293.0 / 4199)]
    [InlineData(12, 8, 3, 17, 1579.0 / 199578)]
    [InlineData(6, 4, 2, 6, 457.0 / 2431)]
    [InlineData(8, 2, 1, 9, 23.0 / 4199)]
    [InlineData(3, 7, 5, 5, 2729.0 / 4199)]
    [InlineData(1, 0, 0, 5, 1.0 / 6)]
    [InlineData(40, 60, 20, 80, 0.003191816825928764)]
    public void TwoSidedPValueMatchesTheExactHypergeometricSum(int a, int b, int c, int d, double expected) =>
        Assert.Equal(expected, FisherExact.TwoSided(a, b, c, d), expected * 1e-9);

    [Theory]
    [InlineData(2, 8, 2, 8)]
    [InlineData(5, 1, 5, 1)]
    [InlineData(10, 0, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(3, 7, 3, 7)]
    public void EqualRatesOrAnEmptyTableGiveOne(int a, int b, int c, int d) =>
        Assert.Equal(1.0, FisherExact.TwoSided(a, b, c, d), 1e-12);

    [Fact]
    public void SwappingRowsOrColumnsDoesNotChangeTheTwoSidedPValue()
    {
        var p = FisherExact.TwoSided(7, 3, 2, 8);

        Assert.Equal(p, FisherExact.TwoSided(2, 8, 7, 3), 1e-12);
        Assert.Equal(p, FisherExact.TwoSided(3, 7, 8, 2), 1e-12);
        Assert.Equal(p, FisherExact.TwoSided(7, 2, 3, 8), 1e-12);
    }

    [Fact]
    public void LargeCountsKeepTheirPrecisionInLogSpace()
    {
        // 2,000 tasks: the binomials overflow a double, their logarithms do not. Exact value from the same Python sum.
        var p = FisherExact.TwoSided(900, 100, 700, 300);

        Assert.Equal(9.493768908224e-30, p, 9.493768908224e-30 * 1e-9);
    }

    [Fact]
    public void NegativeCountsAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExact.TwoSided(1, -1, 2, 2));
}

using CsCheck;
using Hearsay.Core.Documents;

namespace Hearsay.Core.Tests;

public class CharRangeTests
{
    [Fact]
    public void Constructor_NegativeOrReversed_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CharRange(-1, 2));
        Should.Throw<ArgumentOutOfRangeException>(() => new CharRange(5, 4));
    }

    [Fact]
    public void Overlaps_IsEndExclusive()
    {
        new CharRange(0, 5).Overlaps(new CharRange(5, 8)).ShouldBeFalse();
        new CharRange(0, 5).Overlaps(new CharRange(4, 8)).ShouldBeTrue();
        new CharRange(0, 5).OverlapLength(new CharRange(3, 9)).ShouldBe(2);
    }

    [Fact]
    public void Overlap_IsSymmetric_AndBoundedByBothLengths()
    {
        var range = Gen.Int[0, 100].SelectMany(s => Gen.Int[0, 50].Select(l => new CharRange(s, s + l)));
        Gen.Select(range, range).Sample((a, b) =>
            a.Overlaps(b) == b.Overlaps(a)
            && a.OverlapLength(b) == b.OverlapLength(a)
            && a.OverlapLength(b) <= Math.Min(a.Length, b.Length)
            && (a.OverlapLength(b) > 0) == a.Overlaps(b));
    }
}

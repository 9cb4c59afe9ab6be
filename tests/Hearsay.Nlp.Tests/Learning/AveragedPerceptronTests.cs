using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Tests.Learning;

public class AveragedPerceptronTests
{
    [Fact]
    public void Learns_a_separable_problem_and_round_trips_through_a_file()
    {
        // Class = which of three marker features is present; plus a noise feature.
        var p = new AveragedPerceptron(3);
        var random = new Random(3);
        Span<ulong> f = stackalloc ulong[2];
        var scores = new float[3];
        for (int i = 0; i < 3000; i++)
        {
            int y = random.Next(3);
            f[0] = FeatureHash.Feature(1, FeatureHash.Value(y));
            f[1] = FeatureHash.Feature(2, FeatureHash.Value(random.Next(50)));
            p.Score(f, scores);
            int guess = SparseLinearModel.ArgMax(scores);
            p.Tick();
            p.Update(f, y, guess);
        }

        var model = p.Average();
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(w);
        }

        stream.Position = 0;
        var loaded = SparseLinearModel.Read(new BinaryReader(stream));
        for (int y = 0; y < 3; y++)
        {
            f[0] = FeatureHash.Feature(1, FeatureHash.Value(y));
            f[1] = FeatureHash.Feature(2, FeatureHash.Value(7));
            loaded.Score(f, scores);
            SparseLinearModel.ArgMax(scores).ShouldBe(y);
        }

        loaded.FeatureCount.ShouldBe(model.FeatureCount);
    }

    [Fact]
    public void Corrupt_model_bytes_are_rejected()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Should.Throw<InvalidDataException>(() => SparseLinearModel.Read(new BinaryReader(stream)));
    }
}

using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Contextual;

namespace Hearsay.Cli.Analysis;

/// <summary>
/// Fast (default) or accurate analysis. The accurate mode (HEARSAY_ACCURATE=1) runs the MiniLM contextual encoder
/// after sentence splitting and gives the stages that have a contextual model its vectors; it is several times
/// slower, so it is asked for, never implied.
/// </summary>
public static class NlpMode
{
    private static readonly Lazy<ContextEncoder> Encoder = new(LoadEncoder);
    private static readonly AsyncLocal<bool?> Forced = new();

    /// <summary>The mode <see cref="Force"/> set for this flow of execution, else HEARSAY_ACCURATE=1.</summary>
    public static bool Accurate => Forced.Value ?? Environment.GetEnvironmentVariable("HEARSAY_ACCURATE") == "1";

    /// <summary>
    /// Sets the mode for the current flow of execution until disposed, whatever the environment says: an eval task
    /// that always measures the accurate mode runs beside tests of the fast one in the same process.
    /// </summary>
    public static IDisposable Force(bool accurate)
    {
        var previous = Forced.Value;
        Forced.Value = accurate;
        return new Restore(previous);
    }

    /// <summary>The encoder stage in the accurate mode (to put right after sentence splitting), nothing otherwise.</summary>
    public static IReadOnlyList<IDocumentStage> ContextStages() => Accurate ? [new ContextEncoderStage(Encoder.Value)] : [];

    /// <summary>The process's one encoder (loading the 90 MB model takes about a second).</summary>
    public static ContextEncoder SharedEncoder => Encoder.Value;

    private static ContextEncoder LoadEncoder()
    {
        try
        {
            return ContextEncoder.Load();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new CliException("the accurate mode (HEARSAY_ACCURATE=1) needs the MiniLM encoder: " + e.Message, e);
        }
    }

    private sealed class Restore(bool? previous) : IDisposable
    {
        public void Dispose() => Forced.Value = previous;
    }
}

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

    public static bool Accurate => Environment.GetEnvironmentVariable("HEARSAY_ACCURATE") == "1";

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
}

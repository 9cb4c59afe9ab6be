using System.Globalization;
using Hearsay.Cli.Analysis;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Parsing;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train parser-context --data ... --out models/parser/parser-context.bin --epochs N</c>: the accurate mode's
/// scorer over MiniLM contextual vectors (<see cref="ContextParserTrainer"/>), combined with the installed parser
/// (models/parser/parser.bin, whose relations it shares). The vectors come from <see cref="ContextVectorCache"/> (the
/// whole training list in one call). The POS tags are jackknifed as for the parser; the held-out tenth that chooses the
/// combination scales is parsed by a perceptron parser trained on the other nine tenths. HEARSAY_PARSER_CONTEXT="projection,hidden,labelHidden,explore" overrides the sizes.
/// </summary>
public sealed class ContextParserTrainTask : ITrainTask
{
    public const string SizesVariable = "HEARSAY_PARSER_CONTEXT";

    /// <summary>Epochs of the held-out selection parser (the shipped parser's card: 12).</summary>
    private const int SelectionEpochs = 12;

    public string Name => "parser-context";

    public string Description => "Accurate-mode parser scorer over MiniLM contextual vectors, combined with the installed parser.";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var train = TaggerTrainTask.Load(options.Data);
        var settings = Settings(options);
        log.WriteLine($"parser-context: data {options.Data}; out {options.Out}; {settings}");
        DependencyParser shipped;
        try
        {
            shipped = DependencyParser.Load();
        }
        catch (FileNotFoundException e)
        {
            throw new CliException("the contextual parser is trained over the installed parser: " + e.Message, e);
        }

        var vectors = ContextVectorCache.Encode(NlpMode.SharedEncoder, [.. train.Select(s => (IReadOnlyList<string>)[.. s.Words.Select(w => w.Form)])], log);

        // The installed parser has seen every training sentence and parses them almost perfectly, so the combination
        // scales are chosen with a parser trained as the card's, on the sentences that are not held out.
        ParserTrainTask.PredictTags(train, null, options, log, cancellationToken);
        var rest = train.Where((_, i) => !ContextParserTrainer.IsHeldOut(i, settings)).ToList();
        var selection = ParserTrainer.Train(rest, SelectionEpochs, options.Seed, "held-out-selection", log);
        var network = ContextParserTrainer.Train(train, vectors, ContextEncoder.Dimension, ContextEncoder.SourceName, selection, shipped.Model.LabelNames, settings, log);
        network.Save(options.Out);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024} KiB)"));
    }

    private static ContextParserSettings Settings(TrainOptions options)
    {
        var settings = new ContextParserSettings(options.Epochs ?? 6, options.Seed);
        if (Environment.GetEnvironmentVariable(SizesVariable) is not { Length: > 0 } sizes)
        {
            return settings;
        }

        var parts = sizes.Split(',');
        try
        {
            return settings with
            {
                Projection = int.Parse(parts[0], CultureInfo.InvariantCulture),
                Hidden = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : settings.Hidden,
                LabelHidden = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : settings.LabelHidden,
                Explore = parts.Length > 3 ? double.Parse(parts[3], CultureInfo.InvariantCulture) : settings.Explore,
            };
        }
        catch (FormatException e)
        {
            throw new CliException($"{SizesVariable}='{sizes}': expected projection,hidden[,labelHidden[,explore]].", e);
        }
    }
}

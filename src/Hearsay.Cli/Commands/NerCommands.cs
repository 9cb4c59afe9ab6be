using System.CommandLine;
using System.Text;
using Hearsay.Cli.Analysis;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Entities;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay ner --input FILE.iob2 --output FILE.iob2 [--model PATH]</c>: predicts entities from the tokens
/// only. Each output line is <c>FORM GOLD PRED</c> (the input's tag column is copied, never read for
/// prediction) so that conlleval scores the file directly; without a tag column it is <c>FORM PRED</c>.
/// </summary>
public static class NerCommands
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "IOB2/CoNLL file (UNER 'ID FORM TAG' or 'FORM TAG' columns).", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the tagged file.", Required = true };
        var model = new Option<string?>("--model") { Description = "NER model file (default: models/" + EntityRecognizer.DefaultModelPath + ")." };
        var format = CommonOptions.Format();
        var cmd = new Command("ner", "Tag named entities (PER/ORG/LOC) in a tokenized IOB2 file.") { input, output, model, format };
        cmd.SetAction((parse, ct) => Task.FromResult(CliRunner.Guard("ner", () =>
        {
            var path = parse.GetValue(input)!;
            List<LabeledSentence> sentences;
            try
            {
                sentences = IobReader.ReadFile(path);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                throw new CliException(e.Message, e);
            }

            var m = LoadModel(parse.GetValue(model));
            TagPos(m, sentences);
            var sb = new StringBuilder();
            int entities = 0, words = 0;
            var predicted = m.PredictSentences(sentences, Environment.GetEnvironmentVariable("HEARSAY_NER_CONSISTENCY") != "0", ContextVectorsOf(m, sentences));
            for (int k = 0; k < sentences.Count; k++)
            {
                ct.ThrowIfCancellationRequested();
                var s = sentences[k];
                var tags = ToIob2(predicted[k], s.Words.Length, ref entities);
                for (int i = 0; i < s.Words.Length; i++)
                {
                    sb.Append(s.Words[i]).Append(' ');
                    if (s.GoldTags is not null)
                    {
                        sb.Append(s.GoldTags[i]).Append(' ');
                    }

                    sb.Append(tags[i]).Append('\n');
                }

                sb.Append('\n');
                words += s.Words.Length;
            }

            var outPath = parse.GetValue(output)!;
            File.WriteAllText(outPath, sb.ToString());
            var fmt = parse.GetValue(format);
            if (fmt == OutputFormat.Text)
            {
                Console.Out.WriteLine($"{path}: {sentences.Count} sentences, {words} words, {entities} entities -> {outPath}");
            }
            else
            {
                Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                    new NerRunSummary(path, outPath, sentences.Count, words, entities), Hearsay.Core.Serialization.HearsayJson.Options));
            }

            return ExitCodes.Ok;
        })));
        return cmd;
    }

    internal static NerModel LoadModel(string? path)
    {
        try
        {
            if (path is not null)
            {
                return NerModel.Load(path);
            }

            return EntityRecognizerModel();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>Runs the POS tagger over pre-tokenized sentences when <paramref name="model"/> reads POS tags (as the pipeline runs it before NER).</summary>
    internal static void TagPos(NerModel model, IReadOnlyList<LabeledSentence> sentences)
    {
        if (!model.UsesPos)
        {
            return;
        }

        PosTagger tagger;
        try
        {
            tagger = PosTagger.Load();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new CliException($"NER model {model.Version} reads POS tags: {e.Message}", e);
        }

        foreach (var s in sentences)
        {
            s.Pos = XposOf(tagger, s.Words);
        }
    }

    internal static string[] XposOf(PosTagger tagger, IReadOnlyList<string> words)
    {
        var tags = tagger.TagWords(words);
        var xpos = new string[tags.Length];
        for (int i = 0; i < xpos.Length; i++)
        {
            xpos[i] = tags[i].Xpos;
        }

        return xpos;
    }

    internal static string TagName(EntityLabel label) => label switch
    {
        EntityLabel.Person => "PER",
        EntityLabel.Org => "ORG",
        EntityLabel.Loc => "LOC",
        EntityLabel.Norp => "NORP",
        EntityLabel.Event => "EVENT",
        _ => "MISC",
    };

    private static NerModel EntityRecognizerModel()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_NER_MODEL");
        if (!string.IsNullOrEmpty(env))
        {
            return WithContextIfAccurate(NerModel.Load(env));
        }

        var path = Hearsay.Core.Models.ModelPaths.Find(EntityRecognizer.DefaultModelPath)
            ?? throw new FileNotFoundException($"NER model '{EntityRecognizer.DefaultModelPath}' not found under the models folder ({Hearsay.Core.Models.ModelPaths.Root ?? "none found"}); set HEARSAY_MODELS or pass --model.");
        return WithContextIfAccurate(NerModel.Load(path));
    }

    /// <summary>In the accurate mode, the model with its contextual scorer (HEARSAY_NER_CONTEXT_MODEL, else the shipped file).</summary>
    private static NerModel WithContextIfAccurate(NerModel model)
    {
        if (!NlpMode.Accurate)
        {
            return model;
        }

        var path = Environment.GetEnvironmentVariable("HEARSAY_NER_CONTEXT_MODEL") is { Length: > 0 } env
            ? env
            : Hearsay.Core.Models.ModelPaths.Find(EntityRecognizer.ContextModelPath)
                ?? throw new FileNotFoundException($"the accurate mode's NER model '{EntityRecognizer.ContextModelPath}' not found under the models folder ({Hearsay.Core.Models.ModelPaths.Root ?? "none found"}).");
        return model.WithContext(ContextTokenScorer.Load(path));
    }

    /// <summary>Each sentence's contextual vectors when <paramref name="model"/> has a contextual scorer (the accurate mode); null otherwise.</summary>
    internal static IReadOnlyList<float[]>? ContextVectorsOf(NerModel model, IReadOnlyList<LabeledSentence> sentences) =>
        model.Context is null ? null : [.. sentences.Select(s => NlpMode.SharedEncoder.Encode(s.Words))];

    private static string[] ToIob2(List<EntitySpan> spans, int n, ref int entities)
    {
        var tags = new string[n];
        Array.Fill(tags, "O");
        foreach (var s in spans)
        {
            var name = TagName(s.Label);
            tags[s.Start] = "B-" + name;
            for (int i = s.Start + 1; i < s.End; i++)
            {
                tags[i] = "I-" + name;
            }

            entities++;
        }

        return tags;
    }

    private sealed record NerRunSummary(string Input, string Output, int Sentences, int Words, int Entities);
}

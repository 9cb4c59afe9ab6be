using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Core.Models;
using Hearsay.Core.Pipeline;
using Hearsay.Core.Serialization;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay parse --input IN.conllu --output OUT.conllu [--raw]</c> (predict-only, for the CoNLL 2018 scorer) and
/// <c>hearsay bench nlp [--input FOLDER]</c> (speed, load time and size of the language-analysis models).
/// </summary>
public static class NlpCommands
{
    public static IEnumerable<Command> Create() => [Parse(), Bench()];

    private static Command Parse()
    {
        var input = new Option<string>("--input") { Description = "CoNLL-U file: its word forms (or, with --raw, its '# text' lines) are analysed.", Required = true };
        var output = new Option<string>("--output") { Description = "CoNLL-U file to write.", Required = true };
        var raw = new Option<bool>("--raw") { Description = "Tokenize and split the '# text' lines instead of using the given words." };
        var cmd = new Command("parse", "Tag and parse CoNLL-U; every gold annotation column is ignored.") { input, output, raw };
        cmd.SetAction(parse => CliRunner.Guard("parse", () =>
        {
            var stages = LoadStages();
            var sentences = Eval.NlpData.LoadSentences(parse.GetValue(input)!);
            var path = parse.GetValue(output)!;
            int words = 0;
            var watch = Stopwatch.StartNew();
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                foreach (var docSentences in ConlluDocuments.GroupByDocument(sentences))
                {
                    words += parse.GetValue(raw)
                        ? WriteRaw(writer, docSentences, stages, parse.GetValue(input)!)
                        : WriteGoldTokens(writer, docSentences, stages);
                }
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hearsay parse: {words} words to {path} in {watch.Elapsed.TotalSeconds:0.00}s"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static IDocumentStage[] LoadStages()
    {
        try
        {
            // The accurate mode (HEARSAY_ACCURATE=1) puts the contextual encoder first and gives the tagger and parser their contextual scorers.
            return [.. Analysis.NlpMode.ContextStages(), PosTagger.Load(Analysis.NlpMode.Accurate), DependencyParser.Load(Analysis.NlpMode.Accurate)];
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private static int WriteGoldTokens(TextWriter writer, List<ConlluSentence> sentences, IDocumentStage[] stages)
    {
        var doc = ConlluDocuments.FromGoldTokens(sentences);
        DocumentPipeline.Build(stages, Layers.Text | Layers.Tokens | Layers.Sentences).Run(doc);
        int t = 0;
        foreach (var s in sentences)
        {
            var output = new ConlluSentence();
            output.Comments.AddRange(s.Comments.Where(c => c.StartsWith("# sent_id", StringComparison.Ordinal) || c.StartsWith("# text", StringComparison.Ordinal) || c.StartsWith("# newdoc", StringComparison.Ordinal) || c.StartsWith("# newpar", StringComparison.Ordinal)));
            output.MultiwordTokens.AddRange(s.MultiwordTokens);
            int first = t;
            foreach (var w in s.Words)
            {
                var tok = doc.Tokens[t++];
                output.Words.Add(Word(w.Id, w.Form, tok, first, w.NoSpaceAfter && s.MultiwordAt(w.Id) is null ? "SpaceAfter=No" : "_"));
            }

            ConlluWriter.Write(writer, output);
        }

        return t;
    }

    private static int WriteRaw(TextWriter writer, List<ConlluSentence> sentences, IDocumentStage[] stages, string input)
    {
        var gold = Eval.NlpData.Raw(sentences, input);
        var doc = new Document(gold.Text);
        DocumentPipeline.Build([new Tokenizer(), new SentenceSplitter(), .. stages]).Run(doc);
        int n = 0;
        foreach (var s in doc.Sentences)
        {
            var output = new ConlluSentence();
            if (n == 0)
            {
                output.Comments.Add("# newdoc");
            }

            output.Comments.Add("# sent_id = " + (++n).ToString(CultureInfo.InvariantCulture));
            output.Comments.Add("# text = " + doc.Slice(s.Range).Replace('\n', ' '));
            for (int i = s.Tokens.Start; i < s.Tokens.End; i++)
            {
                var tok = doc.Tokens[i];
                output.Words.Add(Word(i - s.Tokens.Start + 1, doc.Slice(tok.Range), tok, s.Tokens.Start, tok.WhitespaceLength == 0 && i + 1 < doc.Tokens.Length ? "SpaceAfter=No" : "_"));
            }

            ConlluWriter.Write(writer, output);
        }

        return doc.Tokens.Length;
    }

    private static ConlluWord Word(int id, string form, Token tok, int sentenceStart, string misc) => new()
    {
        Id = id,
        Form = form,
        Lemma = tok.Lemma ?? "_",
        Upos = tok.Upos ?? "_",
        Xpos = tok.Xpos ?? "_",
        Head = tok.Head < 0 ? 0 : tok.Head - sentenceStart + 1,
        DepRel = tok.DepRel ?? "_",
        Misc = misc,
    };

    private static Command Bench()
    {
        var input = new Option<string?>("--input") { Description = "Folder of .txt files (default: ../shared/corpora/polnear/data/dev/text)." };
        var repeat = new Option<int>("--repeat") { Description = "Passes over the texts after one warm-up pass.", DefaultValueFactory = _ => 3 };
        var format = CommonOptions.Format();
        var nlp = new Command("nlp", "Words per second (one thread) of tokenize, tag and parse; model load time and size.") { input, repeat, format };
        nlp.SetAction(parse => CliRunner.Guard("bench nlp", () =>
        {
            var folder = parse.GetValue(input) ?? FindShared("corpora/polnear/data/dev/text")
                ?? throw new CliException("no --input folder given and ../shared/corpora/polnear/data/dev/text not found.");
            if (!Directory.Exists(folder))
            {
                throw new CliException($"{folder}: no such folder.");
            }

            var texts = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
            if (texts.Length == 0)
            {
                throw new CliException($"{folder}: no .txt file.");
            }

            var load = Stopwatch.StartNew();
            var stages = LoadStages();
            double loadMs = load.Elapsed.TotalMilliseconds;
            var tokenizer = new Tokenizer();
            var splitter = new SentenceSplitter();
            var encoder = stages.OfType<Hearsay.Nlp.Contextual.ContextEncoderStage>().SingleOrDefault();
            var tagger = stages.OfType<PosTagger>().Single();
            var parser = stages.OfType<DependencyParser>().Single();
            // The issue's speed target counts NER too (tokenize + tag + parse + NER); timed when its model is installed.
            var ner = ModelPaths.Find(Hearsay.Nlp.Entities.EntityRecognizer.DefaultModelPath) is null ? null : Hearsay.Nlp.Entities.EntityRecognizer.LoadDefault(Analysis.NlpMode.Accurate);
            long words = 0;
            double tokenizeS = 0, tagS = 0, parseS = 0, nerS = 0;
            double tokenizeCpu = 0, tagCpu = 0, parseCpu = 0, nerCpu = 0;
            double encodeS = 0, encodeCpu = 0;
            var process = Process.GetCurrentProcess();
            int passes = Math.Max(1, parse.GetValue(repeat));
            for (int pass = 0; pass <= passes; pass++)
            {
                // Stage by stage over all texts, so that the coarse CPU clock (ticks of 10 ms) adds up over whole batches.
                var docs = texts.Select(t => new Document(t)).ToArray();
                var c0 = Cpu(process);
                long t0 = Stopwatch.GetTimestamp();
                foreach (var doc in docs)
                {
                    tokenizer.Process(doc, default);
                    splitter.Process(doc, default);
                }

                long te = Stopwatch.GetTimestamp();
                var ce = Cpu(process);
                foreach (var doc in encoder is null ? [] : docs)
                {
                    encoder!.Process(doc, default);
                }

                long t1 = Stopwatch.GetTimestamp();
                var c1 = Cpu(process);
                foreach (var doc in docs)
                {
                    tagger.Process(doc, default);
                }

                long t2 = Stopwatch.GetTimestamp();
                var c2 = Cpu(process);
                foreach (var doc in docs)
                {
                    parser.Process(doc, default);
                }

                long t3 = Stopwatch.GetTimestamp();
                var c3 = Cpu(process);
                foreach (var doc in ner is null ? [] : docs)
                {
                    ner!.Process(doc, default);
                }

                long t4 = Stopwatch.GetTimestamp();
                var c4 = Cpu(process);
                if (pass == 0)
                {
                    continue; // warm-up (JIT, tiered compilation)
                }

                words += docs.Sum(d => (long)d.Tokens.Length);
                // The accurate mode's encoder counts with the tokenizer (it runs right after sentence splitting).
                tokenizeS += Stopwatch.GetElapsedTime(t0, te).TotalSeconds;
                encodeS += Stopwatch.GetElapsedTime(te, t1).TotalSeconds;
                encodeCpu += c1 - ce;
                tagS += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
                parseS += Stopwatch.GetElapsedTime(t2, t3).TotalSeconds;
                tokenizeCpu += ce - c0;
                tagCpu += c2 - c1;
                parseCpu += c3 - c2;
                nerS += Stopwatch.GetElapsedTime(t3, t4).TotalSeconds;
                nerCpu += c4 - c3;
            }

            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var m in new[] { PosTagger.DefaultModelPath, DependencyParser.DefaultModelPath })
            {
                sizes[m] = ModelPaths.Find(m) is { } p ? new FileInfo(p).Length : 0;
            }

            var result = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["texts"] = texts.Length,
                ["words"] = words,
                ["passes"] = passes,
                ["tokenizeWordsPerSecond"] = Math.Round(words / tokenizeS),
                ["tagWordsPerSecond"] = Math.Round(words / tagS),
                ["parseWordsPerSecond"] = Math.Round(words / parseS),
                ["tagParseWordsPerSecond"] = Math.Round(words / (tagS + parseS)),
                ["totalWordsPerSecond"] = Math.Round(words / (tokenizeS + encodeS + tagS + parseS)),
                // Per core: words over the process's CPU time, which a machine shared with other jobs does not distort.
                ["cpu"] = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["tokenizeWordsPerSecond"] = Math.Round(words / tokenizeCpu),
                    ["tagWordsPerSecond"] = Math.Round(words / tagCpu),
                    ["parseWordsPerSecond"] = Math.Round(words / parseCpu),
                    ["tagParseWordsPerSecond"] = Math.Round(words / (tagCpu + parseCpu)),
                    ["totalWordsPerSecond"] = Math.Round(words / (tokenizeCpu + encodeCpu + tagCpu + parseCpu)),
                    ["nerWordsPerSecond"] = ner is null ? 0 : Math.Round(words / nerCpu),
                    ["totalWithNerWordsPerSecond"] = ner is null ? 0 : Math.Round(words / (tokenizeCpu + encodeCpu + tagCpu + parseCpu + nerCpu)),
                },
                ["parserBeamWidth"] = parser.BeamWidth,
                ["accurate"] = encoder is not null,
                ["modelLoadMs"] = Math.Round(loadMs),
                ["modelBytes"] = sizes,
                ["peakWorkingSetMb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
            };
            if (encoder is not null)
            {
                ((Dictionary<string, double>)result["cpu"])["encodeWordsPerSecond"] = Math.Round(words / encodeCpu);
                sizes[ContextParserNetwork.DefaultModelPath] = ModelPaths.Find(ContextParserNetwork.DefaultModelPath) is { } c ? new FileInfo(c).Length : 0;
            }

            if (parse.GetValue(format) == OutputFormat.Text)
            {
                foreach (var (k, v) in result)
                {
                    Console.Out.WriteLine($"{k}\t{v switch { Dictionary<string, long> d => string.Join(", ", d.Select(x => $"{x.Key}={x.Value}")), Dictionary<string, double> d => string.Join(", ", d.Select(x => $"{x.Key}={x.Value}")), _ => Convert.ToString(v, CultureInfo.InvariantCulture) }}");
                }
            }
            else
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, HearsayJson.Options));
            }

            return ExitCodes.Ok;
        }));
        return new Command("bench", "Speed and size measurements.") { nlp };
    }

    private static double Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static string? FindShared(string relative)
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            var p = Path.Combine(env, relative);
            return Directory.Exists(p) ? p : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var p = Path.Combine(dir.FullName, "shared", relative);
                if (Directory.Exists(p))
                {
                    return p;
                }
            }
        }

        return null;
    }
}

using System.IO.Compression;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>A trained dependency parser: the transition classifier, the arc labeler and its relation names.</summary>
public sealed class ParserModel
{
    private const uint Magic = 0x5044_4831; // "HDP1"

    // HDP2 appends the word class table; HDP1 files (no classes) still load.
    private const uint MagicWithClasses = 0x5044_4832;

    public ParserModel(string version, SparseLinearModel transitions, SparseLinearModel labels, string[] labelNames)
    {
        Version = version;
        Transitions = transitions;
        Labels = labels;
        LabelNames = labelNames;
        RootLabel = Array.IndexOf(labelNames, "root");
    }

    public string Version { get; }

    public SparseLinearModel Transitions { get; }

    public SparseLinearModel Labels { get; }

    /// <summary>UD relation of each label class (interned).</summary>
    public string[] LabelNames { get; }

    /// <summary>Word classes (from MiniLM's embedding table) whose features the model was trained with; null: none.</summary>
    public WordClasses? WordClasses { get; init; }

    /// <summary>Class of "root", or -1.</summary>
    public int RootLabel { get; }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz);
        w.Write(WordClasses is null ? Magic : MagicWithClasses);
        w.Write(Version);
        w.Write(LabelNames.Length);
        foreach (var l in LabelNames)
        {
            w.Write(l);
        }

        Transitions.Write(w);
        Labels.Write(w);
        if (WordClasses is { } classes)
        {
            w.Write(classes.Count);
            foreach (var (hash, c) in classes.Classes.OrderBy(kv => kv.Key))
            {
                w.Write(hash);
                w.Write(c);
            }
        }
    }

    /// <exception cref="InvalidDataException">The file is not a parser model.</exception>
    public static ParserModel Load(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            using var r = new BinaryReader(new BufferedStream(gz, 1 << 16));
            uint magic = r.ReadUInt32();
            if (magic != Magic && magic != MagicWithClasses)
            {
                throw new InvalidDataException($"{path}: not a Hearsay parser model.");
            }

            var version = r.ReadString();
            int n = r.ReadInt32();
            var labels = new string[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = string.Intern(r.ReadString());
            }

            var transitions = SparseLinearModel.Read(r);
            var labelModel = SparseLinearModel.Read(r);
            WordClasses? classes = null;
            if (magic == MagicWithClasses)
            {
                int k = r.ReadInt32();
                var table = new Dictionary<ulong, ushort>(k);
                for (int i = 0; i < k; i++)
                {
                    table[r.ReadUInt64()] = r.ReadUInt16();
                }

                classes = new WordClasses(table);
            }

            return new ParserModel(version, transitions, labelModel, labels) { WordClasses = classes };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated parser model.", e);
        }
    }
}

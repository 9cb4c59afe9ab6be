using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>A trained dependency parser: the transition classifier, the arc labeler and its relation names.</summary>
public sealed class ParserModel
{
    private const uint Magic = 0x5044_4831; // "HDP1"

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

    /// <summary>Class of "root", or -1.</summary>
    public int RootLabel { get; }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        w.Write(Magic);
        w.Write(Version);
        w.Write(LabelNames.Length);
        foreach (var l in LabelNames)
        {
            w.Write(l);
        }

        Transitions.Write(w);
        Labels.Write(w);
    }

    /// <exception cref="InvalidDataException">The file is not a parser model.</exception>
    public static ParserModel Load(string path)
    {
        try
        {
            using var r = ModelFile.OpenRead(path);
            if (r.ReadUInt32() != Magic)
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
            return new ParserModel(version, transitions, labelModel, labels);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated parser model.", e);
        }
    }
}

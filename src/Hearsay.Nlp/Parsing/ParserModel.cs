using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>A trained dependency parser: the transition classifier, the arc labeler and its relation names.</summary>
public sealed class ParserModel
{
    private const uint Magic = 0x5044_4831; // "HDP1": greedy
    private const uint BeamMagic = 0x5044_4832; // "HDP2": the beam width it was trained with follows the version

    public ParserModel(string version, SparseLinearModel transitions, SparseLinearModel labels, string[] labelNames, int beamWidth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        BeamWidth = beamWidth;
        Version = version;
        Transitions = transitions;
        Labels = labels;
        LabelNames = labelNames;
        RootLabel = Array.IndexOf(labelNames, "root");
    }

    public string Version { get; }

    /// <summary>Beam width the transition weights were trained for (1: greedy, dynamic oracle); the parser's default.</summary>
    public int BeamWidth { get; }

    public SparseLinearModel Transitions { get; }

    public SparseLinearModel Labels { get; }

    /// <summary>UD relation of each label class (interned).</summary>
    public string[] LabelNames { get; }

    /// <summary>Class of "root", or -1.</summary>
    public int RootLabel { get; }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        w.Write(BeamWidth > 1 ? BeamMagic : Magic);
        w.Write(Version);
        if (BeamWidth > 1)
        {
            w.Write(BeamWidth);
        }

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
            uint magic = r.ReadUInt32();
            if (magic != Magic && magic != BeamMagic)
            {
                throw new InvalidDataException($"{path}: not a Hearsay parser model.");
            }

            var version = r.ReadString();
            int beamWidth = magic == BeamMagic ? r.ReadInt32() : 1;
            if (beamWidth < 1)
            {
                throw new InvalidDataException($"{path}: corrupt parser model (beam width {beamWidth}).");
            }

            int n = r.ReadInt32();
            var labels = new string[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = string.Intern(r.ReadString());
            }

            var transitions = SparseLinearModel.Read(r);
            var labelModel = SparseLinearModel.Read(r);
            return new ParserModel(version, transitions, labelModel, labels, beamWidth);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated parser model.", e);
        }
    }
}

using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>A trained dependency parser: the transition classifier, the arc labeler and its relation names.</summary>
public sealed class ParserModel
{
    private const uint Magic = 0x5044_4831; // "HDP1": greedy, the first 66 templates
    private const uint BeamMagic = 0x5044_4832; // "HDP2": all templates; the beam width it was trained with follows the version

    /// <summary>Templates of the files written before the label-set templates (HDP1).</summary>
    public const int LegacyTemplateCount = 66;

    public ParserModel(string version, SparseLinearModel transitions, SparseLinearModel labels, string[] labelNames, int beamWidth = 1, int templateCount = ParserFeatures.Count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(templateCount, ParserFeatures.Count);
        BeamWidth = beamWidth;
        TemplateCount = templateCount;
        Version = version;
        Transitions = transitions;
        Labels = labels;
        LabelNames = labelNames;
        RootLabel = Array.IndexOf(labelNames, "root");
    }

    public string Version { get; }

    /// <summary>Beam width the transition weights were trained for (1: greedy, dynamic oracle); the parser's default.</summary>
    public int BeamWidth { get; }

    /// <summary>
    /// How many of <see cref="ParserFeatures"/>' templates the transition weights were trained on. A model scores only
    /// those: the newer templates' fingerprints would otherwise meet an older model's weights by hash collision and move
    /// a few parses (31 of 380k PolNeAR tokens), so an older file would no longer parse as it was measured.
    /// </summary>
    public int TemplateCount { get; }

    public SparseLinearModel Transitions { get; }

    public SparseLinearModel Labels { get; }

    /// <summary>UD relation of each label class (interned).</summary>
    public string[] LabelNames { get; }

    /// <summary>Class of "root", or -1.</summary>
    public int RootLabel { get; }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        if (TemplateCount != LegacyTemplateCount && TemplateCount != ParserFeatures.Count)
        {
            throw new InvalidOperationException($"A parser model of {TemplateCount} templates has no file format.");
        }

        bool legacy = TemplateCount == LegacyTemplateCount && BeamWidth == 1;
        w.Write(legacy ? Magic : BeamMagic);
        w.Write(Version);
        if (!legacy)
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
            return new ParserModel(version, transitions, labelModel, labels, beamWidth, magic == Magic ? LegacyTemplateCount : ParserFeatures.Count);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated parser model.", e);
        }
    }
}

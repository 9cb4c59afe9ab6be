namespace Hearsay.Attribution.Tagging;

/// <summary>The three parts of an attribution a token can belong to (PolNeAR is univocal: at most one).</summary>
public enum AttributionRole
{
    Source,
    Cue,
    Content,
}

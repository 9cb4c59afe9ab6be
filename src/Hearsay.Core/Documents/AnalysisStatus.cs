namespace Hearsay.Core.Documents;

public enum AnalysisStatus
{
    /// <summary>Text only; no analysis ran yet.</summary>
    Pending,
    Analyzed,
    /// <summary>The language is not one the models support: stored, not analysed into garbage.</summary>
    UnsupportedLanguage,
    /// <summary>Nothing to analyse (e.g. extraction found no article body).</summary>
    Empty,
}

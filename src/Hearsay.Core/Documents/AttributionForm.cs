namespace Hearsay.Core.Documents;

/// <summary>Direct: verbatim quote. Indirect: reported speech. Mixed: reported speech containing a partial quote.</summary>
public enum AttributionForm
{
    Direct,
    Indirect,
    Mixed,
}

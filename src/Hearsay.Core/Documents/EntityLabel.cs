namespace Hearsay.Core.Documents;

/// <summary>Hearsay's entity labels; corpora's own labels are mapped onto these (UNER PER is Person).</summary>
public enum EntityLabel
{
    Person,
    Org,
    Loc,
    Norp,
    Event,
    Other,
}

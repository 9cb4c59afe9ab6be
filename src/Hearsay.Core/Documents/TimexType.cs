namespace Hearsay.Core.Documents;

/// <summary>TimeML TIMEX3 types.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

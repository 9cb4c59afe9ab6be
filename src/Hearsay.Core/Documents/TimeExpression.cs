namespace Hearsay.Core.Documents;

/// <summary>A TIMEX3 expression with its normalized TimeML value ("2021-09-12", "2021-W36", "P1W", "PAST_REF").</summary>
public sealed record TimeExpression(CharRange Range, TimexType Type, string Value)
{
    /// <summary>The value this expression was resolved against (the document date or a quoted speech's date).</summary>
    public string? AnchorValue { get; init; }
}

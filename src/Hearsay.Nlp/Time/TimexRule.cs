using System.Text.RegularExpressions;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Time;

/// <summary>One grammar rule: a pattern over the text and how to turn its match into a TIMEX3 type and value.</summary>
internal sealed record TimexRule(string Name, Regex Pattern, TimexRule.Resolver Resolve)
{
    /// <summary>Returns false when the match is not a time expression after all.</summary>
    public delegate bool Resolver(Match match, in TimexContext context, out TimexType type, out string value);
}

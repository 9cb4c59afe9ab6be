using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Time;

/// <summary>A gold TIMEX3 tag of a TimeML document, with its range in the document's plain text.</summary>
public sealed record TimeMlTimex(string Tid, CharRange Range, TimexType Type, string Value);

namespace Hearsay.Nlp.Time;

/// <summary>
/// A document's publication date and how it was obtained: "given" or "metadata" (confidence 1), "text"
/// (inferred, with a confidence below 1), or unknown (<see cref="Date"/> null, confidence 0).
/// </summary>
public sealed record DocumentDateEstimate(DateOnly? Date, string? Origin, double Confidence, string Reason);

namespace Hearsay.Core.Documents;

/// <summary>
/// One relay or origin upstream of an attribution's source. <see cref="Cue"/> is the phrase
/// that links it into the chain ("citing", "speaking to"), when the text has one.
/// </summary>
public sealed record ChainLink(CharRange Range, SourceType Type, EntityRef? Entity, CharRange? Cue);

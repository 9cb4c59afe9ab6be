namespace Hearsay.Nlp.Coreference;

/// <summary>Agreement features of an English personal pronoun: person (1-3), number (+1 plural, -1 singular, 0 either), gender, possessive, reflexive.</summary>
internal readonly record struct PronounFeatures(int Person, int Number, char Gender, bool Possessive, bool Reflexive);

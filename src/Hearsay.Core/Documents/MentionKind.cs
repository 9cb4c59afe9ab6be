namespace Hearsay.Core.Documents;

public enum MentionKind
{
    Name,
    Nominal,
    Pronoun,
}

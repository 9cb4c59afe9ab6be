namespace Hearsay.Core.Documents;

public enum SourceType
{
    Person,
    Organization,
    Media,
    Anonymous,
    Group,
    Document,
    Unknown,
}

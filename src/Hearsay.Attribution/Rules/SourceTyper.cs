using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Rules;

/// <summary>
/// Types a source or chain span from its words, and from its entity when one is resolved:
/// unnamed "a source"/"officials" are anonymous, "allies"/"militants" a group, "a video"/"the
/// report" a document, news outlets media, pronouns and names people.
/// </summary>
public static class SourceTyper
{
    private static readonly HashSet<string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "source", "sources", "official", "officials", "insider", "insiders", "aide", "aides", "someone", "person", "people",
        "diplomat", "diplomats", "witness", "witnesses", "informant", "adviser", "advisers", "advisor", "advisors", "confidant",
    };

    private static readonly HashSet<string> Group = new(StringComparer.OrdinalIgnoreCase)
    {
        "allies", "militants", "supporters", "critics", "protesters", "protestors", "residents", "activists", "fighters", "rebels",
        "opponents", "voters", "lawmakers", "democrats", "republicans", "experts", "analysts", "leaders", "members", "families",
        "locals", "villagers", "students", "workers", "doctors", "scientists", "economists", "observers", "they", "them", "many",
        "some", "others", "groups", "insurgents", "troops", "forces", "conservatives", "liberals", "americans", "taliban",
    };

    private static readonly HashSet<string> DocumentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "video", "videos", "report", "reports", "statement", "letter", "document", "documents", "memo", "poll", "polls", "survey",
        "study", "tweet", "tweets", "post", "book", "filing", "lawsuit", "complaint", "audio", "message", "footage", "data",
        "records", "record", "email", "emails", "footnote", "transcript", "ruling", "order", "analysis", "release", "ad", "advert",
        "website", "indictment", "affidavit", "review", "audit", "assessment", "investigation", "inquiry", "probe", "estimate", "estimates", "figures", "recording", "clip", "photo", "photos", "picture", "images", "map", "chart",
    };

    private static readonly HashSet<string> MediaWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "news", "agency", "times", "post", "journal", "reuters", "ap", "afp", "cnn", "bbc", "tv", "television", "radio",
        "newspaper", "network", "fox", "nbc", "abc", "cbs", "msnbc", "bloomberg", "politico", "axios", "guardian", "telegraph",
        "tribune", "gazette", "herald", "magazine", "outlet", "broadcaster", "channel", "tass", "xinhua", "al-arabiya",
        "al-jazeera", "jazeera", "arabiya", "sputnik", "breitbart", "huffpost", "npr", "pbs", "daily", "press", "wire",
    };

    private static readonly HashSet<string> OrganizationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ministry", "government", "department", "party", "committee", "campaign", "company", "council", "army", "court",
        "front", "movement", "office", "administration", "white", "house", "pentagon", "kremlin", "commission", "union",
        "university", "institute", "foundation", "bank", "corporation", "group", "organization", "organisation", "it", "its",
        "embassy", "parliament", "authority", "authorities", "police", "club", "team", "board", "firm", "ministry's", "regulator", "coalition", "alliance", "council's", "senate", "congress", "cabinet", "agency's", "spokesperson",
    };

    private static readonly HashSet<string> PersonPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "him", "her", "i", "me", "who", "whom", "himself", "herself",
    };

    /// <summary>Type of the span <paramref name="range"/>; <paramref name="entity"/> settles it when it is known.</summary>
    public static SourceType Type(Document doc, CharRange range, Entity? entity)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var words = doc.Slice(range).Split([' ', '\n', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return entity is null ? SourceType.Unknown : FromEntity(entity);
        }

        // The head of "a spokesman for the ministry" is before "for"/"of"/"at"; of "London-based Al-Arabiya" it is the last word.
        int headAt = words.Length - 1;
        for (int i = 1; i < words.Length; i++)
        {
            if (words[i] is "for" or "of" or "at" or "with" or "from" or "in" or "by" or "who" or "close" or "familiar" or "speaking" or "on" or "," or "that")
            {
                headAt = i - 1;
                break;
            }
        }

        var head = Clean(words[headAt]);
        bool capitalized = false;
        foreach (var w in words)
        {
            capitalized |= w.Length > 0 && char.IsUpper(w[0]);
        }

        foreach (var w in words)
        {
            if (MediaWords.Contains(Clean(w)) && capitalized && char.IsUpper(w[0]))
            {
                return SourceType.Media;
            }
        }

        if (entity is not null && entity.Subtype == "media")
        {
            return SourceType.Media;
        }

        if (DocumentWords.Contains(head))
        {
            return SourceType.Document;
        }

        if (Anonymous.Contains(head) && !HasName(words, headAt))
        {
            return SourceType.Anonymous;
        }

        if (Group.Contains(head))
        {
            return SourceType.Group;
        }

        if (entity is not null)
        {
            return FromEntity(entity);
        }

        if (PersonPronouns.Contains(head))
        {
            return SourceType.Person;
        }

        if (OrganizationWords.Contains(head))
        {
            return SourceType.Organization;
        }

        if (head.Length > 0 && char.IsUpper(head[0]))
        {
            return SourceType.Person;
        }

        return head.EndsWith('s') ? SourceType.Group : SourceType.Person;
    }

    public static SourceType FromEntity(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Subtype == "media")
        {
            return SourceType.Media;
        }

        return entity.Label switch
        {
            EntityLabel.Person => SourceType.Person,
            EntityLabel.Org => MediaWords.Contains(LastWord(entity.CanonicalName)) ? SourceType.Media : SourceType.Organization,
            EntityLabel.Norp => SourceType.Group,
            _ => SourceType.Organization,
        };
    }

    private static string LastWord(string name)
    {
        int sp = name.LastIndexOf(' ');
        return Clean(sp < 0 ? name : name[(sp + 1)..]);
    }

    private static bool HasName(string[] words, int headAt)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (i != headAt && i > 0 && words[i].Length > 1 && char.IsUpper(words[i][0]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string w) => w.Trim('"', '“', '”', '‘', '’', '\'', ',', '.', ':', ';', '(', ')');
}

using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>Closed-class English words the resolver relies on: pronouns, determiners, copulas, speech verbs, kinship and type nouns.</summary>
internal static class CorefLexicon
{
    private static readonly Dictionary<string, PronounFeatures> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = new(1, -1, '?', false, false), ["me"] = new(1, -1, '?', false, false), ["my"] = new(1, -1, '?', true, false),
        ["mine"] = new(1, -1, '?', true, false), ["myself"] = new(1, -1, '?', false, true),
        ["we"] = new(1, 1, '?', false, false), ["us"] = new(1, 1, '?', false, false), ["our"] = new(1, 1, '?', true, false),
        ["ours"] = new(1, 1, '?', true, false), ["ourselves"] = new(1, 1, '?', false, true),
        ["you"] = new(2, 0, '?', false, false), ["your"] = new(2, 0, '?', true, false), ["yours"] = new(2, 0, '?', true, false),
        ["yourself"] = new(2, -1, '?', false, true), ["yourselves"] = new(2, 1, '?', false, true),
        ["he"] = new(3, -1, 'm', false, false), ["him"] = new(3, -1, 'm', false, false), ["his"] = new(3, -1, 'm', true, false),
        ["himself"] = new(3, -1, 'm', false, true),
        ["she"] = new(3, -1, 'f', false, false), ["her"] = new(3, -1, 'f', true, false), ["hers"] = new(3, -1, 'f', true, false),
        ["herself"] = new(3, -1, 'f', false, true),
        ["it"] = new(3, -1, 'n', false, false), ["its"] = new(3, -1, 'n', true, false), ["itself"] = new(3, -1, 'n', false, true),
        ["they"] = new(3, 1, '?', false, false), ["them"] = new(3, 1, '?', false, false), ["their"] = new(3, 1, '?', true, false),
        ["theirs"] = new(3, 1, '?', true, false), ["themselves"] = new(3, 1, '?', false, true),
    };

    private static readonly HashSet<string> Male = new(StringComparer.OrdinalIgnoreCase)
    {
        "man", "men", "boy", "father", "son", "brother", "husband", "king", "prince", "uncle", "nephew", "grandfather",
        "grandson", "mr", "mr.", "sir", "lord", "dad", "gentleman", "monk", "emperor", "duke", "actor", "waiter", "boyfriend",
    };

    private static readonly HashSet<string> Female = new(StringComparer.OrdinalIgnoreCase)
    {
        "woman", "women", "girl", "mother", "daughter", "sister", "wife", "queen", "princess", "aunt", "niece",
        "grandmother", "granddaughter", "mrs", "mrs.", "ms", "ms.", "lady", "mom", "mum", "nun", "empress", "duchess",
        "actress", "waitress", "girlfriend",
    };

    private static readonly HashSet<string> PersonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "person", "people", "leader", "president", "minister", "official", "officer", "spokesman", "spokeswoman",
        "spokesperson", "commander", "chief", "director", "ambassador", "fighter", "soldier", "militant", "rebel",
        "insurgent", "activist", "author", "writer", "poet", "artist", "scientist", "researcher", "professor", "doctor",
        "student", "teacher", "child", "children", "kid", "baby", "parent", "friend", "member", "player", "coach",
        "worker", "employee", "manager", "ceo", "founder", "owner", "politician", "senator", "governor", "mayor", "judge",
        "lawyer", "attorney", "plaintiff", "defendant", "victim", "witness", "suspect", "police", "citizen", "resident",
        "guest", "host", "speaker", "audience", "user", "patient", "nurse", "warlord", "opponent", "ally", "successor",
        "predecessor", "candidate", "voter", "singer", "musician", "composer", "painter", "historian", "philosopher",
        "journalist", "reporter", "editor", "expert", "analyst", "farmer", "villager", "individual", "participant",
        "volunteer", "colleague", "partner", "family", "crew", "team", "group", "vice", "general", "captain", "agent",
        "driver", "passenger", "tourist", "traveler", "traveller", "visitor", "fan", "supporter", "protester", "mujahideen",
    };

    private static readonly HashSet<string> GroupNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "militants", "rebels", "insurgents", "fighters", "extremists", "jihadists", "group", "organization", "organisation",
        "movement", "militia", "party", "company", "firm", "agency", "government", "administration", "regime", "army",
        "forces", "troops", "alliance", "coalition", "network", "union", "council", "committee", "team", "club",
        "institute", "university", "department", "ministry", "court", "bank", "corporation", "band",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "country", "nation", "city", "town", "village", "province", "region", "state", "capital", "valley", "island",
        "county", "district", "area", "territory", "republic", "kingdom", "continent", "neighborhood", "neighbourhood",
    };

    private static readonly HashSet<string> SingularOrgHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "agency", "front", "alliance", "party", "company", "corporation", "organization", "organisation", "association",
        "council", "committee", "university", "institute", "ministry", "department", "bank", "union", "group",
        "network", "news", "times", "post", "press", "service", "office", "court", "foundation", "society",
    };

    private static readonly HashSet<string> Copulas = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "are", "were", "be", "been", "being", "'s", "’s", "became", "becomes", "become", "remains", "remained",
    };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "reported", "reports", "told", "tells", "added", "adds", "stated", "states", "announced",
        "announces", "claimed", "claims", "wrote", "writes", "insisted", "noted", "explained", "argued", "confirmed",
        "denied", "warned", "asked", "replied", "declared", "according",
    };

    // The time grammar's own month and weekday names (regex alternatives, "\\." for a written stop).
    private static readonly HashSet<string> CalendarWords = new(
        (Time.TimeLexicon.Months + "|" + Time.TimeLexicon.Weekdays).Replace("\\.", ".", StringComparison.Ordinal).Split('|'),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Demonstratives = new(StringComparer.OrdinalIgnoreCase) { "this", "that", "these", "those" };

    private static readonly HashSet<string> NonReferential = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "every", "each", "any", "either", "neither", "whatever", "which", "what",
    };

    private static readonly Dictionary<string, string> KinInverse = new(StringComparer.OrdinalIgnoreCase)
    {
        // "X, the son of Y": Y is X's father or mother (gender decides).
        ["son"] = "parent", ["daughter"] = "parent", ["child"] = "parent",
        ["father"] = "child", ["mother"] = "child",
        ["brother"] = "sibling", ["sister"] = "sibling",
        ["husband"] = "spouse", ["wife"] = "spouse",
    };

    public static PronounFeatures? Pronoun(string word) => Pronouns.TryGetValue(word, out var f) ? f : null;

    public static char GenderOfNoun(string word) => Male.Contains(word) ? 'm' : Female.Contains(word) ? 'f' : '?';

    public static bool IsPersonNoun(string word) => PersonNouns.Contains(word) || Male.Contains(word) || Female.Contains(word)
        || (word.Length > 1 && word[^1] == 's' && (PersonNouns.Contains(word[..^1]) || Male.Contains(word[..^1]) || Female.Contains(word[..^1])));

    public static bool IsGroupNoun(string word) => GroupNouns.Contains(word);

    /// <summary>Month and weekday names: a phrase naming a date ("September 6", "last Monday") is never a person.</summary>
    public static bool IsCalendarWord(string word) => CalendarWords.Contains(word);

    public static bool IsPlaceNoun(string word) => PlaceNouns.Contains(word);

    public static bool IsSingularOrgHead(string word) => SingularOrgHeads.Contains(word);

    public static bool IsCopula(string word) => Copulas.Contains(word);

    public static bool IsSpeechVerb(string word) => SpeechVerbs.Contains(word);

    public static bool IsDemonstrative(string word) => Demonstratives.Contains(word);

    public static bool IsNonReferentialDeterminer(string word) => NonReferential.Contains(word);

    /// <summary>The kin relation Y stands in to X when X is "the <paramref name="noun"/> of Y" ("son" gives "parent").</summary>
    public static string? InverseKin(string noun) => KinInverse.GetValueOrDefault(noun);

    /// <summary>The kin relation a kinship noun names ("father" is a parent).</summary>
    public static string? Kin(string noun) => noun.ToLowerInvariant() switch
    {
        "father" or "mother" or "parent" or "parents" => "parent",
        "son" or "daughter" or "child" or "children" => "child",
        "brother" or "sister" => "sibling",
        "husband" or "wife" => "spouse",
        _ => null,
    };

    public static EntityLabel? LabelOfNoun(string word) =>
        IsPersonNoun(word) && !GroupNouns.Contains(word) ? EntityLabel.Person
        : GroupNouns.Contains(word) ? EntityLabel.Org
        : PlaceNouns.Contains(word) ? EntityLabel.Loc
        : null;
}

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Coarse kinds of place, so that a type noun takes up only a name of its kind: "the country" a sovereign state,
/// "the province" or "the region" a part of one (a valley, a district), "the city" a settlement. Country names are the
/// UN member and observer states (short English forms); other names have no known kind and fit any noun but "country".
/// </summary>
internal static class PlaceKinds
{
    public const int Unknown = 0;
    public const int Country = 1;
    public const int Area = 2;
    public const int Settlement = 3;

    private static readonly HashSet<string> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia", "australia",
        "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin",
        "bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei", "bulgaria", "burkina faso", "burundi",
        "cambodia", "cameroon", "canada", "cape verde", "central african republic", "chad", "chile", "china", "colombia",
        "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark", "djibouti",
        "dominica", "dominican republic", "ecuador", "egypt", "el salvador", "equatorial guinea", "eritrea", "estonia",
        "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece",
        "grenada", "guatemala", "guinea", "guinea-bissau", "guyana", "haiti", "honduras", "hungary", "iceland", "india",
        "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan",
        "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
        "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta",
        "marshall islands", "mauritania", "mauritius", "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro",
        "morocco", "mozambique", "myanmar", "burma", "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua",
        "niger", "nigeria", "north korea", "north macedonia", "norway", "oman", "pakistan", "palau", "palestine", "panama",
        "papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda",
        "saint kitts and nevis", "saint lucia", "saint vincent and the grenadines", "samoa", "san marino",
        "sao tome and principe", "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia",
        "slovenia", "solomon islands", "somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka", "sudan",
        "suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "timor-leste",
        "east timor", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey", "turkiye", "turkmenistan", "tuvalu",
        "uganda", "ukraine", "united arab emirates", "united kingdom", "britain", "great britain", "united states",
        "united states of america", "america", "usa", "us", "uk", "uruguay", "uzbekistan", "vanuatu", "vatican city",
        "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
    };

    /// <summary>The kind a place noun asks for ("the province": an area), or <see cref="Unknown"/>.</summary>
    public static int OfNoun(string noun) => noun.ToLowerInvariant() switch
    {
        "country" or "nation" or "republic" or "kingdom" => Country,
        "province" or "region" or "valley" or "district" or "area" or "county" or "territory" or "state" => Area,
        "city" or "town" or "village" or "capital" or "neighborhood" or "neighbourhood" => Settlement,
        _ => Unknown,
    };

    /// <summary>The kind of a place name: a country by the list, else by its last word ("Panjshir Valley": an area).</summary>
    public static int OfName(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return Unknown;
        }

        string name = string.Join(' ', words);
        if (Countries.Contains(name) || (name.StartsWith("the ", StringComparison.Ordinal) && Countries.Contains(name[4..])))
        {
            return Country;
        }

        return words.Count > 1 ? OfNoun(words[^1]) : Unknown;
    }

    /// <summary>Whether a noun asking for <paramref name="noun"/> may take up a name of kind <paramref name="name"/>.</summary>
    public static bool Fits(int noun, int name) => noun == Unknown || name == Unknown || name == noun;
}

using System.Collections.Frozen;

namespace Hearsay.Extraction.Language;

/// <summary>
/// Tells the language of a text when markup says nothing: by script for non-Latin writing, else by counting
/// the most frequent function words of each language. Good for whole articles, not for single sentences.
/// </summary>
public sealed class LanguageDetector
{
    private const int MaxScan = 20_000;
    private const int MaxWordLength = 12;

    private static readonly string[] Codes = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "pl", "tr", "no"];

    private static readonly string[][] Stopwords =
    [
        // en
        ["the", "and", "of", "to", "is", "that", "for", "it", "was", "on", "with", "as", "he", "be", "by", "at", "are", "this", "have", "from", "they",
         "his", "has", "were", "not", "but", "which", "an", "said", "would", "will", "their", "been", "who", "had", "we", "she", "her", "its", "or", "you", "there", "what", "about"],
        // de
        ["der", "die", "und", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es",
         "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "zum",
         "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "sei", "ich", "wir", "ihr", "kann", "diese"],
        // fr
        ["le", "la", "les", "des", "et", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "au", "sur", "par", "plus", "il", "ne", "se", "ce",
         "avec", "sont", "ont", "aux", "été", "cette", "elle", "mais", "nous", "vous", "leur", "ou", "je", "être", "comme", "fait", "ses"],
        // es
        ["el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una", "su", "al", "es", "lo", "como", "más",
         "pero", "sus", "le", "ha", "fue", "este", "entre", "cuando", "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "desde", "porque", "esta"],
        // it
        ["il", "di", "che", "e", "la", "per", "un", "in", "del", "della", "non", "una", "sono", "è", "da", "con", "si", "le", "dei", "gli", "nel", "alla",
         "anche", "come", "più", "ma", "ha", "questo", "delle", "al", "lo", "sul", "nella", "degli", "essere", "stato", "questa"],
        // nl
        ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan", "er", "om", "ook", "als", "bij",
         "maar", "door", "wordt", "naar", "heeft", "dan", "nog", "werd", "zij", "hij", "worden", "deze", "kan", "wat", "ik", "uit"],
        // pt
        ["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como",
         "mas", "ao", "ele", "das", "à", "seu", "sua", "ou", "quando", "muito", "nos", "já", "também", "pelo", "pela", "foi", "são", "está"],
        // sv
        ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "var", "jag", "men",
         "han", "sig", "från", "vi", "så", "kan", "när", "år", "vid", "hade", "eller", "också", "efter"],
        // da
        ["og", "i", "at", "det", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for", "ikke", "der", "var", "sig", "men", "et",
         "har", "om", "vi", "havde", "hun", "nu", "over", "fra", "efter", "også", "blev", "kan", "skal", "eller"],
        // pl
        ["i", "w", "na", "z", "nie", "się", "do", "to", "że", "jest", "o", "jak", "po", "co", "ale", "od", "za", "tak", "przez", "dla", "już", "jego",
         "czy", "są", "był", "być", "tym", "jako", "oraz", "roku", "które", "może"],
        // tr
        ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "olan", "en", "ama", "kadar", "sonra", "değil", "ne", "her",
         "ise", "veya", "olduğu", "göre", "ancak"],
        // no (Bokmål)
        ["og", "i", "det", "på", "som", "er", "en", "til", "å", "av", "at", "for", "med", "har", "de", "ikke", "den", "han", "om", "et", "fra", "var",
         "vi", "men", "seg", "kan", "hun", "også", "ble", "etter", "eller", "skal"],
    ];

    private static readonly FrozenDictionary<string, (int[] Langs, double Weight)> Table = BuildTable();

    private static readonly FrozenDictionary<string, (int[] Langs, double Weight)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, (int[] Langs, double Weight)> BuildTable()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var l = 0; l < Stopwords.Length; l++)
        {
            foreach (var w in Stopwords[l])
            {
                if (!map.TryGetValue(w, out var list))
                {
                    map[w] = list = [];
                }

                if (!list.Contains(l))
                {
                    list.Add(l);
                }
            }
        }

        // A word shared by several languages is weak evidence for each of them.
        return map.ToFrozenDictionary(kv => kv.Key, kv => (kv.Value.ToArray(), 1.0 / kv.Value.Count), StringComparer.Ordinal);
    }

    /// <summary>An ISO 639-1 code, or null when the text gives too little evidence.</summary>
    public string? Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxScan)
        {
            text = text[..MaxScan];
        }

        var script = ByScript(text);
        if (script is not null)
        {
            return script.Length == 0 ? null : script;
        }

        Span<double> scores = stackalloc double[Codes.Length];
        Span<char> word = stackalloc char[MaxWordLength];
        var hits = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            var len = i - start;
            if (len > MaxWordLength)
            {
                continue;
            }

            var w = word[..len];
            text.Slice(start, len).ToLowerInvariant(w);
            if (Lookup.TryGetValue(w, out var entry))
            {
                hits++;
                foreach (var l in entry.Langs)
                {
                    scores[l] += entry.Weight;
                }
            }
        }

        if (hits < 3)
        {
            return null;
        }

        int best = 0, second = -1;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || scores[l] > scores[second])
            {
                second = l;
            }
        }

        var runnerUp = second < 0 ? 0 : scores[second];
        return scores[best] >= 1.5 && scores[best] > runnerUp * 1.15 ? Codes[best] : null;
    }

    /// <summary>The language implied by a non-Latin script; empty for "unknown non-Latin"; null when the text is Latin.</summary>
    private static string? ByScript(ReadOnlySpan<char> text)
    {
        int latin = 0, cyr = 0, ukr = 0, arab = 0, persian = 0, hebrew = 0, greek = 0, han = 0, kana = 0, hangul = 0, deva = 0, thai = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    latin++;
                }

                continue;
            }

            switch (c)
            {
                case >= '\u00C0' and <= '\u024F': latin++; break;
                case 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є': cyr++; ukr++; break;
                case >= '\u0400' and <= '\u04FF': cyr++; break;
                case 'پ' or 'چ' or 'ژ' or 'گ' or 'ک' or 'ی': arab++; persian++; break;
                case >= '\u0600' and <= '\u06FF': arab++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u0900' and <= '\u097F': deva++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                default: break;
            }
        }

        var nonLatin = cyr + arab + hebrew + greek + han + kana + hangul + deva + thai;
        if (nonLatin <= latin)
        {
            return null;
        }

        if (kana > 0 && kana * 10 >= han)
        {
            return "ja";
        }

        var max = Math.Max(Math.Max(Math.Max(cyr, arab), Math.Max(hebrew, greek)), Math.Max(Math.Max(han, hangul), Math.Max(deva, thai)));
        if (max == cyr)
        {
            return ukr * 50 > cyr ? "uk" : "ru";
        }

        if (max == arab)
        {
            return persian * 20 > arab ? "fa" : "ar";
        }

        return max == hebrew ? "he" : max == greek ? "el" : max == han ? "zh" : max == hangul ? "ko" : max == deva ? "hi" : max == thai ? "th" : string.Empty;
    }
}

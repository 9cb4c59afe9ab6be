using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Finds candidate mentions from Penn tags alone: personal and possessive pronouns, base noun phrases
/// (determiner, possessor, adjectives, nouns), possessors split off as their own mentions ("Massoud's" in
/// "Massoud's father"), and "of"-phrases attached to the noun before them ("the leader of the resistance").
/// Named mentions already in the document are kept and typed by the recognizer.
/// </summary>
internal static class MentionDetector
{
    public static List<CorefMention> Detect(Document document, bool premodifiers = false)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var found = new List<CorefMention>();
        var taken = new HashSet<(int, int)>();
        foreach (var (sentence, si) in document.Sentences.Select((s, i) => (s, i)))
        {
            int end = sentence.Tokens.End;
            int i = sentence.Tokens.Start;
            while (i < end)
            {
                string tag = tokens[i].Xpos ?? "";
                string word = Word(text, tokens[i]);
                if (tag is "PRP" or "PRP$" || (tag.StartsWith("PRP", StringComparison.Ordinal) && CorefLexicon.Pronoun(word) is not null))
                {
                    if (CorefLexicon.Pronoun(word.ToLowerInvariant()) is not null)
                    {
                        Add(found, taken, document, i, i + 1, i, si);
                    }

                    if (tag == "PRP$")
                    {
                        // "his father": the possessive pronoun and the phrase it determines.
                        int np = ScanNoun(tokens, text, i + 1, end, out int head, premodifiers);
                        if (np > i + 1)
                        {
                            AddModifiers(tokens, i + 1, head, found, taken, document, si);
                            int full = ExtendOf(tokens, text, np, end, ref head, found, taken, document, si, premodifiers);
                            Add(found, taken, document, i, full, head, si);
                            i = np;
                            continue;
                        }
                    }

                    i++;
                    continue;
                }

                if (!CanStart(tokens[i], word, premodifiers))
                {
                    i++;
                    continue;
                }

                int start = i;
                int stop = ScanNoun(tokens, text, i, end, out int h, premodifiers);
                if (stop <= start)
                {
                    i++;
                    continue;
                }

                // Possessor chains: [[the country 's] leader 's] father.
                while (stop < end && tokens[stop].Xpos == "POS")
                {
                    Add(found, taken, document, start, stop + 1, h, si);
                    int next = ScanNoun(tokens, text, stop + 1, end, out int h2, premodifiers);
                    if (next <= stop + 1)
                    {
                        stop++;
                        h = -1;
                        break;
                    }

                    stop = next;
                    h = h2;
                }

                if (h >= 0)
                {
                    AddModifiers(tokens, start, h, found, taken, document, si);
                    int inner = stop;
                    int full = ExtendOf(tokens, text, stop, end, ref h, found, taken, document, si, premodifiers);
                    Add(found, taken, document, start, full, h, si);
                    i = inner;
                }
                else
                {
                    i = stop;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Nouns modifying the head are mentions of their own ("iodine" in "iodine intake"); a run of proper nouns before a
    /// common head is one name ("Global Voices" in "the Global Voices community", "Harrow" in "his Harrow friendships").
    /// </summary>
    private static void AddModifiers(Token[] tokens, int start, int head, List<CorefMention> found, HashSet<(int, int)> taken, Document document, int si)
    {
        for (int k = start; k < head; k++)
        {
            bool proper = IsProperTag(tokens[k].Xpos);
            if (proper && !IsProperTag(tokens[head].Xpos))
            {
                int run = k;
                while (run + 1 < head && IsProperTag(tokens[run + 1].Xpos))
                {
                    run++;
                }

                if (tokens[run + 1].Xpos is "NN" or "NNS")
                {
                    Add(found, taken, document, k, run + 1, run, si);
                }

                k = run;
                continue;
            }

            if (tokens[k].Xpos is "NN" or "NNS" or "NNP" or "NNPS" && tokens[k + 1].Xpos is "NN" or "NNS" or "NNP" or "NNPS" && !(proper && IsProperTag(tokens[k + 1].Xpos)))
            {
                Add(found, taken, document, k, k + 1, k, si);
            }
        }
    }

    private static bool IsProperTag(string? tag) => tag is "NNP" or "NNPS";

    private static int ExtendOf(Token[] tokens, string text, int stop, int end, ref int head, List<CorefMention> found, HashSet<(int, int)> taken, Document document, int si, bool premodifiers)
    {
        // "the leader of the resistance": the object of "of" is a mention inside the larger one.
        int full = stop;
        while (full + 1 < end && tokens[full].Xpos == "IN" && Word(text, tokens[full]).Equals("of", StringComparison.OrdinalIgnoreCase) && CanStart(tokens[full + 1], Word(text, tokens[full + 1]), premodifiers))
        {
            int objStart = full + 1;
            int objEnd = ScanNoun(tokens, text, objStart, end, out int objHead, premodifiers);
            if (objEnd <= objStart)
            {
                break;
            }

            if (objEnd < end && tokens[objEnd].Xpos == "POS")
            {
                break;
            }

            Add(found, taken, document, objStart, objEnd, objHead, si);
            full = objEnd;
        }

        return full;
    }

    private static bool CanStart(Token token, string word, bool premodifiers) => (token.Xpos ?? "") switch
    {
        // "no exposure", "each person": quantified phrases are taken up again ("no exposure ... the lack of exposure"); GUM marks them.
        "DT" => !CorefLexicon.IsNonReferentialDeterminer(word) || word.ToLowerInvariant() is "no" or "any" or "each" or "every",
        "PDT" or "JJ" or "JJR" or "JJS" or "CD" or "NN" or "NNS" or "NNP" or "NNPS" or "$" => true,

        // "increased pluralism", "existing uncertainty": a participle the parse makes a modifier starts the phrase (a
        // verb with an object, "collecting census data", does not); 27 gold spans of 2+ entities in GUM train were cut to the noun.
        "VBN" or "VBG" => premodifiers && token.DepRel == "amod",

        // "socially conservative viewpoints": a grading adverb before an adjective (ScanNoun checks what follows).
        "RB" or "RBR" or "RBS" => premodifiers && IsGradingAdverb(word),
        _ => false,
    };

    /// <summary>
    /// Adverbs that grade the adjective after them inside a noun phrase ("the most important factor", "a highly commercial
    /// use"); GUM's spans include them. Focus words ("only", "just", "even") are left out: they are not premodifiers.
    /// </summary>
    private static bool IsGradingAdverb(string word)
    {
        string w = word.ToLowerInvariant();
        return w is "most" or "more" or "less" or "least" or "very" or "well" || (w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && w is not "only" and not "early");
    }

    /// <summary>End of the base noun phrase starting at <paramref name="i"/> (exclusive), and its head (last noun), or i when none.</summary>
    private static int ScanNoun(Token[] tokens, string text, int i, int end, out int head, bool premodifiers)
    {
        head = -1;
        int j = i;
        int lastNoun = -1;
        while (j < end)
        {
            string tag = tokens[j].Xpos ?? "";
            if (tag is "NN" or "NNS" or "NNP" or "NNPS")
            {
                lastNoun = j;
            }
            else if (tag is "CD")
            {
                if (lastNoun < 0 || lastNoun == j - 1)
                {
                    lastNoun = j;
                }
            }
            else if (tag is "DT" or "PDT")
            {
                // "all the pockets", "both these gardens", "such a word": a predeterminer then a determiner.
                if (j != i && !(j == i + 1 && Word(text, tokens[i]).ToLowerInvariant() is var pre && ((tokens[i].Xpos is "PDT" or "DT" && pre is "all" or "both" or "half") || (premodifiers && pre == "such"))))
                {
                    break;
                }
            }
            else if (premodifiers && tag is "VBN" or "VBG" && j > i && tokens[j - 1].Xpos == "HYPH")
            {
                // The second half of a hyphenated modifier ("purpose - built surroundings", "the wind - roughened sea
                // surface") or of a hyphenated gerund noun ("eye - tracking"): the phrase goes on.
                if (j + 1 >= end || !IsNominalTag(tokens[j + 1].Xpos))
                {
                    if (tag == "VBG")
                    {
                        lastNoun = j;
                    }

                    break;
                }
            }
            else if (tag is "JJ" or "JJR" or "JJS" or "HYPH" or "VBN" or "VBG" or "``" or "''" or "$")
            {
                if ((tag is "VBN" or "VBG" or "``" or "''") && (lastNoun >= 0 || j + 1 >= end || !IsNominalTag(tokens[j + 1].Xpos)))
                {
                    break;
                }
            }
            else if (premodifiers && tag is "RB" or "RBR" or "RBS")
            {
                // "the most important factor", "a well - known author": an adverb stays only before the adjective it grades.
                if (lastNoun >= 0 || j + 1 >= end || tokens[j + 1].Xpos is not ("JJ" or "JJR" or "JJS" or "VBN" or "VBG" or "HYPH") || !IsGradingAdverb(Word(text, tokens[j])))
                {
                    break;
                }
            }
            else if (tag == "PRP$" && j == i)
            {
            }
            else
            {
                break;
            }

            if (lastNoun >= 0 && lastNoun < j && tag is "JJ" or "JJR" or "JJS" && (j + 1 >= end || !IsNominalTag(tokens[j + 1].Xpos)))
            {
                break;
            }

            j++;
        }

        if (lastNoun < 0)
        {
            // A demonstrative standing alone ("this", "that") refers too.
            if (j == i + 1 && tokens[i].Xpos == "DT" && CorefLexicon.IsDemonstrative(Word(text, tokens[i])))
            {
                head = i;
                return i + 1;
            }

            return i;
        }

        head = lastNoun;
        return lastNoun + 1;
    }

    private static bool IsNominalTag(string? tag) => tag is "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "JJR" or "JJS" or "CD" or "HYPH" or "VBN" or "VBG";

    private static void Add(List<CorefMention> found, HashSet<(int, int)> taken, Document document, int start, int end, int head, int sentence)
    {
        if (end <= start || !taken.Add((start, end)))
        {
            return;
        }

        found.Add(CorefFeatures.Build(document, start, end, head < 0 ? end - 1 : head, sentence));
    }

    internal static string Word(string text, Token token) => text.Substring(token.Start, token.Range.Length);
}

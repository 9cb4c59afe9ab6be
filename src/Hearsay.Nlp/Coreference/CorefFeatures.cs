using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>Builds a <see cref="CorefMention"/> with its agreement features from tokens and tags.</summary>
internal static class CorefFeatures
{
    public static CorefMention Build(Document document, int start, int end, int head, int sentence)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var m = new CorefMention { Start = start, End = end, Head = head, Sentence = sentence };
        var words = new List<string>(end - start);
        for (int i = start; i < end; i++)
        {
            words.Add(Normalize(MentionDetector.Word(text, tokens[i])));
        }

        m.Lower = string.Join(' ', words);
        string headWord = Normalize(MentionDetector.Word(text, tokens[head]));
        m.HeadWord = headWord;
        var pronoun = end - start == 1 ? CorefLexicon.Pronoun(headWord) : null;
        if (pronoun is { } p)
        {
            m.Kind = MentionKind.Pronoun;
            m.Person = p.Person;
            m.Number = p.Number;
            m.Gender = p.Gender;
            m.Possessive = p.Possessive;
            m.Animate = p.Gender is 'm' or 'f' || p.Person < 3;
            m.Inanimate = p.Gender == 'n';
            m.Label = p.Gender is 'm' or 'f' ? EntityLabel.Person : null;
            m.Words = [headWord];
            return m;
        }

        if (words.Count > 0 && (words[^1] is "'s" or "'"))
        {
            m.Possessive = true;
            words.RemoveAt(words.Count - 1);
        }

        string first = words.Count > 0 ? words[0] : "";
        m.Definite = first is "the" or "this" or "that" or "these" or "those" || (start < end && tokens[start].Xpos == "PRP$");
        m.Indefinite = first is "a" or "an" or "some" or "another" or "many" or "several" or "few" or "most" or "all" or "both";
        if (words.Count > 1 && (tokens[start].Xpos is "DT" or "PDT" || m.Indefinite))
        {
            words.RemoveAt(0);
        }

        m.Words = [.. words];
        string tag = tokens[head].Xpos ?? "";
        m.Kind = tag.StartsWith("NNP", StringComparison.Ordinal) ? MentionKind.Name : MentionKind.Nominal;
        m.Definite |= m.Kind == MentionKind.Name;
        m.Number = tag is "NNS" or "NNPS" ? 1 : tag is "NN" or "NNP" ? -1 : 0;
        string lemma = tokens[head].Lemma is { } l ? l.ToLowerInvariant() : headWord;
        m.Gender = CorefLexicon.GenderOfNoun(headWord);
        if (m.Kind == MentionKind.Nominal)
        {
            m.Label = CorefLexicon.LabelOfNoun(headWord) ?? CorefLexicon.LabelOfNoun(lemma);
            m.Animate = m.Label == EntityLabel.Person || m.Gender != '?';
            m.Inanimate = m.Label is null && !CorefLexicon.IsPersonNoun(lemma) && tag is "NN" or "NNS";

            // A date headed by its number ("September 6": head "6", CD) had neither animacy nor number, so "his" or "them"
            // could take it as antecedent; a nominal that names a month or weekday is one time, not a person.
            if (!m.Animate && Array.Exists(m.Words, CorefLexicon.IsCalendarWord))
            {
                m.Inanimate = true;
                if (m.Number == 0)
                {
                    m.Number = -1;
                }
            }
        }

        return m;
    }

    public static string Normalize(string word) => word.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('‐', '-');
}

using System.Globalization;
using System.Text;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Writes a document's CoNLL-U with predicted coreference in MISC (<c>Entity=(e1-person ... e1)</c>, CorefUD
/// bracket order: closings before openings on a word, longer mentions open first and close last), replacing any
/// gold Entity, Bridge and SplitAnte annotation, for the CorefUD scorer.
/// </summary>
public static class CorefConlluWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<ConlluSentence> sentences, IReadOnlyList<(IReadOnlyList<TokenRange> Mentions, string Type)> clusters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(clusters);
        var opens = new Dictionary<int, List<(int End, string Text)>>();
        var closes = new Dictionary<int, List<(int Start, string Text)>>();
        var singles = new Dictionary<int, List<string>>();
        // The resolver can give one span twice (in two clusters or in one); it is written once, in its first cluster,
        // which is the partition CorefScorer scores: read back, the file then scores as the prediction does.
        var written = new HashSet<TokenRange>();
        for (int c = 0; c < clusters.Count; c++)
        {
            string id = "e" + (c + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var m in clusters[c].Mentions)
            {
                if (!written.Add(m))
                {
                    continue;
                }

                if (m.Length == 1)
                {
                    Get(singles, m.Start).Add($"({id}-{clusters[c].Type})");
                }
                else
                {
                    Get(opens, m.Start).Add((m.End, $"({id}-{clusters[c].Type}"));
                    Get(closes, m.End - 1).Add((m.Start, $"{id})"));
                }
            }
        }

        int token = 0;
        foreach (var s in sentences)
        {
            var copy = new ConlluSentence { Text = s.Text, SentenceId = s.SentenceId, NewDocument = s.NewDocument, NewParagraph = s.NewParagraph };
            foreach (var comment in s.Comments)
            {
                copy.Comments.Add(comment.StartsWith("# global.Entity", StringComparison.Ordinal) ? "# global.Entity = eid-etype" : comment);
            }

            copy.MultiwordTokens.AddRange(s.MultiwordTokens);
            foreach (var w in s.Words)
            {
                var sb = new StringBuilder();
                // CorefUD's order (udapi's Rule1, 2 and 4): closings first, so that a mention of an entity ending on the
                // word where another of the same entity starts is not read as closing the one just opened; then
                // openings, longest first; then one-word mentions.
                if (closes.TryGetValue(token, out var cl))
                {
                    foreach (var x in cl.OrderByDescending(x => x.Start))
                    {
                        sb.Append(x.Text);
                    }
                }

                if (opens.TryGetValue(token, out var o))
                {
                    foreach (var x in o.OrderByDescending(x => x.End))
                    {
                        sb.Append(x.Text);
                    }
                }

                if (singles.TryGetValue(token, out var one))
                {
                    foreach (var x in one)
                    {
                        sb.Append(x);
                    }
                }

                var misc = w.Misc == "_" ? [] : w.Misc.Split('|').Where(p => !p.StartsWith("Entity=", StringComparison.Ordinal) && !p.StartsWith("Bridge=", StringComparison.Ordinal) && !p.StartsWith("SplitAnte=", StringComparison.Ordinal)).ToList();
                if (sb.Length > 0)
                {
                    misc.Insert(0, "Entity=" + sb);
                }

                copy.Words.Add(new ConlluWord
                {
                    Id = w.Id, Form = w.Form, Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos, Feats = w.Feats, Head = w.Head, DepRel = w.DepRel, Deps = w.Deps,
                    Misc = misc.Count == 0 ? "_" : string.Join('|', misc),
                });
                token++;
            }

            ConlluWriter.Write(writer, copy);
        }
    }

    private static List<T> Get<T>(Dictionary<int, List<T>> map, int key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }

    /// <summary>The GUM entity type written for a Hearsay label.</summary>
    public static string TypeName(EntityLabel label) => label switch
    {
        EntityLabel.Person => "person",
        EntityLabel.Org => "organization",
        EntityLabel.Loc => "place",
        EntityLabel.Event => "event",
        _ => "abstract",
    };
}

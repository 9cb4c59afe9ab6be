using System.Globalization;

namespace Hearsay.Nlp.Conllu;

/// <summary>Writes CoNLL-U: comments, multiword token lines before their first word, ten columns per word.</summary>
public static class ConlluWriter
{
    public static void Write(TextWriter writer, IEnumerable<ConlluSentence> sentences)
    {
        foreach (var s in sentences)
        {
            Write(writer, s);
        }
    }

    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        foreach (var c in sentence.Comments)
        {
            writer.Write(c);
            writer.Write('\n');
        }

        foreach (var w in sentence.Words)
        {
            var mwt = sentence.MultiwordAt(w.Id);
            if (mwt is not null)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{mwt.First}-{mwt.Last}\t{mwt.Form}\t_\t_\t_\t_\t_\t_\t_\t{Field(mwt.Misc)}\n"));
            }

            string head = w.Head < 0 ? "_" : w.Head.ToString(CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{w.Id}\t{Field(w.Form)}\t{Field(w.Lemma)}\t{Field(w.Upos)}\t{Field(w.Xpos)}\t{Field(w.Feats)}\t{head}\t{Field(w.DepRel)}\t{Field(w.Deps)}\t{Field(w.Misc)}\n"));
        }

        writer.Write('\n');
    }

    private static string Field(string? value) => string.IsNullOrEmpty(value) ? "_" : value.Replace('\t', ' ').Replace('\n', ' ');
}

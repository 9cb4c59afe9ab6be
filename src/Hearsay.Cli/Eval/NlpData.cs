using Hearsay.Nlp.Conllu;

namespace Hearsay.Cli.Eval;

/// <summary>Loads CoNLL-U evaluation data, turning unreadable input into a <see cref="CliException"/>.</summary>
public static class NlpData
{
    public static List<ConlluSentence> LoadSentences(string data)
    {
        try
        {
            var sentences = ConlluReader.ReadAll([data]);
            if (sentences.Count == 0)
            {
                throw new CliException($"{data}: no CoNLL-U sentence found.");
            }

            return sentences;
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    public static List<List<ConlluSentence>> LoadDocuments(string data) => ConlluDocuments.GroupByDocument(LoadSentences(data));

    public static GoldDocument Raw(IReadOnlyList<ConlluSentence> sentences, string data)
    {
        try
        {
            return ConlluDocuments.FromRawText(sentences);
        }
        catch (FormatException e)
        {
            throw new CliException($"{data}: {e.Message}", e);
        }
    }
}

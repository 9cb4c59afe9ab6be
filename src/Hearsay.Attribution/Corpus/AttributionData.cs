using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Corpus;

/// <summary>Loads tagger sentences from either layout: a sentence JSON-lines file or a brat split folder.</summary>
public static class AttributionData
{
    /// <exception cref="FormatException">The path is neither layout, or its content is malformed.</exception>
    public static List<LabeledSentence> LoadSentences(string path, bool firstAnnotatorOnly = false)
    {
        if (File.Exists(path))
        {
            return SentenceJsonLines.Read(path);
        }

        if (Directory.Exists(path) && BratCorpus.IsBratFolder(path))
        {
            var result = new List<LabeledSentence>();
            foreach (var doc in BratCorpus.Read(path, firstAnnotatorOnly))
            {
                result.AddRange(BratSentenceLabeler.Label(doc));
            }

            return result;
        }

        throw new FormatException($"{path}: neither a sentence JSON-lines file nor a brat folder with text/ and attributions/");
    }
}

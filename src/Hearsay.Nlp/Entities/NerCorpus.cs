namespace Hearsay.Nlp.Entities;

/// <summary>
/// Loads NER training data from a list of sources: IOB/CoNLL files, or a GUM <c>dep</c> folder (only its
/// train documents per <c>SPLIT.tsv</c>, only CC BY / CC BY-SA genres).
/// </summary>
public static class NerCorpus
{
    public static List<LabeledSentence> Load(string source, TextWriter log)
    {
        if (Directory.Exists(source))
        {
            return LoadGum(source, log);
        }

        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"NER data '{source}' is neither a file nor a folder.", source);
        }

        var sentences = IobReader.ReadFile(source);
        log.WriteLine($"ner data: {source}: {sentences.Count} sentences, {sentences.Sum(s => s.Words.Length)} tokens, {sentences.Sum(s => s.Spans.Length)} entities");
        return sentences;
    }

    private static List<LabeledSentence> LoadGum(string folder, TextWriter log)
    {
        var split = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, "SPLIT.tsv");
        if (!File.Exists(split))
        {
            throw new FileNotFoundException($"GUM folder '{folder}' has no SPLIT.tsv beside it; refusing to guess which documents are train.", split);
        }

        var train = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(split))
        {
            var f = line.Split('\t');
            if (f.Length >= 2 && f[1].Trim() == "train")
            {
                train.Add(f[0].Trim());
            }
        }

        var result = new List<LabeledSentence>();
        int docs = 0;
        foreach (var file in Directory.GetFiles(folder, "*.conllu").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var parts = name.Split('_');
            if (!train.Contains(name) || parts.Length < 3 || !GumNameReader.OpenGenres.Contains(parts[1]))
            {
                continue;
            }

            docs++;
            result.AddRange(GumNameReader.ReadFile(file));
        }

        log.WriteLine($"ner data: {folder}: {docs} GUM train documents ({string.Join(",", GumNameReader.OpenGenres.Order(StringComparer.Ordinal))}), {result.Count} sentences, {result.Sum(s => s.Spans.Length)} names");
        return result;
    }
}

using System.Globalization;

namespace Hearsay.Nlp.Conllu;

/// <summary>Reads CoNLL-U (UD v2). Empty nodes (IDs like 8.1) are skipped; a malformed line is an error naming the line.</summary>
public static class ConlluReader
{
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads every file; <paramref name="paths"/> items may be files, folders (all *.conllu) or comma-separated lists.</summary>
    public static List<ConlluSentence> ReadAll(IEnumerable<string> paths)
    {
        var all = new List<ConlluSentence>();
        foreach (var file in ExpandPaths(paths))
        {
            all.AddRange(ReadFile(file));
        }

        return all;
    }

    public static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var raw in paths)
        {
            foreach (var item in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var p = item;
                int hash = item.LastIndexOf('#');
                if (hash > 0)
                {
                    p = item[..hash];
                    files.AddRange(FilesOfSplit(p, item[(hash + 1)..]));
                    continue;
                }

                if (Directory.Exists(p))
                {
                    files.AddRange(Directory.GetFiles(p, "*.conllu").Order(StringComparer.Ordinal));
                }
                else if (File.Exists(p))
                {
                    files.Add(p);
                }
                else
                {
                    throw new FileNotFoundException($"{p}: no such file or folder.", p);
                }
            }
        }

        return files;
    }

    /// <summary>
    /// "FOLDER#dev": the *.conllu files of FOLDER that a SPLIT.tsv (in FOLDER or its parent; lines "docname TAB split")
    /// assigns to the split; a split name may be followed by "+genre1+genre2" to keep only GUM genres
    /// (file names GUM_genre_name), e.g. "gum/dep#train+news+bio".
    /// </summary>
    private static List<string> FilesOfSplit(string folder, string spec)
    {
        if (!Directory.Exists(folder))
        {
            throw new FileNotFoundException($"{folder}: no such folder.", folder);
        }

        var parts = spec.Split('+', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FormatException($"{folder}#{spec}: no split name after '#'.");
        }

        var split = parts[0];
        var genres = parts.Skip(1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tsv = Path.Combine(folder, "SPLIT.tsv");
        if (!File.Exists(tsv))
        {
            tsv = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) ?? folder, "SPLIT.tsv");
        }

        if (!File.Exists(tsv))
        {
            throw new FileNotFoundException($"{folder}#{spec}: no SPLIT.tsv in the folder or its parent.", tsv);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(tsv))
        {
            var cols = line.Split('\t');
            if (cols.Length >= 2 && cols[1].Trim().Equals(split, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(cols[0].Trim());
            }
        }

        var files = new List<string>();
        foreach (var f in Directory.GetFiles(folder, "*.conllu").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            if (!names.Contains(name))
            {
                continue;
            }

            if (genres.Count > 0)
            {
                var g = name.Split('_');
                if (g.Length < 2 || !genres.Contains(g[1]))
                {
                    continue;
                }
            }

            files.Add(f);
        }

        if (files.Count == 0)
        {
            throw new FormatException($"{folder}#{spec}: no file of split '{split}' found.");
        }

        return files;
    }

    public static List<ConlluSentence> Read(TextReader reader, string name = "input")
    {
        var result = new List<ConlluSentence>();
        var current = new ConlluSentence();
        bool pendingDoc = false, pendingPar = false;
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (current.Words.Count > 0)
                {
                    result.Add(current);
                    current = new ConlluSentence();
                }

                continue;
            }

            if (line[0] == '#')
            {
                current.Comments.Add(line);
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    pendingDoc = true;
                }
                else if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal))
                {
                    pendingPar = true;
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    current.Text = line[9..];
                }
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    current.SentenceId = line[12..];
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new FormatException($"{name}:{lineNo}: expected 10 tab-separated columns, found {cols.Length}.");
            }

            if (current.Words.Count == 0 && current.MultiwordTokens.Count == 0)
            {
                current.NewDocument = pendingDoc;
                current.NewParagraph = pendingPar || pendingDoc;
                pendingDoc = pendingPar = false;
            }

            var id = cols[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            int dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int first)
                    || !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int last))
                {
                    throw new FormatException($"{name}:{lineNo}: bad multiword token ID '{id}'.");
                }

                current.MultiwordTokens.Add(new ConlluMultiwordToken(first, last, cols[1], cols[9]));
                continue;
            }

            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int wid))
            {
                throw new FormatException($"{name}:{lineNo}: bad word ID '{id}'.");
            }

            int head = -1;
            if (cols[6] != "_" && !int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head))
            {
                throw new FormatException($"{name}:{lineNo}: bad HEAD '{cols[6]}'.");
            }

            current.Words.Add(new ConlluWord
            {
                Id = wid,
                Form = cols[1],
                Lemma = cols[2],
                Upos = cols[3],
                Xpos = cols[4],
                Feats = cols[5],
                Head = head,
                DepRel = cols[7],
                Deps = cols[8],
                Misc = cols[9],
            });
        }

        if (current.Words.Count > 0)
        {
            result.Add(current);
        }

        return result;
    }
}

using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// What a stacked second pass reads for each training sentence, as written and lower-cased: the tags a first
/// pass that never saw the sentence gave it, and the document votes (<see cref="LabelVotes"/>) of those tags.
/// </summary>
internal sealed class StackInput
{
    private readonly int[][] _tags;
    private readonly ulong[][] _votes;
    private readonly int[][] _lowerTags;
    private readonly ulong[][] _lowerVotes;

    public StackInput(int count)
    {
        _tags = new int[count][];
        _votes = new ulong[count][];
        _lowerTags = new int[count][];
        _lowerVotes = new ulong[count][];
    }

    public (int[] Tags, ulong[] Votes) Get(int sentence, bool lower) =>
        lower ? (_lowerTags[sentence], _lowerVotes[sentence]) : (_tags[sentence], _votes[sentence]);

    /// <summary>Tags sentences [start, end) of one document with <paramref name="first"/> and counts their votes.</summary>
    public void Fill(NerModel first, IReadOnlyList<LabeledSentence> sentences, int start, int end)
    {
        foreach (bool lower in (ReadOnlySpan<bool>)[false, true])
        {
            var tags = lower ? _lowerTags : _tags;
            var votes = lower ? _lowerVotes : _votes;
            var words = new List<string>();
            for (int k = start; k < end; k++)
            {
                words.AddRange(lower ? Array.ConvertAll(sentences[k].Words, x => x.ToLowerInvariant()) : sentences[k].Words);
            }

            var (text, tokens) = NerTrainer.Join(words);
            var segments = new ArraySegment<Token>[end - start];
            var docTags = new int[end - start][];
            var docVotes = new ulong[end - start][];
            int offset = 0;
            for (int k = start; k < end; k++)
            {
                int n = sentences[k].Words.Length;
                segments[k - start] = new ArraySegment<Token>(tokens, offset, n);
                offset += n;
                docTags[k - start] = tags[k] = new int[n];
                docVotes[k - start] = votes[k] = new ulong[n * NerFeatureExtractor.VotesPerToken];
                first.Tag(text, segments[k - start], default, default, tags[k]);
            }

            LabelVotes.Count(text, segments, docTags, first.Tags.Labels.Length, docVotes);
        }
    }
}

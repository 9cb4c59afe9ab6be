using System.Globalization;
using Hearsay.Core.Documents;

namespace Hearsay.Core.Serialization;

/// <summary>Turns an analysed <see cref="Document"/> into the JSON contract.</summary>
public static class DocumentResultMapper
{
    public static DocumentResult ToResult(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var md = document.Metadata;

        var entities = new List<EntityResult>(document.Entities.Count);
        foreach (var e in document.Entities)
        {
            var mentions = new List<MentionResult>(e.MentionIndices.Count);
            foreach (int mi in e.MentionIndices)
            {
                var m = document.Mentions[mi];
                mentions.Add(new MentionResult(m.Range.Start, m.Range.End, document.Slice(m.Range), Name(m.Kind)));
            }

            entities.Add(new EntityResult
            {
                Id = e.Index,
                GlobalId = e.GlobalId,
                Name = e.CanonicalName,
                Type = Name(e.Label),
                Subtype = e.Subtype,
                Attributes = e.Attributes,
                Mentions = mentions,
            });
        }

        var attributions = new List<AttributionResult>(document.Attributions.Count);
        for (int i = 0; i < document.Attributions.Count; i++)
        {
            var a = document.Attributions[i];
            attributions.Add(new AttributionResult
            {
                Id = "A" + (i + 1).ToString(CultureInfo.InvariantCulture),
                Source = new SourceResult(a.Source.Range.Start, a.Source.Range.End, document.Slice(a.Source.Range), Name(a.Source.Type)) { Entity = Ref(a.Source.Entity) },
                Cue = Span(document, a.Cue),
                Content = a.Content.Select(c => Span(document, c)).ToArray(),
                Form = Name(a.Form),
                Polarity = Name(a.Polarity),
                Upstream = a.Upstream.Select(u => new ChainLinkResult(u.Range.Start, u.Range.End, document.Slice(u.Range), Name(u.Type))
                {
                    Entity = Ref(u.Entity),
                    Cue = u.Cue is { } c ? Span(document, c) : null,
                }).ToArray(),
                Time = a.Time is { } t ? new StatementTimeResult(t.Range.Start, t.Range.End, document.Slice(t.Range), t.Value) : null,
                Confidence = Math.Round(a.Confidence, 4),
                Evidence = a.Evidence.Length == 0 ? null : a.Evidence,
            });
        }

        return new DocumentResult
        {
            Id = document.Id,
            Source = md.Source,
            Status = Name(document.Status),
            StatusReason = document.StatusReason,
            Language = md.Language,
            Title = md.Title,
            Byline = md.Byline,
            Published = md.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishedOrigin = md.PublishedOrigin,
            PublishedConfidence = md.PublishedConfidence,
            PublishedNote = md.PublishedNote,
            Site = md.Site,
            CanonicalUrl = md.CanonicalUrl,
            Text = text,
            RemovedLines = md.RemovedLines,
            Models = document.Provenance.Select(p => new ModelVersionResult(p.Stage, p.Version)).ToArray(),
            Sentences = document.Sentences.Select(s => Span(document, s.Range)).ToArray(),
            Entities = entities,
            Times = document.TimeExpressions.Select(t => new TimeResult(t.Range.Start, t.Range.End, document.Slice(t.Range), Name(t.Type), t.Value)).ToArray(),
            Attributions = attributions,
        };
    }

    private static SpanResult Span(Document d, CharRange r) => new(r.Start, r.End, d.Slice(r));

    private static EntityRefResult? Ref(EntityRef? r) => r is null ? null : new EntityRefResult(r.EntityIndex, r.Name) { GlobalId = r.GlobalId };

    /// <summary>Enum names as the contract spells them: camelCase, with entity labels upper-case (PERSON, ORG).</summary>
    public static string Name(EntityLabel label) => label switch
    {
        EntityLabel.Person => "PERSON",
        EntityLabel.Org => "ORG",
        EntityLabel.Loc => "LOC",
        EntityLabel.Norp => "NORP",
        EntityLabel.Event => "EVENT",
        _ => "OTHER",
    };

    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}

namespace Hearsay.Core.Articles;

/// <summary>Finds the article in an HTML page. Never throws on bad input: an empty article carries the reason.</summary>
public interface IArticleExtractor
{
    Article Extract(string html, Uri? baseUri);
}

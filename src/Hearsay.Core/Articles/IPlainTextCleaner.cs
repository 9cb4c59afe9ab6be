namespace Hearsay.Core.Articles;

/// <summary>Removes CMS and scraper junk lines from plain text; nothing else in the text changes.</summary>
public interface IPlainTextCleaner
{
    Article Clean(string text);
}

using System.Buffers;
using System.Text.RegularExpressions;

namespace Hearsay.Extraction.PlainText;

/// <summary>
/// Tells whether one whole line of scraped text is CMS or site furniture rather than article prose.
/// Patterns are anchored to the whole line so that a sentence that merely mentions "advertisement"
/// or "subscribe" is never touched.
/// </summary>
internal static partial class JunkLine
{
    // Long lines are prose; junk lines are short labels and prompts.
    private const int MaxJunkLength = 300;

    public static bool IsJunk(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.IsEmpty || t.Length > MaxJunkLength)
        {
            return false;
        }

        var s = t.ToString();
        return Label().IsMatch(s)
            || Prompt().IsMatch(s)
            || CmsError().IsMatch(s)
            || IsCookieNotice(s)
            || IsShareRow(s);
    }

    private static bool IsCookieNotice(string s)
        => s.Contains("cookie", StringComparison.OrdinalIgnoreCase) && CookieVerb().IsMatch(s);

    /// <summary>A row made only of social network names and separators ("Facebook Twitter WhatsApp Email").</summary>
    private static bool IsShareRow(string s)
    {
        // Nearly every line is prose whose first word is no network name: answer those without splitting the line.
        var span = s.AsSpan();
        var start = 0;
        while (start < span.Length && span[start] is ' ' or '\t' or '|' or '·' or '•' or '/' or ',' or '-' or '–')
        {
            start++;
        }

        var firstLength = span[start..].IndexOfAny(ShareRowSeparatorValues);
        var first = firstLength < 0 ? span[start..] : span.Slice(start, firstLength);
        if (first.IsEmpty || !SocialWord().IsMatch(first))
        {
            return false;
        }

        var words = s.Split(ShareRowSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > 12)
        {
            return false;
        }

        foreach (var w in words)
        {
            if (!SocialWord().IsMatch(w))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly char[] ShareRowSeparators = [' ', '\t', '|', '·', '•', '/', ',', '-', '–'];
    private static readonly SearchValues<char> ShareRowSeparatorValues = SearchValues.Create(ShareRowSeparators);

    // Standalone labels: the whole line is the label, perhaps with a trailing colon or arrow.
    [GeneratedRegex(
        @"^(?:advertisements?|advertising|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|sponsored(?: content| post| links?)?|ad|ads|"
        + @"share(?: this(?: article| story| post| page)?| on (?:facebook|twitter|x|linkedin|whatsapp|email))?|"
        + @"(?:story|article) continues below(?: (?:this )?advertisement)?|continue reading(?: below| the main story)?|"
        + @"scroll (?:down )?to continue(?: with content)?|advertisement - scroll to continue|"
        + @"read more|read next|read also|more from [^.!?]{1,60}|related(?: articles?| stories| news| content| posts?| coverage| topics)?|"
        + @"you (?:may|might) also like|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed)|trending(?: now)?|"
        + @"comments?|\d+ comments?|leave a (?:comment|reply)|show comments|view comments|print|email|e-mail|tweet|pin it|"
        + @"skip to (?:main )?content|back to top|top of page|loading\.*|image|photo|video|watch|listen|"
        + @"mehr zum thema|lesen sie (?:auch|mehr)|weiterlesen|teilen|artikel teilen|zur startseite|"
        + @"tags?|topics?|filed under|reklama|annonse|annons|publicidade|werbung|anzeige|inhaltsverzeichnis|table of contents|contents|"
        + @"mehr themen|weitere informationen|weitere artikel|erschienen in|more stories|more articles|further reading)\s*[:»›>→]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // Prompts that lead somewhere else: "Read more: ...", "Subscribe to ...", "Click here to ...".
    [GeneratedRegex(
        @"^(?:(?:read (?:more|also|next)|see also|related|recommended|more|watch|also read|lesen sie auch|mehr dazu|auch interessant)\s*[:|»›>→-]\s*\S.*|"
        + @"(?:subscribe|sign up|signup)\b.{0,80}\b(?:newsletter|subscription|subscribe|updates|inbox|free|today|now|access|trial|alerts?)\b.*|"
        + @"subscribe(?: now| today| here)?\b.*|already (?:a )?subscriber\b.*|"
        + @"click here\b.*|tap here\b.*|follow (?:us|@\w+)\b.*|like us on facebook\b.*|"
        + @"(?:please )?(?:enable|turn on) javascript\b.*|javascript (?:is )?(?:disabled|required)\b.*|your browser does not support\b.*|"
        + @"download (?:our|the) app\b.*|get (?:our|the) app\b.*|"
        + @"copyright\s*(?:©|\(c\))?\s*\d{4}.*|©\s*\d{4}.*|all rights reserved\.?|"
        + @"\(?(?:foto|fotos|photo|photos|bild|bilder|image|credit|photograph|cr[ée]dits? photos?|titelbild|beitragsbild|abbildung|quelle|source|grafik|video)\s*[:©].{0,250}|"
        + @"(?:aktualisiert|publiziert|ver[öo]ffentlicht(?:ung)?|published|updated|posted|stand|erschienen|last updated|letzte aktualisierung)(?: am| on)?\s*:?\s*\d.{0,60}|"
        + @"follow\b.{0,80}\b(?:twitter|facebook|instagram|linkedin|whatsapp)\b.*|.{0,120}\bdownload\b.{0,60}\bapps?\b.{0,40}|.{0,150}\bsign up here\.?|"
        + @"lesen sie (?:auch|mehr)\b.{0,120}|mehr zum thema\b.{0,120})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Prompt();

    [GeneratedRegex(
        @"^(?:this block is broken or missing\b.*|this (?:content|embed|video|widget) is (?:not available|unavailable|blocked)\b.*|"
        + @"(?:an )?error (?:has )?occurred\b.{0,80}|something went wrong\b.{0,80}|the requested page could not be found\.?|"
        + @"\[(?:embed|caption|gallery|video|ad)[^\]]*\].*|\{\{[^}]*\}\}|undefined|null|nan)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CmsError();

    [GeneratedRegex(
        @"\b(?:we use|this (?:site|website) uses|uses cookies|by (?:continuing|using)|accept(?: all)?|consent|cookie (?:policy|settings|preferences)|verwendet cookies|nutzt cookies)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieVerb();

    [GeneratedRegex(
        @"^(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|email|e-mail|mail|print|share|tweet|flipboard|pocket|messenger|copy(?:link)?|link|sms|xing|bluesky|threads|mastodon|instagram|youtube|tiktok)[:]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialWord();
}

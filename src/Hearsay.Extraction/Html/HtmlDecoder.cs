using System.Text;
using System.Text.RegularExpressions;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Decodes HTML bytes: a byte-order mark wins, then a &lt;meta charset&gt; (or http-equiv content-type) in the
/// first 4 KB, then UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what browsers assume for Latin pages).
/// </summary>
public static partial class HtmlDecoder
{
    private const int SniffBytes = 4096;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static HtmlDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encodingName = "utf-8";
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encodingName = "utf-16le";
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encodingName = "utf-16be";
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        var m = MetaCharset().Match(head);
        if (m.Success)
        {
            var name = m.Groups["cs"].Value.Trim().ToLowerInvariant();

            // Browsers read a declared Latin-1 as Windows-1252, and a declared UTF-16 in an ASCII-compatible file cannot be right.
            name = name switch
            {
                "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" => "windows-1252",
                "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
                _ => name,
            };
            try
            {
                var enc = Encoding.GetEncoding(name);
                if (enc.CodePage != Encoding.UTF8.CodePage)
                {
                    encodingName = enc.WebName;
                    return enc.GetString(bytes);
                }
            }
            catch (ArgumentException)
            {
                // An unknown charset label: fall through to sniffing.
            }
        }

        try
        {
            encodingName = "utf-8";
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            if (m.Success && m.Groups["cs"].Value.Contains("utf", StringComparison.OrdinalIgnoreCase))
            {
                // Declared UTF-8 with a few bad bytes: keep UTF-8 and let the bad bytes become U+FFFD.
                encodingName = "utf-8";
                return Encoding.UTF8.GetString(bytes);
            }

            encodingName = "windows-1252";
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}

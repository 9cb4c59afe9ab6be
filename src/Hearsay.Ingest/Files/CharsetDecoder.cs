using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace Hearsay.Ingest.Files;

/// <summary>
/// Decodes bytes to text: 1. a byte-order mark; 2. for HTML, a meta charset or http-equiv
/// Content-Type in the first 4 KB; 3. strict UTF-8; 4. a statistical detector (UTF.Unknown).
/// Strict UTF-8 comes before the detector because the detector misreads short UTF-8 text as
/// single-byte encodings, while invalid UTF-8 is almost never valid by accident.
/// </summary>
public static partial class CharsetDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CharsetDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Returns the text and charset name, or null with a reason when the bytes cannot be decoded.</summary>
    public static (string? Text, string Charset, string? Problem) Decode(ReadOnlySpan<byte> bytes, bool isHtml)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryDecode(bytes[3..], StrictUtf8, "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryDecode(bytes[2..], new UnicodeEncoding(false, false, true), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryDecode(bytes[2..], new UnicodeEncoding(true, false, true), "utf-16be");
        }

        if (isHtml && DeclaredCharset(bytes) is { } declared)
        {
            try
            {
                var enc = Encoding.GetEncoding(declared);
                // A page that declares a single-byte charset but is really UTF-8 is common; trust valid UTF-8.
                if (enc.CodePage != Encoding.UTF8.CodePage && IsValidUtf8(bytes) && HasNonAscii(bytes))
                {
                    return (StrictUtf8.GetString(bytes), "utf-8", null);
                }

                return (enc.GetString(bytes), enc.WebName, null);
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall through to detection.
            }
        }

        if (IsValidUtf8(bytes))
        {
            return (StrictUtf8.GetString(bytes), "utf-8", null);
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected?.Encoding is { } encoding && detected.Confidence >= 0.3f)
        {
            return (encoding.GetString(bytes), encoding.WebName, null);
        }

        return (null, "unknown", "cannot determine the character encoding (not UTF-8, no BOM or charset declaration, detector unsure)");
    }

    private static (string? Text, string Charset, string? Problem) TryDecode(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return (encoding.GetString(bytes), name, null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, name, $"invalid {name} byte sequence at byte {e.Index}");
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}

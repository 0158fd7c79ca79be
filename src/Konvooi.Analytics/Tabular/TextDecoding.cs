using System.Text;

namespace Konvooi.Analytics.Tabular;

/// <summary>How the bytes of text fields are turned into strings.</summary>
public enum TextEncoding
{
    /// <summary>UTF-8 when the value is valid UTF-8, otherwise Windows-1252 (decided per value).</summary>
    Auto,
    Utf8,
    Windows1252,
}

/// <summary>Decodes field bytes as UTF-8 or Windows-1252 without relying on code-page providers.</summary>
public static class TextDecoding
{
    // Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F; the five undefined bytes map to their C1 controls.
    private static readonly char[] HighControls =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Parses <c>auto</c>, <c>utf-8</c> or <c>windows-1252</c> (also <c>utf8</c>, <c>cp1252</c>).</summary>
    public static bool TryParse(string text, out TextEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        (var ok, encoding) = text.Trim().ToUpperInvariant() switch
        {
            "AUTO" => (true, TextEncoding.Auto),
            "UTF-8" or "UTF8" => (true, TextEncoding.Utf8),
            "WINDOWS-1252" or "CP1252" or "1252" => (true, TextEncoding.Windows1252),
            _ => (false, TextEncoding.Auto),
        };
        return ok;
    }

    public static string Decode(ReadOnlySpan<byte> bytes, TextEncoding encoding)
    {
        if (encoding == TextEncoding.Windows1252 || (encoding == TextEncoding.Auto && !System.Text.Unicode.Utf8.IsValid(bytes)))
        {
            return DecodeWindows1252(bytes);
        }

        return encoding == TextEncoding.Utf8 ? LenientUtf8.GetString(bytes) : StrictUtf8.GetString(bytes);
    }

    private static string DecodeWindows1252(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? HighControls[b - 0x80] : (char)b;
            }
        });
}

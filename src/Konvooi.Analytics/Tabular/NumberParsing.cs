using System.Runtime.CompilerServices;
using System.Globalization;

namespace Konvooi.Analytics.Tabular;

/// <summary>Culture-free parsing of numbers in field bytes with a decimal point or a decimal comma.</summary>
public static class NumberParsing
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Parses an optionally signed decimal number whose decimal separator is <paramref name="decimalSeparator"/>
    /// ('.' or ','), with an optional exponent; surrounding spaces are allowed. The result is the correctly
    /// rounded double, as <see cref="double.Parse(string, IFormatProvider)"/> would give.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDouble(ReadOnlySpan<byte> text, byte decimalSeparator, out double value)
    {
        text = text.Trim((byte)' ');
        // Fast path: at most 15 digits and no exponent. Both the integer mantissa and the power of ten are
        // exact doubles, so one division is correctly rounded.
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var fraction = 0;
        var seenSeparator = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var d = (uint)(c - '0');
            if (d < 10)
            {
                mantissa = mantissa * 10 + d;
                digits++;
                if (seenSeparator)
                {
                    fraction++;
                }
            }
            else if (c == decimalSeparator && !seenSeparator)
            {
                seenSeparator = true;
            }
            else
            {
                break;
            }
        }

        if (i == text.Length && digits is > 0 and <= 15)
        {
            var magnitude = (double)mantissa / PowersOfTen[fraction];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return SlowParse(text, decimalSeparator, out value);
    }

    private static bool SlowParse(ReadOnlySpan<byte> text, byte decimalSeparator, out double value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 256)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && decimalSeparator != '.')
            {
                // A point is not allowed when the decimal separator is a comma (it would be a thousands separator).
                return false;
            }

            copy[i] = c == decimalSeparator ? (byte)'.' : c;
        }

        return double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}

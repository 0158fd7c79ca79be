using System.Globalization;
using System.Text;
using Konvooi.Domain.Common;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// Writes CSV as the command-line contract prescribes: comma-separated, LF line ends, UTF-8 without BOM,
/// invariant culture, integers plain, doubles in shortest round-trip form, booleans <c>true</c>/<c>false</c>,
/// missing values as empty cells. Fields are quoted only when they must be. A text field that starts like a spreadsheet
/// formula gets a leading apostrophe (<see cref="SpreadsheetText"/>, issue #17 finding 10); numbers never do.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private bool _isFirstField = true;
    private bool _isDisposed;

    public CsvWriter(Stream stream, bool leaveOpen = true)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen) { NewLine = "\n" };
    }

    public void WriteField(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        value = SpreadsheetText.Neutralise(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void WriteField(int? value)
    {
        Separate();
        if (value is int v)
        {
            Span<char> text = stackalloc char[11];
            v.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            _writer.Write(text[..written]);
        }
    }

    public void WriteField(double? value)
    {
        Separate();
        if (value is double v)
        {
            Span<char> text = stackalloc char[32];
            v.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
            _writer.Write(text[..written]);
        }
    }

    public void WriteField(bool? value)
    {
        Separate();
        if (value is bool v)
        {
            _writer.Write(v ? "true" : "false");
        }
    }

    /// <summary>Writes a value of a type the contract knows: null, string, int, double or bool.</summary>
    /// <exception cref="ArgumentException">Any other type.</exception>
    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                WriteField((string?)null);
                break;
            case string s:
                WriteField(s);
                break;
            case int i:
                WriteField(i);
                break;
            case double d:
                WriteField(d);
                break;
            case bool b:
                WriteField(b);
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} to CSV.", nameof(value));
        }
    }

    public void EndRecord()
    {
        _writer.Write('\n');
        _isFirstField = true;
    }

    public void Flush() => _writer.Flush();

    /// <summary>Flushes and releases the writer; a second call does nothing.</summary>
    public void Dispose()
    {
        if (!_isDisposed)
        {
            _isDisposed = true;
            _writer.Dispose();
        }
    }

    private void Separate()
    {
        if (!_isFirstField)
        {
            _writer.Write(',');
        }

        _isFirstField = false;
    }
}

using System.Globalization;
using System.IO.Compression;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// The one set of caps on what an input may unpack to (issue #17, finding 11): XLSX workbooks (ZIP parts), Parquet row
/// groups and whole JSON files (HSDS, FHIR). A 2 MB workbook can declare 2 GB of shared strings; reading it would take
/// gigabytes of memory and many seconds before failing. The caps are checked against the sizes the file
/// <b>declares</b> (ZIP central directory, Parquet footer) before anything is decompressed, so such a file is refused at
/// once; .NET's ZIP reader never returns more than an entry declares, and the XML reader also counts characters, so a
/// file that lies about its sizes is stopped too. The CLI uses <see cref="Default"/>; the web monitor sets the same caps
/// from <c>Konvooi:Monitor</c> (docs/configuration.md).
/// </summary>
public sealed record InputLimits
{
    /// <summary>The caps that apply unless configured otherwise.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Largest uncompressed size of one ZIP part or one Parquet row group, in bytes (default 1 GiB).</summary>
    public long MaxPartBytes { get; init; } = 1L << 30;

    /// <summary>Largest uncompressed size of all parts of a workbook, or all row groups of a Parquet file (default 2 GiB).</summary>
    public long MaxTotalBytes { get; init; } = 2L << 30;

    /// <summary>Largest ratio of uncompressed to stored size of a part larger than <see cref="RatioCheckFromBytes"/> (default 200).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Parts up to this uncompressed size are not checked for their ratio (default 1 MiB): small XML compresses well.</summary>
    public long RatioCheckFromBytes { get; init; } = 1L << 20;

    /// <summary>Largest number of characters in one XML part of a workbook (default 256 Mi); the shared strings are held in memory.</summary>
    public long MaxCharactersPerDocument { get; init; } = 256L << 20;

    /// <summary>Largest JSON input (an HSDS catalogue, a FHIR bundle or response), in bytes (default 64 MiB).</summary>
    public long MaxJsonBytes { get; init; } = 64L << 20;

    /// <summary>Refuses a ZIP archive whose parts declare more than the caps allow.</summary>
    /// <exception cref="InputTooLargeException">A part, or all parts together, over a cap.</exception>
    public void CheckZip(ZipArchive zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            CheckPart($"the part '{entry.FullName}'", entry.Length, entry.CompressedLength);
            total += entry.Length;
            if (total > MaxTotalBytes)
            {
                throw new InputTooLargeException(Invariant($"refused: the parts would unpack to more than {MaxTotalBytes} bytes in all (the limit); this looks like a zip bomb"));
            }
        }
    }

    /// <summary>Refuses one part (a ZIP entry, a Parquet column chunk) that declares too much, or too much for its stored size.</summary>
    /// <exception cref="InputTooLargeException">Over a cap.</exception>
    public void CheckPart(string what, long uncompressedBytes, long storedBytes)
    {
        if (uncompressedBytes > MaxPartBytes)
        {
            throw new InputTooLargeException(Invariant($"refused: {what} would unpack to {uncompressedBytes} bytes, more than the limit of {MaxPartBytes}; this looks like a zip bomb"));
        }

        if (uncompressedBytes > RatioCheckFromBytes && (storedBytes <= 0 || uncompressedBytes / (double)storedBytes > MaxCompressionRatio))
        {
            var ratio = storedBytes <= 0 ? "infinitely many" : Math.Round(uncompressedBytes / (double)storedBytes).ToString(CultureInfo.InvariantCulture);
            throw new InputTooLargeException(Invariant($"refused: {what} would unpack to {uncompressedBytes} bytes, {ratio} times its stored size (the limit is {MaxCompressionRatio}); this looks like a zip bomb"));
        }
    }

    /// <summary>Refuses a document that holds more characters than <see cref="MaxCharactersPerDocument"/>.</summary>
    /// <exception cref="InputTooLargeException">Over the cap.</exception>
    public void CheckCharacters(string what, long characters)
    {
        if (characters > MaxCharactersPerDocument)
        {
            throw new InputTooLargeException(Invariant($"refused: {what} holds more than {MaxCharactersPerDocument} characters (the limit)"));
        }
    }

    /// <summary>Reads a whole JSON input, refusing it as soon as it passes <see cref="MaxJsonBytes"/>.</summary>
    /// <exception cref="InputTooLargeException">Over the cap.</exception>
    public byte[] ReadJson(Stream input, string what)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                throw new InputTooLargeException(Invariant($"refused: {what} is larger than the limit of {MaxJsonBytes} bytes for a JSON input"));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An input refused by <see cref="InputLimits"/>: its message says which cap and why.</summary>
public sealed class InputTooLargeException : Exception
{
    public InputTooLargeException()
    {
    }

    public InputTooLargeException(string message)
        : base(message)
    {
    }

    public InputTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

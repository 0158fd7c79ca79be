using System.Globalization;

namespace Konvooi.Tests;

/// <summary>
/// Finds files in the repository for tests: the repository root (the folder with Konvooi.slnx) and the reference
/// data of tests/data, whose origin tests/data/README.md gives per file. Tests read only what is in the repository.
/// One source file, compiled into Konvooi.Domain.Tests and linked into Konvooi.Cli.Tests.
/// </summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A file of tests/data.</summary>
    public static string File(string name) => Path.Combine(RepositoryRoot, "tests", "data", name);

    /// <summary>A path below the repository root.</summary>
    public static string Repository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads a simple CSV (no quoted fields) into header-keyed rows.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = fields[i];
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "Konvooi.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Konvooi.slnx not found above the test binaries");
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace Konvooi.Domain.Tests;

/// <summary>
/// The repository stands alone: a plain clone builds, tests and benchmarks with what is in it. No tracked file
/// may point at a folder beside the clone (the project's former shared material); tests/data and bench/ hold
/// copies of what the tests and the benchmark need.
/// </summary>
public sealed class RepositoryTests
{
    // Built from parts so that this file does not contain the path it looks for.
    private static readonly string SiblingFolder = string.Join('/', "..", "shared");

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "TestResults"];

    [Fact]
    public void TrackedFiles_NeverMentionTheFolderBesideTheRepository()
    {
        var mentions = TrackedFiles()
            .Select(path => (Path: path, Full: Path.Combine(TestData.RepositoryRoot, path)))
            .Where(f => File.Exists(f.Full) && IsText(f.Full))
            .SelectMany(f => File.ReadLines(f.Full).Select((line, i) => (f.Path, Line: line, Number: i + 1)))
            .Where(l => l.Line.Contains(SiblingFolder, StringComparison.Ordinal))
            .Select(l => $"{l.Path}:{l.Number}")
            .ToList();

        Assert.True(mentions.Count == 0, $"{mentions.Count} mentions of {SiblingFolder}:\n{string.Join('\n', mentions)}");
    }

    [Fact]
    public void TrackedFiles_IncludeTheTestData()
    {
        var files = TrackedFiles();

        Assert.Contains("tests/data/survey_100k.csv", files);
        Assert.Contains("tests/data/publication-12word-hashes.txt", files);
        Assert.DoesNotContain(files, f => f.Split('/').Intersect(SkippedFolders, StringComparer.Ordinal).Any());
    }

    /// <summary>Repository-relative paths with '/' separators: <c>git ls-files</c>, or a walk of the tree without git.</summary>
    private static List<string> TrackedFiles()
    {
        try
        {
            var git = new ProcessStartInfo("git", ["ls-files", "-z"])
            {
                WorkingDirectory = TestData.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(git)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
            }
        }
        catch (Win32Exception)
        {
            // No git on this machine: walk the tree below.
        }

        return [.. Walk(new DirectoryInfo(TestData.RepositoryRoot))
            .Select(f => Path.GetRelativePath(TestData.RepositoryRoot, f.FullName).Replace('\\', '/'))];
    }

    private static IEnumerable<FileInfo> Walk(DirectoryInfo directory) =>
        directory.EnumerateFiles().Concat(directory.EnumerateDirectories()
            .Where(d => !SkippedFolders.Contains(d.Name, StringComparer.Ordinal))
            .SelectMany(Walk));

    /// <summary>A file without a NUL byte in its first 8 KB is read as text.</summary>
    private static bool IsText(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[8192];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Array.IndexOf(buffer, (byte)0, 0, read) < 0;
    }
}

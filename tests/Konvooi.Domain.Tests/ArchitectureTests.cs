using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Error).Assembly.GetReferencedAssemblies();

        Assert.All(references, r => Assert.True(
            r.Name is not null && (r.Name.StartsWith("System", StringComparison.Ordinal) || r.Name == "netstandard"),
            $"Konvooi.Domain must stay pure but references {r.Name}"));
    }

    [Fact]
    public void AnalyticsAssembly_ReferencesNoDatabaseCommandLineOrOtherKonvooiProject()
    {
        var references = typeof(CsvReader).Assembly.GetReferencedAssemblies();

        Assert.Contains(references, r => r.Name == "Konvooi.Domain");
        Assert.All(references, r => Assert.False(
            r.Name is null
            || r.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.Name.StartsWith("System.CommandLine", StringComparison.Ordinal)
            || r.Name == "System.Console"
            || (r.Name.StartsWith("Konvooi", StringComparison.OrdinalIgnoreCase) && r.Name != "Konvooi.Domain"),
            $"Konvooi.Analytics is shared by the CLI and the web app and must stay free of EF Core, System.CommandLine, the console and the other Konvooi projects, but references {r.Name}"));
    }
}

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
}

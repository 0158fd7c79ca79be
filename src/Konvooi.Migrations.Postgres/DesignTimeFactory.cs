using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Konvooi.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider's migrations (no database is contacted).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KonvooiDbContext>
{
    public KonvooiDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KonvooiDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=konvooi_design").Apply(options);
        return new KonvooiDbContext(options.Options, new CurrentActor());
    }
}

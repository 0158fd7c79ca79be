using Konvooi.Features.Data;
using Konvooi.Web;

// The content root is the app's own folder (settings, static files); the working directory stays where
// the command was started, so the quick-start database data/konvooi.db lands there.
var app = KonvooiWebApp.Build(args, AppContext.BaseDirectory);
try
{
    await KonvooiWebApp.PrepareDatabaseAsync(app).ConfigureAwait(false);
}
catch (ObsoleteMigrationHistoryException ex)
{
    // A quick-start database from before the migrations were squashed: say in plain words what to do.
    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
    return 1;
}

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;

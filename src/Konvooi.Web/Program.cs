using Konvooi.Web;

// The content root is the app's own folder (settings, static files); the working directory stays where
// the command was started, so the quick-start database data/konvooi.db lands there.
var app = KonvooiWebApp.Build(args, AppContext.BaseDirectory);
await KonvooiWebApp.PrepareDatabaseAsync(app).ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
await app.RunAsync().ConfigureAwait(false);

public partial class Program;

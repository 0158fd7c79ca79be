using System.Net;
using Konvooi.Web.Infrastructure;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Konvooi.Web.Tests.Security;

/// <summary>Token routes in the request log and the final status (issue #17, findings 1 and 13).</summary>
public sealed class TokenRouteTests
{
    [Theory]
    [InlineData("/DailyContact/Link/", "/DailyContact/Link/{token}")]
    [InlineData("/DailyContact/Feed/", "/DailyContact/Feed/{token}")]
    public async Task RequestLog_TokenRoute_LogsTheTemplateNeverTheToken(string prefix, string template)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        using var anonymous = factory.NewSession();
        var token = "Ab" + new string('x', 41);

        var response = await anonymous.GetAsync(prefix + token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var lines = factory.Logs.Lines.ToList();
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"HTTP GET {template} -> 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestLog_UnhandledException_LogsFiveHundredNotTwoHundred()
    {
        var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var middleware = new RequestLoggingMiddleware(_ => throw new InvalidOperationException("boom"), loggerFactory.CreateLogger<RequestLoggingMiddleware>());
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/People/1/Team";

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context));

        Assert.Contains(logs.Lines, l => l.Contains("HTTP GET /People/1/Team -> 500", StringComparison.Ordinal));
    }
}

using Konvooi.Features.Monitor;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// Lets the monitor's upload (and only it) be as large as <c>Konvooi:Monitor:MaxUploadBytes</c>: raises Kestrel's body
/// limit and the multipart limit for that request (the form reader streams file parts over 64 kB to a temporary file, so
/// the upload is never held in memory), and refuses a larger declared body at once with a plain Dutch page.
/// </summary>
public static class MonitorUploadLimits
{
    /// <summary>Room for the form's other fields and multipart boundaries.</summary>
    private const long Overhead = 1 << 20;

    public static IApplicationBuilder UseMonitorUploadLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.Request.Path.StartsWithSegments("/Monitor", StringComparison.OrdinalIgnoreCase)
                && string.Equals(context.Request.Query["handler"], "Upload", StringComparison.OrdinalIgnoreCase))
            {
                var max = context.RequestServices.GetRequiredService<IOptions<MonitorOptions>>().Value.MaxUploadBytes + Overhead;
                if (context.Request.ContentLength > max)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync(
                        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Bestand te groot – Konvooi</title></head><body><main><h1>Het bestand is te groot</h1>"
                        + $"<p>Een enquêtebestand mag hoogstens {MonitorText.Size(max - Overhead)} zijn. Er is niets opgeslagen.</p><p><a href=\"/Monitor\">Terug naar de monitor</a></p></main></body></html>",
                        context.RequestAborted);
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = max;
                }

                context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = max }));
            }

            await next(context);
        });
    }
}

using Konvooi.Features.Outbox;
using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Konvooi.Web.Pages.DailyContact;

/// <summary>A contact's iCalendar feed at their personal, revocable calendar link (no account, no names).</summary>
public sealed class FeedModel(GetCalendarFeed.Handler feeds, IOptions<MailOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.BaseUrl;
        var feed = await feeds.HandleAsync(token, baseUrl, new Uri(baseUrl).Host, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Content(feed, "text/calendar; charset=utf-8");
    }
}

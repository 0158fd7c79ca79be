using System.Globalization;
using Konvooi.Features.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Admin;

public sealed class AuditModel(ReadAuditLog.Handler read) : PageModel
{
    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public string? Action { get; private set; }

    public string? Record { get; private set; }

    public bool RecordInvalid { get; private set; }

    public ReadAuditLog.Result Result { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, string? action, string? record, int? p, CancellationToken cancellationToken)
    {
        (From, To, Action, Record) = (from, to, action, record);
        Guid? recordId = null;
        if (!string.IsNullOrWhiteSpace(record))
        {
            if (Guid.TryParse(record.Trim(), out var parsed))
            {
                recordId = parsed;
            }
            else
            {
                RecordInvalid = true;
            }
        }

        Result = await read.HandleAsync(new ReadAuditLog.Query(from, to, action, null, recordId, p ?? 1), cancellationToken);
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (From is { } from)
        {
            route["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (To is { } to)
        {
            route["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(Action))
        {
            route["action"] = Action;
        }

        if (!string.IsNullOrEmpty(Record))
        {
            route["record"] = Record;
        }

        return route;
    }
}

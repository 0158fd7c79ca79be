using Konvooi.Domain.Access;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Monitor;
using Konvooi.Features.Today;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages;

/// <summary>The start page "Vandaag" (docs/start-page.md): per role what needs doing today.</summary>
public sealed class IndexModel(GetToday.Handler today, ListMySlots.Handler mySlots, MonitorJobs monitor, TimeProvider time) : PageModel
{
    public GetToday.View? Work { get; private set; }

    public IReadOnlyList<SlotViews.ContactSlot> Slots { get; private set; } = [];

    public IReadOnlyList<MonitorAnalysisView> Analyses { get; private set; } = [];

    public IReadOnlyList<MonitorJobView> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ActorClaims.TryRead(User, out _, out _, out var role))
        {
            return;
        }

        if (Permissions.CanOpenPersonRecords(role))
        {
            Work = await today.HandleAsync(cancellationToken);
        }

        if (Permissions.CanConfirmOwnDailyContact(role))
        {
            var todayDate = Konvooi.Domain.Common.DutchDate.Today(time);
            Slots = [.. (await mySlots.HandleAsync(1, cancellationToken)).Where(s => s.LocalDate == todayDate)];
        }

        if (role is Role.Analyst)
        {
            Analyses = await monitor.AnalysesAsync(cancellationToken);
            Runs = await monitor.RecentAsync(5, cancellationToken);
        }
    }
}

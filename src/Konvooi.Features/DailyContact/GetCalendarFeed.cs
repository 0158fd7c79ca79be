using Konvooi.Domain.DailyContact;

namespace Konvooi.Features.DailyContact;

/// <summary>A contact's slots as an iCalendar feed, through their personal calendar link.</summary>
public static class GetCalendarFeed
{
    public sealed class Handler(UnfilteredAccess unfiltered, TimeProvider time)
    {
        /// <summary>
        /// The iCalendar feed of the contact behind a calendar link, or null when the link is not valid. It carries
        /// only slot references, times and a link into the app: no name, address or signal.
        /// </summary>
        public async Task<string?> HandleAsync(string? token, string baseUrl, string uidDomain, CancellationToken cancellationToken)
        {
            var stored = await unfiltered.CheckLinkAsync(token, TokenPurpose.CalendarFeed, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var rows = await unfiltered.SlotsOfContactAsync(stored.OrganisationId, stored.ContactId, now.AddDays(-7), now.AddDays(30), cancellationToken).ConfigureAwait(false);
            var link = new Uri(baseUrl.TrimEnd('/') + "/DailyContact/Mine");
            var events = CalendarFeed.EventsFor(rows.Select(r => DailyContactStore.ReadState(r).Slot), stored.ContactId, _ => link);
            return CalendarFeed.Build(events, now, uidDomain);
        }
    }
}

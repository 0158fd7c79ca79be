using System.Globalization;
using System.Text;

namespace Konvooi.Domain.DailyContact;

/// <summary>
/// One event in a contact's calendar feed. Deliberately holds no name, address or signal: a feed leaves the
/// platform (calendar apps sync it to other servers), so it carries only the slot reference, the times and a link
/// into the app where the contact signs in to see the rest.
/// </summary>
public sealed record FeedEvent(string SlotReference, DateTime StartUtc, DateTime EndUtc, Uri Link);

/// <summary>Writes an iCalendar (RFC 5545) feed: CRLF line ends, lines folded at 75 octets, TEXT values escaped.</summary>
public static class CalendarFeed
{
    /// <summary>The event title in the contact's calendar (Dutch: people read it).</summary>
    public const string EventTitle = "Contactmoment";

    public const string EventDescription = "Open de link voor de gegevens van dit contactmoment.";

    public const string CalendarName = "Mijn contactmomenten";

    private const int MaxOctets = 75;

    /// <summary>Builds the whole feed, events in the order given.</summary>
    /// <param name="events">The contact's own slots.</param>
    /// <param name="stampUtc">DTSTAMP: when the feed was generated.</param>
    /// <param name="uidDomain">The right-hand side of every UID, such as the app's host name.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static string Build(IEnumerable<FeedEvent> events, DateTime stampUtc, string uidDomain)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(uidDomain);
        var text = new StringBuilder();
        void Line(string line) => text.Append(Fold(line)).Append("\r\n");

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Konvooi//Dagelijks contact//NL");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + EscapeText(CalendarName));
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + EscapeText(e.SlotReference + "@" + uidDomain));
            Line("DTSTAMP:" + UtcStamp(stampUtc));
            Line("DTSTART:" + UtcStamp(e.StartUtc));
            Line("DTEND:" + UtcStamp(e.EndUtc));
            Line("SUMMARY:" + EscapeText(EventTitle));
            Line("DESCRIPTION:" + EscapeText(EventDescription + "\n" + e.Link.AbsoluteUri));
            Line("URL:" + e.Link.AbsoluteUri);
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>
    /// The feed events of one contact: only the slots assigned to <paramref name="contactId"/>, in start order, each
    /// with the link <paramref name="linkFor"/> gives it.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static IReadOnlyList<FeedEvent> EventsFor(IEnumerable<Slot> slots, Guid contactId, Func<Slot, Uri> linkFor)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(linkFor);
        return slots
            .Where(s => s.ContactId == contactId)
            .OrderBy(s => s.StartUtc)
            .Select(s => new FeedEvent(s.Reference, s.StartUtc, s.EndUtc, linkFor(s)))
            .ToList();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets of UTF-8, continuation lines
    /// start with a space, and a multi-byte character is never split.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="line"/> is null.</exception>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var folded = new StringBuilder(line.Length + 8);
        var octets = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > MaxOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(element);
            octets += size;
        }

        return folded.ToString();
    }

    private static string UtcStamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}

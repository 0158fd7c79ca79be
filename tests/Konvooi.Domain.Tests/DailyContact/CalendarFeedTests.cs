using System.Text;
using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class CalendarFeedTests
{
    private static readonly FeedEvent Event = new(
        "22222222222222222222222222222222-20260329",
        Fixtures.Utc(2026, 3, 29, 8, 0),
        Fixtures.Utc(2026, 3, 29, 8, 30),
        new Uri("https://konvooi.example/contact/slots/22222222222222222222222222222222-20260329"));

    private static string Feed() => CalendarFeed.Build([Event], Fixtures.Utc(2026, 3, 28, 12, 0), "konvooi.example");

    [Fact]
    public void Build_OneEvent_WritesTheRfc5545Skeleton()
    {
        var lines = Feed().Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("UID:22222222222222222222222222222222-20260329@konvooi.example", lines);
        Assert.Contains("DTSTAMP:20260328T120000Z", lines);
        Assert.Contains("DTSTART:20260329T080000Z", lines);
        Assert.Contains("DTEND:20260329T083000Z", lines);
        Assert.Contains("SUMMARY:Contactmoment", lines);
        Assert.Contains("URL:https://konvooi.example/contact/slots/22222222222222222222222222222222-20260329", lines);
        Assert.Equal(["END:VCALENDAR", string.Empty], lines[^2..]);
    }

    [Fact]
    public void Build_EveryLine_EndsWithCrLfAndHasAtMost75Octets()
    {
        var feed = Feed();

        Assert.EndsWith("\r\n", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", feed.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(feed.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void Build_DescriptionWithLink_IsFoldedAndUnfoldsToTheEscapedText()
    {
        var unfolded = Feed().Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.Contains(
            "DESCRIPTION:Open de link voor de gegevens van dit contactmoment.\\nhttps://konvooi.example/contact/slots/22222222222222222222222222222222-20260329\r\n",
            unfolded,
            StringComparison.Ordinal);
    }

    [Fact]
    public void EventsFor_Contact_HoldsOnlyTheirOwnSlotsAndNoPersonalData()
    {
        var arrangement = Fixtures.Daily() with { Topics = ["Hoe gaat het met de kat, Minoes?"] };
        var slots = SlotGenerator.Generate(arrangement, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 15), Fixtures.Amsterdam);

        var events = CalendarFeed.EventsFor(slots, Fixtures.Bram, s => new Uri("https://konvooi.example/contact/slots/" + s.Reference));
        var feed = CalendarFeed.Build(events, Fixtures.Utc(2026, 3, 1, 12, 0), "konvooi.example");

        Assert.Equal(7, events.Count);
        Assert.All(events, e => Assert.EndsWith(e.SlotReference, e.Link.AbsoluteUri, StringComparison.Ordinal));
        Assert.DoesNotContain("Bram", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("Minoes", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixtures.PersonId.ToString("N"), feed, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoEvents_IsAnEmptyCalendar()
    {
        var feed = CalendarFeed.Build([], Fixtures.Utc(2026, 3, 28, 12, 0), "konvooi.example");

        Assert.DoesNotContain("VEVENT", feed, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", feed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]               // RFC 5545 §3.3.11: COMMA
    [InlineData("a;b", "a\\;b")]               // SEMICOLON
    [InlineData("a\\b", "a\\\\b")]             // BACKSLASH
    [InlineData("a\nb", "a\\nb")]              // line break
    [InlineData("a\r\nb", "a\\nb")]            // CRLF becomes one escaped line break
    [InlineData("a:b \"c\"", "a:b \"c\"")]     // colon and quotes need no escaping in TEXT
    public void EscapeText_SpecialCharacters_AreEscaped(string value, string expected)
    {
        Assert.Equal(expected, CalendarFeed.EscapeText(value));
    }

    [Fact]
    public void Fold_ExactlySeventyFiveOctets_IsNotFolded()
    {
        var line = new string('x', 75);

        Assert.Equal(line, CalendarFeed.Fold(line));
    }

    [Fact]
    public void Fold_SeventySixOctets_MovesTheLastOctetToAContinuationLine()
    {
        var line = new string('x', 76);

        Assert.Equal(new string('x', 75) + "\r\n x", CalendarFeed.Fold(line));
    }

    [Fact]
    public void Fold_LongLine_ContinuationLinesCountTheLeadingSpace()
    {
        var folded = CalendarFeed.Fold(new string('y', 200));

        Assert.Equal([75, 75, 52], folded.Split("\r\n").Select(Encoding.UTF8.GetByteCount));
    }

    [Fact]
    public void Fold_MultiByteCharacterAtTheBoundary_IsNotSplit()
    {
        var line = new string('x', 74) + "é" + "z";   // é is 2 octets in UTF-8 and would straddle octet 75

        var folded = CalendarFeed.Fold(line);

        Assert.Equal(new string('x', 74) + "\r\n éz", folded);
        Assert.Equal(line, folded.Replace("\r\n ", string.Empty, StringComparison.Ordinal));
    }
}

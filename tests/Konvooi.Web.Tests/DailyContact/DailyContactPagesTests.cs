using System.Net;
using System.Text.RegularExpressions;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.DailyContact;

public sealed partial class DailyContactPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Mine_Volunteer_SeesOnlyTaskDetailsAndConfirmsOwnSlotWithSignal()
    {
        var reference = await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Cor");
        using var session = await _factory.SignInAsync("vrijwilliger@welzijn.example");

        var html = await session.GetHtmlAsync("/DailyContact/Mine");
        var person = await PersonAsync("Cor");
        var response = await session.PostFormAsync("/DailyContact/Mine", "/DailyContact/Mine", new()
        {
            ["reference"] = reference,
            ["Confirm.Note"] = "Samen koffie gedronken",
            ["Confirm.Signals"] = nameof(DifferenceSignal.Unwell),
        });

        Assert.Contains("Cor", html, StringComparison.Ordinal);
        Assert.Contains(person.Street!, html, StringComparison.Ordinal);
        Assert.Contains("Hoe was uw dag?", html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("DJG", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("score", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Toos", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var confirmation = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactConfirmations.IgnoreQueryFilters().SingleAsync(c => c.PersonId == person.Id);
        Assert.Equal("Unwell", confirmation.Signals);
    }

    [Fact]
    public async Task Volunteer_SomeoneElsesSlotAndCoordinatorPages_AreRefused()
    {
        var reference = await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Dirkje", volunteerIsMain: false);
        var person = await PersonAsync("Dirkje");
        using var session = await _factory.SignInAsync("vrijwilliger@welzijn.example");

        var mine = await session.GetHtmlAsync("/DailyContact/Mine");
        // The volunteer's own page may have no form at this time of day (no slot of theirs yet), so take the
        // antiforgery token from the sign-out form.
        var token = WebSession.AntiforgeryToken(await session.GetHtmlAsync("/Account/Logout"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reference"] = reference });
        var confirm = await session.Client.PostAsync(new Uri("/DailyContact/Mine", UriKind.Relative), form);

        Assert.DoesNotContain("Dirkje", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        foreach (var url in new[] { "/DailyContact/Dashboard", $"/DailyContact/Slot/{reference}", $"/People/{person.Id}/DailyContact" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Arrangement_PostWithoutDaysAndBackwardsWindow_ShowsMessagesBesideTheFields()
    {
        var person = await PersonAsync("Evert");
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var page = $"/People/{person.Id}/DailyContact";

        var response = await session.PostFormAsync(page, page, new()
        {
            ["Input.WindowStart"] = "11:00",
            ["Input.WindowEnd"] = "10:00",
            ["Input.Form"] = "DoorVisit",
            ["Input.StartDate"] = "2026-12-01",
            ["Input.Contacts[0].Role"] = "Neighbour",
            ["Input.Contacts[0].FirstName"] = "Truus",
            ["Input.Contacts[0].Position"] = "Main",
            ["Input.Contacts[0].Days"] = "Monday",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Days-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één dag voor het contactmoment.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_WindowEnd-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Truus\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrangement_CoordinatorSavesThenEditsWithStaleVersion_GetsAClearConflict()
    {
        var person = await PersonAsync("Fenna");
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var page = $"/People/{person.Id}/DailyContact";
        var fields = new Dictionary<string, string>
        {
            ["Input.Days"] = "Monday",
            ["Input.WindowStart"] = "10:00",
            ["Input.WindowEnd"] = "11:00",
            ["Input.Form"] = "PhoneCall",
            ["Input.StartDate"] = "2026-12-01",
            ["Input.RetryAfterMinutes"] = "30",
            ["Input.SecondContactAfterMinutes"] = "60",
            ["Input.CoordinatorAfterMinutes"] = "120",
            ["Input.Contacts[0].Role"] = "Family",
            ["Input.Contacts[0].FirstName"] = "Joke",
            ["Input.Contacts[0].Position"] = "Main",
            ["Input.Contacts[0].Days"] = "Monday",
        };

        var created = await session.PostFormAsync(page, page, new(fields));
        var editUrl = created.Headers.Location!.OriginalString;
        var first = await session.PostFormAsync(editUrl, editUrl, new(fields) { ["version"] = "1" });
        var stale = await session.PostFormAsync(editUrl, editUrl, new(fields) { ["version"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft deze afspraak net ook gewijzigd.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrangement_KeyHolderAndWhoMayBeCalled_AreKeptInTheEscalationLadder()
    {
        var person = await PersonAsync("Klaasje");
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var page = $"/People/{person.Id}/DailyContact";
        var created = await session.PostFormAsync(page, page, new()
        {
            ["Input.Days"] = "Monday",
            ["Input.WindowStart"] = "10:00",
            ["Input.WindowEnd"] = "11:00",
            ["Input.Form"] = "DoorVisit",
            ["Input.StartDate"] = "2026-12-01",
            ["Input.RetryAfterMinutes"] = "30",
            ["Input.SecondContactAfterMinutes"] = "60",
            ["Input.CoordinatorAfterMinutes"] = "120",
            ["Input.Contacts[0].Role"] = "Neighbour",
            ["Input.Contacts[0].FirstName"] = "Riet",
            ["Input.Contacts[0].Position"] = "Main",
            ["Input.Contacts[0].Days"] = "Monday",
            ["Input.Contacts[0].IsKeyHolder"] = "true",
            ["Input.Contacts[0].MayBeCalled"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var form = await session.GetHtmlAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("name=\"Input.Contacts[0].MayBeCalled\" value=\"true\" checked=\"checked\"", form, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactArrangements.IgnoreQueryFilters().SingleAsync(a => a.PersonId == person.Id);
        var ladder = Konvooi.Features.DailyContact.DailyContactStore.ReadArrangement(row).Escalation;
        Assert.Single(ladder.MayBeCalled);
        Assert.Equal(ladder.KeyHolderContactId, ladder.MayBeCalled[0]);
    }

    [Fact]
    public async Task PersonalLink_NeighbourWithoutAccount_ConfirmsOwnSlotAndRevokedLinkIsGone()
    {
        var reference = await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Gerrit", volunteerIsMain: false);
        var person = await PersonAsync("Gerrit");
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        var arrangementPage = (await coordinator.GetHtmlAsync($"/People/{person.Id}/DailyContact"));
        var editUrl = System.Net.WebUtility.HtmlDecode(EditLink().Match(arrangementPage).Groups[1].Value);
        var editHtml = await coordinator.GetHtmlAsync(editUrl);
        var arrangementId = ArrangementIdField().Match(editHtml).Groups[1].Value;
        var neighbourId = NeighbourIssueForm().Match(editHtml).Groups[1].Value;

        var issued = await coordinator.PostFormAsync(editUrl, $"/People/{person.Id}/DailyContact?handler=Issue", new()
        {
            ["arrangementId"] = arrangementId,
            ["contactId"] = neighbourId,
            ["purpose"] = nameof(TokenPurpose.ConfirmationLink),
        });
        var notice = await coordinator.GetHtmlAsync(issued.Headers.Location!.OriginalString);
        var linkPath = new Uri(LinkInNotice().Match(notice).Groups[1].Value).AbsolutePath;

        using var neighbour = _factory.NewSession();
        var linkHtml = await neighbour.GetHtmlAsync(linkPath);
        var confirmed = await neighbour.PostFormAsync(linkPath, linkPath, new() { ["reference"] = reference });

        Assert.Contains("Gerrit", linkHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(person.LastName, linkHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var tokenId = RevokeForm().Match(await coordinator.GetHtmlAsync(editUrl)).Groups[1].Value;
        var revoked = await coordinator.PostFormAsync(editUrl, $"/People/{person.Id}/DailyContact?handler=Revoke", new() { ["arrangementId"] = arrangementId, ["tokenId"] = tokenId });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync(linkPath)).StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.DoesNotContain(linkPath[(linkPath.LastIndexOf('/') + 1)..], string.Join(",", await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactTokens.IgnoreQueryFilters().Select(t => t.Hash).ToListAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Coordinator_SeesTodayAndSignalsAndMarksThemHandled()
    {
        var reference = await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Hennie");
        using (var volunteer = await _factory.SignInAsync("vrijwilliger@welzijn.example"))
        {
            await volunteer.PostFormAsync("/DailyContact/Mine", "/DailyContact/Mine", new() { ["reference"] = reference, ["Confirm.Signals"] = nameof(DifferenceSignal.NeedsHelp) });
        }

        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        var html = await coordinator.GetHtmlAsync("/DailyContact/Dashboard");
        var slot = await coordinator.GetHtmlAsync($"/DailyContact/Slot/{reference}");
        var confirmationId = HandledForm().Match(html).Groups[1].Value;
        var handled = await coordinator.PostFormAsync("/DailyContact/Dashboard", "/DailyContact/Dashboard?handler=Handled", new() { ["confirmationId"] = confirmationId });

        Assert.Contains("Heeft hulp nodig", html, StringComparison.Ordinal);
        Assert.Contains("Contactmomenten van vandaag", html, StringComparison.Ordinal);
        Assert.Contains("Contact bevestigd", slot, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        Assert.DoesNotContain(confirmationId, await coordinator.GetHtmlAsync("/DailyContact/Dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonDetails_Coordinator_LinksToTheDailyContactPage()
    {
        var person = await PersonAsync("Ina");
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync($"/People/{person.Id}");

        Assert.Contains($"href=\"/People/{person.Id}/DailyContact\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_VolunteersLink_IsICalendarWithoutNamesAndStopsWhenRevoked()
    {
        var reference = await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Jaap");
        var person = await PersonAsync("Jaap");
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        var editUrl = System.Net.WebUtility.HtmlDecode(EditLink().Match(await coordinator.GetHtmlAsync($"/People/{person.Id}/DailyContact")).Groups[1].Value);
        var editHtml = await coordinator.GetHtmlAsync(editUrl);
        var arrangementId = ArrangementIdField().Match(editHtml).Groups[1].Value;
        var volunteerId = VolunteerFeedForm().Match(editHtml).Groups[1].Value;

        var issued = await coordinator.PostFormAsync(editUrl, $"/People/{person.Id}/DailyContact?handler=Issue", new()
        {
            ["arrangementId"] = arrangementId,
            ["contactId"] = volunteerId,
            ["purpose"] = nameof(TokenPurpose.CalendarFeed),
        });
        var notice = await coordinator.GetHtmlAsync(issued.Headers.Location!.OriginalString);
        var feedPath = new Uri(FeedInNotice().Match(notice).Groups[1].Value).AbsolutePath;

        using var calendar = _factory.NewSession();
        var response = await calendar.GetAsync(feedPath);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.Contains("UID:" + reference + "@", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Jaap", body, StringComparison.Ordinal);
        Assert.DoesNotContain(person.LastName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Voorbeeldstraat", body, StringComparison.Ordinal);

        var tokenId = RevokeForm().Match(await coordinator.GetHtmlAsync(editUrl)).Groups[1].Value;
        await coordinator.PostFormAsync(editUrl, $"/People/{person.Id}/DailyContact?handler=Revoke", new() { ["arrangementId"] = arrangementId, ["tokenId"] = tokenId });
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(feedPath)).StatusCode);
    }

    /// <summary>Issue #17, finding 1: a link expires, the coordinator renews it, and the volunteer is warned before the
    /// calendar link expires.</summary>
    [Fact]
    public async Task CalendarFeed_ExpiredLink_StopsAndRenewedLinkWorksAgain_VolunteerIsWarned()
    {
        await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Jaap");
        var person = await PersonAsync("Jaap");
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        var editUrl = System.Net.WebUtility.HtmlDecode(EditLink().Match(await coordinator.GetHtmlAsync($"/People/{person.Id}/DailyContact")).Groups[1].Value);
        var editHtml = await coordinator.GetHtmlAsync(editUrl);
        var arrangementId = ArrangementIdField().Match(editHtml).Groups[1].Value;
        var issued = await coordinator.PostFormAsync(editUrl, $"/People/{person.Id}/DailyContact?handler=Issue", new()
        {
            ["arrangementId"] = arrangementId,
            ["contactId"] = VolunteerFeedForm().Match(editHtml).Groups[1].Value,
            ["purpose"] = nameof(TokenPurpose.CalendarFeed),
        });
        var feedPath = new Uri(FeedInNotice().Match(await coordinator.GetHtmlAsync(issued.Headers.Location!.OriginalString)).Groups[1].Value).AbsolutePath;
        using var calendar = _factory.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(feedPath)).StatusCode);
        using (var volunteer = await _factory.SignInAsync("vrijwilliger@welzijn.example"))
        {
            Assert.DoesNotContain("Uw agenda-link werkt tot", await volunteer.GetHtmlAsync("/DailyContact/Mine"), StringComparison.Ordinal);
        }

        async Task SetExpiryAsync(TimeSpan fromNow)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var token = await db.DailyContactTokens.IgnoreQueryFilters().SingleAsync(t => t.RevokedAtUtc == null && t.Purpose == nameof(TokenPurpose.CalendarFeed));
            Assert.True(fromNow < TimeSpan.FromDays(11) || token.ExpiresAtUtc > DateTime.UtcNow.AddDays(179));
            token.ExpiresAtUtc = DateTime.UtcNow + fromNow;
            await db.SaveChangesAsync();
        }

        await SetExpiryAsync(TimeSpan.FromDays(180) - TimeSpan.FromMinutes(5)); // as issued: default 180 days
        await SetExpiryAsync(TimeSpan.FromDays(10));
        using (var volunteer = await _factory.SignInAsync("vrijwilliger@welzijn.example"))
        {
            Assert.Contains("Uw agenda-link werkt tot", await volunteer.GetHtmlAsync("/DailyContact/Mine"), StringComparison.Ordinal);
        }

        await SetExpiryAsync(TimeSpan.FromMinutes(-1));
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(feedPath)).StatusCode);
        var page = await coordinator.GetHtmlAsync(editUrl);
        Assert.Contains("verlopen op", page, StringComparison.Ordinal);
        var renewed = await coordinator.PostFormAsync(editUrl, $"/People/{person.Id}/DailyContact?handler=Renew", new() { ["arrangementId"] = arrangementId, ["tokenId"] = RevokeForm().Match(page).Groups[1].Value });

        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(feedPath)).StatusCode);
    }

    [Fact]
    public async Task Coverage_AnalystSeesAggregatesOnly_VolunteerIsRefused()
    {
        await DailyContactSetup.AllDayArrangementAsync(_factory.Services, "Mientje");
        using var analyst = await _factory.SignInAsync("analist@welzijn.example");
        using var volunteer = await _factory.SignInAsync("vrijwilliger@welzijn.example");

        var html = await analyst.GetHtmlAsync("/DailyContact/Coverage?From=2026-01-01&To=2026-12-31");

        Assert.Contains("Bereik van het dagelijks contactmoment", html, StringComparison.Ordinal);
        Assert.Contains("Totaal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mientje", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/DailyContact/Coverage")).StatusCode);
    }

    private async Task<Person> PersonAsync(string firstName) =>
        (await DemoLookup.AllPeopleAsync(_factory.Services)).Single(p => p.FirstName == firstName);

    [GeneratedRegex("href=\"(/People/[^\"]+/DailyContact\\?arrangementId=[^\"]+)\"")]
    private static partial Regex EditLink();

    [GeneratedRegex("name=\"arrangementId\" value=\"([^\"]+)\"")]
    private static partial Regex ArrangementIdField();

    [GeneratedRegex("name=\"contactId\" value=\"([^\"]+)\" />\\s*<input type=\"hidden\" name=\"purpose\" value=\"ConfirmationLink\"")]
    private static partial Regex NeighbourIssueForm();

    [GeneratedRegex("(https?://[^\\s<]+/DailyContact/Link/[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkInNotice();

    [GeneratedRegex("name=\"contactId\" value=\"([^\"]+)\" />\\s*<input type=\"hidden\" name=\"purpose\" value=\"CalendarFeed\"")]
    private static partial Regex VolunteerFeedForm();

    [GeneratedRegex("(https?://[^\\s<]+/DailyContact/Feed/[A-Za-z0-9_-]{43})")]
    private static partial Regex FeedInNotice();

    [GeneratedRegex("name=\"tokenId\" value=\"([^\"]+)\"")]
    private static partial Regex RevokeForm();

    [GeneratedRegex("name=\"confirmationId\" value=\"([^\"]+)\"")]
    private static partial Regex HandledForm();
}

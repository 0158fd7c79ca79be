using System.Net;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Referrals;

/// <summary>
/// Referral between organisations as a browser without JavaScript: the demo professional of Welzijn refers a person
/// who agreed to sharing by referral to the Zorggroep, ticking what is shared; the Zorggroep's coordinator finds it in
/// the intake queue with only those fields.
/// </summary>
public sealed class ReferralPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(Guid WithConsent, Guid WithoutConsent, Guid Zorg)> DemoAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var withConsent = await db.Consents.IgnoreQueryFilters().Where(c => c.Purpose == ConsentPurpose.SharingByReferral).Select(c => c.PersonId).SingleAsync();
        var professional = await db.Users.Where(u => u.Email == "professional@welzijn.example").Select(u => u.Id).SingleAsync();
        var withoutConsent = await db.People.IgnoreQueryFilters().Where(p => p.ResponsibleProfessionalId == professional && p.Id != withConsent)
            .OrderBy(p => p.FirstName).Select(p => p.Id).FirstAsync();
        var zorg = await db.Organisations.Where(o => o.Name == "Zorggroep De Linde (demo)").Select(o => o.Id).SingleAsync();
        return (withConsent, withoutConsent, zorg);
    }

    private static async Task<HttpResponseMessage> PostAsync(WebSession session, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = WebSession.AntiforgeryToken(await session.GetHtmlAsync(url));
        using var content = new FormUrlEncodedContent(fields.Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await session.Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    [Fact]
    public async Task Professional_RefersWithTickedFields_ReceiverSeesOnlyThose_SenderSeesStatus()
    {
        var (personId, _, zorg) = await DemoAsync();
        using var session = await _factory.SignInAsync("professional@welzijn.example");

        var person = await session.GetHtmlAsync($"/People/{personId}");
        Assert.Contains($"href=\"/People/{personId}/Referrals\"", person, StringComparison.Ordinal);
        var list = await session.GetHtmlAsync($"/People/{personId}/Referrals");
        Assert.Contains("Zorggroep De Linde (demo)", list, StringComparison.Ordinal); // the demo referral
        Assert.Contains("Naam, Telefoonnummer", list, StringComparison.Ordinal);

        var url = $"/People/{personId}/Referrals/New";
        var form = await session.GetHtmlAsync(url);
        Assert.Contains("id=\"field-name\" checked=\"checked\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"field-phone\" checked=\"checked\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"field-date_of_birth\" checked", form, StringComparison.Ordinal);
        var key = Guid.NewGuid().ToString("D");

        // Nothing chosen: the form comes back with the messages beside the fields.
        var bad = await PostAsync(session, url, [KeyValuePair.Create("Input.IdempotencyKey", key), KeyValuePair.Create("Input.Urgency", "Routine")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_ToOrganisationId-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Request-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Fields-error\"", badHtml, StringComparison.Ordinal);

        var good = await PostAsync(session, url,
        [
            KeyValuePair.Create("Input.IdempotencyKey", key),
            KeyValuePair.Create("Input.ToOrganisationId", zorg.ToString("D")),
            KeyValuePair.Create("Input.Fields", "name"),
            KeyValuePair.Create("Input.Fields", "phone"),
            KeyValuePair.Create("Input.Fields", "date_of_birth"),
            KeyValuePair.Create("Input.Request", "Graag een maatje voor de zondagmiddag."),
            KeyValuePair.Create("Input.Urgency", "Soon"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal($"/People/{personId}/Referrals", good.Headers.Location!.OriginalString);
        Assert.Contains("Naam, Telefoonnummer, Geboortedatum", await session.GetHtmlAsync($"/People/{personId}/Referrals"), StringComparison.Ordinal);

        using var receiver = await _factory.SignInAsync("coordinator@zorg.example");
        var queue = await receiver.GetHtmlAsync("/Intake");
        Assert.Contains("(verwijzing)", queue, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var sent = await db.Signals.IgnoreQueryFilters().Where(s => s.SourcePersonId == personId && s.Observation == "Graag een maatje voor de zondagmiddag.").SingleAsync();
        Assert.Equal(("name phone date_of_birth", (string?)null), (sent.SharedFields, sent.Address));
        var detail = await receiver.GetHtmlAsync($"/Intake/{sent.Id}");
        Assert.Contains("Gedeeld door de verwijzer", detail, StringComparison.Ordinal);
        Assert.Contains("Vraag van de verwijzer", detail, StringComparison.Ordinal);

        // The receiver cannot open the sender's person record.
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.GetAsync($"/People/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.GetAsync($"/People/{personId}/Referrals")).StatusCode);
    }

    [Fact]
    public async Task WithoutConsent_TheFormPointsToConsent_AndAPostIsRefused()
    {
        var (_, personId, zorg) = await DemoAsync();
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var url = $"/People/{personId}/Referrals/New";

        var form = await session.GetHtmlAsync(url);
        Assert.Contains($"href=\"/People/{personId}/Consents\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwijzing versturen", form, StringComparison.Ordinal);

        var token = WebSession.AntiforgeryToken(await session.GetHtmlAsync("/Account/Logout"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString("D"),
            ["Input.ToOrganisationId"] = zorg.ToString("D"),
            ["Input.Fields"] = "name",
            ["Input.Request"] = "Maatje",
            ["Input.Urgency"] = "Routine",
        });
        var post = await session.Client.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("geen geldige toestemming", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Signals.IgnoreQueryFilters().AnyAsync(s => s.SourcePersonId == personId));
    }

    [Theory]
    [InlineData("vrijwilliger@welzijn.example")]
    [InlineData("analist@welzijn.example")]
    [InlineData("signaleerder@fysio.example")]
    public async Task RolesWithoutPersonRecords_CannotRefer(string email)
    {
        var (personId, _, _) = await DemoAsync();
        using var session = await _factory.SignInAsync(email);

        Assert.True((await session.GetAsync($"/People/{personId}/Referrals/New")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.True((await session.GetAsync($"/People/{personId}/Referrals")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
    }
}

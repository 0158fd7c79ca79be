using System.Globalization;
using System.Net;
using Konvooi.Domain.Common;
using Konvooi.Features.Data;
using Konvooi.Features.Referrals;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Referrals;

/// <summary>
/// The signal reports page and its CSV downloads on the demo data (Seeding/DemoSignals.cs: ended signals of five to
/// seven months ago, 12 + 10, 11 + 3 and 10 per month), without JavaScript.
/// </summary>
public sealed class SignalReportPagesTests : IAsyncLifetime
{
    private static readonly string[] Tables = ["source-kind", "wijk", "first-contact", "plan", "close-reasons"];

    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string MonthsAgo(int months)
    {
        var today = DutchDate.Today(TimeProvider.System);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-months).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Coordinator_SeesAccessibleTables_WithSuppressedCellsMarked_AndNoNames()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var intake = await session.GetHtmlAsync("/Intake");
        var html = await session.GetHtmlAsync("/Reports/Signals");

        Assert.Contains("href=\"/Reports/Signals\"", intake, StringComparison.Ordinal);
        Assert.Contains("<h1>Meldingen in cijfers</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Meldingen van Welzijn Lindenhaven (demo)", html, StringComparison.Ordinal);
        Assert.Contains("value=\"coalition\"", html, StringComparison.Ordinal); // Welzijn is the lead organisation
        Assert.Contains("<caption id=\"caption-source-kind\">Meldingen per soort organisatie en maand", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">Zorgaanbieder</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">Fysiotherapie</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">×</span><span class=\"visually-hidden\">niet getoond</span>", html, StringComparison.Ordinal);
        Assert.Contains("Waarom ziet u soms een ×", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hendrik", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Eerdertjes", html, StringComparison.Ordinal);
        foreach (var table in Tables)
        {
            Assert.Contains($"handler=Csv&amp;table={table}&amp;From=", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Analyst_HasANavigationEntry_AndSeesTheCoalition()
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var start = await session.GetHtmlAsync("/");
        var html = await session.GetHtmlAsync("/Reports/Signals?Scope=organisation");

        Assert.Contains("<a href=\"/Reports/Signals\">Meldingen in cijfers</a>", start, StringComparison.Ordinal);
        Assert.Contains($"Meldingen van {Konvooi.Features.Seeding.DemoData.CoalitionName}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"coalition\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signaleerder@fysio.example")]
    [InlineData("professional@welzijn.example")]
    [InlineData("vrijwilliger@welzijn.example")]
    [InlineData("beheerder@welzijn.example")]
    public async Task OtherRoles_Get403_ForThePageAndEveryDownload(string email)
    {
        using var session = await _factory.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/Reports/Signals")).StatusCode);
        foreach (var table in Tables)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/Reports/Signals?handler=Csv&table={table}")).StatusCode);
        }

        Assert.DoesNotContain("/Reports/Signals", await session.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasHeadersAndFileName_SuppressedCellsEmpty_AndIsAudited()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var (seven, six) = (MonthsAgo(7), MonthsAgo(6));

        var response = await session.GetAsync("/Reports/Signals?handler=Csv&table=source-kind");
        var csv = await response.Content.ReadAsStringAsync();
        var wijk = await (await session.GetAsync("/Reports/Signals?handler=Csv&table=wijk")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"meldingen-per-soort-organisatie-{MonthsAgo(11)}-tot-{MonthsAgo(0)}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Konvooi.Domain.Referrals.SignalReportCsv.BySourceKindHeader, lines[0]);
        Assert.Contains($"{seven},fysiotherapie,10", lines);
        Assert.Contains($"{seven},zorgaanbieder,12", lines);
        // Six months ago: 3 from the physiotherapist is too few, and the referrals (11) are hidden with them.
        Assert.Contains($"{six},fysiotherapie,", lines);
        Assert.Contains($"{six},zorgaanbieder,", lines);
        Assert.Contains($"{seven},WK999901,Oost,12", wijk.Split('\n'));
        Assert.Contains($"{six},WK999902,West,", wijk.Split('\n'));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == ReferralAuditActions.ReportDownload && a.EntityType == GetSignalReport.AuditEntityType));
    }

    [Theory]
    [InlineData("coordinator@welzijn.example", "")]
    [InlineData("coordinator@welzijn.example", "&Scope=coalition")]
    [InlineData("analist@welzijn.example", "")]
    [InlineData("coordinator@zorg.example", "&Scope=coalition")]
    public async Task EveryCsv_HoldsNoCountBelowTheMinimum(string email, string scope)
    {
        using var session = await _factory.SignInAsync(email);
        foreach (var table in Tables)
        {
            var response = await session.GetAsync($"/Reports/Signals?handler=Csv&table={table}{scope}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines.Skip(1))
            {
                // The last cell of a count table, and the counts of the two one-row tables.
                var cells = line.Split(',');
                var counts = table switch
                {
                    "first-contact" => [cells[2]],
                    "plan" => [cells[2], cells[3]],
                    _ => new[] { cells[^1] },
                };
                Assert.All(counts, c => Assert.True(c.Length == 0 || int.Parse(c, CultureInfo.InvariantCulture) >= 10, $"{table}: {line}"));
            }
        }
    }

    [Fact]
    public async Task WrongMonths_RerenderWithMessagesBesideTheFields_AlsoForADownload()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync("/Reports/Signals?From=maart&To=2026-13");
        var reversed = await session.GetHtmlAsync("/Reports/Signals?From=2026-05&To=2026-02");
        var download = await session.GetAsync("/Reports/Signals?handler=Csv&table=wijk&From=2026-05&To=2026-02");

        Assert.Contains("id=\"From-error\">Fout: Vul een maand in als jaar en maand, bijvoorbeeld 2026-03.</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"To-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"maart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<caption", html, StringComparison.Ordinal);
        Assert.Contains("De laatste maand ligt vóór de eerste maand.", reversed, StringComparison.Ordinal);
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("De laatste maand ligt vóór de eerste maand.", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/Reports/Signals?handler=Csv&table=names")).StatusCode);
    }
}

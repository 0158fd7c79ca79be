using System.Net;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Profile;

public sealed class ProfilePagesTests
{
    [Fact]
    public async Task Post_Rebuild_StoresASnapshotWithVersionsAndShowsEvidenceAndSuggestions()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var person = await DemoLookup.PersonAsync(factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        using var session = await factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{person.Id}/Profile";
        var section = $"/People/{person.Id}/Conversation/contacts";
        await session.PostFormAsync(section, section, new() { ["version"] = "0", ["a.contacts.weekly_count"] = "0" });

        var empty = await session.GetHtmlAsync(page);
        var rebuilt = await session.PostFormAsync(page, page, []);
        var html = await session.GetHtmlAsync(page);

        Assert.Contains("Er is nog geen profiel.", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.Contains("Opgesteld op", html, StringComparison.Ordinal);
        Assert.Contains("Wat zou kunnen passen", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Knowledge#", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().ProfileSnapshots.IgnoreQueryFilters().SingleAsync(p => p.PersonId == person.Id);
        Assert.IsType<ReadResult<Konvooi.Domain.Matching.Profile>.Success>(ProfileJson.Read(snapshot.MatchingProfileJson));
        Assert.Contains("djg11", snapshot.InstrumentsJson, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(snapshot.RulesVersion));
    }
}

using Konvooi.Web.Tests.Infrastructure;

namespace Konvooi.Web.Tests.Security;

public sealed class PrivacyLogTests
{
    [Fact]
    public async Task AllLogOutput_DuringAFullJourney_HoldsNoNamePhoneOrBirthDate()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var people = await DemoLookup.AllPeopleAsync(factory.Services);
        var person = people.First(p => p.ResponsibleProfessionalId is null);
        using var session = await factory.SignInAsync("coordinator@welzijn.example");

        await session.GetHtmlAsync($"/People?search={Uri.EscapeDataString(person.FirstName)}");
        await session.GetHtmlAsync($"/People/{person.Id}");
        await session.GetHtmlAsync($"/People/{person.Id}/AccessHistory");
        await session.PostFormAsync($"/People/{person.Id}/Edit", $"/People/{person.Id}/Edit", new()
        {
            ["Input.FirstName"] = person.FirstName,
            ["Input.LastName"] = person.LastName,
            ["Input.DateOfBirth"] = "2999-01-01",
            ["Input.LivingSituation"] = "Alone",
            ["Input.Phone"] = person.Phone!,
            ["Input.Version"] = "1",
        });
        await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.Email"] = "onbekend@welzijn.example", ["Input.Password"] = person.LastName });

        var forbidden = people.SelectMany(p => new[]
        {
            p.FirstName, p.LastName, p.Phone!, p.Phone!.Replace(" ", string.Empty, StringComparison.Ordinal),
            p.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            p.DateOfBirth.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        }).Distinct().ToList();
        Assert.NotEmpty(factory.Logs.Lines);
        foreach (var line in factory.Logs.Lines)
        {
            foreach (var value in forbidden)
            {
                var whole = new System.Text.RegularExpressions.Regex($@"\b{System.Text.RegularExpressions.Regex.Escape(value)}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                Assert.False(whole.IsMatch(line), $"log line contains personal data '{value}': {line}");
            }
        }
    }
}

using Konvooi.Domain.Profiles;

namespace Konvooi.Domain.Tests.Profiles;

public sealed class ProfileTextTests
{
    [Fact]
    public void Describe_Widow_PlainDutchWithEvidence()
    {
        var profile = ProfileBuilder.Build(Personas.Get("widow_82_alone_without_daily_contact").Input);

        var lines = ProfileText.Describe(profile);

        Assert.Equal(
            [
                ("Eenzaamheid", "Ernstig eenzaam. Vooral: emotionele en sociale eenzaamheid."),
                ("Hoe lang", "Door een situatie of gebeurtenis."),
                ("Oorzaken", "Belangrijkste oorzaak: overlijden van de partner. Ook: geen kinderen of kinderen ver weg, minder gezond of minder mobiel."),
                ("Gebeurtenissen", "Iemand die dichtbij stond is overleden (8 maanden geleden)."),
                ("Omgaan met eenzaamheid", "Het liefst: contact met bekenden versterken."),
                ("Wensen", "Voorkeur: één op één; bij de persoon thuis of samen op een plek."),
                ("Welbevinden", "Laag welbevinden."),
                ("Let op", "Woont alleen en heeft geen dagelijks contact met eigen netwerk."),
            ],
            lines.Select(l => (l.Heading, l.Text)));
        Assert.NotEmpty(lines[0].Evidence);
        Assert.NotEmpty(lines[^1].Evidence);
    }

    [Fact]
    public void Describe_NotLonely_NoCourseOrCauses()
    {
        var profile = ProfileBuilder.Build(Personas.Get("isolated_but_content_75").Input);

        var lines = ProfileText.Describe(profile);

        Assert.Equal("Niet eenzaam volgens de vragenlijst.", lines[0].Text);
        Assert.DoesNotContain(lines, l => l.Heading is "Hoe lang" or "Oorzaken");
        Assert.Contains(lines, l => l.Text == "Weinig contact, maar niet eenzaam.");
    }

    [Fact]
    public void Describe_NothingKnown_SaysWhatIsMissing()
    {
        var lines = ProfileText.Describe(ProfileBuilder.Build(new ProfileInput { ConversationDate = new DateOnly(2026, 3, 2) }));

        Assert.Equal(
            [("Eenzaamheid", "Nog niet gemeten."), ("Hoe lang", "Nog niet besproken."), ("Oorzaken", "Nog geen oorzaak genoemd.")],
            lines.Select(l => (l.Heading, l.Text)));
    }
}

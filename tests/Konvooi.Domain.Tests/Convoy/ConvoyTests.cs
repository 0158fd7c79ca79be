using System.Xml.Linq;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;

namespace Konvooi.Domain.Tests.Convoy;

public sealed class ConvoyTests
{
    private static readonly DateOnly January = new(2026, 1, 12);
    private static readonly DateOnly March = new(2026, 3, 2);

    private static readonly ConvoySnapshot Before = new(January,
    [
        Member("1", "Anna", "child", ConvoyCodes.Closest, "weekly", received: ["emotional"]),
        Member("2", "Kees", "friend", ConvoyCodes.Close, "monthly"),
        Member("3", "buurman", "neighbour", ConvoyCodes.Further, "daily", light: true),
    ]);

    private static readonly ConvoySnapshot After = new(March,
    [
        Member("1", "Anna", "child", ConvoyCodes.Close, "weekly"),
        Member("3", "buurman", "neighbour", ConvoyCodes.Further, "daily", light: true),
        Member("4", "wijkverpleegkundige", "professional", ConvoyCodes.Further, "daily"),
        Member("5", "Fatima", "friend", ConvoyCodes.Close, "weekly", received: ["company"], given: ["advice"]),
    ]);

    [Fact]
    public void Metrics_CountsPerCircleAndKeyFacts()
    {
        var metrics = Before.Metrics;

        Assert.Equal(1, metrics.MembersPerCircle[ConvoyCodes.Closest]);
        Assert.Equal(1, metrics.MembersPerCircle[ConvoyCodes.Close]);
        Assert.Equal(1, metrics.MembersPerCircle[ConvoyCodes.Further]);
        Assert.Equal(1, metrics.LightContacts);
        Assert.True(metrics.HasDailyContact); // the neighbour is own network (AM-2, JG-6)
        Assert.True(metrics.HasEmotionalConfidant);
        Assert.Equal(1, metrics.WeeklyContacts); // Anna; the light daily contact is not counted
    }

    [Fact]
    public void Metrics_DailyProfessionalOnly_NoDailyContactFromOwnNetwork()
    {
        var snapshot = new ConvoySnapshot(March, [Member("1", "thuiszorg", "professional", ConvoyCodes.Further, "daily")]);

        Assert.False(snapshot.Metrics.HasDailyContact); // JG-6: own network only
        Assert.False(snapshot.Metrics.HasEmotionalConfidant);
    }

    [Fact]
    public void Metrics_EmptyMap_EveryCircleZero()
    {
        var metrics = new ConvoySnapshot(March, []).Metrics;

        Assert.Equal([0, 0, 0], ConvoyCodes.CircleOrder.Select(c => metrics.MembersPerCircle[c]));
        Assert.False(metrics.HasDailyContact);
    }

    [Fact]
    public void Between_LostAddedAndMoved()
    {
        var changes = ConvoyChanges.Between(Before, After);

        Assert.Equal(["Kees"], changes.Lost.Select(m => m.Name));
        Assert.Equal(["wijkverpleegkundige", "Fatima"], changes.Added.Select(m => m.Name));
        var move = Assert.Single(changes.Moved);
        Assert.Equal(("Anna", ConvoyCodes.Closest, ConvoyCodes.Close), (move.Member.Name, move.FromCircle, move.ToCircle));
        Assert.False(changes.IsEmpty);
    }

    [Fact]
    public void Between_SameMap_NoChanges()
    {
        Assert.True(ConvoyChanges.Between(Before, Before).IsEmpty);
    }

    [Fact]
    public void Validate_ValidMap_NoProblems()
    {
        Assert.Empty(ConvoyValidator.Validate(After, March));
    }

    [Fact]
    public void Validate_MalformedMembers_EveryProblemWithDutchMessage()
    {
        var snapshot = new ConvoySnapshot(new DateOnly(2026, 3, 3),
        [
            Member("1", " ", "cousin", "inner", "yearly") with { Modes = ["letter"], SupportGiven = ["money"] },
            Member("1", new string('x', 61), "friend", ConvoyCodes.Close, "weekly") with { SupportReceived = ["company", "company"] },
        ]);

        var problems = ConvoyValidator.Validate(snapshot, March);

        Assert.Equal(
            [
                new FieldProblem("date", "De datum van de kaart ligt in de toekomst."),
                new FieldProblem("members[0].name", "Vul een voornaam of een rol in, zoals buurvrouw."),
                new FieldProblem("members[0].relation", "Kies hoe deze persoon bij u hoort."),
                new FieldProblem("members[0].circle", "Kies een cirkel: heel dichtbij, dichtbij of verder weg."),
                new FieldProblem("members[0].frequency", "Kies hoe vaak u contact heeft."),
                new FieldProblem("members[0].modes", "Kies alleen zien, bellen of online."),
                new FieldProblem("members[0].supportGiven", "Kies alleen soorten steun uit de lijst."),
                new FieldProblem("members[1].id", "Elke persoon op de kaart heeft een eigen nummer nodig."),
                new FieldProblem("members[1].name", "Gebruik hoogstens 60 tekens. Een voornaam of rol is genoeg."),
                new FieldProblem("members[1].supportReceived", "Kies elk antwoord maar één keer."),
            ],
            problems);
    }

    [Fact]
    public void Render_IsAccessibleWellFormedSvgWithoutStylesOrScripts()
    {
        var svg = ConvoySvg.Render(After, "kaart-1");

        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("kaart-1-title kaart-1-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Konvooikaart van 2 maart 2026", root.Element(ns + "title")!.Value);
        Assert.Equal(
            "Heel dichtbij (0): niemand. "
            + "Dichtbij (2): Anna (kind, contact elke week), Fatima (vriend of vriendin, contact elke week). "
            + "Verder weg (2): buurman (buur, contact elke dag, kort contact), wijkverpleegkundige (hulpverlener, contact elke dag).",
            root.Element(ns + "desc")!.Value);
        Assert.Equal(3, root.Elements(ns + "circle").Count(c => (string?)c.Attribute("fill") == "#ffffff"));
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName == "script" || e.Attributes().Any(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)));
        Assert.Equal(4, root.Elements(ns + "g").Count());
    }

    [Fact]
    public void Render_NamesWithMarkup_Escaped()
    {
        var snapshot = new ConvoySnapshot(March, [Member("1", "<b>Jan & \"Piet\"</b>", "friend", ConvoyCodes.Closest, "weekly")]);

        var svg = ConvoySvg.Render(snapshot);

        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value);
        Assert.Contains("<b>Jan & \"Piet\"</b>", texts);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
    }

    private static ConvoyMember Member(string id, string name, string relation, string circle, string frequency, bool light = false, string[]? received = null, string[]? given = null) =>
        new(id, name)
        {
            Relation = relation,
            Circle = circle,
            Frequency = frequency,
            Modes = ["in_person"],
            SupportReceived = received ?? [],
            SupportGiven = given ?? [],
            WouldNotice = true,
            IsLightContact = light,
        };
}

using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class PlanHistoryTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void Diff_FirstVersion_ListsEverythingAsAdded()
    {
        var plan = SupportPlanTests.NewPlan();

        var changes = PlanHistory.Diff(null, plan.CurrentVersion);

        Assert.Equal(["goals", "interventions", "agreed_on", "agreed_by", "responsible_professional", "remeasurement_instrument", "remeasurement_months"],
            changes.Select(c => c.Field));
        Assert.All(changes, c => Assert.Null(c.Before));
    }

    [Fact]
    public void Diff_GoalReplacedAndInterventionSwapped_ListsEachChange()
    {
        var plan = SupportPlanTests.NewPlan();
        var next = plan.Current with
        {
            Goals = ["Naar de koffieochtend in de buurt"],
            Interventions = [new PlannedIntervention("local_choir", InterventionSource.AddedByHand, "zong vroeger graag")],
            ReviewDate = new DateOnly(2026, 5, 1),
        };
        var revised = ((SupportOutcome<SupportPlan>.Accepted)plan.Revise(1, next, "pro-1", null, Today)).Value;

        var changes = PlanHistory.Diff(revised.Versions[0], revised.Versions[1]);

        Assert.Equal(
            [
                "Doel weggehaald: \"Weer iemand hebben om mee te praten over vroeger\"",
                "Doel toegevoegd: \"Naar de koffieochtend in de buurt\"",
                $"Aanbod weggehaald: {Konvooi.Domain.Matching.InterventionCatalogue.Starter.Find("daily_contact_moment")?.Name ?? "daily_contact_moment"}",
                "Aanbod toegevoegd (met de hand, omdat: zong vroeger graag): local_choir",
                "Datum om opnieuw te kijken: 01-05-2026",
            ],
            changes.Select(c => c.Text));
    }

    [Fact]
    public void Diff_ToWatchfulWaiting_NamesTheChoice()
    {
        var plan = SupportPlanTests.NewPlan();
        var next = plan.Current with { Interventions = [], IsWatchfulWaiting = true, ReviewDate = new DateOnly(2026, 6, 1) };
        var revised = ((SupportOutcome<SupportPlan>.Accepted)plan.Revise(1, next, "pro-1", null, Today)).Value;

        var change = Assert.Single(PlanHistory.Diff(revised.Versions[0], revised.Versions[1]), c => c.Field == "watchful_waiting");

        Assert.Equal("Gekozen voor afwachten en later opnieuw bekijken.", change.Text);
    }

    [Fact]
    public void Of_ThreeVersions_GivesChangesPerVersion()
    {
        var plan = SupportPlanTests.NewPlan();
        plan = ((SupportOutcome<SupportPlan>.Accepted)plan.Revise(1, plan.Current with { AgreedBy = "mevrouw en haar zoon" }, "pro-1", null, Today)).Value;
        plan = ((SupportOutcome<SupportPlan>.Accepted)plan.Revise(2, plan.Current with { ResponsibleProfessional = "pro-2" }, "pro-1", "overgedragen", Today)).Value;

        var history = PlanHistory.Of(plan);

        Assert.Equal([1, 2, 3], history.Select(h => h.Version.Number));
        Assert.Equal("Afgesproken met: mevrouw zelf werd mevrouw en haar zoon", Assert.Single(history[1].Changes).Text);
        Assert.Equal("Verantwoordelijke: pro-1 werd pro-2", Assert.Single(history[2].Changes).Text);
    }
}

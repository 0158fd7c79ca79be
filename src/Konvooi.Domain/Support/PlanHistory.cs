using System.Globalization;

namespace Konvooi.Domain.Support;

/// <summary>
/// One difference between two plan versions, with a Dutch sentence for the history view. Field codes: <c>goals</c>, <c>interventions</c>, <c>watchful_waiting</c>, <c>review_date</c>,
/// <c>agreed_on</c>, <c>agreed_by</c>, <c>responsible_professional</c>, <c>match_run</c>, <c>remeasurement_instrument</c>, <c>remeasurement_months</c>.
/// </summary>
public sealed record PlanChange(string Field, string? Before, string? After, string Text);

/// <summary>The changes of one version compared with the version before it.</summary>
public sealed record PlanVersionChanges(SupportPlanVersion Version, IReadOnlyList<PlanChange> Changes);

/// <summary>What changed between plan versions, for the history view (nothing is overwritten).</summary>
public static class PlanHistory
{
    /// <summary>Every version with its changes against the previous one; version 1 lists everything as added.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static IReadOnlyList<PlanVersionChanges> Of(SupportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new List<PlanVersionChanges>();
        for (var i = 0; i < plan.Versions.Count; i++)
        {
            result.Add(new PlanVersionChanges(plan.Versions[i], Diff(i == 0 ? null : plan.Versions[i - 1], plan.Versions[i])));
        }

        return result;
    }

    /// <summary>The changes from <paramref name="from"/> (null: an empty plan) to <paramref name="to"/>, in a fixed field order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="to"/> is null.</exception>
    public static IReadOnlyList<PlanChange> Diff(SupportPlanVersion? from, SupportPlanVersion to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var a = from?.Content;
        var b = to.Content;
        var changes = new List<PlanChange>();

        var oldGoals = a?.Goals ?? [];
        foreach (var goal in oldGoals.Where(g => !b.Goals.Contains(g, StringComparer.Ordinal)))
        {
            changes.Add(new PlanChange("goals", goal, null, $"Doel weggehaald: \"{goal}\""));
        }

        foreach (var goal in b.Goals.Where(g => !oldGoals.Contains(g, StringComparer.Ordinal)))
        {
            changes.Add(new PlanChange("goals", null, goal, $"Doel toegevoegd: \"{goal}\""));
        }

        DiffInterventions(a?.Interventions ?? [], b.Interventions, changes);

        if ((a?.IsWatchfulWaiting ?? false) != b.IsWatchfulWaiting)
        {
            changes.Add(new PlanChange("watchful_waiting", Flag(a?.IsWatchfulWaiting), Flag(b.IsWatchfulWaiting),
                b.IsWatchfulWaiting ? "Gekozen voor afwachten en later opnieuw bekijken." : "Niet meer afwachten: er is aanbod gekozen."));
        }

        AddIfChanged(changes, "review_date", Date(a?.ReviewDate), Date(b.ReviewDate), "Datum om opnieuw te kijken");
        AddIfChanged(changes, "agreed_on", a is null ? null : SupportText.Date(a.AgreedOn), SupportText.Date(b.AgreedOn), "Datum van de afspraak");
        AddIfChanged(changes, "agreed_by", a?.AgreedBy, b.AgreedBy, "Afgesproken met");
        AddIfChanged(changes, "responsible_professional", a?.ResponsibleProfessional, b.ResponsibleProfessional, "Verantwoordelijke");
        AddIfChanged(changes, "match_run", a?.MatchRunId, b.MatchRunId, "Gekozen uit zoekresultaat");
        AddIfChanged(changes, "remeasurement_instrument", a?.RemeasurementInstrument, b.RemeasurementInstrument, "Vragenlijst voor nieuwe metingen");
        AddIfChanged(changes, "remeasurement_months", Months(a?.RemeasurementMonths, a is null), Months(b.RemeasurementMonths, false),
            "Nieuwe metingen na (maanden)");
        return changes;
    }

    private static void DiffInterventions(IReadOnlyList<PlannedIntervention> before, IReadOnlyList<PlannedIntervention> after, List<PlanChange> changes)
    {
        foreach (var old in before.Where(o => !after.Any(n => n.InterventionId == o.InterventionId)))
        {
            changes.Add(new PlanChange("interventions", old.InterventionId, null, $"Aanbod weggehaald: {SupportPlan.InterventionName(old.InterventionId)}"));
        }

        foreach (var current in after)
        {
            var old = before.FirstOrDefault(o => o.InterventionId == current.InterventionId);
            var name = SupportPlan.InterventionName(current.InterventionId);
            if (old is null)
            {
                var how = current.Source == InterventionSource.AddedByHand ? $"met de hand, omdat: {current.Reason}" : "uit de suggesties";
                changes.Add(new PlanChange("interventions", null, current.InterventionId, $"Aanbod toegevoegd ({how}): {name}"));
            }
            else if (old.Source != current.Source || !string.Equals(old.Reason, current.Reason, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange("interventions", old.Reason, current.Reason,
                    $"Reden voor {name} gewijzigd: \"{old.Reason ?? "(geen)"}\" werd \"{current.Reason ?? "(geen)"}\""));
            }
        }
    }

    private static void AddIfChanged(List<PlanChange> changes, string field, string? before, string? after, string label)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        var text = (before, after) switch
        {
            (null, _) => $"{label}: {after}",
            (_, null) => $"{label} weggehaald (was {before})",
            _ => $"{label}: {before} werd {after}",
        };
        changes.Add(new PlanChange(field, before, after, text));
    }

    private static string? Flag(bool? value) => value switch
    {
        null => null,
        true => "true",
        false => "false",
    };

    private static string? Date(DateOnly? date) => date is { } d ? SupportText.Date(d) : null;

    private static string? Months(IReadOnlyList<int>? months, bool isAbsent) =>
        isAbsent ? null : months is null ? "standaard" : string.Join(", ", months.Select(m => m.ToString(CultureInfo.InvariantCulture)));
}

using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.MatchRuns;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>Storage and form helpers the support plan use cases share.</summary>
internal static class PlanStore
{
    /// <summary>Saves the change with its audit entries; a concurrent edit becomes a conflict.</summary>
    internal static async Task<Outcome> SavePlanChangesAsync(this AuditLog audit, CancellationToken cancellationToken)
    {
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Saved();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict();
        }
        catch (DbUpdateException)
        {
            // Two people adding the same version number (unique index) at the same moment.
            return new Outcome.Conflict();
        }
    }

    internal static Task<SupportPlanRecord?> OpenPlanAsync(this KonvooiDbContext db, Guid personId, CancellationToken cancellationToken, bool tracked = false)
    {
        var plans = tracked ? db.SupportPlans : db.SupportPlans.AsNoTracking();
        return plans.Where(p => p.PersonId == personId && p.ClosedOn == null)
            .OrderByDescending(p => p.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
    }

    internal static async Task<SupportPlan> RestorePlanAsync(this KonvooiDbContext db, SupportPlanRecord record, string? wijk, CancellationToken cancellationToken)
    {
        var versions = await db.SupportPlanVersions.AsNoTracking().Where(v => v.PlanId == record.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return SupportStore.ToDomain(record, versions, wijk);
    }

    internal static void AddVersion(this KonvooiDbContext db, SupportPlanRecord record, SupportPlanVersion version, Guid recordedById, DateTime now) =>
        db.SupportPlanVersions.Add(new SupportPlanVersionRecord
        {
            Id = Guid.NewGuid(),
            PlanId = record.Id,
            PersonId = record.PersonId,
            OrganisationId = record.OrganisationId,
            Number = version.Number,
            ContentJson = SupportStore.Write(version.Content),
            RecordedOn = version.RecordedOn,
            RecordedById = recordedById,
            ChangeNote = version.ChangeNote,
            RecordedAtUtc = now,
        });

    /// <summary>Proposes a trajectory for each planned intervention that has no open one yet.</summary>
    internal static List<TrajectoryRecord>? ProposeNew(KonvooiDbContext db, SupportPlanRecord record, SupportPlanContent content, IReadOnlyList<TrajectoryRecord> existing, List<FieldProblem> problems, string recordedBy, DateOnly today)
    {
        var added = new List<TrajectoryRecord>();
        foreach (var planned in content.Interventions)
        {
            if (existing.Any(t => t.InterventionId == planned.InterventionId && !Trajectory.IsExit(SupportStore.StateFromCode(t.State)) && t.State != TrajectoryState.Completed.Code()))
            {
                continue;
            }

            var id = Guid.NewGuid();
            switch (Trajectory.Propose(id.ToString(), record.Id.ToString(), record.PersonId.ToString(), planned.InterventionId, content.AgreedOn, recordedBy, today))
            {
                case SupportOutcome<Trajectory>.Refused refused:
                    problems.AddRange(refused.Errors.Select(e => new FieldProblem("AgreedOn", e.Message)));
                    return null;
                case SupportOutcome<Trajectory>.Accepted accepted:
                    var trajectory = new TrajectoryRecord
                    {
                        Id = id,
                        PlanId = record.Id,
                        PersonId = record.PersonId,
                        OrganisationId = record.OrganisationId,
                        InterventionId = planned.InterventionId,
                        State = accepted.Value.State.Code(),
                        EventsJson = SupportStore.Write(accepted.Value.Events),
                        Version = 1,
                    };
                    db.Trajectories.Add(trajectory);
                    added.Add(trajectory);
                    break;
            }
        }

        return added;
    }

    /// <summary>Turns the form into plan content; form-level problems (unknown ids, unreadable months) go to <paramref name="problems"/>.</summary>
    internal static SupportPlanContent? ToContent(PlanInput input, ShownRun? run, SupportPlanContent? previous, InterventionCatalogue catalogue, IReadOnlyList<Option> professionals, List<FieldProblem> problems)
    {
        var suggested = run?.Match.Suggestions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var interventions = new List<PlannedIntervention>();
        foreach (var id in input.Interventions.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal))
        {
            if (previous?.Interventions.FirstOrDefault(i => i.InterventionId == id) is { } kept)
            {
                interventions.Add(kept);
            }
            else if (suggested.Contains(id))
            {
                interventions.Add(new PlannedIntervention(id, InterventionSource.Suggested));
            }
            else
            {
                problems.Add(new FieldProblem("Interventions", "Kies alleen uit de getoonde interventies, of voeg er een met de hand toe."));
            }
        }

        if (!string.IsNullOrWhiteSpace(input.AddInterventionId))
        {
            if (catalogue.Find(input.AddInterventionId) is null)
            {
                problems.Add(new FieldProblem("AddInterventionId", "Kies een interventie uit de lijst."));
            }
            else if (interventions.Any(i => i.InterventionId == input.AddInterventionId))
            {
                problems.Add(new FieldProblem("AddInterventionId", "Deze interventie staat al in het plan."));
            }
            else
            {
                interventions.Add(new PlannedIntervention(input.AddInterventionId, InterventionSource.AddedByHand,
                    string.IsNullOrWhiteSpace(input.AddReason) ? null : input.AddReason.Trim()));
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.AddReason))
        {
            problems.Add(new FieldProblem("AddInterventionId", "Kies de interventie die u met de hand toevoegt, of maak het veld met de reden leeg."));
        }

        IReadOnlyList<int>? months = null;
        if (!string.IsNullOrWhiteSpace(input.RemeasurementMonths))
        {
            var parts = input.RemeasurementMonths.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
            var parsed = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
            if (parsed.Any(p => p is null))
            {
                problems.Add(new FieldProblem("RemeasurementMonths", "Vul maanden in als hele getallen, gescheiden door komma's, bijvoorbeeld 3, 6."));
            }
            else
            {
                months = parsed.Select(p => p!.Value).ToList();
            }
        }

        if (input.AgreedOn is null)
        {
            problems.Add(new FieldProblem("AgreedOn", "Vul de datum in waarop u het plan samen hebt afgesproken."));
        }

        if (input.ResponsibleProfessionalId is not { } responsible || professionals.All(p => p.Value != responsible.ToString()))
        {
            problems.Add(new FieldProblem("ResponsibleProfessionalId", "Kies wie verantwoordelijk is voor het plan."));
        }

        if (input.AgreedBy?.Length > 200 || input.Goals.Any(g => g?.Length > MaxReasonLength) || input.AddReason?.Length > MaxReasonLength)
        {
            problems.Add(new FieldProblem("", $"Een tekstveld is te lang. Gebruik maximaal {MaxReasonLength} tekens (200 bij ‘afgesproken met’)."));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var goals = input.Goals.Select(g => g?.Trim() ?? "").ToList();
        while (goals.Count > 1 && goals[^1].Length == 0)
        {
            goals.RemoveAt(goals.Count - 1);
        }

        return new SupportPlanContent
        {
            Goals = goals.Where((g, i) => g.Length > 0 || i == 0).ToList(),
            Interventions = interventions,
            IsWatchfulWaiting = input.WatchfulWaiting,
            ReviewDate = input.ReviewDate,
            AgreedOn = input.AgreedOn!.Value,
            AgreedBy = input.AgreedBy?.Trim() ?? "",
            ResponsibleProfessional = input.ResponsibleProfessionalId!.Value.ToString(),
            MatchRunId = run?.Run.Id.ToString() ?? previous?.MatchRunId,
            RemeasurementInstrument = previous?.RemeasurementInstrument ?? "djg11",
            RemeasurementMonths = months,
        };
    }

    internal static async Task<IReadOnlyList<Option>> ProfessionalsAsync(this KonvooiDbContext db, Guid? organisation, CancellationToken cancellationToken)
    {
        var users = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisation && (m.Role == Role.Professional || m.Role == Role.Coordinator))
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => new Option(u.UserId.ToString(), u.DisplayName)).ToList();
    }

    internal static List<Option> CatalogueOptions(InterventionCatalogue catalogue) =>
        catalogue.Interventions.OrderBy(i => i.Name, StringComparer.CurrentCulture).Select(i => new Option(i.Id, i.Name)).ToList();

    internal static string NameOf(InterventionCatalogue catalogue, string id) => catalogue.Find(id)?.Name ?? id;

    internal static List<FieldProblem> ToProblems(IEnumerable<Error> errors) =>
        errors.Select(e => new FieldProblem(PlanField(e.Code), e.Message)).ToList();

    internal static string PlanField(string code) => code switch
    {
        "plan.no_goal" or "plan.empty_goal" => "Goals",
        "plan.waiting_with_interventions" or "plan.no_choice" or "plan.intervention_missing" => "Interventions",
        "plan.review_date_required" or "plan.review_before_agreed" or "plan.review_in_past" => "ReviewDate",
        "plan.reason_required" => "AddReason",
        "plan.duplicate_intervention" => "AddInterventionId",
        "plan.agreed_by_required" => "AgreedBy",
        "plan.professional_required" => "ResponsibleProfessionalId",
        "plan.agreed_in_future" or "plan.agreed_before_previous" => "AgreedOn",
        "plan.remeasurement_months" => "RemeasurementMonths",
        _ => "",
    };
}

using Konvooi.Domain.Support;
using Konvooi.Features.Data;
using Konvooi.Features.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Support;

/// <summary>Writes people, plans, trajectories and measurements straight into the tables, built with the domain rules.</summary>
public static class SupportSeed
{
    public sealed record Step(TrajectoryState State, DateOnly Date, string? Reason = null);

    public static async Task<Guid> PersonAsync(IServiceProvider services, Guid organisation, Guid? responsible, string firstName, string? wijk = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisation,
            FirstName = firstName,
            LastName = "Proefpersoon",
            SearchName = firstName.ToLowerInvariant() + " proefpersoon",
            DateOfBirth = new DateOnly(1945, 3, 1),
            Wijk = wijk,
            ResponsibleProfessionalId = responsible,
            Version = 1,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    /// <summary>A plan agreed on <paramref name="start"/> with one intervention and its trajectory (steps after the proposal).</summary>
    public static async Task<Guid> PlanAsync(
        IServiceProvider services, Guid organisation, Guid personId, Guid professional, DateOnly start, string intervention,
        IReadOnlyList<Step> steps, DateOnly? review = null, IReadOnlyList<int>? months = null)
    {
        var content = new SupportPlanContent
        {
            Goals = ["Weer iemand hebben om mee te praten."],
            Interventions = [new PlannedIntervention(intervention, InterventionSource.AddedByHand, "Testreden")],
            ReviewDate = review,
            AgreedOn = start,
            AgreedBy = "de persoon zelf",
            ResponsibleProfessional = professional.ToString(),
            RemeasurementMonths = months,
        };
        var plan = Accept(SupportPlan.Create(Guid.NewGuid().ToString(), personId.ToString(), null, content, professional.ToString(), start));
        var trajectory = Accept(Trajectory.Propose(Guid.NewGuid().ToString(), plan.Id, plan.PersonId, intervention, start, professional.ToString(), start));
        FollowUpTask? task = null;
        foreach (var step in steps)
        {
            var applied = Accept(trajectory.Apply(new TrajectoryEvent { State = step.State, Date = step.Date, RecordedBy = professional.ToString(), Reason = step.Reason },
                professional.ToString(), step.Date, TrajectoryRules.Default));
            trajectory = applied.Trajectory;
            task = applied.FollowUp ?? task;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var planId = Guid.Parse(plan.Id);
        db.SupportPlans.Add(new SupportPlanRecord
        {
            Id = planId,
            PersonId = personId,
            OrganisationId = organisation,
            ResponsibleProfessionalId = professional,
            CurrentVersion = 1,
            ReviewDate = review,
            StartDate = start,
        });
        db.SupportPlanVersions.Add(new SupportPlanVersionRecord
        {
            Id = Guid.NewGuid(),
            PlanId = planId,
            PersonId = personId,
            OrganisationId = organisation,
            Number = 1,
            ContentJson = SupportStore.Write(content),
            RecordedOn = start,
            RecordedById = professional,
        });
        var trajectoryId = Guid.Parse(trajectory.Id);
        db.Trajectories.Add(new TrajectoryRecord
        {
            Id = trajectoryId,
            PlanId = planId,
            PersonId = personId,
            OrganisationId = organisation,
            InterventionId = intervention,
            State = trajectory.State.Code(),
            EventsJson = SupportStore.Write(trajectory.Events),
            Version = 1,
        });
        if (task is not null)
        {
            db.FollowUpTasks.Add(new FollowUpTaskRecord
            {
                Id = trajectoryId,
                PlanId = planId,
                PersonId = personId,
                OrganisationId = organisation,
                InterventionId = intervention,
                ResponsibleProfessionalId = professional,
                Cause = task.Cause.Code(),
                Reason = task.Reason,
                CreatedOn = task.CreatedOn,
                DueOn = task.DueOn,
                Version = 1,
            });
        }

        await db.SaveChangesAsync();
        return planId;
    }

    public static async Task MeasurementAsync(IServiceProvider services, Guid organisation, Guid personId, DateOnly on, int? total, string instrument = "djg11", string scoresJson = "{}")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        db.Measurements.Add(new Measurement
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            OrganisationId = organisation,
            InstrumentId = instrument,
            InstrumentVersion = "test",
            Language = "nl",
            AdministeredOn = on,
            AnswersJson = "{}",
            ScoresJson = scoresJson,
            Total = total,
        });
        await db.SaveChangesAsync();
    }

    private static T Accept<T>(SupportOutcome<T> outcome) =>
        Assert.IsType<SupportOutcome<T>.Accepted>(outcome).Value;
}

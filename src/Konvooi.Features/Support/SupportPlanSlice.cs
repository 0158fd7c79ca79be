using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.DailyContact;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Support;

/// <summary>
/// A person's support plan (issue 7): agreed from the choice in a match run, revised as new kept versions,
/// each chosen intervention followed as a trajectory from proposal to its end, a follow-up task after every
/// decline, dropout or never-start (RK-5), and a closing reason. The rules are the pure domain's
/// (<see cref="SupportPlan"/>, <see cref="Trajectory"/>); this slice stores, audits and detects concurrent edits.
/// </summary>
public static class SupportPlanSlice
{
    /// <summary>The plan form (create and revise).</summary>
    public sealed class PlanInput
    {
        public const int GoalFields = 3;

        public List<string?> Goals { get; set; } = [];

        /// <summary>Ids of the offered interventions that are ticked.</summary>
        public List<string> Interventions { get; set; } = [];

        public string? AddInterventionId { get; set; }

        public string? AddReason { get; set; }

        public bool WatchfulWaiting { get; set; }

        public DateOnly? ReviewDate { get; set; }

        public DateOnly? AgreedOn { get; set; }

        public string? AgreedBy { get; set; }

        public Guid? ResponsibleProfessionalId { get; set; }

        /// <summary>Months after the start for re-measurement, e.g. "3, 6"; empty uses the organisation's default.</summary>
        public string? RemeasurementMonths { get; set; }

        public string? ChangeNote { get; set; }
    }

    public sealed class StepInput
    {
        public string? State { get; set; }

        public DateOnly? Date { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }

        public DateOnly? PlannedDate { get; set; }
    }

    public sealed class CloseInput
    {
        public string? Reason { get; set; }

        public DateOnly? ClosedOn { get; set; }

        public string? Note { get; set; }

        public Guid? FinalMeasurementId { get; set; }
    }

    /// <summary>An intervention that can be ticked on the plan form.</summary>
    public sealed record Offered(string Id, string Name, InterventionSource Source, string? Reason, bool Checked);

    public sealed record Option(string Value, string Label);

    /// <summary>Everything the plan form needs.</summary>
    public sealed record FormData(
        string PersonName,
        Guid? MatchRunId,
        IReadOnlyList<Offered> Offered,
        IReadOnlyList<Option> Catalogue,
        IReadOnlyList<Option> Professionals,
        IReadOnlyList<MatchRunSlice.StoredAdvice> Advice,
        string? ChoiceReason,
        bool ChoseWatchfulWaiting,
        int? PlanVersion);

    public sealed record TrajectoryView(
        TrajectoryRecord Record,
        Trajectory Trajectory,
        string Name,
        IReadOnlyList<TrajectoryState> Next);

    public sealed record FollowUpView(FollowUpTaskRecord Record, string InterventionName, string ResponsibleName);

    public sealed record PlanView(
        SupportPlanRecord Record,
        SupportPlan Plan,
        IReadOnlyList<PlanVersionChanges> History,
        IReadOnlyList<TrajectoryView> Trajectories,
        IReadOnlyList<FollowUpView> FollowUps,
        IReadOnlyDictionary<string, string> UserNames,
        IReadOnlyDictionary<string, string> InterventionNames);

    /// <summary>A "seemed different" signal from the daily contact moment that still needs follow-up (issue 8).</summary>
    public sealed record SignalView(Guid Id, DateOnly Date, IReadOnlyList<DifferenceSignal> Signals, string? Note);

    public sealed record View(string PersonName, PlanView? Current, IReadOnlyList<PlanView> Closed, IReadOnlyList<Option> Measurements, IReadOnlyList<SignalView> Signals);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, MatchRunSlice.Handler matchRuns, SupportListSettings settings)
    {
        private DateOnly Today => DutchDate.Today(time);

        private string Me => actor.UserId!.Value.ToString(); // only called for a visible person, so the actor is set

        /// <summary>The open plan and the closed ones, with trajectories and follow-ups; audit-logged.</summary>
        public async Task<View?> ViewAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { Name = p.FirstName + " " + p.LastName, p.Wijk }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var plans = await LoadPlansAsync(personId, person.Wijk, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, nameof(SupportPlanRecord), plans.Count == 0 ? [personId] : plans.Select(p => p.Record.Id), personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var measurements = await db.Measurements.AsNoTracking().Where(m => m.PersonId == personId)
                .OrderByDescending(m => m.AdministeredOn)
                .Select(m => new { m.Id, m.InstrumentId, m.AdministeredOn, m.Total }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var options = measurements.Select(m => new Option(m.Id.ToString(),
                $"{m.AdministeredOn.ToString("d-M-yyyy", CultureInfo.InvariantCulture)} · {m.InstrumentId}{(m.Total is { } t ? $" · score {t}" : "")}")).ToList();
            var signals = await db.DailyContactConfirmations.AsNoTracking()
                .Where(c => c.PersonId == personId && c.HasSignals && !c.FollowUpHandled)
                .OrderBy(c => c.LocalDate)
                .Select(c => new { c.Id, c.LocalDate, c.Signals, c.Note }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var signalViews = signals.Select(c => new SignalView(c.Id, c.LocalDate,
                c.Signals.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => Enum.TryParse<DifferenceSignal>(v, out var signal) ? signal : (DifferenceSignal?)null)
                    .OfType<DifferenceSignal>().ToList(), c.Note)).ToList();
            return new View(person.Name, plans.FirstOrDefault(p => !p.Plan.IsClosed), plans.Where(p => p.Plan.IsClosed).ToList(), options, signalViews);
        }

        /// <summary>The form for a new plan; the interventions chosen in <paramref name="runId"/> are marked.</summary>
        public async Task<FormData?> NewFormAsync(Guid personId, Guid? runId, CancellationToken cancellationToken)
        {
            var name = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (name is null)
            {
                return null;
            }

            MatchRunSlice.ShownRun? run = null;
            if (runId is { } id)
            {
                run = await matchRuns.FindAsync(personId, id, cancellationToken).ConfigureAwait(false);
                if (run is null)
                {
                    return null;
                }
            }

            var sources = await matchRuns.SourcesAsync(cancellationToken).ConfigureAwait(false);
            var chosen = run?.Choice?.Interventions ?? [];
            var offered = (run?.Match.Suggestions ?? [])
                .Select(s => new Offered(s.Id, s.Name, InterventionSource.Suggested, null, chosen.Contains(s.Id)))
                .ToList();
            var professionals = await ProfessionalsAsync(cancellationToken).ConfigureAwait(false);
            return new FormData(name, run?.Run.Id, offered, CatalogueOptions(sources.Catalogue), professionals,
                run?.Match.Advice ?? [], run?.Run.ChoiceReason, run?.Choice?.WatchfulWaiting ?? false, null);
        }

        /// <summary>The form to revise the open plan; null when there is none.</summary>
        public async Task<FormData?> EditFormAsync(Guid personId, CancellationToken cancellationToken)
        {
            var name = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            var record = name is null ? null : await OpenPlanAsync(personId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return null;
            }

            var plan = await RestoreAsync(record, null, cancellationToken).ConfigureAwait(false);
            var sources = await matchRuns.SourcesAsync(cancellationToken).ConfigureAwait(false);
            var offered = plan.Current.Interventions
                .Select(i => new Offered(i.InterventionId, NameOf(sources.Catalogue, i.InterventionId), i.Source, i.Reason, true)).ToList();
            if (record.MatchRunId is { } runId && await matchRuns.FindAsync(personId, runId, cancellationToken).ConfigureAwait(false) is { } run)
            {
                offered.AddRange(run.Match.Suggestions.Where(s => offered.All(o => o.Id != s.Id))
                    .Select(s => new Offered(s.Id, s.Name, InterventionSource.Suggested, null, false)));
            }

            var professionals = await ProfessionalsAsync(cancellationToken).ConfigureAwait(false);
            return new FormData(name!, record.MatchRunId, offered, CatalogueOptions(sources.Catalogue), professionals, [], null, false, record.CurrentVersion);
        }

        /// <summary>The current plan content as form values, for the revise form.</summary>
        public async Task<PlanInput?> CurrentInputAsync(Guid personId, CancellationToken cancellationToken)
        {
            var record = await OpenPlanAsync(personId, cancellationToken).ConfigureAwait(false);
            if (record is null || await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            var content = (await RestoreAsync(record, null, cancellationToken).ConfigureAwait(false)).Current;
            return new PlanInput
            {
                Goals = [.. content.Goals],
                Interventions = content.Interventions.Select(i => i.InterventionId).ToList(),
                WatchfulWaiting = content.IsWatchfulWaiting,
                ReviewDate = content.ReviewDate,
                AgreedOn = content.AgreedOn,
                AgreedBy = content.AgreedBy,
                ResponsibleProfessionalId = Guid.TryParse(content.ResponsibleProfessional, out var p) ? p : null,
                RemeasurementMonths = content.RemeasurementMonths is { } months ? string.Join(", ", months) : null,
            };
        }

        /// <summary>Agrees a new plan (version 1) and proposes a trajectory for every chosen intervention.</summary>
        public async Task<Outcome> CreateAsync(Guid personId, Guid? runId, PlanInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId, p.Wijk }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            if (await OpenPlanAsync(personId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return new Outcome.Invalid([new FieldProblem("", "Deze cliënt heeft al een lopend plan. Pas dat plan aan, of sluit het eerst af.")]);
            }

            MatchRunSlice.ShownRun? run = null;
            if (runId is { } id && (run = await matchRuns.FindAsync(personId, id, cancellationToken).ConfigureAwait(false)) is null)
            {
                return new Outcome.NotFound();
            }

            var problems = new List<FieldProblem>();
            var content = await ToContentAsync(input, run, previous: null, problems, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                return new Outcome.Invalid(problems);
            }

            var planId = Guid.NewGuid();
            var created = SupportPlan.Create(planId.ToString(), personId.ToString(), person.Wijk, content, Me, Today);
            if (created is SupportOutcome<SupportPlan>.Refused refused)
            {
                return new Outcome.Invalid(ToProblems(refused.Errors));
            }

            var plan = ((SupportOutcome<SupportPlan>.Accepted)created).Value;
            var now = time.GetUtcNow().UtcDateTime;
            var record = new SupportPlanRecord
            {
                Id = planId,
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                MatchRunId = run?.Run.Id,
                ResponsibleProfessionalId = input.ResponsibleProfessionalId!.Value,
                CurrentVersion = 1,
                ReviewDate = content.ReviewDate,
                StartDate = plan.StartDate,
                CreatedAtUtc = now,
            };
            db.SupportPlans.Add(record);
            AddVersion(record, plan.CurrentVersion, now);
            var proposed = ProposeNew(record, content, [], problems);
            if (proposed is null)
            {
                return new Outcome.Invalid(problems);
            }

            audit.Add(AuditActions.Create, nameof(SupportPlanRecord), planId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Saved();
        }

        /// <summary>Adds a version to the open plan, refused when someone else changed it since <paramref name="expectedVersion"/>.</summary>
        public async Task<Outcome> ReviseAsync(Guid personId, int expectedVersion, PlanInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var wijk = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Wijk })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var record = wijk is null ? null : await OpenPlanAsync(personId, cancellationToken, tracked: true).ConfigureAwait(false);
            if (record is null)
            {
                return new Outcome.NotFound();
            }

            if (record.CurrentVersion != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var plan = await RestoreAsync(record, wijk!.Wijk, cancellationToken).ConfigureAwait(false);
            MatchRunSlice.ShownRun? run = record.MatchRunId is { } runId ? await matchRuns.FindAsync(personId, runId, cancellationToken).ConfigureAwait(false) : null;
            var problems = new List<FieldProblem>();
            var content = await ToContentAsync(input, run, plan.Current, problems, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                return new Outcome.Invalid(problems);
            }

            var note = string.IsNullOrWhiteSpace(input.ChangeNote) ? null : input.ChangeNote.Trim();
            switch (plan.Revise(expectedVersion, content, Me, note, Today))
            {
                case SupportOutcome<SupportPlan>.Refused refused when refused.Errors.Any(e => e.Code == "plan.concurrent_change"):
                    return new Outcome.Conflict();
                case SupportOutcome<SupportPlan>.Refused refused:
                    return new Outcome.Invalid(ToProblems(refused.Errors));
                case SupportOutcome<SupportPlan>.Accepted accepted:
                    var now = time.GetUtcNow().UtcDateTime;
                    record.CurrentVersion = accepted.Value.CurrentVersion.Number;
                    record.ReviewDate = content.ReviewDate;
                    record.ResponsibleProfessionalId = input.ResponsibleProfessionalId!.Value;
                    AddVersion(record, accepted.Value.CurrentVersion, now);
                    var existing = await db.Trajectories.AsNoTracking().Where(t => t.PlanId == record.Id)
                        .ToListAsync(cancellationToken).ConfigureAwait(false);
                    if (ProposeNew(record, content, existing, problems) is null)
                    {
                        return new Outcome.Invalid(problems);
                    }

                    audit.Add(AuditActions.Update, nameof(SupportPlanRecord), record.Id, personId);
                    return await SaveAsync(cancellationToken).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException("Unknown outcome.");
            }
        }

        /// <summary>Records one step of a trajectory; an exit step adds a follow-up task for the responsible professional.</summary>
        public async Task<Outcome> StepAsync(Guid personId, Guid trajectoryId, int expectedVersion, StepInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.Trajectories.Where(t => t.Id == trajectoryId && t.PersonId == personId)
                .Where(t => db.People.Any(p => p.Id == t.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var plan = record is null ? null : await db.SupportPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == record.PlanId, cancellationToken).ConfigureAwait(false);
            if (record is null || plan is null)
            {
                return new Outcome.NotFound();
            }

            if (record.Version != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            if (plan.ClosedOn is not null)
            {
                return new Outcome.Invalid([new FieldProblem("", "Het plan is afgesloten. Stappen kunnen niet meer worden vastgelegd.")]);
            }

            var problems = new List<FieldProblem>();
            TrajectoryState? state = null;
            if (string.IsNullOrEmpty(input.State) || !Enum.GetValues<TrajectoryState>().Any(s => s.Code() == input.State))
            {
                problems.Add(new FieldProblem("State", "Kies wat er is gebeurd."));
            }
            else
            {
                state = SupportStore.StateFromCode(input.State);
            }

            if (input.Date is null)
            {
                problems.Add(new FieldProblem("Date", "Vul de datum in waarop het gebeurde."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var trajectory = SupportStore.ToDomain(record);
            var step = new TrajectoryEvent
            {
                State = state!.Value,
                Date = input.Date!.Value,
                RecordedBy = Me,
                Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                PlannedDate = input.PlannedDate,
            };
            switch (trajectory.Apply(step, plan.ResponsibleProfessionalId.ToString(), Today, settings.Trajectories))
            {
                case SupportOutcome<TrajectoryStep>.Refused refused:
                    return new Outcome.Invalid(refused.Errors.Select(e => new FieldProblem(StepField(e.Code), e.Message)).ToList());
                case SupportOutcome<TrajectoryStep>.Accepted accepted:
                    record.EventsJson = SupportStore.Write(accepted.Value.Trajectory.Events);
                    record.State = accepted.Value.Trajectory.State.Code();
                    record.Version++;
                    audit.Add(AuditActions.TrajectoryStep, nameof(TrajectoryRecord), record.Id, personId);
                    if (accepted.Value.FollowUp is { } task)
                    {
                        db.FollowUpTasks.Add(new FollowUpTaskRecord
                        {
                            Id = record.Id,
                            PlanId = record.PlanId,
                            PersonId = personId,
                            OrganisationId = record.OrganisationId,
                            InterventionId = record.InterventionId,
                            ResponsibleProfessionalId = plan.ResponsibleProfessionalId,
                            Cause = task.Cause.Code(),
                            Reason = task.Reason,
                            CreatedOn = task.CreatedOn,
                            DueOn = task.DueOn,
                            Version = 1,
                        });
                        audit.Add(AuditActions.Create, nameof(FollowUpTaskRecord), record.Id, personId);
                    }

                    return await SaveAsync(cancellationToken).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException("Unknown outcome.");
            }
        }

        /// <summary>Marks a follow-up task done with a short note of what was agreed.</summary>
        public async Task<Outcome> FollowUpDoneAsync(Guid personId, Guid taskId, int expectedVersion, DateOnly? doneOn, string? note, CancellationToken cancellationToken)
        {
            var record = await db.FollowUpTasks.Where(f => f.Id == taskId && f.PersonId == personId)
                .Where(f => db.People.Any(p => p.Id == f.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return new Outcome.NotFound();
            }

            if (record.Version != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var problems = new List<FieldProblem>();
            if (doneOn is null)
            {
                problems.Add(new FieldProblem("DoneOn", "Vul de datum in waarop u contact had."));
            }

            if (string.IsNullOrWhiteSpace(note))
            {
                problems.Add(new FieldProblem("DoneNote", "Schrijf kort op wat u hebt besproken of afgesproken."));
            }
            else if (note.Length > MatchRunSlice.MaxReasonLength)
            {
                problems.Add(new FieldProblem("DoneNote", $"Gebruik maximaal {MatchRunSlice.MaxReasonLength} tekens."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            switch (SupportStore.ToDomain(record).MarkDone(doneOn!.Value, Today))
            {
                case SupportOutcome<FollowUpTask>.Refused refused:
                    return new Outcome.Invalid(refused.Errors.Select(e => new FieldProblem("DoneOn", e.Message)).ToList());
                default:
                    record.DoneOn = doneOn;
                    record.DoneById = actor.UserId;
                    record.DoneNote = note!.Trim();
                    record.Version++;
                    audit.Add(AuditActions.FollowUpDone, nameof(FollowUpTaskRecord), record.Id, personId);
                    return await SaveAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Marks a daily contact "seemed different" signal of this person as followed up (issue 8 → the plan's follow-up).</summary>
        public async Task<Outcome> SignalHandledAsync(Guid personId, Guid confirmationId, CancellationToken cancellationToken)
        {
            var row = await db.DailyContactConfirmations
                .Where(c => c.Id == confirmationId && c.PersonId == personId && c.HasSignals)
                .Where(c => db.People.Any(p => p.Id == c.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new Outcome.NotFound();
            }

            if (row.FollowUpHandled)
            {
                return new Outcome.Conflict();
            }

            row.FollowUpHandled = true;
            row.FollowUpHandledById = actor.UserId;
            row.FollowUpHandledAtUtc = time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.DailyContactFollowUpHandled, nameof(DailyContactConfirmation), row.Id, personId);
            return await SaveAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Closes the open plan with a reason and, where possible, the final measurement.</summary>
        public async Task<Outcome> CloseAsync(Guid personId, int expectedVersion, CloseInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false)
                ? await OpenPlanAsync(personId, cancellationToken, tracked: true).ConfigureAwait(false)
                : null;
            if (record is null)
            {
                return new Outcome.NotFound();
            }

            if (record.CurrentVersion != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var problems = new List<FieldProblem>();
            if (input.ClosedOn is null)
            {
                problems.Add(new FieldProblem("ClosedOn", "Vul de datum van afsluiten in."));
            }

            if (input.FinalMeasurementId is { } m && !await db.Measurements.AnyAsync(x => x.Id == m && x.PersonId == personId, cancellationToken).ConfigureAwait(false))
            {
                problems.Add(new FieldProblem("FinalMeasurementId", "Kies een meting van deze cliënt."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var plan = await RestoreAsync(record, null, cancellationToken).ConfigureAwait(false);
            var closure = new PlanClosure(input.Reason ?? "", input.ClosedOn!.Value, Me,
                string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), input.FinalMeasurementId?.ToString());
            switch (plan.Close(expectedVersion, closure, Today))
            {
                case SupportOutcome<SupportPlan>.Refused refused:
                    return new Outcome.Invalid(refused.Errors.Select(e => new FieldProblem(CloseField(e.Code), e.Message)).ToList());
                default:
                    record.ClosureJson = SupportStore.Write(closure);
                    record.ClosedOn = closure.ClosedOn;
                    record.CurrentVersion++; // a closed plan is a change: stale forms must not edit it
                    audit.Add(AuditActions.PlanClose, nameof(SupportPlanRecord), record.Id, personId);
                    return await SaveAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<Outcome> SaveAsync(CancellationToken cancellationToken)
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

        private Task<SupportPlanRecord?> OpenPlanAsync(Guid personId, CancellationToken cancellationToken, bool tracked = false)
        {
            var plans = tracked ? db.SupportPlans : db.SupportPlans.AsNoTracking();
            return plans.Where(p => p.PersonId == personId && p.ClosedOn == null)
                .OrderByDescending(p => p.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        }

        private async Task<SupportPlan> RestoreAsync(SupportPlanRecord record, string? wijk, CancellationToken cancellationToken)
        {
            var versions = await db.SupportPlanVersions.AsNoTracking().Where(v => v.PlanId == record.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return SupportStore.ToDomain(record, versions, wijk);
        }

        private async Task<List<PlanView>> LoadPlansAsync(Guid personId, string? wijk, CancellationToken cancellationToken)
        {
            var records = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == personId)
                .OrderByDescending(p => p.CreatedAtUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (records.Count == 0)
            {
                return [];
            }

            var versions = await db.SupportPlanVersions.AsNoTracking().Where(v => v.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var trajectories = await db.Trajectories.AsNoTracking().Where(t => t.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = versions.Select(v => v.RecordedById).Concat(records.Select(r => r.ResponsibleProfessionalId)).ToHashSet();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            var sources = await matchRuns.SourcesAsync(cancellationToken).ConfigureAwait(false);
            var interventionNames = trajectories.Select(t => t.InterventionId)
                .Concat(versions.SelectMany(v => SupportStore.Read<SupportPlanContent>(v.ContentJson).Interventions.Select(i => i.InterventionId)))
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => NameOf(sources.Catalogue, id), StringComparer.Ordinal);

            return records.Select(record =>
            {
                var plan = SupportStore.ToDomain(record, versions, wijk);
                var views = trajectories.Where(t => t.PlanId == record.Id).OrderBy(t => t.InterventionId, StringComparer.Ordinal)
                    .Select(t =>
                    {
                        var trajectory = SupportStore.ToDomain(t);
                        return new TrajectoryView(t, trajectory, interventionNames[t.InterventionId], Trajectory.AllowedAfter(trajectory.State));
                    }).ToList();
                var followUps = tasks.Where(t => t.PlanId == record.Id).OrderBy(t => t.DoneOn is not null).ThenBy(t => t.DueOn)
                    .Select(t => new FollowUpView(t, interventionNames.GetValueOrDefault(t.InterventionId, t.InterventionId),
                        names.GetValueOrDefault(t.ResponsibleProfessionalId.ToString(), "onbekend"))).ToList();
                return new PlanView(record, plan, PlanHistory.Of(plan), views, followUps, names, interventionNames);
            }).ToList();
        }

        private void AddVersion(SupportPlanRecord record, SupportPlanVersion version, DateTime now) =>
            db.SupportPlanVersions.Add(new SupportPlanVersionRecord
            {
                Id = Guid.NewGuid(),
                PlanId = record.Id,
                PersonId = record.PersonId,
                OrganisationId = record.OrganisationId,
                Number = version.Number,
                ContentJson = SupportStore.Write(version.Content),
                RecordedOn = version.RecordedOn,
                RecordedById = actor.UserId!.Value,
                ChangeNote = version.ChangeNote,
                RecordedAtUtc = now,
            });

        /// <summary>Proposes a trajectory for each planned intervention that has no open one yet.</summary>
        private List<TrajectoryRecord>? ProposeNew(SupportPlanRecord record, SupportPlanContent content, IReadOnlyList<TrajectoryRecord> existing, List<FieldProblem> problems)
        {
            var added = new List<TrajectoryRecord>();
            foreach (var planned in content.Interventions)
            {
                if (existing.Any(t => t.InterventionId == planned.InterventionId && !Trajectory.IsExit(SupportStore.StateFromCode(t.State)) && t.State != TrajectoryState.Completed.Code()))
                {
                    continue;
                }

                var id = Guid.NewGuid();
                switch (Trajectory.Propose(id.ToString(), record.Id.ToString(), record.PersonId.ToString(), planned.InterventionId, content.AgreedOn, Me, Today))
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
        private async Task<SupportPlanContent?> ToContentAsync(PlanInput input, MatchRunSlice.ShownRun? run, SupportPlanContent? previous, List<FieldProblem> problems, CancellationToken cancellationToken)
        {
            var sources = await matchRuns.SourcesAsync(cancellationToken).ConfigureAwait(false);
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
                if (sources.Catalogue.Find(input.AddInterventionId) is null)
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

            var professionals = await ProfessionalsAsync(cancellationToken).ConfigureAwait(false);
            if (input.ResponsibleProfessionalId is not { } responsible || professionals.All(p => p.Value != responsible.ToString()))
            {
                problems.Add(new FieldProblem("ResponsibleProfessionalId", "Kies wie verantwoordelijk is voor het plan."));
            }

            if (input.AgreedBy?.Length > 200 || input.Goals.Any(g => g?.Length > MatchRunSlice.MaxReasonLength) || input.AddReason?.Length > MatchRunSlice.MaxReasonLength)
            {
                problems.Add(new FieldProblem("", $"Een tekstveld is te lang. Gebruik maximaal {MatchRunSlice.MaxReasonLength} tekens (200 bij ‘afgesproken met’)."));
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

        private async Task<IReadOnlyList<Option>> ProfessionalsAsync(CancellationToken cancellationToken)
        {
            var organisation = actor.OrganisationId;
            var users = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == organisation && (m.Role == Role.Professional || m.Role == Role.Coordinator))
                .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync(cancellationToken).ConfigureAwait(false);
            return users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => new Option(u.UserId.ToString(), u.DisplayName)).ToList();
        }

        private static List<Option> CatalogueOptions(InterventionCatalogue catalogue) =>
            catalogue.Interventions.OrderBy(i => i.Name, StringComparer.CurrentCulture).Select(i => new Option(i.Id, i.Name)).ToList();

        private static string NameOf(InterventionCatalogue catalogue, string id) => catalogue.Find(id)?.Name ?? id;

        private static List<FieldProblem> ToProblems(IEnumerable<Error> errors) =>
            errors.Select(e => new FieldProblem(PlanField(e.Code), e.Message)).ToList();

        private static string PlanField(string code) => code switch
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

        private static string StepField(string code) => code switch
        {
            "trajectory.reason_required" or "trajectory.reason_unknown" or "trajectory.reason_not_expected" => "Reason",
            "trajectory.note_required" => "Note",
            "trajectory.planned_in_past" => "PlannedDate",
            "trajectory.transition_not_allowed" or "trajectory.same_state" or "trajectory.ended"
                or "trajectory.completed_before_started" or "trajectory.dropout_before_started" => "State",
            _ => "Date",
        };

        private static string CloseField(string code) => code switch
        {
            "plan.close_reason_unknown" => "Reason",
            "plan.close_note_required" => "Note",
            "plan.closed_in_future" or "plan.closed_before_agreed" => "ClosedOn",
            _ => "",
        };
    }
}

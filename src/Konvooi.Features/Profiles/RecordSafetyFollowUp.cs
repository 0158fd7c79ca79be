using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Profiles.Assessments;

namespace Konvooi.Features.Profiles;

/// <summary>
/// Records the follow-up of a safety advice of the latest profile (<c>safety_first</c>, <c>mood_referral</c>): who was
/// involved, when, and what was agreed. Until there is one, the plan cannot be closed (issue #16).
/// </summary>
public static class RecordSafetyFollowUp
{
    public sealed class FollowUpInput
    {
        public string? AdviceCode { get; set; }

        public string? Who { get; set; }

        public DateOnly? On { get; set; }

        public string? Agreed { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The safety advice of the person's latest profile with the follow-ups that count; empty when none or not visible.</summary>
        public async Task<IReadOnlyList<SafetyItem>> ItemsAsync(Guid personId, CancellationToken cancellationToken) =>
            await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false)
                ? await db.SafetyItemsAsync(personId, cancellationToken).ConfigureAwait(false)
                : [];

        public async Task<Outcome> HandleAsync(Guid personId, FollowUpInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            var items = await db.SafetyItemsAsync(personId, cancellationToken).ConfigureAwait(false);
            var item = items.FirstOrDefault(i => i.Code == input.AdviceCode);
            var today = DutchDate.Today(time);
            var problems = new List<FieldProblem>();
            if (item is null)
            {
                // The profile changed since the form was shown (or a forged code): nothing to follow up.
                return new Outcome.Conflict();
            }

            if (string.IsNullOrWhiteSpace(input.Who))
            {
                problems.Add(new FieldProblem("Who", "Schrijf op met wie u het hebt besproken, bijvoorbeeld ‘huisarts’."));
            }
            else if (input.Who.Trim().Length > MaxWhoLength)
            {
                problems.Add(new FieldProblem("Who", $"Gebruik maximaal {MaxWhoLength} tekens."));
            }

            if (input.On is not { } on)
            {
                problems.Add(new FieldProblem("On", "Vul de datum in."));
            }
            else if (on > today)
            {
                problems.Add(new FieldProblem("On", "De datum mag niet in de toekomst liggen."));
            }

            if (string.IsNullOrWhiteSpace(input.Agreed))
            {
                problems.Add(new FieldProblem("Agreed", "Schrijf kort op wat er is afgesproken."));
            }
            else if (input.Agreed.Trim().Length > MaxTextLength)
            {
                problems.Add(new FieldProblem("Agreed", $"Gebruik maximaal {MaxTextLength} tekens."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var record = new SafetyFollowUpRecord
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                ProfileSnapshotId = item.ProfileSnapshotId,
                AdviceCode = item.Code,
                Who = input.Who!.Trim(),
                FollowedUpOn = input.On!.Value,
                Agreed = input.Agreed!.Trim(),
                RecordedById = actor.UserId!.Value, // a visible person implies a set actor
                RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.SafetyFollowUps.Add(record);
            audit.Add(AuditActions.Create, nameof(SafetyFollowUpRecord), record.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Saved();
        }
    }
}

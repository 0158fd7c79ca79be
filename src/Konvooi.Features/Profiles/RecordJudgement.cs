using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Profiles;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Profiles.Assessments;

namespace Konvooi.Features.Profiles;

/// <summary>
/// Records the professional's own judgement of type and severity, with a reason (issue #16, VT-2: a score is "geen
/// diagnose"). It overrides the derived values the next time the profile is drawn up and is kept with that snapshot.
/// Leaving type and severity empty confirms what the measurement says (e.g. "not lonely" from an uncertain score).
/// </summary>
public static class RecordJudgement
{
    public sealed class JudgementInput
    {
        public string? Type { get; set; }

        public string? Severity { get; set; }

        public string? Reason { get; set; }
    }

    /// <summary>The person's current judgement, for the form.</summary>
    public sealed record Current(string? Type, string? Severity, string Reason, DateOnly JudgedOn, string? JudgedBy, int Version);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The current judgement of a visible person, or null (also when there is none).</summary>
        public async Task<Current?> CurrentAsync(Guid personId, CancellationToken cancellationToken) =>
            await db.ProfessionalJudgements.AsNoTracking().Where(j => j.PersonId == personId && db.People.Any(p => p.Id == j.PersonId))
                .Select(j => new Current(j.Type, j.Severity, j.Reason, j.JudgedOn, db.Users.Where(u => u.Id == j.JudgedById).Select(u => u.DisplayName).FirstOrDefault(), j.Version))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        /// <summary>Records or changes the judgement; <paramref name="expectedVersion"/> is 0 when the form showed none.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, int expectedVersion, JudgementInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            var record = await db.ProfessionalJudgements.SingleOrDefaultAsync(j => j.PersonId == personId, cancellationToken).ConfigureAwait(false);
            if ((record?.Version ?? 0) != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var type = Blank(input.Type);
            var severity = Blank(input.Severity);
            // The domain's rules (issue #16): both empty confirms what the measurement says.
            var problems = ProfessionalJudgement.Validate(type, severity, input.Reason)
                .Select(p => new FieldProblem(p.Field, p.Message)).ToList();
            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            if (record is null)
            {
                record = new ProfessionalJudgementRecord { Id = Guid.NewGuid(), PersonId = personId, OrganisationId = person.OrganisationId, Reason = "", Version = 0 };
                db.ProfessionalJudgements.Add(record);
            }

            record.Type = type;
            record.Severity = severity;
            record.Reason = input.Reason!.Trim();
            record.JudgedOn = DutchDate.Today(time);
            record.JudgedById = actor.UserId!.Value; // a visible person implies a set actor
            record.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            record.Version = expectedVersion + 1;
            audit.Add(expectedVersion == 0 ? AuditActions.Create : AuditActions.Update, nameof(ProfessionalJudgementRecord), record.Id, personId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // A concurrent change (row version) or a concurrent first judgement (unique person).
                return new Outcome.Conflict();
            }

            return new Outcome.Saved();
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

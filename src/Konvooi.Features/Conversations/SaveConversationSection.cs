using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Conversations;

/// <summary>
/// Saves one section of the good conversation (ES-5): a half-filled section is saved; only malformed values are
/// refused. Every save is kept as a revision, and a concurrent save by a colleague is detected instead of overwritten.
/// </summary>
public static class SaveConversationSection
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict(string? OtherUser) : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <param name="personId">The person.</param>
        /// <param name="sectionCode">The section saved.</param>
        /// <param name="answers">Question code → values as posted (empty values mean "not answered").</param>
        /// <param name="loadedVersion">The version the form showed; another stored version means a colleague saved in between.</param>
        /// <param name="cancellationToken">Cancellation.</param>
        public async Task<Outcome> HandleAsync(Guid personId, string sectionCode, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, int loadedVersion, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(answers);
            var section = ConversationGuide.Find(sectionCode);
            var person = section is null ? null : await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (section is null || person is null)
            {
                return new Outcome.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var problems = SectionValidator.Validate(section, answers, DutchDate.Today(time));
            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var cleaned = answers
                .Select(a => KeyValuePair.Create(a.Key, (IReadOnlyList<string>)a.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList()))
                .Where(a => a.Value.Count > 0)
                .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            var json = JsonSerializer.Serialize(cleaned);
            var row = await db.ConversationSections.SingleOrDefaultAsync(c => c.PersonId == personId && c.SectionCode == sectionCode, cancellationToken).ConfigureAwait(false);
            if ((row?.Version ?? 0) != loadedVersion)
            {
                return new Outcome.Conflict(row is null ? null : await db.UserNameAsync(row.UpdatedById, cancellationToken).ConfigureAwait(false));
            }

            if (row is null)
            {
                row = new ConversationSection { Id = Guid.NewGuid(), PersonId = personId, OrganisationId = person.OrganisationId, SectionCode = sectionCode, AnswersJson = json, Version = 1 };
                db.ConversationSections.Add(row);
            }
            else
            {
                db.Entry(row).Property(r => r.Version).OriginalValue = loadedVersion;
                row.Version = loadedVersion + 1;
                row.AnswersJson = json;
            }

            row.UpdatedById = actor.UserId!.Value; // a visible person implies a set actor
            row.UpdatedAtUtc = now;
            db.ConversationRevisions.Add(new ConversationRevision
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                SectionCode = sectionCode,
                AnswersJson = json,
                Version = row.Version,
                SavedById = row.UpdatedById,
                SavedAtUtc = now,
            });
            audit.Add(AuditActions.Update, "Conversation", row.Id, personId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // A colleague saved the same section at the same moment (version or unique index).
                return new Outcome.Conflict(null);
            }

            return new Outcome.Saved();
        }
    }
}

using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Conversations;

/// <summary>
/// The good conversation, section by section (ES-5): read the answers so far, save one section
/// (a half-filled section is saved; only malformed values are refused), every save kept as a revision,
/// and a concurrent save by a colleague detected instead of overwritten.
/// </summary>
public static class ConversationSlice
{
    public sealed record SectionState(GuideSection Section, IReadOnlyDictionary<string, IReadOnlyList<string>> Answers, int Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

    public sealed record Overview(string PersonName, ConversationAnswers Answers, IReadOnlyList<SectionProgress> Progress, string? ResumeAt);

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
        public async Task<Overview?> OverviewAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var answers = await AllAnswersAsync(personId, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, "Conversation", personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Overview(person, answers, ConversationProgress.Of(answers), ConversationProgress.ResumeAt(answers));
        }

        /// <summary>Every answer of every section, for the profile builder.</summary>
        public async Task<ConversationAnswers> AllAnswersAsync(Guid personId, CancellationToken cancellationToken)
        {
            var rows = await db.ConversationSections.AsNoTracking().Where(c => c.PersonId == personId)
                .Select(c => c.AnswersJson).ToListAsync(cancellationToken).ConfigureAwait(false);
            var all = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var json in rows)
            {
                foreach (var (code, values) in Parse(json))
                {
                    all[code] = values;
                }
            }

            return new ConversationAnswers(all);
        }

        public async Task<SectionState?> SectionAsync(Guid personId, string sectionCode, CancellationToken cancellationToken)
        {
            var section = ConversationGuide.Find(sectionCode);
            if (section is null || !await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var row = await db.ConversationSections.AsNoTracking()
                .SingleOrDefaultAsync(c => c.PersonId == personId && c.SectionCode == sectionCode, cancellationToken).ConfigureAwait(false);
            var by = row is null ? null : await UserNameAsync(row.UpdatedById, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, "Conversation", row?.Id ?? personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new SectionState(section, row is null ? new Dictionary<string, IReadOnlyList<string>>() : Parse(row.AnswersJson), row?.Version ?? 0, by, row?.UpdatedAtUtc);
        }

        /// <param name="personId">The person.</param>
        /// <param name="sectionCode">The section saved.</param>
        /// <param name="answers">Question code → values as posted (empty values mean "not answered").</param>
        /// <param name="loadedVersion">The version the form showed; another stored version means a colleague saved in between.</param>
        /// <param name="cancellationToken">Cancellation.</param>
        public async Task<Outcome> SaveAsync(Guid personId, string sectionCode, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, int loadedVersion, CancellationToken cancellationToken)
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
                return new Outcome.Conflict(row is null ? null : await UserNameAsync(row.UpdatedById, cancellationToken).ConfigureAwait(false));
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

        private Task<string?> UserNameAsync(Guid userId, CancellationToken cancellationToken) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).SingleOrDefaultAsync(cancellationToken);

        private static Dictionary<string, IReadOnlyList<string>> Parse(string json) =>
            (JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? [])
                .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);
    }
}

using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Conversations;

/// <summary>One section of the good conversation with its stored answers and version; audit-logged.</summary>
public static class GetConversationSection
{
    public sealed record SectionState(GuideSection Section, IReadOnlyDictionary<string, IReadOnlyList<string>> Answers, int Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        public async Task<SectionState?> HandleAsync(Guid personId, string sectionCode, CancellationToken cancellationToken)
        {
            var section = ConversationGuide.Find(sectionCode);
            if (section is null || !await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var row = await db.ConversationSections.AsNoTracking()
                .SingleOrDefaultAsync(c => c.PersonId == personId && c.SectionCode == sectionCode, cancellationToken).ConfigureAwait(false);
            var by = row is null ? null : await db.UserNameAsync(row.UpdatedById, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, "Conversation", row?.Id ?? personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new SectionState(section, row is null ? new Dictionary<string, IReadOnlyList<string>>() : ConversationStore.Parse(row.AnswersJson), row?.Version ?? 0, by, row?.UpdatedAtUtc);
        }
    }
}
